"""Benchmarks (``make bench``): production settings on 127.0.0.1, over plain HTTP, with
their own database (``var/bench/``) so that network-scale data never mixes with yours."""

import os

from .environment import BASE_DIR

BENCH_DIR = BASE_DIR / "var" / "bench"
# Production refuses to start without these; the benchmark provides harmless local values.
for _name, _value in {
    "SECRET_KEY": "bench-only-not-secret-entrepairs",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}",
    "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "CACHE_DIR": str(BENCH_DIR / "cache"),
    "STATIC_ROOT": str(BENCH_DIR / "static"),
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "FIELD_ENCRYPTION_KEYS": "ZW50cmVwYWlycy1iZW5jaC1vbmx5LW5vdC1zZWNyZXQ=",
}.items():
    os.environ.setdefault(_name, _value)

from .production import *  # noqa: E402, F403
from .production import DATABASES, STORAGES  # noqa: E402

# The baseline view (no database) next to the site's own URLs.
ROOT_URLCONF = "bench.urls"
# Static files are not measured: plain storage spares a collectstatic before each run (the
# manifest only maps names to hashed names, in memory).
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Plain HTTP on the loopback: cookies cannot be "secure" there.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # As in base.py: WAL lets the two workers read while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
