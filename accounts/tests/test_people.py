"""The People area, played by the coordinator as an attacker, and by a superuser.

What a coordinator must never do (make someone superuser or coordinator, widen her own
access, set a password, reach Wagtail's or Django's stock user and group editors) is tried
both through the form (the field is absent) and through forged POSTs (refused or ignored).
What she may do is recorded in the audit log and told to the member concerned.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import NoReverseMatch, reverse

from wagtail.users.models import UserProfile

import pytest

from accounts.notifications import ACCOUNT_SECURITY, ROLES_CHANGED
from accounts.testing import give_device
from accounts.twofactor import has_two_factor
from home.factories import UserFactory
from home.models import Notification
from practice_analysis.factories import PracticeGroupFactory
from privacy.models import AuditEvent

User = get_user_model()
ADDRESS = "203.0.113.9"

pytestmark = pytest.mark.django_db


def people_url(name, *args):
    return reverse(f"people:{name}", args=args)


@pytest.fixture
def coordinator():
    return UserFactory(roles=["coordinator"], first_name="Chloé", last_name="Coord")


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def peer():
    member = UserFactory(roles=["peer"], first_name="Paul", last_name="Pair")
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "en"
    profile.save()
    return member


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


def form_data(member=None, **changes):
    data = {
        "first_name": member.first_name if member else "Nina",
        "last_name": member.last_name if member else "Nouvelle",
        "email": member.email if member else "nina@entrepairs.example",
        "username": member.username if member else "",
        "language": "fr",
        "roles": [g.name for g in member.groups.all()] if member else ["peer"],
    }
    data.update(changes)
    return data


def group(name):
    return Group.objects.get(name=name)


def events(action, subject):
    """Records about the member; the factories' own (no request, no actor) are left out."""
    return AuditEvent.objects.filter(action=action, subject_id=subject.pk).exclude(
        actor=None, ip_hash=""
    )


# The coordinator as attacker -------------------------------------------------------------


def test_the_form_offers_no_superuser_no_coordinator_no_password_no_group(as_coordinator, peer):
    for url in (people_url("add"), people_url("edit", peer.pk)):
        response = as_coordinator.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="is_superuser"' not in html
        assert 'name="password1"' not in html and 'name="password"' not in html
        assert 'name="groups"' not in html
        assert 'value="coordinator"' not in html
        assert 'value="trainer"' in html
        # Roles by their translated names, technical groups nowhere.
        assert "Formateur·rice" in html or "Trainer" in html
        assert "practice-group-" not in html and "Moderators" not in html


def test_forged_superuser_and_password_are_ignored(as_coordinator, peer):
    old_password = User.objects.get(pk=peer.pk).password
    data = form_data(
        peer,
        is_superuser="on",
        is_staff="on",
        password1="Un-mot-de-passe-choisi-1",
        password2="Un-mot-de-passe-choisi-1",
        password="Un-mot-de-passe-choisi-1",
        groups=[group("coordinator").pk],
    )
    response = as_coordinator.post(people_url("edit", peer.pk), data)
    assert response.status_code == 302
    peer.refresh_from_db()
    assert not peer.is_superuser and not peer.is_staff
    assert peer.password == old_password
    assert not peer.groups.filter(name="coordinator").exists()


def test_forged_coordinator_role_is_refused(as_coordinator, peer):
    response = as_coordinator.post(
        people_url("edit", peer.pk), form_data(peer, roles=["peer", "coordinator"])
    )
    assert response.status_code == 200  # the form again, with an error
    assert not peer.groups.filter(name="coordinator").exists()
    response = as_coordinator.post(
        people_url("add"), form_data(roles=["coordinator"], email="x@entrepairs.example")
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="x@entrepairs.example").exists()


def test_forged_technical_group_is_refused(as_coordinator, peer):
    practice = PracticeGroupFactory()
    access = practice.access_group
    response = as_coordinator.post(
        people_url("edit", peer.pk), form_data(peer, roles=["peer", access.name])
    )
    assert response.status_code == 200
    assert not peer.groups.filter(pk=access.pk).exists()


