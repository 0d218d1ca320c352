"""Cached page chrome: changes show at once, and nobody gets another member's view."""

import pytest

from home.factories import UserFactory
from home.models import CrisisLine

pytestmark = pytest.mark.django_db


def test_publishing_a_new_section_title_shows_in_the_menu_at_once(client, section):
    about = section("about")
    assert "L&#x27;association" in client.get("/fr/").content.decode()
    about.title = "Qui sommes-nous"
    about.save_revision().publish()
    page = client.get("/fr/").content.decode()
    assert "Qui sommes-nous" in page


def test_unpublishing_a_section_removes_it_from_the_menu_at_once(client, section):
    about = section("about")
    client.get("/fr/")
    about.unpublish()
    assert about.url not in client.get("/fr/charte/").content.decode()


def test_a_changed_crisis_line_shows_at_once(client):
    client.get("/fr/")
    line = CrisisLine.objects.get(number="3114", locale__language_code="fr")
    line.description = "Écoute professionnelle, jour et nuit."
    line.save()
    assert "Écoute professionnelle, jour et nuit." in client.get("/fr/").content.decode()


def test_the_menu_cached_for_a_member_is_not_shown_to_a_visitor(client, section):
    practice = section("practice_analysis")
    client.force_login(UserFactory(roles=["peer"]))
    assert practice.url in client.get("/fr/").content.decode()
    client.logout()
    assert practice.url not in client.get("/fr/").content.decode()


def test_the_menu_cached_for_a_visitor_is_complete_for_a_member(client, section):
    practice = section("practice_analysis")
    assert practice.url not in client.get("/fr/").content.decode()
    client.force_login(UserFactory(roles=["peer"]))
    assert practice.url in client.get("/fr/").content.decode()


def test_the_userbar_is_only_for_roles_that_edit_pages(client):
    client.force_login(UserFactory(roles=["peer"]))
    assert "wagtail-userbar" not in client.get("/fr/").content.decode()
    client.force_login(UserFactory(roles=["trainer"]))
    assert "wagtail-userbar" in client.get("/fr/").content.decode()
