"""Wagtail documents: members-only collections, served after a check, and in the editing
space each person sees only the documents of the collections they work in."""

from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from home.factories import UserFactory
from home.roles import COLLECTIONS

pytestmark = pytest.mark.django_db

Document = get_document_model()


def shown(response):
    """The HTML of an editing-space answer (the chooser answers JSON around its HTML)."""
    if response.status_code != 200:
        return ""
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "")
    return response.content.decode()


def collection(key):
    return Collection.objects.get(name=COLLECTIONS[key])


def document(key, title):
    doc = Document(title=title, collection=collection(key))
    doc.file.save(f"{key}.txt", ContentFile(f"Contenu de {title}".encode()), save=False)
    doc.save()
    return doc


@pytest.fixture
def documents():
    return {
        "training": document("training", "Support de formation écoute"),
        "site": document("site", "Compte rendu du bureau"),
    }


def test_bootstrap_makes_every_association_collection_login_only():
    for key in COLLECTIONS:
        assert CollectionViewRestriction.objects.filter(
            collection=collection(key), restriction_type=CollectionViewRestriction.LOGIN
        ).exists(), key


def test_documents_are_served_through_the_checked_view(settings, documents):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    url = documents["training"].url
    assert url.startswith("/documents/") and not url.startswith(settings.MEDIA_URL)


@pytest.mark.parametrize("key", ["training", "site"])
def test_anonymous_visitors_are_sent_to_log_in_for_a_document(client, documents, key):
    response = client.get(documents[key].url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert documents[key].title.encode() not in response.content


def test_a_member_downloads_a_document_of_a_login_only_collection(client, documents):
    client.force_login(UserFactory(roles=["peer"]))
    response = client.get(documents["training"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == "Contenu de Support de formation écoute".encode()


def test_a_wrong_file_name_or_id_is_a_404(client, documents):
    client.force_login(UserFactory(roles=["peer"]))
    doc = documents["training"]
    assert client.get(f"/documents/{doc.pk}/autre-nom.txt").status_code == 404
    assert client.get(f"/documents/{doc.pk + 1000}/{doc.filename}").status_code == 404


@override_settings(DEBUG=True)
def test_the_stored_file_is_not_where_the_documents_view_is(documents):
    """nginx answers 404 under /media/documents/ (docs/deployment.md): the file's own
    storage URL is never handed out, only the checked view's."""
    doc = documents["site"]
    assert doc.file.name.startswith("documents/")
    assert doc.url != doc.file.url


# The editing space: listing and chooser, per collection permissions.


@pytest.mark.parametrize("role", ["peer", "supervisor"])
def test_peers_and_supervisors_see_no_document_in_the_editing_space(client, documents, role):
    client.force_login(UserFactory(roles=[role]))
    for url in (reverse("wagtaildocs:index"), reverse("wagtaildocs_chooser:choose")):
        page = shown(client.get(url))
        for doc in documents.values():
            assert doc.title not in page, (url, doc.title)
    for doc in documents.values():
        edit = client.get(reverse("wagtaildocs:edit", args=[doc.pk]))
        assert edit.status_code in (302, 403, 404)
        assert doc.title not in edit.content.decode()


def test_a_trainer_sees_training_documents_not_the_coordination_ones(client, documents):
    client.force_login(UserFactory(roles=["trainer"]))
    for url in (reverse("wagtaildocs:index"), reverse("wagtaildocs_chooser:choose")):
        page = shown(client.get(url))
        assert documents["training"].title in page, url
        assert documents["site"].title not in page, url
    foreign = documents["site"].pk
    for url in (
        reverse("wagtaildocs:edit", args=[foreign]),
        reverse("wagtaildocs:delete", args=[foreign]),
        reverse("wagtaildocs:document_usage", args=[foreign]),
        reverse("wagtaildocs:edit_multiple", args=[foreign]),
        reverse("wagtaildocs:delete_multiple", args=[foreign]),
    ):
        # The same answer as for an id that does not exist: no existence oracle.
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert Document.objects.filter(pk=foreign).exists()
    own = reverse("wagtaildocs:edit", args=[documents["training"].pk])
    assert client.get(own).status_code == 200


def test_a_coordinator_sees_the_site_documents_not_the_training_ones(client, documents):
    client.force_login(UserFactory(roles=["coordinator"]))
    for url in (reverse("wagtaildocs:index"), reverse("wagtaildocs_chooser:choose")):
        page = shown(client.get(url))
        assert documents["site"].title in page, url
        assert documents["training"].title not in page, url


BULK_ACTIONS = ["delete", "add_to_collection", "add_tags"]


@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_bulk_actions_never_name_a_document_of_another_collection(client, documents, action):
    client.force_login(UserFactory(roles=["trainer"]))
    url = f"/admin/bulk/wagtaildocs/document/{action}/"
    foreign = documents["site"]
    response = client.get(url, {"id": foreign.pk})
    assert response.status_code == 404
    assert foreign.title not in response.content.decode()
    # Mixed with one of their own: theirs is listed, the other one is not even named.
    response = client.get(f"{url}?id={documents['training'].pk}&id={foreign.pk}")
    page = response.content.decode()
    assert response.status_code == 200
    assert documents["training"].title in page and foreign.title not in page


def test_a_bulk_delete_of_another_collections_document_deletes_nothing(client, documents):
    client.force_login(UserFactory(roles=["trainer"]))
    foreign = documents["site"]
    client.post(f"/admin/bulk/wagtaildocs/document/delete/?id={foreign.pk}")
    assert Document.objects.filter(pk=foreign.pk).exists()


def test_bulk_actions_still_name_the_documents_of_ones_own_collection(client, documents):
    client.force_login(UserFactory(roles=["coordinator"]))
    own = documents["site"]
    response = client.get("/admin/bulk/wagtaildocs/document/delete/", {"id": own.pk})
    assert response.status_code == 200 and own.title in response.content.decode()


def test_in_development_media_are_served_but_never_documents(settings, documents):
    """``make run`` serves /media/ like nginx does: images yes, documents never."""
    import importlib

    from django.urls import Resolver404, clear_url_caches, resolve

    import config.urls

    settings.DEBUG = True
    try:
        importlib.reload(config.urls)
        clear_url_caches()
        assert resolve("/media/images/photo.jpg", urlconf=config.urls)
        with pytest.raises(Resolver404):
            resolve(f"/media/{documents['site'].file.name}", urlconf=config.urls)
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)
        clear_url_caches()
