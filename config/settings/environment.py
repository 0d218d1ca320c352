"""The one place where Entrepairs reads its environment.

Every setting that can change between machines is read here, through django-environ,
so the settings modules never touch ``os.environ`` themselves.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local `.env` is a convenience for development; production sets real variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEFAULT_SQLITE_URL = f"sqlite:///{BASE_DIR / 'var' / 'entrepairs.sqlite3'}"


def database_url(default=DEFAULT_SQLITE_URL):
    return env.db_url_config(env.str("DATABASE_URL", default="") or default)


def required(name):
    """Read a variable that has no default: missing means the server refuses to start."""
    from django.core.exceptions import ImproperlyConfigured

    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (see .env.example)."
        )
    return value
