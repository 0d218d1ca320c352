"""After the browser tests, the database is as bootstrap left it (named to run last here)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, Workflow

import pytest

from courses.models import CoursePage
from home.roles import ROLES
from practice_analysis.models import PracticeGroup
from setup.site_tree import section_pages

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True)
def test_browser_tests_leave_the_bootstrapped_database_behind(bootstrap_snapshot):
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLES)
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "en"}
    assert Workflow.objects.filter(active=True).count() >= 4
    assert len(section_pages("courses")) == 2
    assert not get_user_model().objects.exists()
    assert not CoursePage.objects.exists()
    assert not PracticeGroup.objects.exists()
