"""Factories for practice-analysis tests: groups with members and supervisors, entries."""

import factory

from home.factories import UserFactory

from .models import PracticeGroup, ReflectiveEntry


class PracticeGroupFactory(factory.django.DjangoModelFactory):
    """A group; ``members=[...]`` and ``supervisors=[...]`` add people after creation."""

    class Meta:
        model = PracticeGroup
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Groupe d'analyse {n}")
    kind = PracticeGroup.APP

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)

    @factory.post_generation
    def supervisors(self, create, extracted, **kwargs):
        if create and extracted:
            self.supervisors.add(*extracted)


class ReflectiveEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReflectiveEntry

    author = factory.SubFactory(UserFactory, roles=["peer"])
    group = factory.SubFactory(PracticeGroupFactory)
    title = "Un appel qui m'a inquiété"
    description = "Un adhérent m'a appelé un soir de mars, très angoissé."
    feelings = "J'ai eu peur de mal faire."
