"""The pages that the benchmark measures cost the same number of queries at 1x and 10x data.

Each test builds a page with a little data, counts its queries, adds ten times as much of
what the page lists, and counts again. A page whose count grows would be slow at the size
of a national network (docs/performance.md); the failure message lists the queries that
were added, normalised so that repeated ones show up as one line with a count.
"""

import re
from collections import Counter
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.factories import lessons_of, make_course
from courses.models import Cohort, LessonCompletion, QuizAttempt
from courses.services import complete_lesson, enrol
from home.charter import acknowledge, current_charter
from home.factories import StandardPageFactory, UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import ReflectiveEntry

pytestmark = pytest.mark.django_db


def shape(sql):
    """A query with its values blanked, so that the same query with other ids compares equal."""
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"\b\d+\b", "?", sql)
    return re.sub(r"IN \([?, ]+\)", "IN (…)", sql)


def queries(client, url):
    """The queries of a visit once the caches are filled, as for a returning member.

    Two visits fill them, whatever rows a very first visit creates on the way.
    """
    for _visit in range(2):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def assert_same_count(name, few, many):
    print(f"{name}: {len(few)} queries at 1x, {len(many)} at 10x")
    if len(few) == len(many):
        return
    added = Counter(map(shape, many)) - Counter(map(shape, few))
    removed = Counter(map(shape, few)) - Counter(map(shape, many))
    lines = [f"  +{count} times: {sql[:300]}" for sql, count in added.most_common()]
    lines += [f"  -{count} times: {sql[:300]}" for sql, count in removed.most_common()]
    pytest.fail(f"{name}: {len(few)} queries at 1x, {len(many)} at 10x:\n" + "\n".join(lines))


def member(*roles):
    user = UserFactory(roles=list(roles))
    acknowledge(user, current_charter(), "fr")
    return user


def progress(user, course, done=1):
    enrol(user, course)
    for lesson in lessons_of(course)[:done]:
        if lesson.quiz is None:
            complete_lesson(user, course, lesson)


def test_lesson_page(client, section):
    """A module of 2 then 20 lessons, with the learner's progress in it."""
    learner = member("peer")
    client.force_login(learner)
    catalogue = section("courses")
    small = make_course(catalogue, title="Petit module", lessons=2, translate=False)
    large = make_course(catalogue, title="Grand module", lessons=20, translate=False)
    progress(learner, small, done=1)
    progress(learner, large, done=10)
    few = queries(client, lessons_of(small)[0].url)
    many = queries(client, lessons_of(large)[9].url)
    assert_same_count("lesson page", few, many)


def test_catalogue_and_my_learning(client, section):
    """2 then 20 modules in the catalogue, and 2 then 20 enrolments with progress."""
    learner = member("peer")
    client.force_login(learner)
    catalogue = section("courses")
    courses = [make_course(catalogue, title=f"Module {n}", lessons=1) for n in range(2)]
    for course in courses:
        progress(learner, course)
    few = {name: queries(client, url) for name, url in pages(catalogue)}
    courses += [
        make_course(catalogue, title=f"Module {n}", lessons=1, translate=False)
        for n in range(2, 20)
    ]
    for course in courses[2:]:
        progress(learner, course)
    many = {name: queries(client, url) for name, url in pages(catalogue)}
    for name in few:
        assert_same_count(name, few[name], many[name])


def pages(catalogue):
    return [("catalogue", catalogue.url), ("my learning", reverse("my_learning"))]


def learners_with_progress(course, count):
    lessons = lessons_of(course)
    quiz_lesson = lessons[-1]
    people = []
    for _index in range(count):
        learner = UserFactory(roles=["peer"])
        enrol(learner, course)
        complete_lesson(learner, course, lessons[0])
        QuizAttempt.objects.create(
            user=learner,
            course_key=course.translation_key,
            lesson_key=quiz_lesson.translation_key,
            quiz_id=quiz_lesson.quiz.id,
            answers={},
            results={q.id: False for q in quiz_lesson.quiz.value["questions"].bound_blocks},
            score=0,
            passed=False,
        )
        people.append(learner)
    return people


def test_cohort_report(client, section):
    """A cohort of 3 then 30 learners, each with a completed lesson and a quiz attempt."""
    trainer = member("trainer")
    client.force_login(trainer)
    catalogue = section("courses")
    modules = [
        make_course(catalogue, title=f"Module {n}", lessons=2, translate=False) for n in range(2)
    ]
    cohort = Cohort.objects.create(
        name="Promotion", start_date=date(2026, 9, 1), end_date=date(2026, 12, 1)
    )
    cohort.modules.set(modules)
    cohort.trainers.add(trainer)
    url = reverse("cohorts:report", args=[cohort.pk])
    cohort.members.set(learners_with_progress(modules[0], 3))
    few = queries(client, url)
    cohort.members.add(*learners_with_progress(modules[0], 27))
    cohort.members.add(*learners_with_progress(modules[1], 30))
    assert LessonCompletion.objects.count() == 60
    many = queries(client, url)
    assert_same_count("cohort report", few, many)


def record_sent_for_approval(group, scribe):
    """A session log of the group in its supervisors' approval task."""
    from practice_analysis.models import PracticeGroupPage, PracticeSessionPage

    page = PracticeSessionPage(
        title="Séance",
        date=date(2026, 10, 6),
        session_format="app",
        situation="<p>Un appel.</p>",
        live=False,
    )
    PracticeGroupPage.objects.get(group=group).add_child(instance=page)
    page.save_revision(user=scribe)
    page.get_workflow().start(page, scribe)


def test_supervisor_queue(client):
    """2 then 20 entries and group records waiting, from several authors and groups."""
    supervisor = member("supervisor")
    client.force_login(supervisor)
    url = reverse("supervision_queue")

    def sent_entries(count):
        for index in range(count):
            author = member("peer")
            group = PracticeGroupFactory(members=[author], supervisors=[supervisor])
            ReflectiveEntryFactory(
                author=author,
                group=group,
                state=ReflectiveEntry.IN_REVIEW if index % 2 else ReflectiveEntry.SUBMITTED,
                reviewer=supervisor if index % 2 else None,
                submitted_at=timezone.now(),
                wants_to_talk=index % 3 == 0,
            )
            record_sent_for_approval(group, author)

    sent_entries(2)
    few = queries(client, url)
    sent_entries(18)
    many = queries(client, url)
    assert_same_count("supervisor queue", few, many)


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_home_page(client, section, logged_in):
    """2 then 20 pages in the menu under the home page."""
    if logged_in:
        client.force_login(member("peer"))
    home = section("home")

    def menu_pages(count):
        for _index in range(count):
            StandardPageFactory(parent=home, show_in_menus=True)

    menu_pages(2)
    few = queries(client, home.url)
    menu_pages(18)
    many = queries(client, home.url)
    assert_same_count("home page", few, many)