def test_she_cannot_change_her_own_roles(as_coordinator, coordinator):
    before = events(AuditEvent.ROLE_GRANTED, coordinator).count()
    response = as_coordinator.get(people_url("edit", coordinator.pk))
    assert 'name="roles"' not in response.content.decode()
    assert "Rôles : Coordination" in response.content.decode()
    response = as_coordinator.post(
        people_url("edit", coordinator.pk),
        form_data(coordinator, roles=["coordinator", "supervisor"]),
    )
    assert response.status_code == 302  # her name may change; her roles may not
    assert set(coordinator.groups.values_list("name", flat=True)) == {"coordinator"}
    assert events(AuditEvent.ROLE_GRANTED, coordinator).count() == before


def test_she_cannot_manage_another_coordinator_or_a_superuser(as_coordinator, superuser):
    other = UserFactory(roles=["coordinator"])
    for member in (other, superuser):
        for name in ("edit", "send_link", "deactivate"):
            response = as_coordinator.get(people_url(name, member.pk))
            assert response.status_code == 302 and response["Location"] == "/admin/"
        response = as_coordinator.post(people_url("deactivate", member.pk))
        member.refresh_from_db()
        assert member.is_active
        response = as_coordinator.post(
            people_url("edit", member.pk), form_data(member, email="me@attacker.example")
        )
        member.refresh_from_db()
        assert member.email != "me@attacker.example"


def test_she_cannot_reset_a_second_factor(as_coordinator, peer):
    trainer = UserFactory(roles=["trainer"])
    give_device(trainer)
    response = as_coordinator.post(people_url("reset_two_factor", trainer.pk))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert has_two_factor(trainer)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/",
        "/admin/users/new/",
        "/admin/users/edit/{pk}/",
        "/admin/users/delete/{pk}/",
        "/admin/users/history/{pk}/",
        "/admin/groups/",
        "/admin/groups/new/",
        "/admin/bulk/auth/user/assign_role/?id={pk}",
        "/admin/bulk/auth/user/set_active_state/?id={pk}",
    ],
)
def test_wagtail_stock_user_and_group_views_are_closed(as_coordinator, peer, url):
    response = as_coordinator.get(url.format(pk=peer.pk))
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_wagtail_stock_user_edit_is_closed(as_coordinator, peer):
    response = as_coordinator.get(f"/admin/users/edit/{peer.pk}/")
    assert response.status_code == 302
    response = as_coordinator.post(
        f"/admin/users/edit/{peer.pk}/",
        {**form_data(peer), "is_superuser": "on", "password1": "x" * 14, "password2": "x" * 14},
    )
    peer.refresh_from_db()
    assert not peer.is_superuser


@pytest.mark.parametrize(
    "url",
    [
        "/django-admin/auth/user/",
        "/django-admin/auth/user/{pk}/change/",
        "/django-admin/auth/group/",
        "/django-admin/otp_totp/totpdevice/",
    ],
)
def test_django_admin_users_and_groups_are_closed(as_coordinator, peer, url):
    assert as_coordinator.get(url.format(pk=peer.pk)).status_code == 403


def test_django_admin_users_are_open_to_superusers(client, superuser):
    client.force_login(superuser)
    assert client.get("/django-admin/auth/user/").status_code == 200


# What she may do, recorded and told -----------------------------------------------------


