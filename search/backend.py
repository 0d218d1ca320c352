"""Wagtail's database search backend, with PostgreSQL reading each page in its own language.

PostgreSQL's full-text search stems words with one configuration ("french", "english").
Wagtail's backend takes one for everything, and two backends would overwrite each other's
rows of the one index table. Here a page is indexed with the configuration of its locale
and a query is read with that of the reader's language, which is also the only language
``search.services`` looks in. Other databases (SQLite in development and tests) get Wagtail's
database backend.

On both, a search's query (the match, its ranking and the member's visibility filter) is
built once for the count and the page of results (``BuiltOnce``); Wagtail's results build
it again for each. On SQLite, the results' scores come from one pass of the full-text index
joined to the pages (``ScoresJoin``): Wagtail's backend asks the index again for each page
found, so a search cost the square of the number of pages matching.

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIGS": {"fr": "french", "en": "english"},
    }}
"""

import copy
from functools import cache

from django.db import connection
from django.db.models import Count, Expression, FloatField, Window
from django.db.models.sql.constants import INNER
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
        backend.query_compiler_class = _sqlite_query_compiler_class()
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


@cache
def _sqlite_query_compiler_class():
    from django.db.models import F

    from modelsearch.backends.database.sqlite import query, sqlite
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class SQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
        """Wagtail's SQLite compiler, the results' scores read in the same pass of the
        full-text index as the match: its own query gives each page found a correlated
        subquery that runs the whole match again (at ten times the pages matching, a search
        cost twice as much). Same match, same scores, same order."""

        def search(self, config, start, stop, score_field=None):
            normalized = query.normalize(self.query)
            if isinstance(normalized, MatchAll | Not) or not (
                self.order_by_relevance or score_field
            ):
                return super().search(config, start, stop, score_field=score_field)
            matched = sqlite.SQLiteFTSIndexEntry.objects.filter(
                query.MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(normalized, config=config),
                )
            ).filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            queryset = self.queryset.all()
            built = queryset.query
            # A page's entry is the one of its own type (Wagtail indexes the specific page):
            # with the type in the join, one entry per page by the index's unique key.
            typed = "content_type_id" in {
                field.column for field in built.model._meta.local_concrete_fields
            }
            columns = {"object_id": F("index_entry__object_id")}
            if typed:
                columns["content_type_id"] = F("index_entry__content_type_id")
            scores = matched.values(**columns).annotate(
                score=self._build_rank_expression(self.get_search_vectors(), config)
            )
            # The join is the match's filter too: one row per object found.
            pk_column = built.model._meta.pk.column
            join = ScoresJoin(scores.query, built.get_initial_alias(), pk_column, typed)
            alias = built.join(join)
            score_field = score_field or "_score"
            queryset = queryset.annotate(**{score_field: ScoreOf(alias)})
            if self.order_by_relevance:
                queryset = queryset.order_by(score_field, "-pk")
            elif not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]

    return SQLiteSearchQueryCompiler


class ScoresJoin:
    """``INNER JOIN (each object found, with its score) ON its id = the page's``: a join
    Django's ORM cannot spell (a query in the FROM clause), given to ``Query.join``.

    One row per object, as Wagtail's subquery takes one (``[:1]``): for pages, the entry of
    the page's own type (unique); for other models, the scores are grouped by object (SQLite
    computes ``bm25()`` only while it reads the full-text index, not in an aggregate: they
    are read once, ``MATERIALIZED``, then grouped)."""

    table_name = "search_scores"
    join_field = None
    filtered_relation = None
    nullable = False

    def __init__(self, scores, parent_alias, pk_column, typed, table_alias=None, join_type=INNER):
        self.scores, self.parent_alias, self.pk_column = scores, parent_alias, pk_column
        self.typed = typed
        self.table_alias, self.join_type = table_alias, join_type

    def as_sql(self, compiler, connection):
        sql, params = self.scores.get_compiler(connection=connection).as_sql()
        qn, quote = compiler.quote_name_unless_alias, connection.ops.quote_name
        alias, parent = qn(self.table_alias), qn(self.parent_alias)
        found, object_id, score = quote("found"), quote("object_id"), quote("score")
        on = f"{alias}.{object_id} = {parent}.{quote(self.pk_column)}"
        if self.typed:
            content_type = quote("content_type_id")
            on += f" AND {alias}.{content_type} = {parent}.{content_type}"
        else:
            sql = (
                f"WITH {found} AS MATERIALIZED ({sql}) SELECT {object_id},"
                f" MIN({score}) AS {score} FROM {found} GROUP BY {object_id}"
            )
        return f"{self.join_type} ({sql}) {alias} ON ({on})", params

    def relabeled_clone(self, change_map):
        return type(self)(
            self.scores,
            change_map.get(self.parent_alias, self.parent_alias),
            self.pk_column,
            self.typed,
            change_map.get(self.table_alias, self.table_alias),
            self.join_type,
        )

    def demote(self):
        return self

    def promote(self):
        return self


class ScoreOf(Expression):
    """The score column of a ``ScoresJoin``."""

    output_field = FloatField()

    def __init__(self, alias):
        super().__init__()
        self.alias = alias

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(self.alias)
        return f"{alias}.{connection.ops.quote_name('score')}", []

    def relabeled_clone(self, change_map):
        return type(self)(change_map.get(self.alias, self.alias))

    def get_group_by_cols(self):
        return [self]


class BuiltOnce:
    """Search results whose query is built once, unsliced, and shared by the count and the
    pages of results taken from them (``paginator.count`` then ``results[start:stop]``:
    clones of one search share its query compiler)."""

    def build(self):
        raise NotImplementedError

    def _built(self):
        built = self.query_compiler.__dict__.setdefault("_built_once", {})
        if self._score_field not in built:
            built[self._score_field] = self.build()
        return built[self._score_field]

    def get_queryset(self):
        return self._built()[self.start : self.stop]

    def with_count(self):
        """This slice's results and the number of results of the whole search, in one
        query: ``COUNT(*) OVER ()`` is counted before the limit, on every row found (a page
        of results after its count cost the search's query built and run twice)."""
        counted = self._built().annotate(_search_count=Window(Count("*")))
        found = list(counted[self.start : self.stop])
        return found, (found[0]._search_count if found else None)


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
