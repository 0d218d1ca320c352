"""Who can read a practice group's writing: every change recorded and told, staff unable to
widen their own access, and each member shown exactly who reads what they write."""

from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape

from wagtail.users.models import UserProfile

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from home.models import Notification
from practice_analysis.access import without_emails
from practice_analysis.factories import PracticeGroupFactory
from practice_analysis.models import PracticeGroup, PracticeGroupPage
from practice_analysis.notifications import (
    GROUP_JOINED,
    GROUP_LEFT,
    GROUP_READER_ADDED,
    GROUP_READER_REMOVED,
)
from privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

GROUP_TYPE = "practice_analysis.practicegroup"


def person(*roles, first_name=None, language=None):
    user = UserFactory(roles=list(roles), **({"first_name": first_name} if first_name else {}))
    acknowledge(user, current_charter(), "fr")
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def name(user):
    return user.get_full_name()


def events(group, action=None):
    found = AuditEvent.objects.filter(object_type=GROUP_TYPE, object_id=str(group.pk))
    return found.filter(action=action) if action else found


def notes(user, kind=None):
    found = Notification.objects.filter(recipient=user)
    return found.filter(kind=kind) if kind else found


@pytest.fixture
def group(db):
    """A group with two members (one reading in English) and a supervisor."""
    alice = person("peer", first_name="Alice")
    bruno = person("peer", first_name="Bruno", language="en")
    david = person("supervisor", first_name="David")
    return PracticeGroupFactory(name="Groupe du mardi", members=[alice, bruno], supervisors=[david])


def people(group):
    alice, bruno = group.members.order_by("first_name")
    return alice, bruno, group.supervisors.get()


# Every change, from every side, is recorded and told ------------------------------------


def test_a_member_added_in_code_is_recorded_and_told_to_everyone_concerned(
    group, django_capture_on_commit_callbacks
):
    alice, bruno, david = people(group)
    mail.outbox.clear()
    newcomer = person("peer", first_name="Nina")
    with django_capture_on_commit_callbacks(execute=True):
        group.members.add(newcomer)

    event = events(group, AuditEvent.MEMBER_ADDED).get(subject=newcomer)
    assert event.actor is None  # a shell or a script: nobody logged in
    joined = notes(newcomer, GROUP_JOINED).get()
    assert joined.params == {"group": "Groupe du mardi", "capacity": "member"}
    assert joined.link == PracticeGroupPage.objects.get(group=group).url
    for other in (alice, bruno, david):
        told = notes(other, GROUP_READER_ADDED).get()
        assert told.params == {
            "group": "Groupe du mardi",
            "person": name(newcomer),
            "capacity": "member",
        }
        assert told.link
    # E-mails in each one's language, with names and the group, nothing of any text.
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[bruno.email] == "Who can read your group's writing changed"
    assert (
        subjects[alice.email]
        == "Les personnes qui peuvent lire les écrits de votre groupe ont changé"
    )
    assert newcomer.email in subjects
    english = next(m for m in mail.outbox if m.to == [bruno.email]).body
    assert f"{name(newcomer)} joined your group “Groupe du mardi”" in english


def test_changes_from_the_persons_side_are_recorded_the_same_way(
    group, django_capture_on_commit_callbacks
):
    alice, _bruno, _david = people(group)
    other_group = PracticeGroupFactory()
    newcomer = person("peer", "supervisor")
    with django_capture_on_commit_callbacks(execute=True):
        newcomer.practice_groups.add(group, other_group)
        newcomer.supervised_groups.add(group)
    assert events(group, AuditEvent.MEMBER_ADDED).filter(subject=newcomer).count() == 1
    assert events(other_group, AuditEvent.MEMBER_ADDED).filter(subject=newcomer).count() == 1
    assert events(group, AuditEvent.SUPERVISOR_ADDED).filter(subject=newcomer).count() == 1
    supervisor_note = notes(alice, GROUP_READER_ADDED).get(params__capacity="supervisor")
    assert supervisor_note.params["person"] == name(newcomer)

    with django_capture_on_commit_callbacks(execute=True):
        newcomer.practice_groups.clear()
    assert events(group, AuditEvent.MEMBER_REMOVED).filter(subject=newcomer).count() == 1
    assert events(other_group, AuditEvent.MEMBER_REMOVED).filter(subject=newcomer).count() == 1
    # Still a supervisor of the group: the access group keeps them, the page still opens.
    assert newcomer.groups.filter(pk=group.access_group_id).exists()
    assert not newcomer.groups.filter(pk=other_group.access_group_id).exists()
    left = notes(newcomer, GROUP_LEFT).get(params__group=group.name)
    assert left.link  # may still see the page, as a supervisor
    assert not notes(newcomer, GROUP_LEFT).get(params__group=other_group.name).link