def test_she_creates_a_peer_who_is_invited_in_their_language(
    as_coordinator, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_coordinator.post(
            people_url("add"),
            form_data(language="en", email="nina@entrepairs.example"),
            REMOTE_ADDR=ADDRESS,
        )
    assert response.status_code == 302
    nina = User.objects.get(email="nina@entrepairs.example")
    assert nina.username == "nina.nouvelle"
    assert not nina.has_usable_password()
    assert list(nina.groups.values_list("name", flat=True)) == ["peer"]
    created = events(AuditEvent.ACCOUNT_CREATED, nina).get()
    assert created.actor == coordinator and created.ip_hash
    granted = events(AuditEvent.ROLE_GRANTED, nina).get()
    assert granted.actor == coordinator
    assert (granted.object_type, granted.object_id) == ("auth.group", str(group("peer").pk))
    assert events(AuditEvent.INVITATION_SENT, nina).get().actor == coordinator
    # One e-mail: the invitation, in English, naming the role; the role change is on the site.
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == ["nina@entrepairs.example"]
    assert "Welcome to Entrepairs" in invitation.subject
    assert "Peer supporter" in invitation.body and "nina.nouvelle" in invitation.body
    assert "/en/accounts/welcome/" in invitation.body
    notification = Notification.objects.get(recipient=nina)
    assert notification.kind == ROLES_CHANGED
    assert notification.params == {"added": ["peer"], "removed": []}


def test_she_gives_the_trainer_role_which_is_recorded_and_told(
    as_coordinator, coordinator, peer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_coordinator.post(
            people_url("edit", peer.pk),
            form_data(peer, roles=["peer", "trainer"], language="en"),
            REMOTE_ADDR=ADDRESS,
        )
    assert response.status_code == 302
    assert set(peer.groups.values_list("name", flat=True)) == {"peer", "trainer"}
    event = events(AuditEvent.ROLE_GRANTED, peer).get()
    assert event.actor == coordinator and event.ip_hash
    assert event.object_id == str(group("trainer").pk)
    notification = Notification.objects.get(recipient=peer)
    assert notification.params == {"added": ["trainer"], "removed": []}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [peer.email]
    assert mail.outbox[0].subject == "Your roles on Entrepairs changed"
    assert "Trainer" in mail.outbox[0].body


def test_removing_and_adding_in_one_save_is_one_notification(
    as_coordinator, peer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator.post(people_url("edit", peer.pk), form_data(peer, roles=["supervisor"]))
    assert events(AuditEvent.ROLE_GRANTED, peer).count() == 1
    assert events(AuditEvent.ROLE_REMOVED, peer).count() == 1
    notification = Notification.objects.get(recipient=peer)
    assert notification.params == {"added": ["supervisor"], "removed": ["peer"]}


def test_a_technical_group_is_kept_when_roles_change(as_coordinator, peer):
    practice = PracticeGroupFactory(members=[peer])
    as_coordinator.post(people_url("edit", peer.pk), form_data(peer, roles=["trainer"]))
    assert peer.groups.filter(pk=practice.access_group.pk).exists()


def test_she_may_give_the_supervisor_role_to_someone_else(as_coordinator, peer):
    as_coordinator.post(people_url("edit", peer.pk), form_data(peer, roles=["supervisor"]))
    assert peer.groups.filter(name="supervisor").exists()


def test_changing_the_address_tells_the_old_one(as_coordinator, peer):
    peer.set_unusable_password()  # invited, not yet joined: a typo in the address is fixed
    peer.save()
    old = peer.email
    as_coordinator.post(
        people_url("edit", peer.pk), form_data(peer, email="new@entrepairs.example")
    )
    assert events(AuditEvent.ACCOUNT_CHANGED, peer).exists()
    assert [message.to for message in mail.outbox] == [[old]]
    assert mail.outbox[0].subject == "Votre adresse électronique sur Entrepairs a été modifiée"


def test_she_cannot_point_a_joined_members_address_at_herself(as_coordinator, peer):
    """Else a reset link sent to her own address would give her the account and its entries."""
    old = peer.email
    response = as_coordinator.get(people_url("edit", peer.pk))
    assert 'name="email"' in response.content.decode() and "disabled" in str(
        response.context["form"]["email"]
    )
    as_coordinator.post(
        people_url("edit", peer.pk), form_data(peer, email="coord@entrepairs.example")
    )
    peer.refresh_from_db()
    assert peer.email == old
    assert not mail.outbox


def test_a_superuser_may_change_a_joined_members_address(client, superuser, peer):
    client.force_login(superuser)
    old = peer.email
    client.post(people_url("edit", peer.pk), form_data(peer, email="new@entrepairs.example"))
    peer.refresh_from_db()
    assert peer.email == "new@entrepairs.example"
    assert [message.to for message in mail.outbox] == [[old]]


def test_the_address_must_be_unique(as_coordinator, peer):
    peer.set_unusable_password()
    peer.save()
    other = UserFactory()
    response = as_coordinator.post(
        people_url("edit", peer.pk), form_data(peer, email=other.email.upper())
    )
    assert response.status_code == 200
    peer.refresh_from_db()
    assert peer.email != other.email


def test_she_deactivates_and_reactivates_with_confirmation(
    as_coordinator, coordinator, peer, django_capture_on_commit_callbacks
):
    response = as_coordinator.get(people_url("deactivate", peer.pk))
    assert response.status_code == 200
    peer.refresh_from_db()
    assert peer.is_active  # a GET only asks
    as_coordinator.post(people_url("deactivate", peer.pk), REMOTE_ADDR=ADDRESS)
    peer.refresh_from_db()
    assert not peer.is_active
    event = events(AuditEvent.DEACTIVATED, peer).get()
    assert event.actor == coordinator and event.ip_hash
    with django_capture_on_commit_callbacks(execute=True):
        as_coordinator.post(people_url("reactivate", peer.pk))
    peer.refresh_from_db()
    assert peer.is_active
    assert events(AuditEvent.ACTIVATED, peer).exists()
    # Open again, the account reaches its groups again: its owner is told, in English.
    told = Notification.objects.get(recipient=peer, kind=ACCOUNT_SECURITY)
    assert told.params == {"what": "reactivated"}
    assert [message.to for message in mail.outbox] == [[peer.email]]
    assert "active again" in mail.outbox[0].body


def test_she_cannot_deactivate_herself(as_coordinator, coordinator):
    response = as_coordinator.post(people_url("deactivate", coordinator.pk))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    coordinator.refresh_from_db()
    assert coordinator.is_active


def test_a_deactivated_member_is_logged_out(client, as_coordinator, peer):
    from django.test import Client

    member_client = Client()
    member_client.force_login(peer)
    assert member_client.get(reverse("account_security")).status_code == 200
    as_coordinator.post(people_url("deactivate", peer.pk))
    assert member_client.get(reverse("account_security")).status_code == 302


def test_she_sends_a_reset_link_the_member_is_told(as_coordinator, coordinator, peer):
    response = as_coordinator.post(people_url("send_link", peer.pk))
    assert response.status_code == 302
    assert events(AuditEvent.PASSWORD_RESET_SENT, peer).get().actor == coordinator
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Entrepairs: choose a new password"
    assert "coordination team has sent you a link" in message.body
    assert "/en/accounts/password/choose/" in message.body
    notification = Notification.objects.get(recipient=peer)
    assert notification.kind == ACCOUNT_SECURITY
    assert notification.params == {"what": "password_reset"}


def test_sending_links_is_limited_per_account(as_coordinator, peer):
    for _ in range(5):
        as_coordinator.post(people_url("send_link", peer.pk))
    assert len(mail.outbox) == 3


def test_the_list_shows_names_and_roles_filters_and_searches(as_coordinator, peer):
    trainer = UserFactory(roles=["trainer"], first_name="Téo", last_name="Formateur")
    practice = PracticeGroupFactory(members=[peer])
    html = as_coordinator.get(people_url("index")).content.decode()
    assert "Paul Pair" in html and "Téo Formateur" in html
    html = as_coordinator.get(people_url("index"), {"role": "trainer"}).content.decode()
    assert "Téo Formateur" in html and "Paul Pair" not in html
    html = as_coordinator.get(
        people_url("index"), {"practice_group": practice.access_group.pk}
    ).content.decode()
    assert "Paul Pair" in html and "Téo Formateur" not in html
    html = as_coordinator.get(people_url("index"), {"q": "Formateur"}).content.decode()
    assert "Téo Formateur" in html and "Paul Pair" not in html
    assert trainer.pk


@pytest.mark.parametrize("role", ["peer", "trainer", "supervisor"])
def test_other_roles_cannot_reach_the_people_area(client, role, peer):
    client.force_login(UserFactory(roles=[role]))
    for url in (
        people_url("index"),
        people_url("add"),
        people_url("edit", peer.pk),
        people_url("send_link", peer.pk),
        people_url("deactivate", peer.pk),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    client.post(people_url("deactivate", peer.pk))
    peer.refresh_from_db()
    assert peer.is_active


def test_the_menu_shows_people_to_coordinators_only(client, as_coordinator):
    # The sidebar is drawn from JSON in the page.
    html = as_coordinator.get("/admin/").content.decode()
    assert '"/admin/people/"' in html and '"/admin/users/"' not in html
    client.force_login(UserFactory(roles=["trainer"]))
    assert '"/admin/people/"' not in client.get("/admin/").content.decode()


def test_an_anonymous_visitor_is_sent_to_login(client, peer):
    response = client.get(people_url("index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_nobody_deletes_an_account_here(client, superuser, peer):
    with pytest.raises(NoReverseMatch):
        people_url("delete", peer.pk)
    client.force_login(superuser)
    for action in ("delete", "history", "usage"):
        assert client.post(f"/admin/people/{action}/{peer.pk}/").status_code == 404
    assert User.objects.filter(pk=peer.pk).exists()


# The superuser ---------------------------------------------------------------------------


def test_a_superuser_grants_the_coordinator_role_and_superuser_status(
    client, superuser, peer, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    html = client.get(people_url("edit", peer.pk)).content.decode()
    assert 'name="is_superuser"' in html and 'value="coordinator"' in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            people_url("edit", peer.pk),
            form_data(peer, roles=["peer", "coordinator"], is_superuser="on"),
            REMOTE_ADDR=ADDRESS,
        )
    assert response.status_code == 302
    peer.refresh_from_db()
    assert peer.is_superuser and peer.groups.filter(name="coordinator").exists()
    assert events(AuditEvent.ROLE_GRANTED, peer).get().actor == superuser
    event = events(AuditEvent.SUPERUSER_GRANTED, peer).get()
    assert event.actor == superuser and event.ip_hash
    notification = Notification.objects.get(recipient=peer)
    assert notification.params == {"added": ["coordinator", "superuser"], "removed": []}


def test_a_superuser_resets_a_second_factor(client, superuser):
    trainer = UserFactory(roles=["trainer"])
    give_device(trainer)
    client.force_login(superuser)
    assert client.get(people_url("reset_two_factor", trainer.pk)).status_code == 200
    client.post(people_url("reset_two_factor", trainer.pk), REMOTE_ADDR=ADDRESS)
    assert not has_two_factor(trainer)
    event = events(AuditEvent.TWO_FACTOR_RESET, trainer).get()
    assert event.actor == superuser and event.ip_hash
    notification = Notification.objects.get(recipient=trainer)
    assert notification.params == {"what": "two_factor_reset"}
    assert [message.to for message in mail.outbox] == [[trainer.email]]


def test_a_superuser_cannot_drop_their_own_superuser_status_here(client, superuser):
    client.force_login(superuser)
    html = client.get(people_url("edit", superuser.pk)).content.decode()
    assert 'name="is_superuser"' not in html


# Every path: the model-level record ------------------------------------------------------


def test_role_changes_from_the_shell_are_recorded_without_an_actor(
    peer, django_capture_on_commit_callbacks
):
    recorded = AuditEvent.objects.filter(subject_id=peer.pk, actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        peer.groups.add(group("trainer"))
    granted = recorded.filter(action=AuditEvent.ROLE_GRANTED, object_id=str(group("trainer").pk))
    assert granted.count() == 1
    group("trainer").user_set.remove(peer)
    assert recorded.filter(action=AuditEvent.ROLE_REMOVED).count() == 1
    peer.groups.clear()  # the peer role
    assert recorded.filter(action=AuditEvent.ROLE_REMOVED).count() == 2
    # Told too: the shell is a path like any other.
    (told,) = Notification.objects.filter(recipient=peer)
    assert told.params == {"added": ["trainer"], "removed": []}
    assert [message.to for message in mail.outbox] == [[peer.email]]


def test_seeding_records_without_telling(peer, django_capture_on_commit_callbacks):
    from accounts.people.audit import unannounced

    with django_capture_on_commit_callbacks(execute=True), unannounced():
        peer.groups.add(group("trainer"))
    assert AuditEvent.objects.filter(action=AuditEvent.ROLE_GRANTED, subject_id=peer.pk).exists()
    assert not Notification.objects.filter(recipient=peer).exists()


def test_a_change_rolled_back_is_not_told(peer, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        peer.groups.add(group("trainer"))
        transaction.set_rollback(True)
    assert not Notification.objects.filter(recipient=peer).exists()


def test_practice_group_access_groups_are_not_recorded_as_roles(peer):
    practice = PracticeGroupFactory(members=[peer])
    assert not AuditEvent.objects.filter(
        action__in=[AuditEvent.ROLE_GRANTED, AuditEvent.ROLE_REMOVED],
        object_id=str(practice.access_group.pk),
    ).exists()


def test_superuser_status_from_the_shell_is_recorded(peer):
    recorded = AuditEvent.objects.filter(subject_id=peer.pk, actor=None)
    peer.is_superuser = True
    peer.save()
    assert recorded.filter(action=AuditEvent.SUPERUSER_GRANTED).exists()
    peer.is_superuser = False
    peer.save()
    assert recorded.filter(action=AuditEvent.SUPERUSER_REMOVED).exists()


def test_a_superuser_using_wagtails_stock_editor_is_recorded(
    client, superuser, peer, django_capture_on_commit_callbacks
):
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/users/edit/{peer.pk}/",
            {
                "username": peer.username,
                "email": peer.email,
                "first_name": peer.first_name,
                "last_name": peer.last_name,
                "is_active": "on",
                "is_superuser": "on",
                "groups": [group("peer").pk, group("coordinator").pk],
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert events(AuditEvent.SUPERUSER_GRANTED, peer).get().actor == superuser
    assert events(AuditEvent.ROLE_GRANTED, peer).get().actor == superuser
    assert Notification.objects.filter(recipient=peer, kind=ROLES_CHANGED).exists()


def test_wagtails_bulk_role_assignment_is_closed(as_coordinator, peer):
    response = as_coordinator.post(
        f"/admin/bulk/auth/user/assign_role/?id={peer.pk}",
        {"mode": "assign", "role": group("coordinator").pk},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not peer.groups.filter(name="coordinator").exists()


def test_the_list_links_only_to_accounts_she_may_manage(as_coordinator, superuser, peer):
    other = UserFactory(roles=["coordinator"])
    html = as_coordinator.get(people_url("index")).content.decode()
    assert people_url("edit", peer.pk) in html
    assert people_url("edit", superuser.pk) not in html
    assert people_url("edit", other.pk) not in html


def test_a_new_member_is_shown_as_invited_until_they_join(as_coordinator):
    as_coordinator.post(people_url("add"), form_data())
    html = as_coordinator.get(people_url("index")).content.decode()
    assert "Invité·e, pas encore venu·e" in html
    nina = User.objects.get(email="nina@entrepairs.example")
    page = as_coordinator.get(people_url("edit", nina.pk)).content.decode()
    assert "Renvoyer l&#x27;invitation" in page or "Renvoyer l'invitation" in page


def test_wagtails_user_editor_stays_closed_even_with_auth_permissions(client, peer):
    from django.contrib.auth.models import Permission

    staff = UserFactory(roles=["coordinator"])
    staff.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="auth", codename__endswith="_user")
    )
    client.force_login(staff)
    for url in ("/admin/users/new/", f"/admin/users/edit/{peer.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    response = client.post(
        f"/admin/bulk/auth/user/set_active_state/?id={peer.pk}", {"mark_as_active": ""}
    )
    peer.refresh_from_db()
    assert peer.is_active


def test_no_role_holds_djangos_user_or_group_permissions():
    from home.roles import ROLES

    for role in ROLES.values():
        assert not [p for p in role.permissions if p.startswith("auth.")], role.name


def test_an_erased_account_is_not_listed_nor_reactivated(as_coordinator, peer):
    from privacy.services import anonymise_account

    anonymise_account(peer)
    assert (
        people_url("edit", peer.pk) not in as_coordinator.get(people_url("index")).content.decode()
    )
    as_coordinator.post(people_url("reactivate", peer.pk))
    peer.refresh_from_db()
    assert not peer.is_active
