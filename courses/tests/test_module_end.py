"""The end of a module is a moment (issue 16): finishing its last lesson lands on a calm
notice on the module page, with the certificate and one module to follow next."""

import uuid

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Locale, PageViewRestriction

import pytest

from courses.factories import lessons_of, make_course, right_answers
from courses.models import Certificate
from home.factories import UserFactory

pytestmark = pytest.mark.django_db

MOMENT = 'id="finished"'


@pytest.fixture
def catalogue(section):
    return section("courses")


@pytest.fixture
def course(catalogue):
    return make_course(catalogue, title="Écouter", quiz_on_last=False)


@pytest.fixture
def following(catalogue, course):
    return make_course(catalogue, title="Passer le relais", quiz_on_last=False)


def finish(client, course):
    """Start the module and finish every lesson; the answer to the last "finished"."""
    client.post(course.url + "enrol/")
    response = None
    for lesson in lessons_of(course):
        response = client.post(lesson.url + "complete/")
    return response


def test_finishing_the_last_lesson_lands_on_the_moment(client, peer, course, following):
    client.force_login(peer)
    response = finish(client, course)
    assert response["Location"] == course.url + "#finished"
    page = client.get(course.url).content.decode()
    assert MOMENT in page and "Vous avez terminé ce module" in page
    certificate = Certificate.objects.get(user=peer, course_key=course.translation_key)
    assert reverse("certificate_download", kwargs={"code": certificate.code}) in page
    moment = page[page.index(MOMENT) : page.index("</section>", page.index(MOMENT))]
    assert following.url in moment and escape(following.title) in moment


def test_passing_the_last_quiz_lands_on_the_moment(client, peer, catalogue):
    course = make_course(catalogue, title="Avec un quiz", quiz_on_last=True)
    client.force_login(peer)
    client.post(course.url + "enrol/")
    *firsts, last = lessons_of(course)
    for lesson in firsts:
        client.post(lesson.url + "complete/")
    response = client.post(last.url + "quiz/", {**right_answers(last), "submission": uuid.uuid4()})
    assert response["Location"] == course.url + "#finished"
    assert MOMENT in client.get(course.url).content.decode()


def test_the_moment_speaks_the_member_s_language(client, peer, course, following):
    client.force_login(peer)
    finish(client, course)
    english = course.get_translation(Locale.objects.get(language_code="en"))
    page = client.get(english.url).content.decode()
    assert "You have finished this module" in page
    assert following.get_translation(english.locale).url in page


def test_a_learner_who_has_not_finished_does_not_see_it(client, peer, course, following):
    client.force_login(peer)
    client.post(course.url + "enrol/")
    client.post(lessons_of(course)[0].url + "complete/")
    page = client.get(course.url).content.decode()
    assert MOMENT not in page and "Vous avez terminé ce module" not in page
    client.logout()
    assert MOMENT not in client.get(course.url).content.decode()


def test_nobody_else_sees_the_moment_or_the_certificate(client, peer, course, following):
    client.force_login(peer)
    finish(client, course)
    certificate = Certificate.objects.get(user=peer, course_key=course.translation_key)
    other = UserFactory(roles=["peer"])
    client.force_login(other)
    page = client.get(course.url).content.decode()
    assert MOMENT not in page and certificate.code not in page
    response = client.get(reverse("certificate_download", kwargs={"code": certificate.code}))
    assert response.status_code == 404


def test_a_module_the_member_may_not_see_is_never_suggested(
    client, peer, catalogue, course, following
):
    circle = Group.objects.create(name="Formateur·ices seulement")
    restriction = PageViewRestriction.objects.create(
        page=following, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([circle])
    open_one = make_course(catalogue, title="Prendre soin de soi", quiz_on_last=False)
    client.force_login(peer)
    finish(client, course)
    page = client.get(course.url).content.decode()
    moment = page[page.index(MOMENT) : page.index("</section>", page.index(MOMENT))]
    assert following.url not in moment and escape(following.title) not in moment
    assert open_one.url in moment


def test_started_and_locked_modules_are_not_suggested(client, peer, catalogue, course):
    started = make_course(catalogue, title="Déjà commencé", quiz_on_last=False)
    locked = make_course(catalogue, title="Plus tard", quiz_on_last=False, prerequisites=[started])
    client.force_login(peer)
    client.post(started.url + "enrol/")
    finish(client, course)
    page = client.get(course.url).content.decode()
    moment = page[page.index(MOMENT) : page.index("</section>", page.index(MOMENT))]
    assert started.url not in moment and locked.url not in moment


def test_a_module_without_certificate_points_to_the_record(client, peer, catalogue):
    course = make_course(
        catalogue, title="Sans certificat", quiz_on_last=False, issues_certificate=False
    )
    client.force_login(peer)
    finish(client, course)
    page = client.get(course.url).content.decode()
    assert MOMENT in page and reverse("training_record") in page
    assert "certificates/" not in page.split(MOMENT)[1].split("</section>")[0]


def test_a_certificate_not_there_yet_is_being_prepared(client, peer, course):
    client.force_login(peer)
    finish(client, course)
    Certificate.objects.filter(user=peer).delete()
    page = client.get(course.url).content.decode()
    assert "Votre attestation est en préparation." in page


def count_queries(client, url):
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# 3 for the page of a module in progress, 3 for the moment (certificate, enrolments,
# restrictions).
MODULE_PAGE_BUDGET = 6


def test_the_moment_costs_the_same_whatever_the_catalogue(client, peer, catalogue, course):
    """The suggestion reads a fixed number of queries: enrolments and restrictions once."""
    make_course(catalogue, title="Un", quiz_on_last=False, translate=False)
    client.force_login(peer)
    finish(client, course)
    few = count_queries(client, course.url)
    for index in range(6):
        started = make_course(catalogue, title=f"Commencé {index}", lessons=1, translate=False)
        client.post(started.url + "enrol/")
        restricted = make_course(catalogue, title=f"Réservé {index}", lessons=1, translate=False)
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.LOGIN
        )
    many = count_queries(client, course.url)
    assert MOMENT in client.get(course.url).content.decode()
    assert few == many, f"{few} queries with few modules, {many} with many"
    assert many <= MODULE_PAGE_BUDGET, many
