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


def test_hidden_pages_are_ranges_of_paths_that_the_path_index_answers():
    """``path__startswith`` is a LIKE (and the own groups a SUBSTR) that SQLite answers by
    reading every page of the network: search cost twice as much at ten times the data.
    Ranges of paths are answered by the path's unique index."""
    from wagtail.models import Page

    member = UserFactory()
    PracticeGroupFactory(members=[member])
    PracticeGroupFactory()
    hidden = Page.objects.filter(admin_access.hidden_q(fresh(member))).values("pk")
    sql = str(hidden.query).upper()
    assert " LIKE " not in sql and "SUBSTR" not in sql and " BETWEEN " in sql
    if connection.vendor == "sqlite":
        query, params = hidden.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + query, params)
            plan = [str(row[-1]) for row in cursor.fetchall()]
        assert not [step for step in plan if step.startswith("SCAN wagtailcore_page")], plan
        assert [step for step in plan if "INDEX" in step and "(path>? AND path<?)" in step], plan


def test_a_branch_as_a_range_of_paths_is_the_page_and_all_its_descendants():
    """The same pages as ``path__startswith`` on both databases: the bounds are made of
    treebeard's alphabet, which PostgreSQL's collation orders as SQLite's bytes."""
    from wagtail.models import Page

    from home.factories import StandardPageFactory

    group = PracticeGroupFactory()
    parent = PracticeGroupPage.objects.get(group=group)
    child = StandardPageFactory(parent=parent)
    StandardPageFactory(parent=child)
    for page in Page.objects.all():
        descendants = Page.objects.filter(path__startswith=page.path)
        as_range = Page.objects.filter(admin_access.branch_q(page.path))
        assert set(as_range) == set(descendants), page.path
        below = Page.objects.filter(admin_access.branch_q(page.path, itself=False))
        assert set(below) == set(descendants.exclude(pk=page.pk)), page.path


def test_the_pages_of_groups_are_their_branches_found_by_the_path_index():
    """The sessions a member may link an entry to are read on every entry form: the groups'
    branches as ranges of paths, not a LIKE per group."""
    from wagtail.models import Page

    from home.factories import StandardPageFactory
    from practice_analysis.models import pages_of_groups

    group_pages = []
    for _index in range(2):
        group_page = PracticeGroupPage.objects.get(group=PracticeGroupFactory())
        StandardPageFactory(parent=StandardPageFactory(parent=group_page))
        group_pages.append(group_page)
    PracticeGroupFactory()
    under = Page.objects.none()
    for group_page in group_pages:
        under |= Page.objects.filter(path__startswith=group_page.path)
    assert set(pages_of_groups(group_pages)) == set(under)
    below = set(under.exclude(pk__in=[page.pk for page in group_pages]))
    assert set(pages_of_groups(group_pages, inclusive=False)) == below
    assert " LIKE " not in str(pages_of_groups(group_pages).query).upper()


def test_one_s_own_groups_pages_are_read_by_sql_written_once(monkeypatch):
    """The query of one's own groups' pages is written by the ORM once per process
    (``home.prepared``) and answers, for each member, the pages of ``groups_of``."""
    from practice_analysis.services import groups_of

    member, supervisor, outsider = UserFactory(), UserFactory(), UserFactory()
    PracticeGroupFactory(members=[member], supervisors=[supervisor])
    PracticeGroupFactory(members=[member])
    PracticeGroupFactory(supervisors=[supervisor])
    PracticeGroupFactory()
    admin_access.reach(fresh(outsider))  # written here, if not already
    built = []
    build = admin_access._OWN_PATHS.build
    monkeypatch.setattr(admin_access._OWN_PATHS, "build", lambda *a: built.append(a) or build(*a))
    for user in (member, supervisor, outsider):
        with CaptureQueriesContext(connection) as queries:
            own = admin_access.reach(fresh(user)).own
        pages = PracticeGroupPage.objects.filter(group__in=groups_of(user))
        assert own == set(pages.values_list("path", flat=True)) and len(queries) == 1
    assert built == []
    assert len(admin_access.reach(fresh(member)).own) == 2
