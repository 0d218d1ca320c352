"""The guard of PostgreSQL's rule for row locks (home/tests/locking.py), which every test
runs under: a lock over a nullable outer join fails on SQLite as it would on PostgreSQL."""

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_a_lock_over_a_nullable_join_fails_on_every_backend(_locks_postgresql_accepts):
    with pytest.raises(AssertionError, match="outer join"):
        list(Page.objects.select_for_update().select_related("locked_by"))
    assert len(_locks_postgresql_accepts.breaches) == 1
    _locks_postgresql_accepts.breaches.clear()


def test_a_lock_of_its_own_rows_or_without_outer_join_passes(_locks_postgresql_accepts):
    list(Page.objects.select_for_update(of=("self",)).select_related("locked_by"))
    list(Page.objects.select_for_update())
    list(Page.objects.select_related("locked_by"))
    assert _locks_postgresql_accepts.breaches == []
