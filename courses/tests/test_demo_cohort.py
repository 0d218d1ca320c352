"""The demo cohort of seed_demo: a report worth looking at, created once."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from courses.models import Cohort, QuizAttempt

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for this module, roll it back after the last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def user(username):
    return get_user_model().objects.get(username=username)


def test_the_demo_cohort_is_trained_by_chloe_and_created_by_a_coordinator(seeded):
    cohort = Cohort.objects.get(name="Promotion automne 2026")

    assert [u.username for u in cohort.trainers.all()] == ["chloe"]
    assert sorted(u.username for u in cohort.members.all()) == ["alice", "bruno", "gabriel"]
    assert cohort.modules.count() == 3
    created = ModelLogEntry.objects.for_instance(cohort).get(action="wagtail.create")
    assert created.user.username == "emma"


def test_alice_failed_then_passed_a_quiz(seeded):
    attempts = QuizAttempt.objects.filter(user=user("alice")).order_by("submitted_at", "pk")

    assert [a.passed for a in attempts] == [False, True]


def test_chloe_sees_progress_and_a_quiet_learner_in_the_report(client, seeded):
    cohort = Cohort.objects.get(name="Promotion automne 2026")
    client.force_login(user("chloe"))

    page = client.get(reverse("cohorts:report", args=[cohort.pk])).content.decode()

    assert "Terminé (" in page and "En cours (" in page
    inactive = page[page.index('id="inactive-heading"') :]
    assert "Gabriel Okafor" in inactive and "Alice Martin" not in inactive


def test_a_second_run_leaves_the_cohort_as_it_is(seeded):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert "cohort" not in out.getvalue() and "progress" not in out.getvalue()
    assert Cohort.objects.count() == 1
    assert QuizAttempt.objects.count() == 2
