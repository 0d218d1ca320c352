"""Wagtail's database search backend, with PostgreSQL reading each page in its own language.

PostgreSQL's full-text search stems words with one configuration ("french", "english").
Wagtail's backend takes one for everything, and two backends would overwrite each other's
rows of the one index table. Here a page is indexed with the configuration of its locale
and a query is read with that of the reader's language, which is also the only language
``search.services`` looks in. Other databases (SQLite in development and tests) get Wagtail's
database backend unchanged.

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
    }}
"""

import copy

from django.db import connection
from django.utils.translation import get_language

from wagtail.models import Locale
from wagtail.search.backends import database

from modelsearch.backends.database.postgres import postgres

# Words of a language without its own configuration are not stemmed.
FALLBACK_CONFIG = "simple"


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    return database.SearchBackend(params)


def _language(code):
    return (code or "").split("-")[0].lower()


class LocalisedPostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_config = {}
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            by_config.setdefault(self.backend.config_for(language), []).append(obj)
        backend = self.backend
        try:
            for config, group in by_config.items():
                # The indexer reads the configuration from the backend it is given.
                self.backend = copy.copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend


class LocalisedPostgresQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(get_language())


class LocalisedPostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = LocalisedPostgresIndex
    query_compiler_class = LocalisedPostgresQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.configs = {
            _language(code): config for code, config in params.get("SEARCH_CONFIGS", {}).items()
        }
        self.config = self.config or FALLBACK_CONFIG

    def config_for(self, language_code):
        return self.configs.get(_language(language_code), self.config)
