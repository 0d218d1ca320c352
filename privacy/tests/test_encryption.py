"""Confidential texts are encrypted at rest: neither the database nor a dump holds them."""

import io
import json

from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

import pytest

from courses.models import ReflectionNote
from practice_analysis.models import EntryReview, ReflectiveEntry
from privacy import encryption
from privacy.migration_helpers import decrypt_rows, encrypt_rows

from .conftest import ENTRY_TEXTS, NOTE_TEXT, REVIEW_TEXT, SECTION_TEXT

pytestmark = pytest.mark.django_db
SECRETS = [*ENTRY_TEXTS.values(), REVIEW_TEXT, SECTION_TEXT, NOTE_TEXT]
OLD_KEY = encryption.generate_key()
NEW_KEY = encryption.generate_key()


def raw_rows(table, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} WHERE id = %s", [pk])
        return [str(value) for value in cursor.fetchone()]


def test_python_sees_the_texts_the_database_does_not(reviewed_entry, learning):
    entry = ReflectiveEntry.objects.get(pk=reviewed_entry.pk)
    review = entry.reviews.get()
    note = ReflectionNote.objects.get()

    assert [entry.title, entry.description, entry.feelings] == [
        ENTRY_TEXTS["title"],
        ENTRY_TEXTS["description"],
        ENTRY_TEXTS["feelings"],
    ]
    assert review.section_comments == {"feelings": {"questions": SECTION_TEXT}}
    assert review.overall_comment == REVIEW_TEXT
    assert note.text == NOTE_TEXT
    stored = " ".join(
        raw_rows("practice_analysis_reflectiveentry", entry.pk)
        + raw_rows("practice_analysis_entryreview", review.pk)
        + raw_rows("courses_reflectionnote", note.pk)
    )
    for secret in SECRETS:
        assert secret not in stored
    assert stored.count(encryption.PREFIX) >= 8


def test_a_dump_holds_none_of_the_texts_and_loads_back(reviewed_entry, learning, tmp_path):
    out = io.StringIO()
    call_command(
        "dumpdata",
        "practice_analysis.reflectiveentry",
        "practice_analysis.entryreview",
        "courses.reflectionnote",
        stdout=out,
    )
    dump = out.getvalue()
    for secret in [*SECRETS, json.dumps(SECTION_TEXT)[1:-1]]:
        assert secret not in dump
    assert encryption.PREFIX in dump

    ReflectiveEntry.objects.filter(pk=reviewed_entry.pk).update(state="draft")
    fixture = tmp_path / "dump.json"
    fixture.write_text(dump, encoding="utf-8")
    call_command("loaddata", str(fixture), stdout=io.StringIO())
    restored = ReflectiveEntry.objects.get(pk=reviewed_entry.pk)
    assert restored.description == ENTRY_TEXTS["description"]
    assert restored.reviews.get().section_comments["feelings"]["questions"] == SECTION_TEXT


def test_empty_texts_stay_empty_and_the_form_checks_the_title_length(reviewed_entry):
    entry = ReflectiveEntry.objects.get(pk=reviewed_entry.pk)
    assert entry.analysis == ""
    field = ReflectiveEntry._meta.get_field("title").formfield()
    assert field.max_length == 120


def test_encrypted_fields_cannot_be_queried():
    with pytest.raises(FieldError):
        list(ReflectiveEntry.objects.filter(title="Une soirée"))
    with pytest.raises(FieldError):
        list(EntryReview.objects.filter(overall_comment__icontains="soir"))


def test_rotation_re_encrypts_with_the_first_key_and_is_idempotent(alice, group):
    from practice_analysis.factories import ReflectiveEntryFactory

    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]):
        entry = ReflectiveEntryFactory(author=alice, group=group, **ENTRY_TEXTS)
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY, OLD_KEY]):
        out = io.StringIO()
        call_command("rotate_encryption_key", "--dry-run", stdout=out)
        assert "1 row(s) would be re-encrypted" in out.getvalue()
        before = raw_rows("practice_analysis_reflectiveentry", entry.pk)
        assert raw_rows("practice_analysis_reflectiveentry", entry.pk) == before

        call_command("rotate_encryption_key", "--batch-size", "1", stdout=io.StringIO())
        out = io.StringIO()
        call_command("rotate_encryption_key", stdout=out)
        assert "0 row(s) re-encrypted" in out.getvalue()
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW_KEY]):
        assert ReflectiveEntry.objects.get(pk=entry.pk).description == ENTRY_TEXTS["description"]
    with (
        override_settings(FIELD_ENCRYPTION_KEYS=[OLD_KEY]),
        pytest.raises(encryption.DecryptionError),
    ):
        ReflectiveEntry.objects.get(pk=entry.pk)


def test_the_migration_encrypts_plain_rows_and_can_take_them_back(reviewed_entry):
    decrypt_rows(ReflectiveEntry, connection)
    decrypt_rows(EntryReview, connection)
    stored = " ".join(raw_rows("practice_analysis_reflectiveentry", reviewed_entry.pk))
    assert ENTRY_TEXTS["description"] in stored
    # Plain rows (from before encryption) are still read correctly…
    assert ReflectiveEntry.objects.get(pk=reviewed_entry.pk).title == ENTRY_TEXTS["title"]
    assert EntryReview.objects.get().section_comments["feelings"]["questions"] == SECTION_TEXT

    encrypt_rows(ReflectiveEntry)
    encrypt_rows(EntryReview)
    stored = " ".join(raw_rows("practice_analysis_reflectiveentry", reviewed_entry.pk))
    assert ENTRY_TEXTS["description"] not in stored
    assert ReflectiveEntry.objects.get(pk=reviewed_entry.pk).title == ENTRY_TEXTS["title"]


def test_keys_must_be_fernet_keys():
    with pytest.raises(ImproperlyConfigured):
        encryption.parse_keys("")
    with pytest.raises(ImproperlyConfigured):
        encryption.parse_keys("short,also-short")
    assert encryption.parse_keys(f" {NEW_KEY} , {OLD_KEY} ") == [NEW_KEY, OLD_KEY]
