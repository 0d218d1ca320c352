"""Where "Continue" leads: ``courses.services.continue_page``, for every link and redirection.

The next lesson to do, in the module's own language, or the module page once all are done;
never a lesson of another module or language, and nothing for a learner who may not learn.
"""

from django.urls import reverse

from wagtail.models import Locale

import pytest

from courses.factories import lessons_of, make_course
from courses.services import complete_lesson, continue_page, course_state, enrol
from home.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(section):
    return make_course(section("courses"), quiz_on_last=False)


@pytest.fixture
def learner(peer):
    return peer


def test_continue_leads_to_the_next_lesson_then_to_the_module(learner, course):
    first, second, third = lessons_of(course)
    enrol(learner, course)
    assert continue_page(course_state(learner, course)).pk == first.pk
    complete_lesson(learner, course, first)
    assert continue_page(course_state(learner, course)).pk == second.pk
    complete_lesson(learner, course, second)
    complete_lesson(learner, course, third)
    assert continue_page(course_state(learner, course)).pk == course.pk


def test_continue_stays_in_the_module_s_language(learner, course):
    first, second, _third = lessons_of(course)
    enrol(learner, course)
    complete_lesson(learner, course, first)
    english = course.get_translation(Locale.objects.get(language_code="en")).specific
    page = continue_page(course_state(learner, english))
    assert page.pk == second.get_translation(english.locale).pk
    assert page.locale_id == english.locale_id


def test_continue_never_leads_into_another_module(learner, course, section):
    other = make_course(section("courses"), title="Un autre module", quiz_on_last=False)
    enrol(learner, course)
    page = continue_page(course_state(learner, course))
    assert page.pk in {lesson.pk for lesson in lessons_of(course)}
    assert page.pk not in {lesson.pk for lesson in lessons_of(other)}


def test_every_continue_link_and_redirection_agrees(client, learner, course):
    first, second, _third = lessons_of(course)
    client.force_login(learner)
    response = client.post(course.url + "enrol/")
    assert response["Location"] == continue_page(course_state(learner, course)).url == first.url
    response = client.post(first.url + "complete/")
    assert response["Location"] == second.url
    page = client.get(reverse("my_learning")).content.decode()
    assert continue_page(course_state(learner, course)).url in page


def test_a_visitor_gets_no_continue_and_records_nothing(client, course):
    first = lessons_of(course)[0]
    response = client.post(first.url + "complete/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    stranger = UserFactory(roles=["peer"])
    client.force_login(stranger)
    response = client.post(first.url + "complete/")
    # Not enrolled: refused, back to the module page, nothing recorded.
    assert response["Location"] == course.url
    assert course_state(stranger, course).done_keys == set()
