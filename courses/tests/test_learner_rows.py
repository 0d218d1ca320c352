"""A lesson reads its learner's state in one query (``courses.learner_rows``): the same
instances as the four plain queries, and nothing of another learner."""

import uuid
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from courses.factories import lessons_of, make_course
from courses.learner_rows import catalogue_rows, learner_rows
from courses.models import Enrollment, LessonCompletion, QuizAttempt, ReflectionNote
from home.factories import UserFactory

pytestmark = pytest.mark.django_db

LEARNER_TABLES = ("courses_enrollment", "courses_lessoncompletion", "courses_quizattempt")


def fields(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def attempt(user, course, lesson, score, minutes_ago):
    made = QuizAttempt.objects.create(
        user=user,
        course_key=course.translation_key,
        lesson_key=lesson.translation_key,
        quiz_id="quiz",
        answers={"q": ["a", "b"]},
        results={"q": score > 50},
        score=score,
        passed=score > 50,
    )
    # Two attempts in the same second keep the plain query's order: latest id first.
    at = timezone.now() - timedelta(minutes=minutes_ago)
    QuizAttempt.objects.filter(pk=made.pk).update(submitted_at=at)


@pytest.fixture
def state(section, peer):
    catalogue = section("courses")
    basics = make_course(catalogue, title="Les bases", lessons=2)
    course = make_course(catalogue, title="Écoute", lessons=3, prerequisites=[basics])
    first, *_rest, last = lessons_of(course)
    prompt = next(block.id for block in last.body if block.block_type == "reflection")
    other = UserFactory(roles=["peer"])
    for user in (peer, other):
        Enrollment.objects.create(user=user, course_key=basics.translation_key, status="completed")
        Enrollment.objects.create(user=user, course_key=course.translation_key)
        LessonCompletion.objects.create(
            user=user, course_key=course.translation_key, lesson_key=first.translation_key
        )
        for score, minutes_ago in ((40, 10), (60, 5), (80, 5)):
            attempt(user, course, last, score, minutes_ago)
        ReflectionNote.objects.create(
            user=user,
            course_key=course.translation_key,
            lesson_key=last.translation_key,
            block_id=prompt,
            text=f"La note de {user.pk}, é ü",
        )
    return peer, basics, course, last


@pytest.mark.parametrize("asked", [(True, True), (True, False), (False, True), (False, False)])
def test_the_learner_s_rows_are_the_plain_queries_instances(state, asked):
    peer, basics, course, lesson = state
    attempts, notes = asked
    keys = [course.translation_key, basics.translation_key]
    rows = learner_rows(peer.pk, keys, lesson.translation_key, attempts=attempts, notes=notes)

    plain = Enrollment.objects.filter(user=peer, course_key__in=keys)
    assert sorted(map(fields, rows.enrollments), key=str) == sorted(map(fields, plain), key=str)
    assert rows.done == set(
        LessonCompletion.objects.filter(user=peer, course_key=course.translation_key).values_list(
            "lesson_key", flat=True
        )
    )
    expected = QuizAttempt.objects.filter(user=peer, lesson_key=lesson.translation_key)
    assert [fields(a) for a in rows.attempts] == ([fields(a) for a in expected] if attempts else [])
    assert [fields(n) for n in rows.notes] == (
        [fields(n) for n in ReflectionNote.objects.filter(user=peer)] if notes else []
    )
    if notes:
        assert rows.notes[0].text == f"La note de {peer.pk}, é ü"
    # What it gives are instances as the ORM's: they can be saved.
    rows.enrollments[0].save(update_fields=["last_activity_at"])


def test_a_learner_with_nothing_yet_has_no_rows(state):
    _peer, _basics, course, _lesson = state
    newcomer = UserFactory(roles=["peer"])
    rows = learner_rows(newcomer.pk, [course.translation_key], uuid.uuid4(), attempts=True)
    assert (rows.enrollments, rows.done, rows.attempts, rows.notes) == ([], set(), [], [])


def test_the_catalogue_s_rows_are_the_plain_queries_instances(state):
    """Every enrolment of the learner, and the lessons they did in the modules under way
    (a completed module's lessons are not read: the catalogue shows no progress for it)."""
    peer, basics, course, _lesson = state
    LessonCompletion.objects.create(
        user=peer,
        course_key=basics.translation_key,
        lesson_key=lessons_of(basics)[0].translation_key,
    )
    Enrollment.objects.filter(user=peer, course_key=course.translation_key).update(status="paused")
    with CaptureQueriesContext(connection) as captured:
        rows = catalogue_rows(peer.pk)
    assert len(captured) == 1
    plain = Enrollment.objects.filter(user=peer)
    assert sorted(map(fields, rows.enrollments), key=str) == sorted(map(fields, plain), key=str)
    assert rows.done == set(
        LessonCompletion.objects.filter(user=peer, course_key=course.translation_key).values_list(
            "lesson_key", flat=True
        )
    )
    assert (rows.attempts, rows.notes) == ([], [])
    newcomer = UserFactory(roles=["peer"])
    assert catalogue_rows(newcomer.pk) == type(rows)()


def test_the_lesson_page_reads_the_learner_s_state_in_one_query(client, state):
    peer, _basics, _course, lesson = state
    client.force_login(peer)
    client.get(lesson.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(lesson.url)
    assert response.status_code == 200
    learner = [q["sql"] for q in captured if any(t in q["sql"] for t in LEARNER_TABLES)]
    assert len(learner) == 1, learner
    page = response.content.decode()
    assert f"La note de {peer.pk}," in page and "La note de" not in page.replace(
        f"La note de {peer.pk},", ""
    )
