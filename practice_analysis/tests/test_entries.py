"""Reflective entries: writing, the guard, states, and who may see what (deny-tests)."""

from django.urls import reverse
from django.utils.html import escape

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import EntryTransition, PracticeGroupPage, ReflectiveEntry
from practice_analysis.states import TransitionRefused, move

pytestmark = pytest.mark.django_db

E = ReflectiveEntry


def member(*roles):
    user = UserFactory(roles=list(roles) or ["peer"], first_name="Alice", last_name="Martin")
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def author():
    return member("peer")


@pytest.fixture
def supervisor():
    return member("supervisor")


@pytest.fixture
def group(author, supervisor):
    return PracticeGroupFactory(members=[author], supervisors=[supervisor])


@pytest.fixture
def entry(author, group):
    return ReflectiveEntryFactory(author=author, group=group)


def form_data(group, **changes):
    data = {
        "group": group.pk,
        "title": "Un appel difficile",
        "setting": "phone",
        "situation_month": "2026-03",
        "description": "Un adhérent m'a appelé un soir, très angoissé.",
        "feelings": "J'ai eu peur de mal faire.",
        "evaluation": "",
        "analysis": "",
        "conclusion": "",
        "action_plan": "",
        "question_for_supervisor": "",
    }
    return data | changes


def test_a_member_writes_a_draft_that_only_they_can_read(client, author, group):
    client.force_login(author)
    response = client.post(reverse("entry_create"), form_data(group))
    entry = ReflectiveEntry.objects.get(author=author)
    assert response["Location"] == reverse("entry_edit", kwargs={"pk": entry.pk})
    assert entry.state == E.DRAFT and entry.situation_month.day == 1


def test_the_day_of_the_situation_is_never_stored(client, author, group):
    client.force_login(author)
    client.post(reverse("entry_create"), form_data(group, situation_month="2026-03-14"))
    assert not ReflectiveEntry.objects.exists()


def test_an_entry_cannot_be_filed_in_another_members_group(client, author, group):
    other_group = PracticeGroupFactory()
    client.force_login(author)
    client.post(reverse("entry_create"), form_data(other_group))
    assert not ReflectiveEntry.objects.exists()


def test_autosave_keeps_the_text_and_answers_in_json(client, author, entry):
    client.force_login(author)
    url = reverse("entry_autosave", kwargs={"pk": entry.pk})
    response = client.post(url, form_data(entry.group, analysis="Je comprends mieux."))
    assert response.status_code == 200 and response.json()["saved"] is True
    entry.refresh_from_db()
    assert entry.analysis == "Je comprends mieux."


def test_the_guard_blocks_a_phone_number_until_it_is_rewritten(client, author, entry):
    client.force_login(author)
    url = reverse("entry_edit", kwargs={"pk": entry.pk})
    text = "Un adhérent m'a laissé son numéro, le 06 12 34 56 78, pour que je rappelle."
    response = client.post(
        url, form_data(entry.group, description=text, submit="1", self_check="on")
    )
    entry.refresh_from_db()
    assert response.status_code == 200 and entry.state == E.DRAFT
    assert entry.description == text  # nothing lost
    assert "06 12 34 56 78" in response.content.decode()

    fixed = "Un adhérent m'a laissé son numéro pour que je rappelle."
    response = client.post(
        url, form_data(entry.group, description=fixed, submit="1", self_check="on")
    )
    entry.refresh_from_db()
    assert entry.state == E.SUBMITTED
    assert EntryTransition.objects.filter(entry=entry, to_state=E.SUBMITTED, by=author).exists()


def test_a_finding_marked_not_identifying_lets_the_entry_go(client, author, entry):
    from home.anonymisation import find_identifying

    client.force_login(author)
    url = reverse("entry_edit", kwargs={"pk": entry.pk})
    text = "Un adhérent m'a parlé de Martin, son chien, qui le calme."
    data = form_data(entry.group, description=text, submit="1", self_check="on")
    client.post(url, data)
    entry.refresh_from_db()
    assert entry.state == E.DRAFT
    keys = [f.key for f in find_identifying(text, ["Alice Martin"])]
    client.post(url, data | {"accept": keys})
    entry.refresh_from_db()
    assert entry.state == E.SUBMITTED
    assert set(keys) <= set(entry.accepted_findings)


