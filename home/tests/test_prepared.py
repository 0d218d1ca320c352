"""A query the ORM writes once (``home.prepared``) answers as the queryset it stands for."""

import uuid

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

import psycopg
import pytest

from courses.models import Enrollment
from home.factories import UserFactory
from home.prepared import Prepared

pytestmark = pytest.mark.django_db


def plain(user_id, keys):
    return Enrollment.objects.filter(user_id=user_id, course_key__in=keys).values_list(
        "course_key", "status", "enrolled_at", "user_id"
    )


def test_rows_are_the_queryset_s_for_every_value_and_shape():
    users = UserFactory.create_batch(2)
    keys = [uuid.uuid4() for _ in range(3)]
    for user in users:
        for key in keys[:2]:
            Enrollment.objects.create(user=user, course_key=key)
    prepared = Prepared(plain)
    for user in users:
        for asked in ([keys[0]], keys[:2], keys, [uuid.uuid4()]):
            assert sorted(prepared.rows(user.pk, asked)) == sorted(plain(user.pk, asked))


def test_the_orm_writes_the_query_once_per_shape(monkeypatch):
    user = UserFactory()
    built = []
    prepared = Prepared(lambda *values: built.append(values) or plain(*values))
    for _ in range(3):
        prepared.rows(user.pk, [uuid.uuid4()])
    prepared.rows(user.pk, [uuid.uuid4(), uuid.uuid4()])
    assert len(built) == 2
    with CaptureQueriesContext(connection) as captured:
        prepared.rows(user.pk, [uuid.uuid4()])
    assert len(captured) == 1


def test_a_value_the_query_does_not_use_is_refused():
    prepared = Prepared(lambda user_id, unused: Group.objects.filter(pk=user_id).values_list("pk"))
    with pytest.raises(ValueError):
        prepared.rows(1, 2)
    with pytest.raises(TypeError):
        Prepared(plain).rows("1", [uuid.uuid4()])


def prepared_like(pattern):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", [pattern]
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL prepares statements")
@pytest.mark.skipif(
    connection.settings_dict["OPTIONS"].get("prepare_threshold") is None,
    reason="DATABASE_PREPARED_STATEMENTS=false",
)
def test_postgresql_prepares_the_statement_once_and_django_still_counts_it():
    user = UserFactory()
    prepared = Prepared(plain)
    key = uuid.uuid4()
    Enrollment.objects.create(user=user, course_key=key)
    with CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            assert [row[0] for row in prepared.rows(user.pk, [key])] == [key]
    assert len(captured) == 3
    assert all('"courses_enrollment"' in query["sql"] for query in captured)
    assert prepared_like('%"courses_enrollment"."course_key" IN ($%') == 1
    # Django's own queries still bind on the client, and are never prepared.
    with connection.cursor() as cursor:
        assert isinstance(cursor.cursor, psycopg.ClientCursor)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL prepares statements")
def test_with_prepared_statements_off_the_query_still_answers_unprepared():
    user = UserFactory()
    key = uuid.uuid4()
    Enrollment.objects.create(user=user, course_key=key)
    prepared = Prepared(
        lambda user_id, keys: Enrollment.objects.filter(
            user_id=user_id, course_key__in=keys
        ).values_list("course_key", "user_id")
    )
    connection.ensure_connection()
    raw = connection.connection
    threshold = raw.prepare_threshold
    raw.prepare_threshold = None  # as with DATABASE_PREPARED_STATEMENTS=false
    try:
        for _ in range(3):
            assert prepared.rows(user.pk, [key]) == [(key, user.pk)]
    finally:
        raw.prepare_threshold = threshold
    only_this = (
        'SELECT "courses_enrollment"."course_key" AS "course_key", '
        '"courses_enrollment"."user_id" AS "user_id" FROM%'
    )
    assert prepared_like(only_this) == 0
