"""Site search: it finds what the member may open, in their language, and nothing else."""

import datetime
import json
import re
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest

from courses.factories import make_course
from courses.models import LessonPage
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from home.models import StandardPage
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import PracticeGroupPage, PracticeSessionPage
from search.services import excerpt, highlight, pages_visible_to, terms_of

pytestmark = pytest.mark.django_db


def search(client, query, language="fr", **params):
    with translation.override(language):
        url = reverse("search")
    return client.get(url, {"q": query, **params})


def titles(response):
    return [result["page"].title for result in response.context["found"]]


def standard_page(parent, title, body="", live=True, **fields):
    page = StandardPage(
        title=title,
        intro=fields.pop("intro", ""),
        body=json.dumps([{"type": "paragraph", "value": body}]) if body else "[]",
        **fields,
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        Page.objects.filter(pk=page.pk).update(live=False)
    return page


def test_the_search_page_is_in_both_languages_and_in_the_header(client):
    with translation.override("fr"):
        assert reverse("search") == "/fr/recherche/"
    with translation.override("en"):
        assert reverse("search") == "/en/search/"
    response = client.get("/fr/recherche/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="search"' in content
    # The header's field has a label one can see (WCAG 2.1, 3.3.2), not only one read aloud.
    assert '<label for="site-search-query" class="site-search__label">Rechercher<' in content
    assert 'for="search-query"' in content


def test_anyone_finds_a_public_page_with_the_terms_marked(client, section):
    standard_page(
        section("about"),
        "Nos partenaires",
        body="<p>Les partenaires de l'association soutiennent les groupes d'entraide.</p>",
    )
    response = search(client, "entraide")
    assert titles(response) == ["Nos partenaires"]
    assert "<mark>entraide</mark>" in response.content.decode()
    assert response.context["count"] == 1


def test_excerpts_escape_the_text_before_marking_it(section):
    page = standard_page(
        section("about"),
        "Une page piégée",
        body="<p>&lt;script&gt;alert('x')&lt;/script&gt; entraide &amp; soutien</p>",
    )
    marked = excerpt(page, terms_of("entraide"))
    assert "<script>" not in marked
    assert "&lt;script&gt;" in marked and "<mark>entraide</mark>" in marked
    assert highlight("<b>Écoute</b>", ["ecoute"]) == "&lt;b&gt;<mark>Écoute</mark>&lt;/b&gt;"


def test_search_is_in_the_language_of_the_address(client, section):
    standard_page(section("about"), "Page en français", body="<p>Bénévolat régulier.</p>")
    standard_page(section("about", "en"), "English page", body="<p>Regular volunteering.</p>")
    assert titles(search(client, "bénévolat")) == ["Page en français"]
    assert titles(search(client, "bénévolat", language="en")) == []
    assert titles(search(client, "volunteering", language="en")) == ["English page"]


def test_login_only_training_is_not_found_by_anonymous_visitors(client, section, peer):
    make_course(section("courses"), title="Accueillir Kalamazoo", translate=False)
    assert titles(search(client, "Kalamazoo")) == []
    client.force_login(peer)
    assert titles(search(client, "Kalamazoo")) == ["Accueillir Kalamazoo"]


def test_a_draft_is_never_found(client, section, trainer, django_user_model):
    standard_page(section("about"), "Brouillon secret", body="<p>Confidentiel.</p>", live=False)
    live = standard_page(section("about"), "Page publiée", body="<p>Version publiée.</p>")
    # A newer draft of a live page: its words are not searchable until published.
    live.title = "Titre pas encore relu"
    live.save_revision()
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    for user in (None, trainer, admin):
        if user is not None:
            client.force_login(user)
        assert titles(search(client, "brouillon")) == []
        assert titles(search(client, "relu")) == []
        assert titles(search(client, "publiée")) == ["Page publiée"]


@pytest.fixture
def session_log():
    member, supervisor, outsider = (UserFactory(roles=["peer"]) for _ in range(3))
    PracticeGroupFactory(members=[outsider])
    group = PracticeGroupFactory(members=[member], supervisors=[supervisor])
    group_page = PracticeGroupPage.objects.get(group=group)
    page = PracticeSessionPage(
        title="Séance Zanzibar",
        date=datetime.date(2026, 10, 6),
        session_format="app",
        situation="<p>Un adhérent a parlé d'un appel difficile.</p>",
    )
    group_page.add_child(instance=page)
    page.save_revision().publish()
    for user in (member, supervisor, outsider):
        acknowledge(user, current_charter(), "fr")
    return SimpleNamespace(page=page, member=member, supervisor=supervisor, outsider=outsider)


def test_a_groups_session_log_is_found_by_nobody(client, session_log, trainer, django_user_model):
    """Group records are never indexed: not even their own group finds them by search."""
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    people = [trainer, session_log.outsider, session_log.member, session_log.supervisor, admin]
    assert titles(search(client, "Zanzibar")) == []
    for user in people:
        client.force_login(user)
        response = search(client, "Zanzibar")
        assert titles(response) == []
        assert session_log.page.url not in response.content.decode()


def test_the_pages_of_a_group_are_visible_to_its_people_only(session_log, trainer):
    """The filter search applies, checked on its own: the same rule as serving the page."""

    def visible(user):
        request = SimpleNamespace(user=user or AnonymousUser(), session={})
        return pages_visible_to(request).filter(pk=session_log.page.pk).exists()

    assert visible(session_log.member) and visible(session_log.supervisor)
    assert not visible(None)
    assert not visible(session_log.outsider)
    assert not visible(trainer)


def test_a_page_restricted_to_a_group_is_found_by_that_group_only(client, section, peer):
    insiders = Group.objects.create(name="bureau")
    member = UserFactory(roles=["peer"])
    member.groups.add(insiders)
    page = standard_page(section("about"), "Compte rendu du bureau", body="<p>Budget.</p>")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([insiders])
    for user in (None, peer):
        if user is not None:
            client.force_login(user)
        assert titles(search(client, "bureau")) == []
    client.force_login(member)
    assert titles(search(client, "bureau")) == ["Compte rendu du bureau"]


def test_reflective_entries_are_not_searchable(client):
    entry = ReflectiveEntryFactory(title="Un soir Tombouctou")
    client.force_login(entry.author)
    response = search(client, "Tombouctou soir")
    assert titles(response) == []
    assert "Un soir Tombouctou" not in response.content.decode()


def test_quiz_explanations_are_not_indexed(client, section, peer):
    """Explanations are shown after an attempt: search must not give them away earlier."""
    course = make_course(section("courses"), title="Module quiz", translate=False)
    client.force_login(peer)
    assert titles(search(client, "Quels numéros")) == ["Leçon 3"]
    assert titles(search(client, "Prévention")) == []
    assert LessonPage.objects.child_of(course).count() == 3


def test_results_are_paginated(client, section):
    for index in range(12):
        standard_page(section("about"), f"Atelier {index}", body="<p>Rencontre mensuelle.</p>")
    first = search(client, "rencontre")
    assert first.context["count"] == 12 and len(titles(first)) == 10
    assert "page=2" in first.content.decode()
    second = search(client, "rencontre", page="2")
    assert len(titles(second)) == 2
    assert search(client, "rencontre", page="nope").status_code == 200


@pytest.mark.parametrize("asked", [None, "1", "2", "3", "nope", "0", "-1", "999", "2.5"])
def test_a_page_of_results_comes_with_their_count_as_django_s_paginator_gives_them(
    client, section, asked
):
    """The page asked for and the number of results are read in one query
    (``COUNT(*) OVER ()``); the page, its neighbours and the count are those of Django's
    paginator over the same results, whatever the page number asked."""
    from django.core.paginator import Paginator

    from search.services import search_pages
    from search.views import RESULTS_PER_PAGE, ResultsPaginator

    for index in range(23):
        standard_page(section("about"), f"Veille {index}", body="<p>Veille du lundi.</p>")
    request = SimpleNamespace(user=AnonymousUser(), session={})
    for query in ("veille", "absent"):
        with translation.override("fr"):
            django = Paginator(search_pages(request, query), RESULTS_PER_PAGE).get_page(asked)
            ours = ResultsPaginator(search_pages(request, query), RESULTS_PER_PAGE)
            last = 3 if query == "veille" else 1
            with CaptureQueriesContext(connection) as queries:
                page = ours.get_page(asked)
                found = list(page)
            assert found == list(django) and ours.count == django.paginator.count
            assert (page.number, page.has_next(), page.has_previous(), page.start_index()) == (
                django.number,
                django.has_next(),
                django.has_previous(),
                django.start_index(),
            )
        # Before the first page: the count, then the last page (none when nothing is found).
        # Past the last: the page asked for (empty), the count, then the last page.
        before, past = asked in ("0", "-1"), asked in ("2", "3", "999") and int(asked) > last
        expected = {(True, "veille"): 2, (True, "absent"): 1}.get((before, query), 1)
        if past:
            expected = 3 if query == "veille" else 2
        assert len(queries) == expected


@pytest.mark.parametrize("asked", ["99999999999999999999", "1" + "0" * 40, "100001"])
def test_a_page_number_far_past_the_results_shows_the_last_page(client, section, asked):
    """A page number no search reaches (typed, or an attacker's) is counted first, as by
    Django's paginator: never an OFFSET the database refuses (SQLite answered "datatype
    mismatch", PostgreSQL refuses a bigint out of range)."""
    for index in range(12):
        standard_page(section("about"), f"Veille {index}", body="<p>Veille du lundi.</p>")
    response = search(client, "veille", page=asked)
    assert response.status_code == 200
    assert len(titles(response)) == 2 and response.context["count"] == 12


def test_result_links_are_wagtail_s_page_addresses(client, section):
    page = standard_page(section("about"), "Permanence d'accueil", body="<p>Accueil.</p>")
    response = search(client, "accueil")
    assert f'<a href="{page.get_url(response.wsgi_request)}">' in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_results(client, section, peer):
    client.force_login(peer)
    for index in range(2):
        standard_page(section("about"), f"Causerie {index}", body="<p>Causerie du jeudi.</p>")
    search(client, "causerie")  # warm the caches of the page chrome
    with CaptureQueriesContext(connection) as few:
        assert len(titles(search(client, "causerie"))) == 2
    for index in range(2, 10):
        standard_page(section("about"), f"Causerie {index}", body="<p>Causerie du jeudi.</p>")
    search(client, "causerie")
    with CaptureQueriesContext(connection) as many:
        assert len(titles(search(client, "causerie"))) == 10
    assert len(many) == len(few)


def test_an_empty_or_odd_query_is_handled_calmly(client):
    assert "found" not in search(client, "").context
    response = search(client, "\"'<b>%*" + "x" * 500)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<b>" not in content
    assert 'value="&quot;&#x27;&lt;b&gt;%*' + "x" * 193 + '"' in content


def test_a_new_restriction_and_its_groups_change_what_search_finds_at_once(client, section, peer):
    """The restrictions are kept in each worker's memory: any change must count at once."""
    page = standard_page(section("about"), "Compte rendu du bureau", body="<p>Budget.</p>")
    client.force_login(peer)
    assert titles(search(client, "bureau")) == ["Compte rendu du bureau"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="coordinator")])
    assert titles(search(client, "bureau")) == []
    restriction.groups.add(Group.objects.get(name="peer"))
    assert titles(search(client, "bureau")) == ["Compte rendu du bureau"]