def test_sending_needs_the_self_check(client, author, entry):
    client.force_login(author)
    client.post(reverse("entry_edit", kwargs={"pk": entry.pk}), form_data(entry.group, submit="1"))
    entry.refresh_from_db()
    assert entry.state == E.DRAFT


def test_the_full_cycle_is_recorded(author, supervisor, entry):
    move(entry, E.SUBMITTED, author)
    move(entry, E.IN_REVIEW, supervisor)
    move(entry, E.CHANGES_REQUESTED, supervisor)
    move(entry, E.SUBMITTED, author)
    move(entry, E.IN_REVIEW, supervisor)
    move(entry, E.VALIDATED, supervisor)
    steps = list(entry.transitions.values_list("from_state", "to_state", "by"))
    assert steps[0] == (E.DRAFT, E.SUBMITTED, author.pk)
    assert steps[-1] == (E.IN_REVIEW, E.VALIDATED, supervisor.pk)
    assert entry.reviewer == supervisor


@pytest.mark.parametrize(
    ("state", "target", "who"),
    [
        (E.DRAFT, E.VALIDATED, "supervisor"),  # not from a draft
        (E.SUBMITTED, E.VALIDATED, "supervisor"),  # must be taken first
        (E.SUBMITTED, E.IN_REVIEW, "author"),  # authors do not review themselves
        (E.VALIDATED, E.WITHDRAWN, "author"),  # too late to withdraw
        (E.IN_REVIEW, E.VALIDATED, "outsider"),  # not a supervisor of the group
    ],
)
def test_a_transition_not_allowed_changes_nothing(author, supervisor, entry, state, target, who):
    E.objects.filter(pk=entry.pk).update(state=state)
    entry.refresh_from_db()
    person = {"author": author, "supervisor": supervisor, "outsider": member("supervisor")}[who]
    with pytest.raises(TransitionRefused):
        move(entry, target, person)
    entry.refresh_from_db()
    assert entry.state == state and not entry.transitions.exists()


def test_withdrawing_before_validation(client, author, supervisor, entry):
    move(entry, E.SUBMITTED, author)
    client.force_login(author)
    client.post(reverse("entry_withdraw", kwargs={"pk": entry.pk}))
    entry.refresh_from_db()
    assert entry.state == E.WITHDRAWN


def test_a_validated_entry_is_locked(client, author, supervisor, entry):
    for state, who in [(E.SUBMITTED, author), (E.IN_REVIEW, supervisor), (E.VALIDATED, supervisor)]:
        move(entry, state, who)
    client.force_login(author)
    response = client.post(
        reverse("entry_edit", kwargs={"pk": entry.pk}), form_data(entry.group, description="Changé")
    )
    entry.refresh_from_db()
    assert response.status_code == 302 and entry.description != "Changé"
    autosave = client.post(
        reverse("entry_autosave", kwargs={"pk": entry.pk}), form_data(entry.group)
    )
    assert autosave.status_code == 409


# Who may see what ----------------------------------------------------------------------

ENTRY_URLS = ["entry_detail", "entry_edit", "entry_autosave", "entry_withdraw", "entry_share"]


@pytest.mark.parametrize("url_name", ENTRY_URLS)
@pytest.mark.parametrize("role", ["peer", "trainer", "coordinator", "supervisor"])
def test_nobody_else_reaches_an_entry_through_any_url(client, entry, url_name, role):
    client.force_login(member(role))
    url = reverse(url_name, kwargs={"pk": entry.pk})
    response = (
        client.post(url, form_data(entry.group)) if url_name != "entry_detail" else client.get(url)
    )
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.state == E.DRAFT and "Changé" not in entry.description


def test_an_unknown_entry_id_is_the_same_404(client, author):
    client.force_login(author)
    assert client.get(reverse("entry_detail", kwargs={"pk": 999999})).status_code == 404


