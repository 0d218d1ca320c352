"""Factories for live-session tests."""

import datetime

from django.utils import timezone

import factory

from courses.models import Cohort
from practice_analysis.factories import PracticeGroupFactory

from .models import LiveSession


class CohortFactory(factory.django.DjangoModelFactory):
    """A cohort; ``members=[...]`` and ``trainers=[...]`` add people after creation."""

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Promotion {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate())
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.trainers.add(*extracted)


class GroupSessionFactory(factory.django.DjangoModelFactory):
    """A practice-analysis session of a group, tomorrow at 14:00 (local time)."""

    class Meta:
        model = LiveSession

    kind = LiveSession.PRACTICE
    group = factory.SubFactory(PracticeGroupFactory)
    starts_at = factory.LazyFunction(
        lambda: (timezone.localtime() + datetime.timedelta(days=1)).replace(
            hour=14, minute=0, second=0, microsecond=0
        )
    )
    duration_minutes = 120
    place = "Salle du GEM, 12 rue des Lilas"


class CohortSessionFactory(GroupSessionFactory):
    kind = LiveSession.TRAINING
    group = None
    cohort = factory.SubFactory(CohortFactory)