def test_accents_and_capitals_are_folded_one_character_for_one():
    assert highlight("Écoute ÉCOUTÉE, écoutez", ["ecoute"]) == (
        "<mark>Écoute</mark> <mark>ÉCOUTÉE</mark>, <mark>écoutez</mark>"
    )
    assert str(highlight("Ǆ İstanbul ﬁn", ["istanbul"])).count("<mark>") == 1


def test_inflected_words_are_marked_whole_as_stemming_finds_them():
    assert highlight("Des écoutes attentives", ["ecoute"]) == (
        "Des <mark>écoutes</mark> attentives"
    )
    assert highlight("Une écoute", ["écoutes"]) == "Une <mark>écoute</mark>"
    assert highlight("Volunteering helps", ["volunteers"]) == ("<mark>Volunteering</mark> helps")
    # A short term marks the start of the words it begins, not whole unrelated words.
    assert highlight("partenaires", ["par"]) == "<mark>par</mark>tenaires"


def test_a_result_s_text_is_flattened_once_per_live_revision(client, section, monkeypatch):
    """A search reads each result's text once per worker and live revision: the same page,
    without Wagtail's search fields read again; a new publish shows at once."""
    from search import services

    page = standard_page(section("about"), "Nos partenaires", body="<p>Groupes d'entraide.</p>")
    first = search(client, "entraide").content
    flattened = []
    plain_text = services.plain_text
    monkeypatch.setattr(services, "plain_text", lambda p: flattened.append(p.pk) or plain_text(p))
    assert search(client, "entraide").content == first
    assert flattened == []

    page.body = json.dumps(
        [{"type": "paragraph", "value": "<p>Groupes d'entraide et de soutien mutuel.</p>"}]
    )
    page.save_revision().publish()
    assert "soutien mutuel" in search(client, "entraide").content.decode()
    assert flattened == [page.pk]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_results_come_without_their_blocks_and_show_the_same(client, section, peer, language):
    """Results are read as their own type with Wagtail's fields only (``specific(defer=True)``):
    one query for the page of results, no block read; the excerpt comes from the text kept
    for the live revision, read whole once, and a search shows the same the second time."""
    words = {"fr": "Groupes d'entraide du quartier.", "en": "Neighbourhood mutual support groups."}
    query = {"fr": "entraide", "en": "mutual"}[language]
    page = standard_page(section("about", language), "Partners", body=f"<p>{words[language]}</p>")
    client.force_login(peer)
    first = search(client, query, language)
    found = first.context["found"][0]["page"]
    assert type(found) is StandardPage and found.pk == page.pk
    assert {"body", "intro"} <= found.get_deferred_fields()
    content = first.content.decode()
    assert f"<mark>{query}</mark>" in content and words[language][-12:] in content
    with CaptureQueriesContext(connection) as again:
        second = search(client, query, language)
    assert _without_tokens(second) == _without_tokens(first)
    assert not [q for q in again.captured_queries if "home_standardpage" in q["sql"]]
    # The member, their own groups' pages, the page of results with their count
    # (Wagtail's specific() would add one per page type shown).
    assert len(again) == 3


