"""The Wagtail admin's sidebar, kept rendered per member (home/templatetags/admin_chrome.py)."""

from pathlib import Path

from django.contrib.auth.models import Group
from django.urls import reverse

import wagtail

import pytest

from home.factories import UserFactory

pytestmark = pytest.mark.django_db

OURS = Path(__file__).resolve().parents[2] / "templates" / "wagtailadmin" / "base.html"
WAGTAILS = Path(wagtail.__file__).parent / "admin" / "templates" / "wagtailadmin" / "base.html"


def sidebar(client):
    page = client.get(reverse("wagtailadmin_home")).text
    start = page.index('id="wagtail-sidebar-props"')
    return page[start : page.index("</script>", start)]


def test_our_admin_base_template_is_wagtails_with_the_cached_sidebar_only():
    """On a Wagtail upgrade this fails until the copy is made again from the new file."""
    expected = (
        WAGTAILS.read_text()
        .replace("{% sidebar_props %}", "{% cached_sidebar_props %}")
        .replace(
            "{% load wagtailadmin_tags wagtailcore_tags i18n %}",
            "{% load wagtailadmin_tags wagtailcore_tags i18n admin_chrome %}",
        )
    )
    assert OURS.read_text() == expected


def test_a_new_role_changes_the_menu_at_once(client):
    member = UserFactory(roles=["supervisor"], first_name="Farid")
    client.force_login(member)
    assert "cohorts" not in sidebar(client)
    member.groups.add(Group.objects.get(name="trainer"))
    assert "cohorts" in sidebar(client)


def test_two_members_never_share_a_sidebar(client):
    chloe = UserFactory(roles=["trainer"], first_name="Chloé")
    david = UserFactory(roles=["trainer"], first_name="David")
    client.force_login(chloe)
    assert "Chlo" in sidebar(client)
    client.force_login(david)
    seen_by_david = sidebar(client)
    assert "David" in seen_by_david
    assert "Chlo" not in seen_by_david


def test_a_new_first_name_shows_at_once(client):
    member = UserFactory(roles=["trainer"], first_name="Chloé")
    client.force_login(member)
    sidebar(client)
    member.first_name = "Zoé"
    member.save()
    assert "Zo" in sidebar(client)
