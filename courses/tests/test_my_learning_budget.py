"""The "My learning" page costs the same queries with 2 or 20 modules, 15 at most (issue 3)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.factories import make_course

pytestmark = pytest.mark.django_db


def queries(client):
    # The first visits create per-site and per-user rows once and fill the caches.
    client.get(reverse("my_learning"))
    client.get(reverse("my_learning"))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("my_learning")).status_code == 200
    return len(captured)


def test_my_learning_query_count_does_not_grow_with_enrolments(client, peer, section):
    client.force_login(peer)
    catalogue = section("courses")
    courses = [
        make_course(catalogue, title=f"Module {n}", lessons=1, translate=False) for n in range(20)
    ]
    for course in courses[:2]:
        client.post(course.url + "enrol/")
    few = queries(client)
    for course in courses[2:]:
        client.post(course.url + "enrol/")
    many = queries(client)
    assert few == many <= 15, f"My learning: {few} queries with 2 enrolments, {many} with 20"
