"""Training's saves move the training version alone (``courses/signals.py``): a lesson
published, or a draft saved, leaves what practice analysis and the site keep cached."""

import pytest

from courses.factories import lessons_of, make_course
from courses.services import TRAINING
from home.cache import (
    ROLES,
    SITE,
    content_versions,
    local_memory,
    page_versions,
    version,
    versioned_key,
)
from practice_analysis.reach import reach
from practice_analysis.services import PRACTICE

pytestmark = pytest.mark.django_db


def versions():
    return {name: version(name) for name in (*content_versions(), ROLES)}


def moved(before):
    return {name for name, value in versions().items() if value != before[name]}


def test_publishing_a_lesson_moves_training_alone(section, peer):
    course = make_course(section("courses"), title="Écoute active", lessons=1, translate=False)
    lesson = lessons_of(course)[0]
    assert page_versions(lesson) == (SITE, TRAINING)
    reach(peer)  # the practice areas, kept in this process's memory
    areas = versioned_key("memo", "practice-areas", versions=(PRACTICE,))
    assert local_memory.get(areas) is not None
    before = versions()
    lesson.title = "Écouter sans conseiller"
    lesson.save_revision().publish()
    assert moved(before) == {TRAINING}
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