def test_a_removal_is_recorded_and_told_and_the_page_link_goes_only_to_those_inside(
    group, django_capture_on_commit_callbacks
):
    alice, bruno, david = people(group)
    with django_capture_on_commit_callbacks(execute=True):
        group.supervisors.remove(david)
        group.members.remove(UserFactory())  # not a member: nothing happened, nothing said
    assert events(group, AuditEvent.SUPERVISOR_REMOVED).get().subject_id == david.pk
    assert events(group, AuditEvent.MEMBER_REMOVED).count() == 0
    left = notes(david, GROUP_LEFT).get()
    assert left.params == {"group": "Groupe du mardi", "capacity": "supervisor"} and not left.link
    for member in (alice, bruno):
        told = notes(member, GROUP_READER_REMOVED).get()
        assert told.params["person"] == name(david) and told.link


def test_clearing_a_group_records_each_person(group, django_capture_on_commit_callbacks):
    alice, bruno, david = people(group)
    with django_capture_on_commit_callbacks(execute=True):
        group.members.clear()
    removed = set(events(group, AuditEvent.MEMBER_REMOVED).values_list("subject", flat=True))
    assert removed == {alice.pk, bruno.pk}
    assert notes(david, GROUP_READER_REMOVED).count() == 2


def test_people_added_together_are_not_told_about_each_other(django_capture_on_commit_callbacks):
    alice, bruno = person("peer"), person("peer")
    with django_capture_on_commit_callbacks(execute=True):
        group = PracticeGroupFactory(members=[alice, bruno])
    assert not notes(alice, GROUP_READER_ADDED).exists()
    assert notes(alice, GROUP_JOINED).count() == 1
    assert events(group, AuditEvent.MEMBER_ADDED).count() == 2


def test_nothing_is_told_of_a_change_that_was_rolled_back(
    group, django_capture_on_commit_callbacks
):
    alice, _bruno, _david = people(group)
    newcomer = person("peer")
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                group.members.add(newcomer)
                raise RuntimeError
        except RuntimeError:
            pass
    assert not notes(newcomer).exists() and not notes(alice).exists()
    assert not events(group, AuditEvent.MEMBER_ADDED).filter(subject=newcomer).exists()


def test_seeding_demo_data_notifies_in_the_site_without_e_mail(
    group, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    newcomer = person("peer")
    with django_capture_on_commit_callbacks(execute=True), without_emails():
        group.members.add(newcomer)
    assert notes(newcomer, GROUP_JOINED).exists()
    assert events(group, AuditEvent.MEMBER_ADDED).filter(subject=newcomer).exists()
    assert mail.outbox == []


# The coordinators' screen --------------------------------------------------------------


def form_data(group, **changes):
    data = {
        "name": group.name,
        "kind": group.kind,
        "facilitator": "",
        "members": [str(pk) for pk in group.members.values_list("pk", flat=True)],
        "supervisors": [str(pk) for pk in group.supervisors.values_list("pk", flat=True)],
    }
    return data | changes


def edit(client, group, **changes):
    url = reverse("practice_groups:edit", args=[group.pk])
    return client.post(url, form_data(group, **changes))


def test_a_coordinator_adds_a_supervisor_the_change_names_her_and_is_told(
    client, group, django_capture_on_commit_callbacks
):
    alice, bruno, david = people(group)
    coordinator = person("coordinator")
    farid = person("supervisor", first_name="Farid")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, group, supervisors=[str(david.pk), str(farid.pk)])
    assert response.status_code == 302
    event = events(group, AuditEvent.SUPERVISOR_ADDED).get(subject=farid)
    assert event.actor_id == coordinator.pk
    assert event.ip_hash  # from where, as a keyed hash
    assert notes(farid, GROUP_JOINED).get().params["capacity"] == "supervisor"
    for member in (alice, bruno, david):
        assert notes(member, GROUP_READER_ADDED).get().params["person"] == name(farid)


def test_a_coordinator_cannot_add_herself_even_by_a_forged_post(client, group):
    # She holds the supervisor role too (given by someone else): still not by her own hand.
    coordinator = person("coordinator", "supervisor", "peer")
    client.force_login(coordinator)
    page = client.get(reverse("practice_groups:edit", args=[group.pk])).content.decode()
    assert "(vous ne pouvez pas vous ajouter)" in page
    for field in ("supervisors", "members"):
        current = form_data(group)[field]
        response = edit(
            client, group, name="Groupe du mardi soir", **{field: [*current, str(coordinator.pk)]}
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert escape("Vous ne pouvez pas vous ajouter à un groupe") in content
        assert 'value="Groupe du mardi soir"' in content  # what was typed is kept
    group.refresh_from_db()
    assert group.name == "Groupe du mardi"
    assert not group.supervisors.filter(pk=coordinator.pk).exists()
    assert not group.members.filter(pk=coordinator.pk).exists()
    assert not events(group).filter(subject=coordinator).exists()


def test_someone_without_the_supervisor_role_cannot_be_made_supervisor(client, group):
    client.force_login(person("coordinator"))
    peer = person("peer")
    response = edit(client, group, supervisors=[str(peer.pk)])
    assert response.status_code == 200
    assert escape("Seules les personnes qui ont le rôle") in response.content.decode()
    assert not group.supervisors.filter(pk=peer.pk).exists()
    assert not events(group, AuditEvent.SUPERVISOR_ADDED).filter(subject=peer).exists()


def test_a_superuser_may_add_herself_and_it_is_recorded(
    client, group, django_capture_on_commit_callbacks
):
    admin = UserFactory(roles=["peer"], is_superuser=True, is_staff=True)
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, group, members=[*form_data(group)["members"], str(admin.pk)])
    assert response.status_code == 302
    event = events(group, AuditEvent.MEMBER_ADDED).get(subject=admin)
    assert event.actor_id == admin.pk
    alice = group.members.get(first_name="Alice")
    assert notes(alice, GROUP_READER_ADDED).get().params["person"] == name(admin)