def test_anonymous_visitors_go_to_login(client, entry):
    response = client.get(reverse("entry_detail", kwargs={"pk": entry.pk}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_members_entries_are_not_listed(client, entry):
    client.force_login(member("peer"))
    page = client.get(reverse("entry_list")).content.decode()
    assert entry.title not in page and escape(entry.title) not in page


# The group's page ----------------------------------------------------------------------


def test_a_new_group_gets_a_page_seen_by_its_members_and_supervisors(
    client, group, author, supervisor
):
    page = PracticeGroupPage.objects.get(group=group)
    for person in (author, supervisor):
        client.force_login(person)
        assert client.get(page.url).status_code == 200


@pytest.mark.parametrize("role", ["peer", "trainer", "coordinator", "supervisor"])
def test_a_group_page_is_a_404_for_anyone_outside_the_group(client, group, role):
    page = PracticeGroupPage.objects.get(group=group)
    client.force_login(member(role))
    assert client.get(page.url).status_code == 404


def test_a_removed_member_loses_access_at_once(client, group, author):
    page = PracticeGroupPage.objects.get(group=group)
    client.force_login(author)
    assert client.get(page.url).status_code == 200
    group.members.remove(author)
    assert client.get(page.url).status_code == 404


def test_anonymous_visitors_are_sent_to_login_whether_a_group_exists_or_not(client, group):
    page = PracticeGroupPage.objects.get(group=group)
    existing = client.get(page.url)
    missing = client.get(page.url.replace(page.slug, "groupe-qui-n-existe-pas"))
    assert existing.status_code == missing.status_code == 302
    assert "/accounts/login/" in existing["Location"] and "/accounts/login/" in missing["Location"]


def test_an_entry_links_only_to_a_session_of_the_authors_groups(client, author, entry):
    import datetime

    from practice_analysis.models import PracticeSessionPage

    def session_under(group):
        page = PracticeSessionPage(
            title="Séance",
            date=datetime.date(2026, 10, 1),
            session_format="app",
            situation="<p>Un adhérent.</p>",
        )
        PracticeGroupPage.objects.get(group=group).add_child(instance=page)
        page.save_revision().publish()
        return page

    own = session_under(entry.group)
    foreign = session_under(PracticeGroupFactory())
    client.force_login(author)
    url = reverse("entry_edit", kwargs={"pk": entry.pk})
    client.post(url, form_data(entry.group, session=foreign.pk, description="Changé"))
    entry.refresh_from_db()
    assert entry.session is None and entry.description != "Changé"
    client.post(url, form_data(entry.group, session=own.pk))
    entry.refresh_from_db()
    assert entry.session_id == own.pk


def test_sending_tells_the_group_s_supervisors_without_a_word_of_the_text(
    client, author, supervisor, entry
):
    from django.core import mail

    from home.models import Notification
    from practice_analysis.notifications import ENTRY_SUBMITTED

    outsider = member("supervisor")
    PracticeGroupFactory(supervisors=[outsider])
    supervisor.first_name, supervisor.last_name = "David", "Moreau"
    supervisor.save()
    mail.outbox.clear()
    client.force_login(author)
    client.post(
        reverse("entry_edit", kwargs={"pk": entry.pk}),
        form_data(entry.group, submit="1", self_check="on"),
    )
    entry.refresh_from_db()
    assert entry.state == E.SUBMITTED
    (told,) = Notification.objects.filter(kind=ENTRY_SUBMITTED)
    assert told.recipient == supervisor
    assert told.link == reverse("supervision_entry", kwargs={"pk": entry.pk})
    (message,) = mail.outbox
    assert message.to == [supervisor.email]
    assert told.link in message.body
    for secret in (entry.title, entry.description, entry.feelings, "Alice", "Martin"):
        assert secret not in message.body and secret not in message.subject
    # The supervisor reads it in the site too; the author's "you will be told" holds.
    client.force_login(supervisor)
    assert escape(entry.group.name) in client.get(reverse("notification_list")).content.decode()
