"""A page's view restrictions read from the cache answer as Wagtail's own queryset would,
whatever the admin chains on them (``home.pages.CachedViewRestrictionsMixin``)."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from courses.factories import make_course

pytestmark = pytest.mark.django_db


def test_the_restrictions_are_read_without_a_query_and_chain_as_wagtail_s(section):
    home = section("home")
    course = make_course(section("courses"), title="Écouter", quiz_on_last=False)
    for page in (home, course):
        expected = list(Page.get_view_restrictions(page))
        page.get_view_restrictions()  # kept in the cache
        with CaptureQueriesContext(connection) as captured:
            restrictions = page.get_view_restrictions()
            assert list(restrictions) == expected
        assert len(captured) == 0
        assert list(restrictions.filter(restriction_type=PageViewRestriction.PASSWORD)) == []
        assert restrictions.count() == len(expected)
        assert list(page.get_view_restrictions()) == expected  # a copy each time


def test_a_restricted_page_reads_its_own_and_its_ancestors_restrictions(section):
    catalogue = section("courses")
    course = make_course(catalogue, title="Écouter", quiz_on_last=False)
    other = make_course(catalogue, title="Passer le relais", quiz_on_last=False)
    circle = Group.objects.create(name="Formateur·ices seulement")
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([circle])
    PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    course = Page.objects.get(pk=course.pk).specific
    assert restriction in course.get_view_restrictions()
    assert list(course.get_view_restrictions().filter(groups=circle)) == [restriction]
    assert not course.get_view_restrictions().filter(restriction_type=PageViewRestriction.PASSWORD)
    assert list(course.get_view_restrictions()) == list(Page.get_view_restrictions(course))
