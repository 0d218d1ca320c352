"""Login throttling (django-axes): lockout by username and address, a clear message, logs."""

import logging

from django.urls import reverse
from django.utils.html import escape

import pytest
from axes.models import AccessAttempt

from home.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "un mot de passe assez long"


@pytest.fixture
def person():
    user = UserFactory(roles=["peer"])
    user.set_password(PASSWORD)
    user.save()
    return user


def attempt(client, user, password, address="203.0.113.7"):
    return client.post(
        reverse("login"),
        {"username": user.username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_the_account_from_that_address_with_a_clear_message(client, person):
    for _ in range(4):
        response = attempt(client, person, "faux")
        assert response.status_code == 200
    response = attempt(client, person, "faux")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de tentatives de connexion" in page
    assert "15 minutes" in page
    assert 'name="username"' in page  # the login page, not a bare error

    # Even the right password is refused while locked.
    response = attempt(client, person, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(client, person):
    for _ in range(5):
        attempt(client, person, "faux")
    response = attempt(client, person, PASSWORD, address="198.51.100.2")
    assert response.status_code == 302
    other = UserFactory()
    other.set_password(PASSWORD)
    other.save()
    client.post(reverse("logout"))
    assert attempt(client, other, PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, person):
    for _ in range(4):
        attempt(client, person, "faux")
    assert attempt(client, person, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username=person.username).exists()


def test_failures_and_lockouts_are_logged(client, person, caplog):
    logger = logging.getLogger("entrepairs.security")  # does not propagate to the root
    logger.addHandler(caplog.handler)
    try:
        for _ in range(5):
            attempt(client, person, "faux")
    finally:
        logger.removeHandler(caplog.handler)
    messages = [r.getMessage() for r in caplog.records if r.name == "entrepairs.security"]
    assert sum("login failed" in m for m in messages) >= 4
    assert any("locked out" in m and person.username in m for m in messages)
    assert all("faux" not in m for m in messages)


def test_the_admin_logins_are_throttled_too(client, person):
    """Both admins send people to this same form, so the same lockout applies."""
    login_url = client.get("/admin/login/")["Location"]
    for _ in range(5):
        response = client.post(
            login_url, {"username": person.username, "password": "faux"}, REMOTE_ADDR="1.2.3.4"
        )
    assert response.status_code == 429
    assert escape("l'équipe de coordination") in response.content.decode()


def test_client_address_behind_the_proxy(settings, rf):
    from accounts.throttling import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9", REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"


# Per address, across usernames


def test_one_address_trying_many_usernames_is_locked_and_another_is_not(client, person, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 8
    guesses = [f"inconnu{n}" for n in range(7)]
    for username in guesses:
        response = client.post(
            reverse("login"), {"username": username, "password": "faux"}, REMOTE_ADDR="192.0.2.9"
        )
        assert response.status_code == 200, username
    response = client.post(
        reverse("login"), {"username": "inconnu7", "password": "faux"}, REMOTE_ADDR="192.0.2.9"
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert "depuis cette connexion" in page and "15 minutes" in page
    assert "ce compte" not in page  # nothing said about any account

    # Even a real account with its right password waits, from that address.
    response = attempt(client, person, PASSWORD, address="192.0.2.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    # Another address is not concerned.
    assert attempt(client, person, PASSWORD, address="198.51.100.20").status_code == 302


def test_a_success_does_not_wipe_what_other_usernames_did_from_the_address(
    client, person, settings
):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 8
    for n in range(6):
        client.post(
            reverse("login"), {"username": f"x{n}", "password": "faux"}, REMOTE_ADDR="192.0.2.10"
        )
    # The attacker logs into their own account to reset the count: it does not.
    assert attempt(client, person, PASSWORD, address="192.0.2.10").status_code == 302
    client.post(reverse("logout"))
    for n in range(6, 8):
        response = client.post(
            reverse("login"), {"username": f"x{n}", "password": "faux"}, REMOTE_ADDR="192.0.2.10"
        )
    assert response.status_code == 429


def test_the_pair_still_locks_first_with_the_account_message(client, person):
    for _ in range(5):
        response = attempt(client, person, "faux", address="192.0.2.11")
    assert response.status_code == 429
    assert "sur ce compte" in response.content.decode()


def test_the_default_address_limit_is_higher_than_the_pairs():
    from django.conf import settings

    assert settings.AXES_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT
    assert ["username", "ip_address"] in settings.AXES_LOCKOUT_PARAMETERS
    assert "ip_address" in settings.AXES_LOCKOUT_PARAMETERS
