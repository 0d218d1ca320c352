"""The search backend: Wagtail's database backend, each page stemmed in its own language on
PostgreSQL (run with `make test-postgres`)."""

import json

from django.db import connection
from django.utils import translation

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from home.models import StandardPage
from search.backend import BuiltOnce, LocalisedPostgresSearchBackend

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


def test_each_language_has_its_configuration():
    backend = LocalisedPostgresSearchBackend({"SEARCH_CONFIGS": {"fr": "french", "en": "english"}})
    assert backend.config_for("fr") == "french"
    assert backend.config_for("en-gb") == "english"
    assert backend.config_for("de") == "simple"


@pytest.mark.django_db
def test_the_backend_follows_the_database():
    backend = get_search_backend()
    assert isinstance(backend, LocalisedPostgresSearchBackend) == (
        connection.vendor == "postgresql"
    )


def page(parent, title, text):
    page = StandardPage(
        title=title, body=json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@on_postgres
@pytest.mark.django_db
def test_words_are_stemmed_in_the_language_of_the_page(client, section):
    page(section("about"), "Nos partenariats", "Des associations solidaires.")
    page(section("about", "en"), "Volunteering together", "Helping each other.")
    backend = get_search_backend()
    with translation.override("fr"):
        found = backend.search("partenariat solidaire", StandardPage.objects.live())
        assert [p.title for p in found] == ["Nos partenariats"]
    with translation.override("en"):
        found = backend.search("volunteers helps", StandardPage.objects.live())
        assert [p.title for p in found] == ["Volunteering together"]


@on_postgres
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_words_typed_without_accents_find_them_in_both_languages(client, section, language):
    page(section("about", language), "Groupe du jeudi", "Une écoute vers le rétablissement.")
    page(section("about", language), "Sans rapport", "Rien de tout cela.")
    backend = get_search_backend()
    with translation.override(language):
        for query in ("ecoute", "retablissement", "écoute", "ECOUTES"):
            found = backend.search(query, StandardPage.objects.live())
            assert [p.title for p in found] == ["Groupe du jeudi"], query


@on_postgres
@pytest.mark.django_db
def test_the_search_page_finds_and_marks_words_typed_without_accents(client, section):
    page(section("about"), "Nos écoutes", "Des écoutes qui aident au rétablissement.")
    response = client.get("/fr/recherche/", {"q": "ecoute retablissement"})
    assert [r["page"].title for r in response.context["found"]] == ["Nos écoutes"]
    content = response.content.decode()
    assert "<mark>écoutes</mark>" in content and "<mark>rétablissement</mark>" in content


@pytest.mark.django_db
def test_the_count_and_a_page_of_results_share_one_built_query(section, monkeypatch):
    """Wagtail's results build the search's query (match, ranking, the member's visibility
    filter) for the count and again for each page of results; here once, with the same
    answers as Wagtail's own results class."""
    for number in range(3):
        page(section("about"), f"Permanence {number}", "Accueil du mardi.")
    backend = get_search_backend()
    compiler_class = backend.query_compiler_class
    built = []
    search = compiler_class.search
    monkeypatch.setattr(
        compiler_class, "search", lambda self, *a, **k: built.append(a) or search(self, *a, **k)
    )
    with translation.override("fr"):
        results = backend.search("accueil", StandardPage.objects.live())
        assert isinstance(results, BuiltOnce)
        count, first, rest = results.count(), list(results[:2]), list(results[2:])
        assert len(built) == 1
        wagtails = type(results).__mro__[2](backend, results.query_compiler)
        assert (count, first, rest) == (wagtails.count(), list(wagtails[:2]), list(wagtails[2:]))
    assert count == 3 and len(built) == 4


on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite full-text search")


@on_sqlite
@pytest.mark.django_db
@pytest.mark.parametrize("query", ["accueil", "accueil mardi", "permanence"])
@pytest.mark.parametrize("model", [Page, StandardPage])
def test_the_scores_are_read_in_one_pass_of_the_index_with_wagtail_s_order(section, query, model):
    """Wagtail's SQLite backend gives each page found a subquery that runs the whole match
    again (at ten times the pages matching, a search cost twice as much). Here the scores
    come from the same pass as the match, joined to the pages: the same pages, count, order
    and scores as Wagtail's own compiler, for pages (the entry of the page's own type) and
    for a model of its own (entries grouped by object)."""
    from django.test.utils import CaptureQueriesContext

    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    texts = ["Accueil du mardi.", "Accueil, accueil et accueil.", "Le mardi, accueil.", "Rien."]
    for number, text in enumerate(texts * 2):
        page(section("about"), f"Permanence {number}" if number % 3 else "Accueil", text)
    backend = get_search_backend()
    with translation.override("fr"):
        ours = backend.search(query, model.objects.live())
        with CaptureQueriesContext(connection) as queries:
            found = [(p.pk, p._score) for p in ours[:20]]
        sql = queries.captured_queries[-1]["sql"]
        assert sql.count(" MATCH ") == 1 and "bm25" in sql
        wagtails = backend._search(SQLiteSearchQueryCompiler, query, model.objects.live())
        assert found == [(p.pk, p._score) for p in wagtails[:20]]
        assert ours.count() == wagtails.count() == len(found) > 1
