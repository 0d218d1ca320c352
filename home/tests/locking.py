"""PostgreSQL's rule for row locks, checked on every backend: the guard every test runs
under (conftest.py).

PostgreSQL refuses ``FOR UPDATE`` over a query whose outer join has a nullable side ("FOR
UPDATE cannot be applied to the nullable side of an outer join"): ``select_related`` of a
nullable foreign key under ``select_for_update()`` is a 500 there, while SQLite, which the
suite runs on by default, ignores locks and never says so. A lock over such a query must
name what it locks: ``select_for_update(of=("self",))``.
"""

from django.db.models.sql.compiler import SQLCompiler
from django.db.models.sql.constants import LOUTER


def nullable_lock(query):
    """Why PostgreSQL would refuse this query's lock, or None."""
    if not query.select_for_update or query.select_for_update_of:
        return None
    outer = [
        join.table_name
        for join in query.alias_map.values()
        if getattr(join, "join_type", None) == LOUTER
    ]
    if not outer:
        return None
    return (
        f"{query.model._meta.label}: FOR UPDATE over an outer join with {', '.join(outer)} "
        "(PostgreSQL refuses it: name the locked rows, select_for_update(of=('self',)))"
    )


class NullableLockGuard:
    """Records (and raises) every locking query PostgreSQL would refuse, as it is compiled:
    code that swallows the error still fails the test."""

    def __init__(self, monkeypatch):
        self.breaches = []
        as_sql = SQLCompiler.as_sql
        guard = self

        def checked_as_sql(compiler, *args, **kwargs):
            sql = as_sql(compiler, *args, **kwargs)  # the joins are set up while compiling
            breach = nullable_lock(compiler.query)
            if breach is not None:
                guard.breaches.append(breach)
                raise AssertionError(breach)
            return sql

        monkeypatch.setattr(SQLCompiler, "as_sql", checked_as_sql)
