"""Private library files: checked downloads, the admin file chooser and the file library."""

import io
import json
from urllib.parse import quote

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse

import pytest
from filer.models import File, Folder, FolderPermission, Image
from PIL import Image as PILImage

from home.factories import PDF_BYTES, FileFactory, UserFactory
from home.roles import FOLDERS

pytestmark = pytest.mark.django_db


def folder(key):
    return Folder.objects.get(name=FOLDERS[key], parent=None)


@pytest.fixture
def guide():
    """A PDF in the "Formation" folder: peers, trainers and supervisors may read it."""
    return File.objects.create(
        file=ContentFile(PDF_BYTES, name="guide.pdf"),
        original_filename="guide.pdf",
        folder=folder("training"),
        is_public=False,
    )


@pytest.fixture
def minutes():
    """A PDF in the "Coordination" folder: only coordinators may read it."""
    return FileFactory(original_filename="compte-rendu-bureau.pdf", folder=folder("coordination"))


def as_user(client, user):
    client.force_login(user)
    return client


# Downloads


def test_files_are_private_and_served_under_files(guide):
    assert not guide.is_public
    assert guide.url.startswith("/files/")


def test_new_library_files_are_private_by_default():
    file = File.objects.create(
        file=ContentFile(PDF_BYTES, name="note.pdf"), folder=folder("shared")
    )

    assert not file.is_public
    assert file.url.startswith("/files/")


def test_anonymous_visitor_is_sent_to_login(client, guide):
    response = client.get(guide.url)

    assert response.status_code == 302
    assert response["Location"] == f"/fr/accounts/login/?next={quote(guide.url)}"


def test_anonymous_visitor_cannot_tell_whether_a_file_exists(client):
    response = client.get("/files/00/00/does-not-exist/missing.pdf")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/")


def test_member_without_role_gets_404(client, member, guide):
    assert as_user(client, member).get(guide.url).status_code == 404


@pytest.mark.parametrize("role", ["peer", "trainer", "supervisor"])
def test_roles_reading_training_files_download_them(client, role, guide):
    response = as_user(client, UserFactory(roles=[role])).get(guide.url)

    assert response.status_code == 200
    assert b"".join(response) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment")
    assert "guide.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_coordinator_cannot_download_training_files(client, coordinator, guide):
    assert as_user(client, coordinator).get(guide.url).status_code == 404


def test_coordination_files_are_for_coordinators_only(client, peer, coordinator, minutes):
    assert as_user(client, peer).get(minutes.url).status_code == 404

    response = as_user(client, coordinator).get(minutes.url)

    assert response.status_code == 200
    assert b"".join(response) == PDF_BYTES


def test_missing_file_looks_like_a_forbidden_one(client, peer, minutes):
    as_user(client, peer)
    missing = client.get("/files/00/00/does-not-exist/missing.pdf")
    forbidden = client.get(minutes.url)

    assert missing.status_code == forbidden.status_code == 404


def test_read_right_covers_sub_folders(client, peer):
    module = Folder.objects.create(name="Module 1", parent=folder("training"))
    file = FileFactory(original_filename="fiche.pdf", folder=module)

    assert as_user(client, peer).get(file.url).status_code == 200


def test_member_removed_from_role_loses_access_at_once(client, peer, guide):
    as_user(client, peer)
    assert client.get(guide.url).status_code == 200

    peer.groups.clear()

    assert client.get(guide.url).status_code == 404


def test_member_given_a_role_gains_access_at_once(client, member, guide):
    as_user(client, member)
    assert client.get(guide.url).status_code == 404

    member.groups.add(Group.objects.get(name="supervisor"))

    # Staff give their two-step code before the private library, as before the admin.
    response = client.get(guide.url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))
    as_user(client, member)  # now a supervisor: logged in with the code
    assert client.get(guide.url).status_code == 200


def test_folder_right_withdrawn_applies_at_once(client, peer, guide):
    as_user(client, peer)
    assert client.get(guide.url).status_code == 200

    FolderPermission.objects.filter(group__name="peer", folder=folder("training")).delete()

    assert client.get(guide.url).status_code == 404


