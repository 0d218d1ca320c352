"""Roles: docs/roles.md, home.roles.ROLES and the database after bootstrap agree, and they work."""

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

import pytest
from filer.models import Folder, FolderPermission

from home.factories import PASSWORD, UserFactory
from home.roles import COLLECTIONS, FOLDERS, PAGE_ACTIONS, ROLES, role_label
from setup.site_tree import section_pages

ROLES_DOC = Path(settings.BASE_DIR) / "docs" / "roles.md"
ROLE_NAMES = ["peer", "trainer", "supervisor", "coordinator"]
KINDS = ("model", "pages", "collection", "folder")
FOLDER_FIELDS = {"read": "can_read", "edit": "can_edit", "add_children": "can_add_children"}


@cache
def documented_roles():
    """The "Exact permissions" tables of docs/roles.md: role -> kind -> where -> permissions."""
    text = ROLES_DOC.read_text(encoding="utf-8")
    assert "## Exact permissions" in text, "docs/roles.md has no 'Exact permissions' section"
    exact = text.split("## Exact permissions", 1)[1]
    roles, current = {}, None
    for line in exact.splitlines():
        if line.startswith("## "):
            break
        heading = re.fullmatch(r"###\s+`([a-z_]+)`\s*", line)
        if heading:
            current = roles.setdefault(heading[1], {kind: {} for kind in KINDS})
            continue
        if current is None or not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == "kind" or set("".join(cells)) <= set("-: "):
            continue
        assert len(cells) == 3, f"docs/roles.md: a row should have 3 cells: {line!r}"
        kind, where, permissions = cells
        assert kind in KINDS, f"docs/roles.md: unknown kind {kind!r} in {line!r}"
        assert where not in current[kind], f"docs/roles.md: {kind} {where} listed twice"
        current[kind][where] = {p.strip() for p in permissions.split(",") if p.strip()}
    return roles


def role_as_documented(role):
    """A role of home.roles in the shape of the documentation tables."""
    return {
        "model": {"everywhere": set(role.permissions)} if role.permissions else {},
        "pages": {key: set(actions) for key, actions in role.pages.items()},
        "collection": {key: set(perms) for key, perms in role.collections.items()},
        "folder": {key: set(rights) for key, rights in role.folders.items()},
    }


def test_the_doc_describes_exactly_the_four_roles():
    assert sorted(documented_roles()) == sorted(ROLE_NAMES)
    assert sorted(ROLES) == sorted(ROLE_NAMES)


@pytest.mark.parametrize("name", ROLE_NAMES)
def test_doc_matches_roles_in_code(name):
    assert documented_roles()[name] == role_as_documented(ROLES[name])


@pytest.mark.django_db
@pytest.mark.parametrize("name", ROLE_NAMES)
def test_model_permissions_match_the_doc(name):
    doc = documented_roles()[name]["model"]
    assert set(doc) <= {"everywhere"}
    group = Group.objects.get(name=name)

    granted = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }

    assert granted == doc.get("everywhere", set())


@pytest.mark.django_db
@pytest.mark.parametrize("name", ROLE_NAMES)
def test_page_permissions_match_the_doc(name):
    expected = set()
    for key, actions in documented_roles()[name]["pages"].items():
        pages = section_pages(key)
        assert {p.locale.language_code for p in pages} == {"fr", "en"}, key
        expected |= {(page.pk, PAGE_ACTIONS[action]) for page in pages for action in actions}

    granted = set(
        GroupPagePermission.objects.filter(group__name=name).values_list(
            "page_id", "permission__codename"
        )
    )

    assert granted == expected


@pytest.mark.django_db
@pytest.mark.parametrize("name", ROLE_NAMES)
def test_collection_permissions_match_the_doc(name):
    key_of = {
        Collection.objects.get(name=collection_name, depth=2).pk: key
        for key, collection_name in COLLECTIONS.items()
    }
    expected = {
        (key, dotted)
        for key, perms in documented_roles()[name]["collection"].items()
        for dotted in perms
    }

    granted = {
        (key_of.get(collection_id, f"collection #{collection_id}"), f"{app_label}.{codename}")
        for collection_id, app_label, codename in GroupCollectionPermission.objects.filter(
            group__name=name
        ).values_list(
            "collection_id", "permission__content_type__app_label", "permission__codename"
        )
    }

    assert granted == expected


