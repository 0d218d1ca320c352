"""What the editing space hides costs the same whatever the number of groups in the network."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.factories import UserFactory
from practice_analysis import reach as admin_access
from practice_analysis.factories import PracticeGroupFactory
from practice_analysis.models import PracticeGroupPage

pytestmark = pytest.mark.django_db


def fresh(user):
    user.__dict__.pop(admin_access._CACHE, None)
    return user


def test_hidden_is_the_practice_area_minus_one_s_own_groups():
    supervisor = UserFactory(roles=["supervisor"])
    own = PracticeGroupFactory(supervisors=[supervisor])
    other = PracticeGroupFactory()
    own_page = PracticeGroupPage.objects.get(group=own)
    other_page = PracticeGroupPage.objects.get(group=other)
    assert not admin_access.is_hidden(supervisor, own_page)
    assert admin_access.is_hidden(supervisor, other_page)
    assert not admin_access.is_hidden(supervisor, own_page.get_parent())  # the index page
    visible = admin_access.without_hidden(supervisor, PracticeGroupPage.objects.all())
    assert list(visible.values_list("pk", flat=True)) == [own_page.pk]


def test_the_filter_and_its_queries_do_not_grow_with_the_groups():
    coordinator = UserFactory(roles=["coordinator"])
    PracticeGroupFactory()

    def measure():
        user = fresh(coordinator)
        with CaptureQueriesContext(connection) as queries:
            q = admin_access.hidden_q(user)
            admin_access.without_hidden(user, PracticeGroupPage.objects.all()).count()
        return str(q).count("path__startswith"), len(queries)

    few = measure()
    for _ in range(5):
        PracticeGroupFactory()
    assert measure() == few
