"""Training's saves move training's versions alone (``courses/signals.py``): a lesson
published, or a draft saved, leaves what practice analysis and the site keep cached; a
lesson's publish moves its module's version alone, a module's its own and training's, and
the lessons of the other modules stay as they were."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from courses.factories import lessons_of, make_course
from courses.models import CoursePage
from courses.services import TRAINING
from courses.structure import MODULE
from home import cache as cache_module
from home.cache import (
    ROLES,
    SITE,
    content_versions,
    local_memory,
    memoized_many,
    page_versions,
    register_page_scope,
    scoped,
    version,
    versioned_key,
)
from practice_analysis.reach import reach
from practice_analysis.services import PRACTICE

pytestmark = pytest.mark.django_db


def versions(*modules):
    names = (*content_versions(), ROLES, *(scoped(MODULE, m.translation_key) for m in modules))
    return {name: version(name) for name in names}


def moved(before):
    return {name for name in before if version(name) != before[name]}


def test_publishing_a_lesson_moves_its_module_s_version_alone(section, peer):
    course = make_course(section("courses"), title="Écoute active", lessons=1, translate=False)
    other = make_course(section("courses"), title="Accueillir", lessons=1, translate=False)
    lesson = lessons_of(course)[0]
    module = scoped(MODULE, course.translation_key)
    assert page_versions(lesson) == (SITE, module)
    assert page_versions(course) == (SITE, module)
    assert page_versions(section("courses")) == (SITE, TRAINING)
    reach(peer)  # the practice areas, kept in this process's memory
    areas = versioned_key("memo", "practice-areas", versions=(PRACTICE,))
    assert local_memory.get(areas) is not None
    before = versions(course, other)
    lesson.title = "Écouter sans conseiller"
    lesson.save_revision().publish()
    assert moved(before) == {module}
    assert versioned_key("memo", "practice-areas", versions=(PRACTICE,)) == areas


def test_a_lesson_s_draft_moves_nothing_and_the_learner_keeps_the_published_one(
    client, section, peer
):
    course = make_course(section("courses"), title="Écoute active", lessons=1, translate=False)
    lesson = lessons_of(course)[0]
    client.force_login(peer)
    assert "Leçon 1" in client.get(lesson.url).text
    before = versions()
    lesson.title = "Leçon en travaux"
    lesson.save_revision()
    assert moved(before) == set()
    assert "Leçon en travaux" not in client.get(lesson.url).text


def test_a_new_module_shows_in_the_catalogue_at_once(client, section, peer):
    catalogue = section("courses")
    client.force_login(peer)
    client.get(catalogue.url)
    before = versions()
    make_course(catalogue, title="Accueillir une personne en crise", lessons=1, translate=False)
    assert moved(before) == {TRAINING}
    assert "Accueillir une personne en crise" in client.get(catalogue.url).text


def test_publishing_a_module_moves_its_version_and_training_s(section):
    course = make_course(section("courses"), title="Écoute active", lessons=1, translate=False)
    other = make_course(section("courses"), title="Accueillir", lessons=1, translate=False)
    before = versions(course, other)
    course.summary = "<p>Un module revu.</p>"
    course.save_revision().publish()
    assert moved(before) == {TRAINING, scoped(MODULE, course.translation_key)}


def test_the_catalogue_s_publish_moves_every_module_s_version(section):
    catalogue = section("courses")
    course = make_course(catalogue, title="Écoute active", lessons=1, translate=False)
    before = versions(course)
    catalogue.title = "Formations"
    catalogue.save_revision().publish()
    assert {TRAINING, MODULE, scoped(MODULE, course.translation_key)} <= moved(before)
    assert (
        version(scoped(MODULE, course.translation_key))
        != before[scoped(MODULE, course.translation_key)]
    )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


@pytest.fixture
def two_modules(section):
    catalogue = section("courses")
    return (
        make_course(catalogue, title="Écoute active", lessons=2),
        make_course(catalogue, title="Accueillir", lessons=2),
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_lesson_s_publish_leaves_other_modules_lessons_warm(client, peer, two_modules, language):
    changed, kept = two_modules
    with translation.override(language):
        url = lessons_of(kept)[0].localized.url
        changed_url = lessons_of(changed)[1].localized.url
    client.force_login(peer)
    client.get(url), client.get(changed_url)
    _response, warm = _queries(client, url)
    lesson = lessons_of(changed)[0]
    lesson.title = "Écouter sans conseiller"
    lesson.save_revision().publish()
    english = lesson.get_translation(_en())
    english.title = "Listening without advising"
    english.save_revision().publish()
    _response, after = _queries(client, url)
    assert len(after) == len(warm), after
    # The changed module shows the new title at once, in both languages.
    shown = "Écouter sans conseiller" if language == "fr" else "Listening without advising"
    assert shown in client.get(changed_url).text


def _en():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def test_a_module_s_publish_leaves_other_modules_lessons_warm(client, peer, two_modules):
    changed, kept = two_modules
    url = lessons_of(kept)[0].url
    client.force_login(peer)
    client.get(url)
    _response, warm = _queries(client, url)
    changed.title = "Accueillir une personne en crise"
    changed.save_revision().publish()
    _response, after = _queries(client, url)
    # Only the modules' list is read again (the modules, their prerequisites): not the
    # lesson, its module's lessons, its route or its view restrictions.
    extra = len(after) - len(warm)
    assert extra == 2, after
    assert not any("courses_lessonpage" in sql for sql in after), after


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_catalogue_shows_a_module_s_new_title_and_a_new_module_at_once(
    client, section, peer, two_modules, language
):
    changed, _kept = two_modules
    catalogue = section("courses", language)
    client.force_login(peer)
    assert "Écoute active" in client.get(catalogue.url).text or language == "en"
    page = changed if language == "fr" else changed.get_translation(_en())
    page.title = "Écoute active, revue" if language == "fr" else "Active listening, revised"
    page.save_revision().publish()
    text = client.get(catalogue.url).text
    assert page.title in text
    make_course(section("courses"), title="Accueillir une personne en crise", lessons=1)
    expected = "Accueillir une personne en crise"
    assert (expected if language == "fr" else f"{expected} (en)") in client.get(catalogue.url).text


@pytest.mark.parametrize("per_module", [True, False])
def test_memoized_many_keeps_its_values_under_versioned_key_s_keys(section, per_module):
    """``memoized_many`` reads the versions once for all its ids, and keeps each value where
    ``memoized`` (``versioned_key``) would: under its own module's version, or the ones given."""
    courses = [
        make_course(section("courses"), title=title, lessons=1, translate=False)
        for title in ("Écoute active", "Accueillir")
    ]
    keys = [course.translation_key for course in courses]
    given = (TRAINING, SITE)
    of = (lambda key: (scoped(MODULE, key),)) if per_module else (lambda key: given)
    values = memoized_many(
        "memo-test",
        keys,
        lambda missing: {key: f"value {key}" for key in missing},
        versions=of if per_module else given,
    )
    for key in keys:
        stored = local_memory.get(versioned_key("memo", "memo-test", key, versions=of(key)))
        assert stored == values[key] == f"value {key}"
    assert memoized_many("memo-test", [], lambda missing: {}, versions=of) == {}


def test_a_page_type_s_scope_follows_the_registrations(section):
    """Each page type's scope is found once in its bases: a registration made afterwards
    is still seen."""
    course = make_course(section("courses"), title="Écoute active", lessons=1, translate=False)
    assert page_versions(course) == (SITE, scoped(MODULE, course.translation_key))
    saved = cache_module._scopes[CoursePage]
    try:
        register_page_scope(CoursePage, family=MODULE, parameter=lambda page: "x", listed=True)
        assert page_versions(course) == (SITE, scoped(MODULE, "x"))
    finally:
        register_page_scope(CoursePage, family=saved[0], parameter=saved[1], listed=saved[2])
    assert page_versions(course) == (SITE, scoped(MODULE, course.translation_key))
