"""Backups: one archive holding the database, the media and private files, and a manifest.

SQLite is copied with its online backup API, PostgreSQL with ``pg_dump --format=custom``;
``restore`` checks every checksum before it changes anything. See docs/operations.md.
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import tomllib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBERS = {
    "sqlite": "database/entrepairs.sqlite3",
    "postgresql": "database/entrepairs.pgdump",
}
ARCHIVE_PATTERN = "entrepairs-{stamp}.tar.gz"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore that cannot be done; the message says why and what to do."""


@dataclass
class FileRoot:
    """A folder of uploaded files, stored in the archive under ``name/``."""

    name: str
    path: Path


def file_roots():
    """MEDIA_ROOT and PRIVATE_MEDIA_ROOT; every file storage of the library must be inside."""
    roots = [
        FileRoot("media", Path(settings.MEDIA_ROOT)),
        FileRoot("private", Path(settings.PRIVATE_MEDIA_ROOT)),
    ]
    for visibility in settings.FILER_STORAGES.values():
        for storage in visibility.values():
            location = Path(storage["OPTIONS"]["location"]).resolve()
            if not any(location.is_relative_to(root.path.resolve()) for root in roots):
                raise BackupError(
                    f"The file library stores files in {location}, outside MEDIA_ROOT and "
                    "PRIVATE_MEDIA_ROOT: move it inside one of them so backups include it."
                )
    return roots


def engine_of(database):
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


# Creating a backup


def create_backup(directory=None, alias="default", now=None):
    """Write one archive under ``directory`` (BACKUP_DIR) and return its path.

    The archive is written under a temporary name and renamed when complete, so a failed
    backup leaves nothing behind that could be taken for a backup.
    """
    directory = Path(directory or settings.BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    now = now or datetime.datetime.now(datetime.UTC)
    target = directory / ARCHIVE_PATTERN.format(stamp=now.strftime("%Y%m%dT%H%M%SZ"))
    if target.exists():
        raise BackupError(f"{target} already exists.")
    database = connections[alias].settings_dict
    engine = engine_of(database)
    roots = file_roots()
    partial = directory / f".{target.name}.partial"
    members = {}
    try:
        with tempfile.TemporaryDirectory(dir=directory, prefix=".dump-") as scratch:
            dump = Path(scratch) / "database"
            if engine == "sqlite":
                dump_sqlite(alias, dump)
            else:
                dump_postgresql(database, dump)
            with tarfile.open(partial, "w:gz") as archive:
                _add(archive, members, DATABASE_MEMBERS[engine], dump)
                for root in roots:
                    for path in sorted(root.path.rglob("*")) if root.path.exists() else []:
                        if path.is_file() and not path.is_symlink():
                            name = f"{root.name}/{path.relative_to(root.path).as_posix()}"
                            _add(archive, members, name, path)
                manifest = {
                    "format": FORMAT_VERSION,
                    "created_at": now.isoformat(),
                    "app": app_version(),
                    "database": {
                        "engine": engine,
                        "member": DATABASE_MEMBERS[engine],
                        "migrations": latest_migrations(alias),
                    },
                    "files": [root.name for root in roots],
                    "members": members,
                }
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(data)
                info.mtime = int(now.timestamp())
                archive.addfile(info, _Reader(data))
        partial.chmod(0o600)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


class _Reader:
    """A readable view of bytes, for tarfile.addfile."""

    def __init__(self, data):
        self.data, self.offset = data, 0

    def read(self, size=-1):
        end = len(self.data) if size < 0 else self.offset + size
        chunk, self.offset = self.data[self.offset : end], min(end, len(self.data))
        return chunk


class _HashingReader:
    def __init__(self, handle):
        self.handle, self.sha256 = handle, hashlib.sha256()

    def read(self, size=-1):
        chunk = self.handle.read(size)
        self.sha256.update(chunk)
        return chunk


def _add(archive, members, name, path):
    info = archive.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with path.open("rb") as handle:
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    members[name] = {"sha256": reader.sha256.hexdigest(), "size": info.size}


def dump_sqlite(alias, target):
    """Copy the live database page by page (sqlite3 online backup API): consistent even
    while the site writes to it."""
    connection = connections[alias]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination, sleep=0.25, progress=_give_up_when_locked())
    finally:
        destination.close()


def _give_up_when_locked(seconds=120):
    """SQLite retries a locked database for ever; a scheduled backup must fail instead."""
    deadline = time.monotonic() + seconds

    def progress(status, remaining, total):
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise BackupError(
                f"the SQLite database stayed locked for {seconds} seconds (a long write, or "
                "this command run inside a transaction); try again."
            )

    return progress


def dump_postgresql(database, target):
    _run_pg("pg_dump", database, ["--format=custom", "--no-owner", f"--file={target}"])


