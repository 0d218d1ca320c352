"""Queries whose SQL the ORM writes once per process, run again with other values.

Building a queryset and compiling it to SQL is most of what a small query costs (about
three quarters of 0.2 ms, where SQLite answers in 0.01 ms): a page that asks the same
question of every member can have the ORM write it once, as a database prepares a
statement, and only execute it afterwards. Nothing is kept of the answers.

    state = Prepared(lambda user_id, keys: Enrollment.objects.filter(
        user_id=user_id, course_key__in=keys).values_list("course_key", "status"))
    state.rows(request.user.pk, [key])        # [(UUID(...), "active")]

The queryset is built with markers in place of the values (a list's length is part of the
query's shape), and the markers' places in the compiled parameters are remembered; the
rows go through the same conversions as the queryset's own (``results_iter``).

On PostgreSQL the database prepares it too (``statement_cursor``): Django binds values on
the client, so PostgreSQL parses and plans every query anew, which is most of what it
spends on a small one (0.25 of 0.3 ms of its CPU for the lesson's learner rows); these
queries are sent with their values apart and prepared once per connection (psycopg keeps
the statements, ``prepared_max`` of them, and prepares again after a reconnection).
"""

import contextlib
import functools
import random
import threading
import uuid

from django.db import connections, models

_random = random.SystemRandom()


def _marker(value):
    if isinstance(value, bool) or not isinstance(value, (int, uuid.UUID)):
        raise TypeError(f"a prepared query takes integers and UUIDs, not {value!r}")
    if isinstance(value, uuid.UUID):
        return uuid.uuid4()
    # Within every integer column's range (PostgreSQL's lookups check it), and never one of
    # the query's own small constants.
    return _random.randrange(1 << 30, (1 << 31) - 1)


def _prepare(value, connection):
    """The value as the ORM passes it to the database (a UUID is text on SQLite)."""
    if isinstance(value, uuid.UUID):
        return models.UUIDField().get_db_prep_value(value, connection)
    return value


class _Compiled:
    def __init__(self, build, arguments):
        markers = [
            [_marker(item) for item in value] if isinstance(value, list) else _marker(value)
            for value in arguments
        ]
        queryset = build(*markers)
        self.alias = queryset.db
        self.compiler = queryset.query.get_compiler(self.alias)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        connection = self.compiler.connection
        places = {}
        for index, marker in enumerate(markers):
            for item, one in enumerate(marker) if isinstance(marker, list) else [(None, marker)]:
                places[_prepare(one, connection)] = (index, item)
        self.slots = [
            (position, *places[param])
            for position, param in enumerate(self.params)
            if _hashable(param) and param in places
        ]
        if {slot[1:] for slot in self.slots} != set(places.values()):
            raise ValueError("a value of the prepared query is not among its parameters")
        fields = [column[0] for column in self.compiler.select[: self.compiler.col_count]]
        self.converters = self.compiler.get_converters(fields)

    def rows(self, arguments):
        connection = self.compiler.connection
        params = list(self.params)
        for position, index, item in self.slots:
            value = arguments[index] if item is None else arguments[index][item]
            params[position] = _prepare(value, connection)
        with statement_cursor(connection) as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = map(tuple, self.compiler.apply_converters(rows, self.converters))
        return list(rows)


@contextlib.contextmanager
def statement_cursor(connection):
    """A cursor of ``connection`` whose queries the database prepares once (PostgreSQL).

    For SQL written once per process and run with other values: on PostgreSQL the values
    are bound on the server and the statement prepared at its first execution; elsewhere it
    is the connection's own cursor. Either way Django wraps it, so its queries are logged
    and counted like any other.
    """
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.ensure_connection()
    raw = connection.connection
    factory = raw.cursor_factory
    raw.cursor_factory = _preparing_cursor_class()
    try:
        cursor = connection.cursor()
    finally:
        raw.cursor_factory = factory
    with cursor:
        yield cursor


@functools.cache
def _preparing_cursor_class():
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        """Values bound on the server, the statement prepared at its first execution."""

        def execute(self, query, params=None, *, prepare=True, binary=None):
            return super().execute(query, params, prepare=prepare, binary=binary)

        def _send_query_prepared(self, name, pgq, *, binary=None):
            # psycopg forgets the query it runs by name, where Django reads the SQL that
            # it logs and that tests capture (``last_executed_query``).
            self._query = pgq
            return super()._send_query_prepared(name, pgq, binary=binary)

    return PreparingCursor


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


class Prepared:
    """A query built by ``build(*values)`` (a ``values_list`` queryset), compiled once per
    process and thread for each shape of its values (integers, UUIDs and lists of them)."""

    def __init__(self, build):
        self.build = build
        self._local = threading.local()

    def rows(self, *values):
        """The queryset's rows for these values (tuples, converted as the ORM does)."""
        shape = tuple(len(value) if isinstance(value, list) else None for value in values)
        compiled_by_shape = getattr(self._local, "compiled", None)
        if compiled_by_shape is None:
            compiled_by_shape = self._local.compiled = {}
        compiled = compiled_by_shape.get(shape)
        if compiled is None or compiled.compiler.connection is not connections[compiled.alias]:
            compiled = compiled_by_shape[shape] = _Compiled(self.build, values)
        return compiled.rows(values)
