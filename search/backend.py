"""Wagtail's database search backend, with PostgreSQL reading each page in its own language.

PostgreSQL's full-text search stems words with one configuration ("french", "english").
Wagtail's backend takes one for everything, and two backends would overwrite each other's
rows of the one index table. Here a page is indexed with the configuration of its locale
and a query is read with that of the reader's language, which is also the only language
``search.services`` looks in. Other databases (SQLite in development and tests) get Wagtail's
database backend.

On both, a search's query (the match, its ranking and the member's visibility filter) is
built once for the count and the page of results (``BuiltOnce``); Wagtail's results build
it again for each.

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
    }}
"""

import copy
from functools import cache

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
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        backend.results_class = _sqlite_results_class()
    return backend


def _language(code):
    return (code or "").split("-")[0].lower()


@cache
def _sqlite_results_class():
    # Its module reads SQLite's full-text index model: imported only on SQLite.
    from modelsearch.backends.database.sqlite import sqlite

    class SQLiteSearchResults(BuiltOnce, sqlite.SQLiteSearchResults):
        def build(self):
            compiler = self.query_compiler
            return compiler.search(
                compiler.get_config(self.backend), None, None, score_field=self._score_field
            )

    return SQLiteSearchResults


class BuiltOnce:
    """Search results whose query is built once, unsliced, and shared by the count and the
    pages of results taken from them (``paginator.count`` then ``results[start:stop]``:
    clones of one search share its query compiler)."""

    def build(self):
        raise NotImplementedError

    def get_queryset(self):
        built = self.query_compiler.__dict__.setdefault("_built_once", {})
        if self._score_field not in built:
            built[self._score_field] = self.build()
        return built[self._score_field][self.start : self.stop]


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


class LocalisedPostgresSearchResults(BuiltOnce, postgres.PostgresSearchResults):
    def build(self):
        compiler = self.query_compiler
        return compiler.search(
            compiler.get_config(self.backend),
            None,
            None,
            score_field=self._score_field,
            backend=self.backend,
        )


class LocalisedPostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = LocalisedPostgresIndex
    query_compiler_class = LocalisedPostgresQueryCompiler
    results_class = LocalisedPostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.configs = {
            _language(code): config for code, config in params.get("SEARCH_CONFIGS", {}).items()
        }
        self.config = self.config or FALLBACK_CONFIG

    def config_for(self, language_code):
        return self.configs.get(_language(language_code), self.config)