def app_version():
    with (settings.BASE_DIR / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {"version": version, "git_commit": commit}


def latest_migrations(alias):
    latest = {}
    for app, name in MigrationRecorder(connections[alias]).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


# Restoring a backup


def read_backup(path, staging):
    """Unpack the archive into ``staging`` and check it against its manifest.

    Returns the manifest. Raises BackupError before anything is restored if a file is
    missing, added or altered.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(staging, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{path} cannot be read as a backup archive ({error}).") from error
    manifest_path = Path(staging) / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{path} has no manifest: it is not an Entrepairs backup.")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"{path} has backup format {manifest.get('format')}, not {FORMAT_VERSION}."
        )
    found = {p.relative_to(staging).as_posix() for p in Path(staging).rglob("*") if p.is_file()}
    found.discard(MANIFEST)
    expected = set(manifest["members"])
    if found != expected:
        missing, extra = sorted(expected - found), sorted(found - expected)
        raise BackupError(f"{path} does not match its manifest: missing {missing}, extra {extra}.")
    for name, member in manifest["members"].items():
        if _sha256(Path(staging) / name) != member["sha256"]:
            raise BackupError(f"{path} is damaged: the checksum of {name} does not match.")
    return manifest


def restore_backup(path, alias="default", database=None, roots=None, force=False):
    """Restore the archive at ``path`` into a database (the configured one by default) and
    into the file folders. Refuses a database or folder that already holds data unless
    ``force``; files found there are then kept aside, never deleted."""
    configured = database is None
    database = connections[alias].settings_dict if configured else database
    engine = engine_of(database)
    roots = roots or file_roots()
    staging_parent = Path(settings.BACKUP_DIR)
    staging_parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=staging_parent, prefix=".restore-") as staging:
        manifest = read_backup(path, staging)
        if manifest["database"]["engine"] != engine:
            raise BackupError(
                f"This backup holds a {manifest['database']['engine']} database; the "
                f"configured database is {engine}."
            )
        occupied = list(_occupied(engine, database, roots, alias if configured else None))
        if occupied and not force:
            raise BackupError(
                "Nothing was restored, because these already hold data: "
                + "; ".join(occupied)
                + ". Restore into an empty database and empty folders, or add --force "
                "(make restore FORCE=1) to replace the database; files already there are "
                "then kept aside."
            )
        dump = Path(staging) / manifest["database"]["member"]
        if engine == "sqlite":
            restore_sqlite(dump, database, alias if configured else None)
        else:
            restore_postgresql(dump, database)
        kept_aside = _restore_files(Path(staging), manifest, roots)
    return manifest, kept_aside


def _occupied(engine, database, roots, alias=None):
    if _has_tables(engine, database, alias):
        yield f"the database {database['NAME']}"
    for root in roots:
        if root.path.exists() and any(p.is_file() for p in root.path.rglob("*")):
            yield f"the folder {root.path}"


def _has_tables(engine, database, alias=None):
    if alias is not None:
        return bool(connections[alias].introspection.table_names())
    if engine == "sqlite":
        if not Path(database["NAME"]).exists():
            return False
        with closing(sqlite3.connect(database["NAME"])) as connection:
            query = "SELECT 1 FROM sqlite_master WHERE type = 'table'"
            return connection.execute(query).fetchone() is not None
    with psycopg_connect(database) as connection:
        query = "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'"
        return connection.execute(query).fetchone() is not None


def restore_sqlite(dump, database, alias=None):
    """Copy the saved database into place page by page (online backup API), replacing what
    the target holds, under SQLite's own locking."""
    if alias is not None and connections[alias].settings_dict is database:
        connections[alias].close()
    Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(database["NAME"])
    try:
        source.backup(destination, sleep=0.25, progress=_give_up_when_locked())
    finally:
        source.close()
        destination.close()


def restore_postgresql(dump, database):
    _run_pg(
        "pg_restore",
        database,
        ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
         "--exit-on-error", f"--dbname={database['NAME']}", str(dump)],
    )  # fmt: skip


def _restore_files(staging, manifest, roots):
    """Move each saved folder into place; a folder that held files is renamed aside."""
    kept_aside = []
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    for root in roots:
        if root.name not in manifest["files"]:
            continue
        saved = staging / root.name
        if root.path.exists() and any(root.path.iterdir()):
            aside = root.path.with_name(f"{root.path.name}.before-restore-{stamp}")
            shutil.move(root.path, aside)
            kept_aside.append(aside)
        elif root.path.exists():
            root.path.rmdir()
        root.path.parent.mkdir(parents=True, exist_ok=True)
        if saved.exists():
            shutil.move(saved, root.path)
        else:
            root.path.mkdir()
    return kept_aside


def _sha256(path):
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# PostgreSQL client programs


def _run_pg(program, database, arguments):
    environment = {**os.environ, **_pg_environment(database)}
    try:
        result = subprocess.run(
            [str(pg_program(program, database)), *arguments],
            env=environment,
            capture_output=True,
            text=True,
        )
    except OSError as error:
        raise BackupError(f"{program} could not be run: {error}") from error
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")
    return result


def _pg_environment(database):
    """Connection settings as libpq variables: the password never shows in a process list."""
    options = database.get("OPTIONS", {})
    values = {
        "PGDATABASE": database.get("NAME"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGHOST": database.get("HOST"),
        "PGPORT": str(database.get("PORT") or ""),
        "PGSSLMODE": options.get("sslmode"),
    }
    return {key: str(value) for key, value in values.items() if value}


def pg_program(program, database):
    """The client program of the server's major version (or newer): pg_dump refuses a
    server newer than itself. PG_BIN_DIR overrides the search."""
    if settings.PG_BIN_DIR:
        return Path(settings.PG_BIN_DIR) / program

    def version(path):
        return int(re.sub(r"\D", "", path.parent.parent.name) or 0)

    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{program}"), key=version)
    major = _server_major(database)
    suitable = [p for p in candidates if version(p) >= major] if major else []
    if suitable:
        return suitable[0]
    found = shutil.which(program)
    if found:
        return Path(found)
    if candidates:
        return candidates[-1]
    raise BackupError(f"{program} was not found: install the PostgreSQL client programs.")


def psycopg_connect(database, **kwargs):
    import psycopg

    params = {k.lower().removeprefix("pg"): v for k, v in _pg_environment(database).items()}
    params["dbname"] = params.pop("database", None)
    return psycopg.connect(**params, **kwargs)


def _server_major(database):
    import psycopg

    try:
        with psycopg_connect(database) as connection:
            return connection.info.server_version // 10000
    except psycopg.Error:
        return None
