"""Backups: an archive restores into an empty database with every object and every file.

The path follows the configured engine: SQLite's online backup API under ``make test``,
pg_dump / pg_restore under ``make test-postgres``.
"""

import io
import json
import sqlite3
import tarfile
from contextlib import closing

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from home import backups
from home.backups import BackupError, FileRoot, create_backup, engine_of, restore_backup
from home.factories import PDF_BYTES, FileFactory, UserFactory
from home.roles import COLLECTIONS

# Every test runs in the test database. Backups themselves are made in module fixtures, before
# a test's transaction opens, as the command runs in real life: pg_dump only sees committed
# data, and SQLite's backup waits for the lock of an open write transaction.
pytestmark = pytest.mark.django_db

DOCUMENT_BYTES = b"Programme de la formation\n"


def every_table():
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            yield model._meta.db_table, model._meta.pk.column


def primary_keys_here(table, column):
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT "{column}" FROM "{table}"')
        return {row[0] for row in cursor.fetchall()}


def forget_audit_records_since(count):
    """The audit log is append-only (accounts are recorded as they are created): this
    module's own records go with the rest of its committed state, by SQL."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ReferenceIndex

    from privacy.models import AuditEvent

    ours = [
        str(pk) for pk in AuditEvent.objects.order_by("pk").values_list("pk", flat=True)[count:]
    ]
    ReferenceIndex.objects.filter(
        content_type=ContentType.objects.get_for_model(AuditEvent), object_id__in=ours
    ).delete()
    with connection.cursor() as cursor:
        for pk in ours:
            cursor.execute("DELETE FROM privacy_auditevent WHERE id = %s", [int(pk)])


@pytest.fixture(scope="module")
def saved(django_db_setup, django_db_blocker, tmp_path_factory):
    """Objects and files committed, then one backup of them by the command; the objects are
    removed after the module."""
    with django_db_blocker.unblock():
        before = {table: len(primary_keys_here(table, pk)) for table, pk in every_table()}
        user = UserFactory(roles=["peer"], username="sauvegarde", first_name="Inès")
        library_file = FileFactory(original_filename="guide-sauvegarde.pdf", owner=user)
        document = get_document_model().objects.create(
            title="Programme",
            file=ContentFile(DOCUMENT_BYTES, name="programme.txt"),
            collection=Collection.objects.get(name=COLLECTIONS["training"]),
            uploaded_by_user=user,
        )
        try:
            directory = tmp_path_factory.mktemp("backups")
            out = io.StringIO()
            call_command("backup", "--dir", str(directory), stdout=out)
            source = {table: primary_keys_here(table, pk) for table, pk in every_table()}
            yield {
                "archive": next(directory.glob("entrepairs-*.tar.gz")),
                "directory": directory,
                "output": out.getvalue(),
                "source": source,
                "user": user,
                "library_file": library_file,
                "document": document,
            }
        finally:
            document.delete()
            library_file.delete()
            user.delete()
            forget_audit_records_since(before["privacy_auditevent"])
            after = {table: len(primary_keys_here(table, pk)) for table, pk in every_table()}
            # Other modules share this committed state: nothing of ours may stay behind.
            left = {t: (before[t], after[t]) for t in after if after[t] != before[t]}
            assert not left, left


class Target:
    """An empty database of the configured engine, read with the engine's own client."""

    def __init__(self, tmp_path):
        self.engine = engine_of(connection.settings_dict)
        if self.engine == "sqlite":
            self.database = {**connection.settings_dict, "NAME": str(tmp_path / "restored.db")}
        else:
            name = f"{connection.settings_dict['NAME']}_restored"
            self.database = {**connection.settings_dict, "NAME": name}
            with backups.psycopg_connect(connection.settings_dict, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                admin.execute(f'CREATE DATABASE "{name}"')

    def primary_keys(self, table, column):
        query = f'SELECT "{column}" FROM "{table}"'
        if self.engine == "sqlite":
            with closing(sqlite3.connect(self.database["NAME"])) as db:
                return {row[0] for row in db.execute(query)}
        with backups.psycopg_connect(self.database) as db:
            return {row[0] for row in db.execute(query)}

    def drop(self):
        if self.engine == "postgresql":
            with backups.psycopg_connect(connection.settings_dict, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.database["NAME"]}" WITH (FORCE)')


@pytest.fixture
def target(tmp_path):
    target = Target(tmp_path)
    yield target
    target.drop()


@pytest.fixture
def roots(tmp_path):
    return [FileRoot("media", tmp_path / "media"), FileRoot("private", tmp_path / "private")]


def test_backup_restores_every_object_and_file_into_an_empty_database(
    saved, target, roots, tmp_path
):
    manifest, kept_aside = restore_backup(saved["archive"], database=target.database, roots=roots)

    assert manifest["database"]["engine"] == target.engine
    assert kept_aside == []
    assert len(saved["source"]) > 50
    for table, column in every_table():
        assert target.primary_keys(table, column) == saved["source"][table], table
    user_table = saved["user"]._meta.db_table
    assert saved["user"].pk in target.primary_keys(user_table, "id")
    private = tmp_path / "private" / "filer" / saved["library_file"].file.name
    assert private.read_bytes() == PDF_BYTES
    document = tmp_path / "media" / saved["document"].file.name
    assert document.read_bytes() == DOCUMENT_BYTES


def test_archive_is_named_by_time_and_carries_a_manifest(saved):
    archive = saved["archive"]

    assert archive.name.startswith("entrepairs-") and archive.name.endswith("Z.tar.gz")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["app"]["version"]
    assert manifest["database"]["migrations"]["home"]
    library_name = f"private/filer/{saved['library_file'].file.name}"
    assert len(manifest["members"][library_name]["sha256"]) == 64


def test_restore_refuses_a_database_that_holds_data(saved, target, roots):
    archive = saved["archive"]
    restore_backup(archive, database=target.database, roots=roots)

    with pytest.raises(BackupError, match=r"Nothing was restored.*already hold data.*--force"):
        restore_backup(archive, database=target.database, roots=roots)

    _manifest, kept_aside = restore_backup(
        archive, database=target.database, roots=roots, force=True
    )
    assert {path.name.split(".")[0] for path in kept_aside} == {"media", "private"}
    assert all(path.exists() for path in kept_aside)


def test_damaged_archive_is_refused_before_anything_changes(saved, target, roots, tmp_path):
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(saved["archive"]) as source, tarfile.open(damaged, "w:gz") as copy:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("private/filer/"):
                data = data.replace(b"%PDF", b"%PDX")
            copy.addfile(member, io.BytesIO(data))

    with pytest.raises(BackupError, match="checksum of private/filer/"):
        restore_backup(damaged, database=target.database, roots=roots)

    assert not backups._has_tables(target.engine, target.database)
    assert not (tmp_path / "media").exists()
    assert not (tmp_path / "private").exists()


def test_failed_backup_leaves_no_archive(saved, tmp_path, monkeypatch):
    def broken_dump(*args):
        raise OSError("disk full")

    monkeypatch.setattr(backups, "dump_sqlite", broken_dump)
    monkeypatch.setattr(backups, "dump_postgresql", broken_dump)

    with pytest.raises(OSError, match="disk full"):
        create_backup(directory=tmp_path)

    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def failed_while_archiving(saved, django_db_blocker, tmp_path_factory):
    """A backup whose archiving of the private files fails half-way."""
    directory = tmp_path_factory.mktemp("failed")
    original = backups._add

    def broken_add(archive, members, name, path):
        if name.startswith("private/"):
            raise OSError("file vanished")
        return original(archive, members, name, path)

    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        patch.setattr(backups, "_add", broken_add)
        with pytest.raises(OSError, match="file vanished"):
            create_backup(directory=directory)
    return directory


def test_failure_while_archiving_files_leaves_no_archive(failed_while_archiving):
    assert list(failed_while_archiving.iterdir()) == []


def test_backup_command_says_where_the_archive_is(saved):
    assert f"Backup written: {saved['archive']}" in saved["output"]
    assert "FIELD_ENCRYPTION_KEYS" in saved["output"]
    assert list(saved["directory"].iterdir()) == [saved["archive"]]


def test_restore_command_refuses_the_configured_database_when_it_holds_data(saved):
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(saved["archive"]))


def test_restore_command_refuses_a_file_that_is_not_a_backup(tmp_path):
    not_a_backup = tmp_path / "notes.tar.gz"
    not_a_backup.write_bytes(b"hello")

    with pytest.raises(CommandError, match="cannot be read as a backup archive"):
        call_command("restore", str(not_a_backup))
