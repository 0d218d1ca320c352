"""Passwords and sessions: Argon2, validators, idle and absolute timeouts, password change."""

import time

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import pytest

from accounts.middleware import LAST_ACTIVITY_KEY, SESSION_STARTED_KEY
from config.settings import base
from home.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "un mot de passe assez long"


def test_argon2_hashes_new_passwords_in_every_environment_but_tests():
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    from django.contrib.auth.hashers import Argon2PasswordHasher

    encoded = Argon2PasswordHasher().encode("secret de test", Argon2PasswordHasher().salt())
    assert encoded.startswith("argon2$argon2id$")


def test_sessions_are_stored_as_in_production():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


@pytest.mark.parametrize("weak", ["court", "123456789012", "password1234"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def age_session(client, idle=0, since_login=0):
    session = client.session
    now = int(time.time())
    session[LAST_ACTIVITY_KEY] = now - idle
    session[SESSION_STARTED_KEY] = now - since_login
    session.save()


def test_a_staff_session_ends_after_30_idle_minutes_a_peer_one_does_not(client, section):
    trainer = UserFactory(roles=["trainer"])
    client.force_login(trainer)
    age_session(client, idle=31 * 60)
    response = client.get(section("home").url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    page = client.get(response["Location"]).content.decode()
    assert "Votre session s" in page
    assert "_auth_user_id" not in client.session

    peer_client = Client()
    peer_client.force_login(UserFactory(roles=["peer"]))
    age_session(peer_client, idle=31 * 60)
    assert peer_client.get(section("home").url).status_code == 200
    age_session(peer_client, idle=2 * 60 * 60 + 60)
    assert peer_client.get(section("home").url).status_code == 302


def test_every_session_ends_twelve_hours_after_login(client, section):
    client.force_login(UserFactory(roles=["peer"]))
    age_session(client, idle=60, since_login=12 * 60 * 60 + 60)
    assert client.get(section("home").url)["Location"].startswith(reverse("login"))


def test_an_autosave_after_expiry_gets_a_message_it_can_show(client, section):
    client.force_login(UserFactory(roles=["peer"]))
    age_session(client, idle=3 * 60 * 60)
    response = client.post(
        reverse("entry_autosave", args=[1]), HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 401
    assert response.json()["message"].startswith("Votre session s")


def test_activity_keeps_the_session_alive(client, section):
    client.force_login(UserFactory(roles=["trainer"]))
    age_session(client, idle=20 * 60)
    assert client.get(section("home").url).status_code == 200
    assert int(time.time()) - client.session[LAST_ACTIVITY_KEY] < 5


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(section):
    user = UserFactory(roles=["peer"])
    user.set_password(PASSWORD)
    user.save()
    here, elsewhere = Client(), Client()
    for c in (here, elsewhere):
        assert c.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert "_auth_user_id" in elsewhere.session
    response = here.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "une toute nouvelle phrase",
            "new_password2": "une toute nouvelle phrase",
        },
    )
    assert response["Location"] == reverse("account_security")
    assert here.get(reverse("account_security")).status_code == 200
    assert elsewhere.get(reverse("account_security"))["Location"].startswith(reverse("login"))


def test_password_change_refuses_a_weak_password_with_a_message(client):
    user = UserFactory()
    user.set_password(PASSWORD)
    user.save()
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "court", "new_password2": "court"},
    )
    assert response.status_code == 200
    assert "trop court" in response.content.decode()


def test_session_and_csrf_cookies_are_http_only_and_same_site():
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
