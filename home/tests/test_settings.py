"""Settings: production refuses to start half-configured, and the shared choices hold."""

import base64
import os
import re
import secrets
import string
import subprocess
import sys

from django.conf import settings

import pytest

BASE_DIR = settings.BASE_DIR
REQUIRED = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "WAGTAILADMIN_BASE_URL",
    "FIELD_ENCRYPTION_KEYS",
]


def production_environment(tmp_path, **overrides):
    """A clean environment with every variable production needs, and nothing else."""
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
        "ALLOWED_HOSTS": "intranet.entrepairs.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://intranet.entrepairs.example",
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        **overrides,
    }
    return {name: value for name, value in environment.items() if value is not None}


def run(args, environment):
    return subprocess.run(
        [sys.executable, *args],
        env=environment,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


SETUP_PRODUCTION = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings.production'; "
    "django.setup()"
)


def skip_if_dotenv_defines(name):
    """A developer's .env is read by the settings and would fill in the missing variable."""
    dotenv = BASE_DIR / ".env"
    if dotenv.exists() and re.search(
        rf"^\s*(export\s+)?{name}\s*=", dotenv.read_text(encoding="utf-8"), re.MULTILINE
    ):
        pytest.skip(f"the local .env defines {name}")


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without(tmp_path, missing):
    skip_if_dotenv_defines(missing)
    result = run(["-c", SETUP_PRODUCTION], production_environment(tmp_path, **{missing: None}))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


@pytest.mark.parametrize("empty", REQUIRED)
def test_production_refuses_an_empty_value(tmp_path, empty):
    result = run(["-c", SETUP_PRODUCTION], production_environment(tmp_path, **{empty: ""}))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert empty in result.stderr


def test_production_refuses_a_malformed_encryption_key(tmp_path):
    environment = production_environment(tmp_path, FIELD_ENCRYPTION_KEYS="not-a-key")
    result = run(["-c", SETUP_PRODUCTION], environment)

    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
    assert "not-a-key" not in result.stderr


def test_production_passes_the_deployment_checks(tmp_path):
    environment = production_environment(
        tmp_path, DJANGO_SETTINGS_MODULE="config.settings.production"
    )

    result = run(
        [str(BASE_DIR / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"], environment
    )

    assert result.returncode == 0, result.stderr + result.stdout


def test_sqlite_uses_wal():
    """Read from the base settings as they are without DATABASE_URL, whatever this run uses."""
    code = (
        "from config.settings import base; "
        "print(base.DATABASES['default']['ENGINE']); "
        "print(base.DATABASES['default']['OPTIONS']['init_command'])"
    )
    # Empty means "not set" for the settings, even if a local .env defines it.
    result = run(
        ["-c", code], {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": ""}
    )

    assert result.returncode == 0, result.stderr
    engine, init_command = result.stdout.splitlines()
    assert engine == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in init_command


def test_active_sqlite_database_uses_wal():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("this run does not use SQLite")
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]


def test_french_first_then_english():
    assert settings.LANGUAGE_CODE == "fr"
    assert [code for code, _name in settings.LANGUAGES] == ["fr", "en"]
    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == ["fr", "en"]


def test_translations_start_as_drafts():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_library_files_are_private_and_permission_checked():
    assert settings.FILER_IS_PUBLIC_DEFAULT is False
    assert settings.FILER_ENABLE_PERMISSIONS is True


PRINT_CACHE = (
    SETUP_PRODUCTION
    + "; from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
)


@pytest.mark.parametrize(
    ("redis_url", "backend"),
    [
        ("redis://127.0.0.1:6379/1", "config.cache.RedisCache"),
        (None, "config.cache.EmbeddedCache"),
    ],
)
def test_production_workers_share_one_cache(tmp_path, redis_url, backend):
    """Cached page chrome is invalidated by a version in the cache: every worker must see it."""
    skip_if_dotenv_defines("REDIS_URL")
    result = run(["-c", PRINT_CACHE], production_environment(tmp_path, REDIS_URL=redis_url))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == backend


@pytest.mark.parametrize(
    ("pool", "expected"),
    [("true", "{'min_size': 1, 'max_size': 2} 0"), ("false", "None 60"), (None, "None 60")],
)
def test_postgresql_pools_connections_when_asked(tmp_path, pool, expected):
    code = (
        SETUP_PRODUCTION + "; from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d.get('OPTIONS', {}).get('pool'), d['CONN_MAX_AGE'])"
    )
    environment = production_environment(
        tmp_path, DATABASE_URL="postgres://entrepairs@127.0.0.1:5432/entrepairs", DATABASE_POOL=pool
    )
    result = run(["-c", code], environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