# Transparency: who can read what I write -----------------------------------------------


def test_the_entries_page_names_exactly_who_reads_what(client, group):
    alice, bruno, david = people(group)
    stranger = person("peer", first_name="Zoé")
    PracticeGroupFactory(members=[stranger], supervisors=[person("supervisor")])
    client.force_login(alice)
    page = client.get(reverse("entry_list")).content.decode()
    assert "Vos brouillons ne sont qu'à vous" in page
    supervisors_line = page.split("les superviseur·es du groupe le lisent :")[1].split("</li>")[0]
    assert name(david) in supervisors_line and name(bruno) not in supervisors_line
    members_line = page.split("ses membres le lisent :")[1].split("</li>")[0]
    assert name(bruno) in members_line and name(alice) not in members_line
    assert name(stranger) not in page
    assert "administration technique" in page


def test_the_group_page_names_its_readers_and_recent_changes(
    client, group, django_capture_on_commit_callbacks
):
    alice, bruno, david = people(group)
    coordinator = person("coordinator", first_name="Chloé")
    farid = person("supervisor", first_name="Farid")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        edit(client, group, supervisors=[str(david.pk), str(farid.pk)])
    client.force_login(alice)
    page = client.get(PracticeGroupPage.objects.get(group=group).url).content.decode()
    readers = page.split("par ses membres et ses superviseur·es, et par personne d'autre :")[1]
    readers = readers.split("</p>")[0]
    for reader in (alice, bruno, david, farid):
        assert name(reader) in readers
    assert name(coordinator) not in readers
    assert f"{name(farid)} est devenu·e superviseur·e du groupe." in page
    assert f"(par {name(coordinator)})" in page


def test_a_newcomer_sees_changes_only_from_when_they_joined(
    group, client, django_capture_on_commit_callbacks
):
    alice, bruno, _david = people(group)
    with django_capture_on_commit_callbacks(execute=True):
        group.members.remove(bruno)
        newcomer = person("peer", first_name="Nina")
        group.members.add(newcomer)
    client.force_login(newcomer)
    page = client.get(PracticeGroupPage.objects.get(group=group).url).content.decode()
    assert f"{name(newcomer)} a rejoint le groupe." in page
    assert name(bruno) not in page
    client.force_login(alice)
    page = client.get(PracticeGroupPage.objects.get(group=group).url).content.decode()
    assert f"{name(bruno)} a quitté le groupe." in page


def test_outsiders_still_get_a_404_for_the_group_page(client, group):
    outsider = person("peer")
    PracticeGroupFactory(members=[outsider])
    client.force_login(outsider)
    response = client.get(PracticeGroupPage.objects.get(group=group).url)
    assert response.status_code == 404
    assert "Groupe du mardi" not in response.content.decode()


def test_a_group_left_that_still_holds_entries_is_still_shown(client, group):
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import ReflectiveEntry

    alice, _bruno, david = people(group)
    ReflectiveEntryFactory(author=alice, group=group, state=ReflectiveEntry.SUBMITTED)
    group.members.remove(alice)
    client.force_login(alice)
    page = client.get(reverse("entry_list")).content.decode()
    assert "Groupe du mardi" in page and name(david) in page
    assert "Vous ne faites plus partie de ce groupe" in page
    assert PracticeGroup.objects.filter(members=alice).count() == 0


def test_a_coordinator_already_in_a_group_may_stay_or_leave_it(
    client, group, django_capture_on_commit_callbacks
):
    coordinator = person("coordinator", "peer")
    group.members.add(coordinator)  # by someone else
    client.force_login(coordinator)
    page = client.get(reverse("practice_groups:edit", args=[group.pk])).content.decode()
    assert "(vous ne pouvez pas vous ajouter)" not in page
    assert edit(client, group, name="Groupe du mardi soir").status_code == 302
    assert group.members.filter(pk=coordinator.pk).exists()
    others = [pk for pk in form_data(group)["members"] if pk != str(coordinator.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        assert edit(client, group, members=others).status_code == 302
    assert not group.members.filter(pk=coordinator.pk).exists()
    event = events(group, AuditEvent.MEMBER_REMOVED).get(subject=coordinator)
    assert event.actor_id == coordinator.pk
