"""Reading comfort on a lesson: the member's classes on <html> cost no query once kept, and
the "Listen" button comes with its own script file, no inline script (strict CSP)."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from accounts.models import ReadingPreferences
from courses.factories import lessons_of, make_course
from courses.services import enrol
from home.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(section):
    return lessons_of(make_course(section("courses"), lessons=2))[0]


def learner(course_lesson, **preferences):
    user = UserFactory(roles=["peer"])
    enrol(user, course_lesson.get_parent().specific)
    if preferences:
        ReadingPreferences.objects.create(user=user, **preferences)
    return user


def visit(client, url):
    """The queries of a returning member's visit (the first ones fill the caches)."""
    for _ in range(2):
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


def test_a_lesson_costs_the_same_queries_with_or_without_preferences(client, lesson):
    client.force_login(learner(lesson))
    plain, plain_queries = visit(client, lesson.url)
    client.force_login(learner(lesson, text_size="larger", high_contrast=True))
    chosen, chosen_queries = visit(client, lesson.url)
    assert '<html lang="fr">' in plain.content.decode()
    assert '<html lang="fr" class="text-larger contrast-high">' in chosen.content.decode()
    assert len(chosen_queries) == len(plain_queries)
    assert not [sql for sql in chosen_queries if "accounts_readingpreferences" in sql]


def test_the_listen_button_comes_with_its_script_and_no_inline_script(client, lesson):
    client.force_login(learner(lesson))
    response = client.get(lesson.url)
    page = response.content.decode()
    assert 'id="listen" hidden' in page and 'data-source="lesson-text"' in page
    assert 'id="lesson-text"' in page and "Écouter la leçon" in page
    assert '<script src="/static/js/listen.js" defer></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "an inline script"
    assert not re.search(r"\son[a-z]+=", page), "an inline event handler"
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_listen_button_speaks_english_on_an_english_lesson(client, lesson):
    client.force_login(learner(lesson))
    english = lesson.get_translation(Locale.objects.get(language_code="en"))
    page = client.get(english.url).content.decode()
    assert '<html lang="en">' in page and "Listen to the lesson" in page
