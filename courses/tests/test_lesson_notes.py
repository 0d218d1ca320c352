"""Nothing typed in a lesson is lost: the private note goes with "I have finished" and with
the quiz, as the lesson page has one form for all its buttons."""

import re
import uuid

from django.utils.html import escape

import pytest

from courses.factories import lessons_of, make_course, wrong_answers
from courses.models import LessonCompletion, QuizAttempt, ReflectionNote
from home import limits

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(section):
    return make_course(section("courses"))


@pytest.fixture
def learner(client, peer):
    client.force_login(peer)
    return peer


def reflection_id(lesson):
    return next(b.id for b in lesson.body if b.block_type == "reflection")


def form_ids(page):
    """The id of each form of the page, and the form each note box belongs to."""
    forms = re.findall(r'<form[^>]* id="([^"]+)"', page)
    boxes = re.findall(r'<textarea[^>]* form="([^"]+)"', page)
    return forms, boxes


def test_the_note_box_and_the_finish_button_share_one_form(client, learner, course):
    first = lessons_of(course)[0]
    client.post(course.url + "enrol/")
    page = client.get(first.url).content.decode()
    forms, boxes = form_ids(page)
    assert forms.count("lesson-form") == 1 and boxes == ["lesson-form"]
    assert f'name="note-{reflection_id(first)}"' in page


def test_the_note_survives_finished(client, learner, course):
    first, second, _ = lessons_of(course)
    client.post(course.url + "enrol/")
    block_id = reflection_id(first)
    response = client.post(first.url + "complete/", {f"note-{block_id}": "Écrit avant de finir."})
    assert response.status_code == 302 and response["Location"] == second.url
    assert LessonCompletion.objects.filter(user=learner, lesson_key=first.translation_key).exists()
    note = ReflectionNote.objects.get(user=learner, block_id=block_id)
    assert note.text == "Écrit avant de finir."
    assert escape("Écrit avant de finir.") in client.get(first.url).content.decode()


def test_saving_the_note_alone_still_works(client, learner, course):
    first = lessons_of(course)[0]
    client.post(course.url + "enrol/")
    block_id = reflection_id(first)
    client.post(f"{first.url}notes/{block_id}/", {f"note-{block_id}": "Juste la note."})
    assert ReflectionNote.objects.get(user=learner).text == "Juste la note."
    assert not LessonCompletion.objects.filter(user=learner).exists()


def test_the_note_goes_with_the_quiz_whose_form_it_joins(client, learner, course):
    *_, last = lessons_of(course)
    client.post(course.url + "enrol/")
    forms, boxes = form_ids(client.get(last.url).content.decode())
    assert forms.count("lesson-form") == 1 and boxes == ["lesson-form"]
    block_id = reflection_id(last)
    data = {**wrong_answers(last), "submission": str(uuid.uuid4())}
    client.post(last.url + "quiz/", {**data, f"note-{block_id}": "Pendant le quiz."})
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert ReflectionNote.objects.get(user=learner).text == "Pendant le quiz."


def test_a_note_too_long_stops_finishing_and_comes_back_as_typed(client, learner, course):
    first = lessons_of(course)[0]
    client.post(course.url + "enrol/")
    block_id = reflection_id(first)
    text = "mot " * (limits.NOTE // 4 + 10)
    response = client.post(first.url + "complete/", {f"note-{block_id}": text})
    assert response["Location"].endswith(f"#reflection-{block_id}")
    assert not LessonCompletion.objects.exists() and not ReflectionNote.objects.exists()
    assert text.strip() in client.get(first.url).content.decode()
    # Shown once: the saved note (none) comes back after.
    assert text.strip() not in client.get(first.url).content.decode()


def test_nobody_else_can_write_a_note_by_finishing(client, course, peer):
    from home.factories import UserFactory

    first = lessons_of(course)[0]
    client.force_login(UserFactory(roles=["peer"]))  # not enrolled
    client.post(first.url + "complete/", {f"note-{reflection_id(first)}": "x"})
    assert not ReflectionNote.objects.exists() and not LessonCompletion.objects.exists()


def test_a_lessons_notes_are_read_unsorted(client, learner, course):
    """One note per prompt (a constraint), so the lesson reads them without asking the
    database to sort them; each still shows in its box."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = lessons_of(course)[0]
    client.post(course.url + "enrol/")
    ReflectionNote.objects.update_or_create(
        user=learner,
        lesson_key=first.translation_key,
        block_id=reflection_id(first),
        defaults={"course_key": course.translation_key, "text": "Ma note."},
    )
    with CaptureQueriesContext(connection) as queries:
        page = client.get(first.url).content.decode()
    notes = [q["sql"] for q in queries if "courses_reflectionnote" in q["sql"]]
    assert len(notes) == 1 and "ORDER BY" not in notes[0]
    assert "Ma note." in page