@pytest.mark.django_db
@pytest.mark.parametrize("name", ROLE_NAMES)
def test_folder_permissions_match_the_doc(name):
    key_of = {
        Folder.objects.get(name=folder_name, parent=None).pk: key
        for key, folder_name in FOLDERS.items()
    }
    expected = {
        (key, right)
        for key, rights in documented_roles()[name]["folder"].items()
        for right in rights
    }

    permissions = FolderPermission.objects.filter(group__name=name)
    granted = {
        (key_of.get(permission.folder_id, f"folder #{permission.folder_id}"), right)
        for permission in permissions
        for right, field in FOLDER_FIELDS.items()
        if getattr(permission, field) == FolderPermission.ALLOW
    }

    assert granted == expected
    # Rights hold for the folder and its sub-folders, for the group and nobody else.
    for permission in permissions:
        assert permission.type == FolderPermission.CHILDREN
        assert permission.user_id is None
        assert not permission.everybody


# What members notice


def test_peer_can_log_into_the_editing_space(client, peer):
    # The admin's login address leads to the site's login page (accounts app).
    login_url = client.get(reverse("wagtailadmin_login"))["Location"]
    response = client.post(login_url, {"username": peer.username, "password": PASSWORD})
    assert response.status_code == 302

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("language", ["fr", "en"])
def test_peer_cannot_publish_contributions(section, peer, language):
    permissions = section("contributions", language).permissions_for_user(peer)

    assert not permissions.can_publish()
    assert not permissions.can_edit()


def test_peer_can_propose_a_contribution(section, peer):
    assert section("contributions").permissions_for_user(peer).can_add_subpage()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_trainer_can_publish_training(section, trainer, language):
    assert section("courses", language).permissions_for_user(trainer).can_publish()


def test_trainer_cannot_publish_the_charter(section, trainer):
    assert not section("charter").permissions_for_user(trainer).can_publish()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_coordinator_can_publish_the_charter(section, coordinator, language):
    permissions = section("charter", language).permissions_for_user(coordinator)

    assert permissions.can_edit()
    assert permissions.can_publish()


@pytest.mark.parametrize("key", ["home", "practice_analysis"])
def test_coordinator_cannot_edit_the_home_page_or_practice_analysis(section, coordinator, key):
    permissions = section(key).permissions_for_user(coordinator)

    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_supervisor_has_no_page_rights(section, supervisor):
    for key in ["about", "charter", "courses", "contributions", "practice_analysis"]:
        permissions = section(key).permissions_for_user(supervisor)
        assert not permissions.can_edit(), key
        assert not permissions.can_add_subpage(), key


def test_member_without_role_is_refused_the_editing_space(client, member):
    client.force_login(member)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))


def test_member_without_role_cannot_log_into_the_editing_space(client, member):
    client.post(reverse("login"), {"username": member.username, "password": PASSWORD})

    assert client.get(reverse("wagtailadmin_home")).status_code != 200


@pytest.mark.django_db
def test_roles_combine(client):
    """A trainer who is also a peer keeps the trainer's page rights."""
    chloe = UserFactory(roles=["trainer", "peer"])
    courses = section_pages("courses")[0]

    assert courses.permissions_for_user(chloe).can_publish()


@pytest.mark.parametrize("name", ROLE_NAMES)
def test_role_labels_are_translated_into_french(name):
    catalogue = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.mo"
    if not catalogue.exists():
        pytest.skip("locale/fr/LC_MESSAGES/django.mo is missing: run `make compilemessages`")
    with translation.override("en"):
        english = str(role_label(name))
    with translation.override("fr"):
        french = str(role_label(name))

    assert french != english


def test_role_label_of_another_group_is_its_name():
    assert role_label("hosting team") == "hosting team"
