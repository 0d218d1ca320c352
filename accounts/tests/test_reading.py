"""Reading comfort: chosen once on its page, applied on every page as classes of <html>
for that member only, read again after a change; in "My data", gone with an erasure."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.models import ReadingPreferences
from home.factories import UserFactory
from privacy import registry

pytestmark = pytest.mark.django_db

URL = "/fr/accounts/reading/"
CHOICES = {
    "text_size": "larger",
    "line_spacing": "wide",
    "readable_font": "on",
    "high_contrast": "on",
    "reduce_motion": "on",
}


def html_classes(response):
    match = re.search(r"<html[^>]*>", response.content.decode())
    found = re.search(r'class="([^"]*)"', match.group(0))
    return set(found.group(1).split()) if found else set()


def test_the_address_is_the_named_one():
    assert reverse("reading_comfort") == URL


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/fr/accounts/login/")
    response = client.post(URL, CHOICES)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ReadingPreferences.objects.exists()


def test_the_page_offers_the_defaults_to_a_member_who_never_chose(client, member):
    client.force_login(member)
    response = client.get(URL)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="text_size" value="normal" id="id_text_size_0" checked' in page
    assert 'name="high_contrast"' in page and "Confort de lecture" in page
    assert html_classes(response) == set()


def test_choices_are_saved_and_applied_on_every_page_for_that_member_only(client, member):
    client.force_login(member)
    response = client.post(URL, CHOICES)
    assert response.status_code == 302 and response["Location"] == URL
    saved = ReadingPreferences.objects.get(user=member)
    assert (saved.text_size, saved.line_spacing) == ("larger", "wide")
    assert saved.readable_font and saved.high_contrast and saved.reduce_motion
    expected = {"text-larger", "spacing-wide", "font-readable", "contrast-high", "motion-reduced"}
    for url in ("/fr/", URL, reverse("my_learning"), "/en/"):
        assert html_classes(client.get(url)) == expected, url

    client.force_login(UserFactory())
    assert html_classes(client.get("/fr/")) == set()
    client.logout()
    assert html_classes(client.get("/fr/")) == set()


def test_a_change_shows_on_the_next_page(client, member):
    client.force_login(member)
    client.post(URL, CHOICES)
    assert "text-larger" in html_classes(client.get("/fr/"))
    client.post(URL, {"text_size": "large", "line_spacing": "normal"})
    assert html_classes(client.get("/fr/")) == {"text-large"}
    ReadingPreferences.objects.filter(user=member).delete()  # a queryset: no signal
    ReadingPreferences.objects.create(user=member, high_contrast=True)
    assert html_classes(client.get("/fr/")) == {"contrast-high"}


def test_the_preferences_are_read_once_then_kept(client, member):
    client.force_login(member)
    client.post(URL, CHOICES)
    client.get("/fr/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/")
    assert not [q for q in queries if "accounts_readingpreferences" in q["sql"]]


def test_a_member_without_preferences_costs_no_query_once_known(client, member):
    client.force_login(member)
    client.get("/fr/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/")
    assert not [q for q in queries if "accounts_readingpreferences" in q["sql"]]


def test_an_unknown_choice_is_refused_and_nothing_changes(client, member):
    client.force_login(member)
    response = client.post(URL, {**CHOICES, "text_size": "huge"})
    assert response.status_code == 200
    assert not ReadingPreferences.objects.filter(user=member).exists()


def test_the_account_menu_and_the_security_page_lead_there(client, member):
    client.force_login(member)
    assert f'href="{URL}"' in client.get("/fr/").content.decode()
    assert f'href="{URL}"' in client.get(reverse("account_security")).content.decode()


def test_my_data_holds_them_and_an_erasure_removes_them(member):
    ReadingPreferences.objects.create(user=member, text_size="large", readable_font=True)
    section = next(s for s in registry.sections() if s.key == "reading_preferences")
    assert section.export(member) == [
        {
            "text_size": "large",
            "line_spacing": "normal",
            "readable_font": True,
            "high_contrast": False,
            "reduce_motion": False,
        }
    ]
    section.erase(member)
    assert not ReadingPreferences.objects.filter(user=member).exists()
