"""After logging in, a member stays in the language of the login page they used, whatever
their browser asks for."""

from django.test import Client

from wagtail.users.models import UserProfile

import pytest

from home.factories import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(user, page_language="fr", browser="en-US,en;q=0.9", next_url=None):
    client = Client(HTTP_ACCEPT_LANGUAGE=browser)
    data = {"username": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(f"/{page_language}/accounts/login/", data)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_member_lands_on_the_home_page_in_the_login_page_language(peer, language):
    other = "en" if language == "fr" else "fr"
    profile = UserProfile.get_for_user(peer)
    profile.preferred_language = other
    profile.save()

    response = log_in(peer, page_language=language, browser=other)

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


def test_the_page_asked_for_still_comes_first(peer):
    response = log_in(peer, next_url="/fr/mon-parcours/")

    assert response["Location"] == "/fr/mon-parcours/"


def test_an_address_off_the_site_is_never_followed(peer):
    response = log_in(peer, page_language="fr", next_url="https://example.org/")

    assert response["Location"] == "/fr/"
