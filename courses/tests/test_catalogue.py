"""The catalogue in pages, filtered by theme, by where the member is and by language."""

import re
from types import SimpleNamespace

from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from courses.catalogue import PER_PAGE, STATUSES
from courses.factories import lessons_of, make_course
from courses.models.pages import THEMES
from courses.services import (
    COMPLETED,
    IN_PROGRESS,
    LOCKED,
    NOT_STARTED,
    PAUSED,
    CourseState,
    complete_lesson,
    enrol,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return [state.course.title for state in response.context["modules"]]


@pytest.fixture
def catalogue(section):
    return section("courses")


def test_the_catalogue_comes_a_page_at_a_time(client, peer, catalogue):
    for number in range(PER_PAGE + 2):
        make_course(catalogue, title=f"Module {number:02}", lessons=1, translate=False)
    client.force_login(peer)
    first = client.get(catalogue.url)
    assert first.status_code == 200
    assert len(titles(first)) == PER_PAGE
    assert "Page 1 of 2" in first.content.decode() or "Page 1 sur 2" in first.content.decode()
    second = client.get(catalogue.url, {"page": 2})
    assert titles(second) == ["Module 12", "Module 13"]
    # An address with a page past the end shows the last one, not an error.
    assert titles(client.get(catalogue.url, {"page": 99})) == titles(second)


def test_filters_by_theme_and_by_where_the_member_is(client, peer, catalogue):
    ethics = make_course(catalogue, title="Éthique", lessons=2, theme="ethics", translate=False)
    recovery = make_course(catalogue, title="Rétablissement", lessons=1, theme="recovery")
    make_course(catalogue, title="Crise", lessons=1, theme="crisis", translate=False)
    enrol(peer, ethics)
    enrol(peer, recovery)
    complete_lesson(peer, recovery, lessons_of(recovery)[0])
    client.force_login(peer)

    assert titles(client.get(catalogue.url, {"theme": "ethics"})) == ["Éthique"]
    assert titles(client.get(catalogue.url, {"status": "in_progress"})) == ["Éthique"]
    assert titles(client.get(catalogue.url, {"status": "completed"})) == ["Rétablissement"]
    assert titles(client.get(catalogue.url, {"status": "not_started"})) == ["Crise"]
    both = client.get(catalogue.url, {"theme": "crisis", "status": "completed"})
    assert titles(both) == []
    assert "No module matches this choice." in both.content.decode() or (
        "Aucun module ne correspond" in both.content.decode()
    )


def test_unknown_filters_are_ignored(client, peer, catalogue):
    make_course(catalogue, title="Un module", lessons=1, translate=False)
    client.force_login(peer)
    response = client.get(catalogue.url, {"theme": "<script>", "status": "everything", "page": "x"})
    assert response.status_code == 200
    assert titles(response) == ["Un module"]
    assert "<script>" not in response.content.decode()


def test_modules_not_yet_translated_are_shown_when_asked(client, peer, section):
    make_course(section("courses"), title="Traduit", lessons=1)
    make_course(section("courses"), title="Seulement en français", lessons=1, translate=False)
    english = section("courses", "en")
    client.force_login(peer)
    with translation.override("en"):
        assert titles(client.get(english.url)) == ["Traduit (en)"]
        response = client.get(english.url, {"languages": "all"})
    assert titles(response) == ["Traduit (en)", "Seulement en français"]
    page = response.content.decode()
    assert 'lang="fr" hreflang="fr">Seulement en français</a>' in page
    assert "Not yet translated: in French" in page


# What the cards' includes rendered before the badge and the bar became tags
# (``courses_tags.state_badge`` / ``progress_bar``): the same HTML, in both languages.
FORMER_BADGE = """{% load i18n %}
{% if state.status == "completed" %}
<span class="badge badge--done">{% translate "Completed" %}</span>
{% elif state.status == "in_progress" %}
<span class="badge badge--progress">{% translate "In progress" %}</span>
{% elif state.status == "paused" %}<span class="badge">{% translate "Paused" %}</span>
{% elif state.status == "locked" %}
<span class="badge badge--locked">{% translate "Not available yet" %}</span>
{% else %}<span class="badge">{% translate "Not started" %}</span>{% endif %}
"""
FORMER_PROGRESS = """{% load i18n %}
<div class="progress">
    <progress max="100" value="{{ state.percent }}"
        aria-labelledby="progress-{{ state.course.pk }}">{{ state.percent }} %</progress>
    <span id="progress-{{ state.course.pk }}" class="progress__label">
    {% blocktranslate with percent=state.percent %}{{ percent }}% done{% endblocktranslate %}
    </span>
</div>
"""


def _same_markup(html):
    """Markup without the layout's white space around tags."""
    return " ".join(re.sub(r"\s*(<[^>]*>)\s*", r"\1", str(html)).split())


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("status", [NOT_STARTED, IN_PROGRESS, PAUSED, COMPLETED, LOCKED, "unknown"])
def test_a_cards_badge_and_bar_are_those_of_the_former_includes(language, status):
    course = SimpleNamespace(pk=1234)
    state = CourseState(
        course=course, status=status, required_keys=["a", "b", "c"], done_keys={"a"}
    )
    tags = Template("{% load courses_tags %}{% state_badge state %}{% progress_bar state %}")
    former = Template(FORMER_BADGE + FORMER_PROGRESS)
    with translation.override(language):
        context = Context({"state": state})
        assert _same_markup(tags.render(context)) == _same_markup(former.render(context))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_filters_options_are_those_of_the_former_loop(language):
    former = Template(
        '{% for value, label in choices %}<option value="{{ value }}"'
        "{% if value == chosen %} selected{% endif %}>{{ label }}</option>{% endfor %}"
    )
    tag = Template("{% load entrepairs_tags %}{% select_options choices chosen %}")
    for choices in (THEMES, STATUSES):
        for chosen in ("", choices[1][0], "<unknown>"):
            with translation.override(language):
                context = Context({"choices": choices, "chosen": chosen})
                assert tag.render(context) == former.render(context)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_peers_cards_in_each_language_and_the_queries_they_cost(client, peer, section, language):
    """The badge and the bar of each card for a peer, in the catalogue's language; once the
    caches are filled the page costs the member, then their enrolments and their lessons done
    in one query (``learner_rows.catalogue_rows``)."""
    catalogue = section("courses", language)
    started = make_course(catalogue, title="Écoute", lessons=2, translate=False)
    done = make_course(
        catalogue, title="Rétablissement", lessons=1, translate=False, quiz_on_last=False
    )
    make_course(catalogue, title="Crise", lessons=1, translate=False)
    enrol(peer, started)
    complete_lesson(peer, started, lessons_of(started)[0])
    enrol(peer, done)
    complete_lesson(peer, done, lessons_of(done)[0])
    client.force_login(peer)
    for _visit in range(2):
        client.get(catalogue.url)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(catalogue.url).content.decode()
    assert len(captured) == 2, [query["sql"][:80] for query in captured]
    words = {
        "fr": ("Terminé", "En cours", "Pas commencé", "50 % fait"),
        "en": ("Completed", "In progress", "Not started", "50% done"),
    }[language]
    assert f'<span class="badge badge--done">{words[0]}</span>' in page
    assert f'<span class="badge badge--progress">{words[1]}</span>' in page
    assert f'<span class="badge">{words[2]}</span>' in page
    assert f'class="progress__label">{words[3]}</span>' in page
    assert f'<progress max="100" value="50" aria-labelledby="progress-{started.pk}">' in page