def test_reader_sees_thumbnails_of_private_images(client, trainer):
    picture = io.BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(picture, "PNG")
    image = Image.objects.create(
        file=ContentFile(picture.getvalue(), name="atelier.png"),
        original_filename="atelier.png",
        folder=folder("training"),
        is_public=False,
    )
    thumbnail_url = image.icons["48"]
    assert thumbnail_url.startswith("/files/thumbnails/")

    assert as_user(client, trainer).get(thumbnail_url).status_code == 200


# The admin file chooser


def chooser_url(name, *args):
    return reverse(f"filer_file_chooser:{name}", args=args)


def test_chooser_lists_only_readable_files(client, trainer, guide, minutes):
    response = as_user(client, trainer).get(chooser_url("choose"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "guide.pdf" in content
    assert "compte-rendu-bureau" not in content


def test_chooser_search_finds_readable_files_only(client, trainer, guide, minutes):
    as_user(client, trainer)

    found = client.get(chooser_url("choose_results"), {"q": "guide"}).content.decode()
    hidden = client.get(chooser_url("choose_results"), {"q": "compte-rendu"}).content.decode()

    assert "guide.pdf" in found
    assert "compte-rendu-bureau" not in hidden


def test_chooser_returns_a_readable_file(client, trainer, guide):
    response = as_user(client, trainer).get(chooser_url("chosen", guide.pk))

    assert response.status_code == 200
    assert json.loads(response.content)["result"]["id"] == str(guide.pk)


def test_chooser_refuses_a_file_the_editor_cannot_read(client, trainer, minutes):
    response = as_user(client, trainer).get(chooser_url("chosen", minutes.pk), follow=True)

    assert response.status_code == 404
    assert "compte-rendu-bureau" not in response.content.decode()


def test_chooser_answers_404_directly(client, trainer, minutes):
    """A 404 in the admin stays a 404; it is not redirected to /fr/admin/..."""
    response = as_user(client, trainer).get(chooser_url("chosen", minutes.pk))

    assert response.status_code == 404


def test_missing_file_address_without_extension_is_404(client, peer):
    response = as_user(client, peer).get("/files/00/00/does-not-exist/")

    assert response.status_code == 404


def test_chooser_multiple_does_not_disclose_unreadable_files(client, peer, guide, minutes):
    response = as_user(client, peer).get(
        chooser_url("chosen_multiple"), {"id": [guide.pk, minutes.pk]}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "guide.pdf" in content
    assert "compte-rendu-bureau" not in content


# The file library (Django admin)


FOLDER_LIST = "/django-admin/filer/folder/"


def test_file_library_menu_item_is_shown_to_trainers(client, trainer):
    response = as_user(client, trainer).get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert reverse("admin:filer_folder_changelist") == FOLDER_LIST
    assert FOLDER_LIST in response.content.decode()


def test_file_library_menu_item_is_hidden_from_peers(client, peer):
    response = as_user(client, peer).get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert FOLDER_LIST not in response.content.decode()


@pytest.mark.parametrize("role", ["trainer", "coordinator"])
def test_library_roles_can_open_the_file_library(client, role):
    assert as_user(client, UserFactory(roles=[role])).get(FOLDER_LIST).status_code == 200


@pytest.mark.parametrize("role", ["peer", "supervisor", None])
def test_other_members_cannot_open_the_file_library(client, role):
    user = UserFactory(roles=[role] if role else [])

    response = as_user(client, user).get(FOLDER_LIST)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("admin:login"))


def test_trainer_can_add_a_sub_folder_to_formation(client, trainer):
    url = reverse("admin:filer-directory_listing-make_folder", args=[folder("training").pk])

    assert as_user(client, trainer).get(url).status_code == 200


def test_trainer_cannot_add_a_sub_folder_to_coordination(client, trainer):
    url = reverse("admin:filer-directory_listing-make_folder", args=[folder("coordination").pk])

    assert as_user(client, trainer).get(url).status_code == 403


def test_trainer_who_is_also_a_peer_keeps_the_trainer_rights(client):
    chloe = UserFactory(roles=["trainer", "peer"])
    url = reverse("admin:filer-directory_listing-make_folder", args=[folder("training").pk])

    assert as_user(client, chloe).get(url).status_code == 200
