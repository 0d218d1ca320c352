"""Issue 13, point 7 — the smaller holes. Here: no-store on everything that shows
confidential text, one test per address. The others are tested next to their code:

- length limits and the JSON autosave: ``tests/test_hostile_input.py``;
- spreadsheet exports: ``courses/tests/test_cohorts.py`` (``=HYPERLINK`` learners);
- trainers' certificates: ``courses/tests/test_certificates.py``;
- throttling per address: ``accounts/tests/test_throttling.py``;
- Wagtail documents: ``home/tests/test_documents.py``.
"""

import datetime

from django.urls import reverse

import pytest

from courses.factories import lessons_of, make_course
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.forms import ReflectiveEntryForm
from practice_analysis.models import (
    CodevWorkshopPage,
    PracticeGroupPage,
    PracticeSessionPage,
    ReflectiveEntry,
)

pytestmark = pytest.mark.django_db


def person(role):
    user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")
    return user


def assert_no_store(response):
    assert response.status_code == 200, response.status_code
    cache_control = response.get("Cache-Control", "")
    assert "no-store" in cache_control, cache_control
    assert "private" in cache_control, cache_control


@pytest.fixture
def practice():
    author = person("peer")
    reader = person("peer")
    supervisor = person("supervisor")
    group = PracticeGroupFactory(members=[author, reader], supervisors=[supervisor])
    draft = ReflectiveEntryFactory(author=author, group=group)
    submitted = ReflectiveEntryFactory(author=author, group=group, state=ReflectiveEntry.SUBMITTED)
    shared = ReflectiveEntryFactory(
        author=author, group=group, state=ReflectiveEntry.VALIDATED, shared_with_group=True
    )
    group_page = PracticeGroupPage.objects.get(group=group)
    session = PracticeSessionPage(
        title="Séance d'octobre",
        date=datetime.date(2026, 10, 6),
        session_format="app",
        situation="<p>Un adhérent a parlé d'un appel difficile.</p>",
    )
    group_page.add_child(instance=session)
    session.save_revision().publish()
    workshop = CodevWorkshopPage(
        title="Atelier de novembre",
        date=datetime.date(2026, 11, 3),
        subject="Accueillir une colère",
        expose_summary="<p>Un membre a raconté une colère au local.</p>",
    )
    group_page.add_child(instance=workshop)
    workshop.save_revision().publish()
    return {
        "author": author,
        "reader": reader,
        "supervisor": supervisor,
        "draft": draft,
        "submitted": submitted,
        "shared": shared,
        "group_page": group_page,
        "session": session,
        "workshop": workshop,
    }


@pytest.mark.parametrize(
    "who, url",
    [
        ("author", lambda p: reverse("entry_list")),
        ("author", lambda p: reverse("entry_create")),
        ("author", lambda p: reverse("entry_detail", args=[p["draft"].pk])),
        ("author", lambda p: reverse("entry_edit", args=[p["draft"].pk])),
        ("reader", lambda p: reverse("shared_entry", args=[p["shared"].pk])),
        ("supervisor", lambda p: reverse("supervision_queue")),
        ("supervisor", lambda p: reverse("supervision_entry", args=[p["submitted"].pk])),
        ("author", lambda p: p["group_page"].get_parent().url),
        ("author", lambda p: p["group_page"].url),
        ("author", lambda p: p["session"].url),
        ("supervisor", lambda p: p["workshop"].url),
        ("author", lambda p: reverse("my_data")),
        ("author", lambda p: reverse("my_learning")),
    ],
    ids=[
        "entry_list",
        "entry_create",
        "entry_detail",
        "entry_edit",
        "shared_entry",
        "supervision_queue",
        "supervision_entry",
        "practice_analysis_index",
        "group_page",
        "session_log",
        "codev_record",
        "my_data",
        "my_learning",
    ],
)
def test_confidential_pages_are_kept_by_no_cache(client, practice, who, url):
    client.force_login(practice[who])
    assert_no_store(client.get(url(practice)))


def test_autosave_answer_is_kept_by_no_cache(client, practice):
    client.force_login(practice["author"])
    response = client.post(
        reverse("entry_autosave", args=[practice["draft"].pk]),
        {
            "group": practice["draft"].group_id,
            **dict.fromkeys(ReflectiveEntryForm.TEXT_FIELDS, ""),
            "title": "Un titre",
            "description": "Un texte.",
        },
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_my_data_archive_is_kept_by_no_cache(client, practice):
    client.force_login(practice["author"])
    client.post(reverse("my_data_download"))
    response = client.get(reverse("my_data_archive"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_lesson_with_notes_is_kept_by_no_cache(client, section):
    course = make_course(section("courses"), lessons=1, translate=False)
    lesson = lessons_of(course)[0]
    client.force_login(person("peer"))
    assert_no_store(client.get(lesson.url))


def test_public_pages_may_still_be_cached(client, section):
    """No-store is for what is behind a login: the public home page keeps its headers."""
    response = client.get(section("home").url)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
