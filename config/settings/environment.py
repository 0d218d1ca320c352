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
    return with_prepared_statements(
        env.db_url_config(env.str("DATABASE_URL", default="") or default)
    )


def with_prepared_statements(database):
    """PostgreSQL: the queries that ``home.prepared.statement_cursor`` sends (SQL written once
    per process: the member's row, the learner's rows, a member's groups) are prepared once
    per connection. Django turns psycopg's prepared statements off (``prepare_threshold``
    None) and its own queries, bound on the client, are never prepared either way.
    DATABASE_PREPARED_STATEMENTS=false for a pooler that cannot keep them (PgBouncer before
    1.21 in transaction mode)."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        enabled = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)
        database.setdefault("OPTIONS", {}).setdefault("prepare_threshold", 5 if enabled else None)
    return database


def required(name):
    """Read a variable that has no default: missing means the server refuses to start."""
    from django.core.exceptions import ImproperlyConfigured

    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (see .env.example)."
        )
    return value


# Machine translation in wagtail-localize's editor: off unless MACHINE_TRANSLATION names one.
MACHINE_TRANSLATORS = {
    "deepl": (
        "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        {"AUTH_KEY": "DEEPL_API_KEY"},
    ),
    "libretranslate": (
        "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        {"LIBRETRANSLATE_URL": "LIBRETRANSLATE_URL", "API_KEY": "LIBRETRANSLATE_API_KEY"},
    ),
}


def machine_translator():
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for ``MACHINE_TRANSLATION``, or None when unset.

    A machine translation is a suggestion: the translation still goes through review.
    The texts are sent to the service, so choose one the association trusts with them.
    """
    from django.core.exceptions import ImproperlyConfigured

    name = env.str("MACHINE_TRANSLATION", default="").strip().lower()
    if not name:
        return None
    if name not in MACHINE_TRANSLATORS:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATION={name} is not known: use one of {', '.join(MACHINE_TRANSLATORS)}."
        )
    translator_class, variables = MACHINE_TRANSLATORS[name]
    return {
        "CLASS": translator_class,
        "OPTIONS": {option: required(variable) for option, variable in variables.items()},
    }
