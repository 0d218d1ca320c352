"""Two-step verification is set up right after login, before anything confidential.

A supervisor without a device used to read the group's session logs (Wagtail pages of the
front end) with a password only; now every page but logging out, the set-up itself, its
recovery codes, the language switch and static files sends them to set-up first.
"""

import datetime
import re

from django.urls import reverse

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import current_code
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from home.models import CharterAcknowledgement
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import PracticeGroupPage, PracticeSessionPage, ReflectiveEntry

pytestmark = pytest.mark.django_db

PASSWORD = "un mot de passe assez long"


def person(*roles):
    user = UserFactory(roles=list(roles))
    user.set_password(PASSWORD)
    user.save()
    acknowledge(user, current_charter(), "fr")
    return user


def log_in(client, user, next_url=""):
    return client.post(
        reverse("login"), {"username": user.username, "password": PASSWORD, "next": next_url}
    )


@pytest.fixture
def space():
    """A group with a supervisor who has no device, a peer, a published session log and an
    entry waiting for review."""
    supervisor, peer = person("supervisor"), person("peer")
    group = PracticeGroupFactory(members=[peer], supervisors=[supervisor])
    group_page = PracticeGroupPage.objects.get(group=group)
    session_log = group_page.add_child(
        instance=PracticeSessionPage(
            title="Séance de novembre",
            date=datetime.date(2026, 11, 3),
            session_format="app",
            situation="<p>Un adhérent a parlé d'un appel difficile.</p>",
        )
    )
    session_log.save_revision().publish()
    entry = ReflectiveEntryFactory(author=peer, group=group, state=ReflectiveEntry.SUBMITTED)
    return {
        "supervisor": supervisor,
        "peer": peer,
        "confidential": [
            group_page.url,
            session_log.url,
            reverse("supervision_queue"),
            reverse("supervision_entry", args=[entry.pk]),
            "/admin/",
            "/admin/pages/",
            "/django-admin/",
            "/files/filer_private/compte-rendu.pdf",
        ],
    }


def test_a_supervisor_without_a_device_is_sent_to_set_up_right_after_login(client, space):
    target = space["confidential"][0]
    response = log_in(client, space["supervisor"], next_url=target)
    assert response["Location"] == target
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))
    assert "next=" in response["Location"]


def test_nothing_confidential_opens_before_set_up(client, space):
    log_in(client, space["supervisor"])
    for url in [*space["confidential"], "/fr/", reverse("account_security")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor_setup")), url


def test_scripts_are_refused_rather_than_redirected(client, space):
    log_in(client, space["supervisor"])
    response = client.get(space["confidential"][2], headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403


def test_what_stays_reachable_before_set_up(client, space):
    log_in(client, space["supervisor"])
    assert client.get(reverse("two_factor_setup")).status_code == 200
    english = client.get("/en/accounts/security/two-factor/setup/")
    assert english.status_code == 200
    assert client.get(reverse("logout")).status_code in (200, 405)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_after_set_up_the_codes_then_the_page_asked_for(client, space):
    group_url = space["confidential"][0]
    log_in(client, space["supervisor"], next_url=group_url)
    setup_url = client.get(group_url)["Location"]
    assert client.get(setup_url).status_code == 200
    device = TOTPDevice.objects.get(user=space["supervisor"], confirmed=False)
    response = client.post(setup_url, {"code": current_code(device), "next": group_url})
    assert response["Location"].startswith(reverse("recovery_codes"))
    codes_page = client.get(response["Location"]).content.decode()
    assert len(re.findall(r"<code>[a-z2-7]{4}-[a-z2-7]{4}</code>", codes_page)) == 10
    assert f'href="{group_url}"' in codes_page
    for url in [*space["confidential"][:4], "/admin/"]:
        assert client.get(url).status_code == 200, url


def test_next_leading_to_another_site_is_not_followed_after_set_up(client, space):
    log_in(client, space["supervisor"])
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(user=space["supervisor"], confirmed=False)
    response = client.post(
        reverse("two_factor_setup"),
        {"code": current_code(device), "next": "https://elsewhere.example/"},
    )
    codes_page = client.get(response["Location"]).content.decode()
    assert "elsewhere.example" not in codes_page
    assert f'href="{reverse("account_security")}"' in codes_page


def test_peers_without_two_factor_are_not_affected(client, space):
    log_in(client, space["peer"])
    for url in ["/fr/", reverse("entry_list"), space["confidential"][0], space["confidential"][1]]:
        assert client.get(url).status_code == 200, url


def test_a_peer_who_becomes_supervisor_sets_it_up_at_the_next_page(client, space):
    peer = space["peer"]
    log_in(client, peer)
    assert client.get(reverse("entry_list")).status_code == 200
    peer.groups.add(*UserFactory(roles=["supervisor"]).groups.all())
    response = client.get(reverse("entry_list"))
    assert response["Location"].startswith(reverse("two_factor_setup"))


def test_asking_whether_a_peer_needs_it_costs_no_query_once_known(client, space):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    log_in(client, space["peer"])
    client.get(reverse("entry_list"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("entry_list")).status_code == 200
    assert not [q for q in captured if "auth_user_groups" in q["sql"] and "auth_group" in q["sql"]]


def test_the_charter_notice_waits_until_the_code_is_given(client, space):
    """Proving who you are is one step at a time: the charter's notice is not shown on the
    set-up or code pages, and shows again afterwards if the charter waits."""
    supervisor = space["supervisor"]
    CharterAcknowledgement.objects.filter(user=supervisor).delete()
    log_in(client, supervisor)
    assert "Merci de lire la charte" not in client.get(reverse("two_factor_setup")).content.decode()
    TOTPDevice.objects.create(user=supervisor, name="téléphone", confirmed=True)
    client.logout()
    log_in(client, supervisor)
    code_page = client.get(reverse("two_factor_verify"))
    assert code_page.status_code == 200
    assert "Merci de lire la charte" not in code_page.content.decode()