def _without_tokens(response):
    """The page without what changes at each request (form token, script nonce)."""
    return re.sub(r'(csrfmiddlewaretoken" value|nonce)="[^"]*"', "", response.content.decode())


def test_terms_prepared_once_mark_as_the_words_do():
    """A page of results marks its terms with patterns made once (``terms_of``)."""
    text = "Écoutes actives : écouter, s'écouter, ÉCOUTE et partenaires"
    for query in ("écoute", "ecouter par", "partenaire ÉCOUTE"):
        terms = terms_of(query)
        assert highlight(text, terms) == highlight(text, list(terms))


def test_an_excerpt_starts_where_the_first_term_is_found():
    """The excerpt looks for the first place a term is found, not for every place."""
    from search.services import _first_found, _spans

    text = "Un texte " * 30 + "où l'on parle d'Écoutes actives, d'écoute et de partenaires. " * 3
    for query in ("écoute", "partenaire ÉCOUTE", "texte", "absent"):
        spans = _spans(text, terms_of(query))
        assert _first_found(text, terms_of(query)) == (spans[0][0] if spans else None)


def test_the_folded_text_kept_with_a_page_matches_its_text_letter_for_letter():
    """A page's folded text is kept with its text (``_searchable``): one letter for one, so
    a place found in the folded text is the same place in the text, whatever the script."""
    from search.services import _first_found, _fold, _with_folded

    text = "Ǆemal ÉCOUTE ﬁn ß İstanbul — l'Œuvre d'écoute 日本 éc" * 3
    kept, folded = _with_folded(text)
    assert kept == text and folded == _fold(text) and len(folded) == len(text)
    for query in ("écoute", "oeuvre", "istanbul", "ec"):
        terms = terms_of(query)
        assert _first_found(text, terms, folded) == _first_found(text, terms)
