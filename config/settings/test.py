"""Tests: fast hashing, in-memory e-mail, media in a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import FILER_STORAGES

SECRET_KEY = "test-only-not-secret-entrepairs"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The outbox sends into django.core.mail.outbox (Django's test runner makes EMAIL_BACKEND
# the same, so a stray send_mail lands there too).
EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the caller, unless a test chooses the database queue
# (``override_settings(TASKS=...)``, as home/tests/test_outbox.py does).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
FIELD_ENCRYPTION_KEYS = ["ZW50cmVwYWlycy10ZXN0LW9ubHktbm90LXNlY3JldCE="]

_tmp = Path(tempfile.mkdtemp(prefix="entrepairs-test-"))
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private"
for _visibility in FILER_STORAGES.values():
    for _kind, _storage in _visibility.items():
        _name = Path(_storage["OPTIONS"]["location"]).name
        _root = PRIVATE_MEDIA_ROOT if _storage["ENGINE"].startswith("filer") else MEDIA_ROOT
        _storage["OPTIONS"]["location"] = str(_root / _name)
BACKUP_DIR = _tmp / "backups"
