"""« My data »: everything about the member who asks, in one archive, and nobody else's."""

import io
import json
import zipfile
from html import unescape

from django.urls import get_resolver, reverse
from django.utils import translation
from django.utils.html import escape

import pytest

from courses.models import Certificate
from privacy.models import AuditEvent

from .conftest import ENTRY_TEXTS, NOTE_TEXT, REVIEW_TEXT, SECTION_TEXT, person

pytestmark = pytest.mark.django_db


def download(client, language="fr"):
    """Ask for a copy (a task builds it: at once in tests), then download it."""
    with translation.override(language):
        ask, url = reverse("my_data_download"), reverse("my_data_archive")
    assert client.post(ask).status_code == 302
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    data = json.loads(archive.read(next(n for n in names if n.endswith("data.json"))))
    html = archive.read(next(n for n in names if n.endswith("data.html"))).decode()
    return response, data, html


def test_anonymous_visitors_are_asked_to_log_in(client):
    for name in (
        "my_data",
        "my_data_download",
        "my_data_archive",
        "erasure_request",
        "erasure_cancel",
    ):
        response = client.post(reverse(name))
        assert response.status_code == 302
        assert reverse("login") in response["Location"]


def test_the_urls_carry_no_member_id():
    for name in ("my_data_download", "my_data_archive"):
        for pattern in get_resolver().reverse_dict.getlist(name):
            assert pattern[0][0][1] == []


def test_the_page_explains_both_rights(client, alice):
    client.force_login(alice)
    page = client.get(reverse("my_data")).content.decode()
    assert "Préparer une copie de mes données" in page
    assert "Demander l'effacement" in unescape(page)
    assert client.get(reverse("my_data_download")).status_code == 405


def test_the_archive_holds_everything_about_the_member(client, alice, reviewed_entry, learning):
    client.force_login(alice)
    response, data, html = download(client)

    sections = data["sections"]
    assert sections["account"]["email"] == "alicia.zephyrin@example.org"
    assert sections["roles"] == ["Pair-aidant·e"]
    assert len(sections["charter_acknowledgements"]) == 1
    (entry,) = sections["reflective_entries"]
    assert entry["description"] == ENTRY_TEXTS["description"]
    assert entry["question_for_supervisor"] == ENTRY_TEXTS["question_for_supervisor"]
    (review,) = entry["reviews"]
    assert review["overall_comment"] == REVIEW_TEXT
    assert review["by"] == "Davide Moreau"
    assert review["section_comments"]["feelings"]["questions"] == SECTION_TEXT
    assert [read["by"] for read in entry["reads"]] == ["Davide Moreau"]
    assert sections["reflection_notes"][0]["text"] == NOTE_TEXT
    assert sections["certificates"][0]["code"] == learning.code
    assert sections["quiz_attempts"][0]["score_percent"] == 100
    assert sections["practice_groups"][0]["as"] == "membre"
    assert escape(ENTRY_TEXTS["description"]) in html
    assert "Vos données sur Entrepairs" in html
    assert ".zip" in response["Content-Disposition"]

    (event,) = AuditEvent.objects.filter(action=AuditEvent.EXPORT)
    assert (event.actor_id, event.subject_id) == (alice.pk, alice.pk)
    assert any(
        row["action"] == "login" or row["action"] == "read"
        for row in download(client)[1]["sections"]["audit_log"]
    )


def test_the_archive_follows_the_member_s_language(client, alice, reviewed_entry):
    client.force_login(alice)
    _response, data, html = download(client, "en")
    assert data["language"] == "en"
    assert "Your data at Entrepairs" in html
    assert data["sections"]["roles"] == ["Peer supporter"]


def test_nobody_gets_someone_else_s_data(client, alice, david, reviewed_entry, learning):
    """David reviewed and read Alice's entry: his archive says when, never what."""
    client.force_login(david)
    _response, data, html = download(client)
    dump = json.dumps(data, ensure_ascii=False) + html
    for secret in [
        *ENTRY_TEXTS.values(),
        REVIEW_TEXT,
        SECTION_TEXT,
        NOTE_TEXT,
        "alicia.zephyrin@example.org",
        learning.code,
    ]:
        assert secret not in dump
        assert escape(secret) not in dump
    assert data["sections"]["reviews_written"][0]["entry_id"] == reviewed_entry.pk
    assert data["sections"]["entries_read"][0]["entry_id"] == reviewed_entry.pk
    assert data["sections"]["account"]["username"] == david.username

    stranger = person("peer")
    client.force_login(stranger)
    _response, data, _html = download(client)
    assert data["sections"]["reflective_entries"] == []
    assert Certificate.objects.filter(user=alice).exists()
    assert data["sections"]["certificates"] == []
