"""A small framework in French and English, two practice groups and a cohort with people."""

from types import SimpleNamespace

from wagtail.models import Locale

import pytest

from competences.models import Competence, Domain, Level
from gatherings.factories import CohortFactory
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory

LEVELS = [
    ("Je découvre", "I am discovering"),
    ("Je pratique", "I practise"),
    ("Je transmets", "I pass it on"),
]


def make_framework():
    fr, en = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    domain = Domain.objects.create(locale=fr, name="Écouter et être avec", sort_order=1)
    domain_en = Domain.objects.create(
        locale=en,
        translation_key=domain.translation_key,
        name="Listening and being with",
        sort_order=1,
    )
    competence = Competence.objects.create(
        locale=fr,
        domain=domain,
        name="Écouter sans juger",
        description="Accueillir ce que la personne dit.",
        easy_read="J'écoute. Je ne juge pas.",
    )
    competence_en = Competence.objects.create(
        locale=en,
        translation_key=competence.translation_key,
        domain=domain_en,
        name="Listening without judging",
        description="Welcoming what the person says.",
    )
    for rank, (name_fr, name_en) in enumerate(LEVELS, start=1):
        level = Level.objects.create(
            competence=competence,
            locale=fr,
            rank=rank,
            name=name_fr,
            descriptor=f"Descripteur {rank}",
        )
        Level.objects.create(
            competence=competence_en,
            locale=en,
            translation_key=level.translation_key,
            rank=rank,
            name=name_en,
            descriptor=f"Descriptor {rank}",
        )
    return competence


@pytest.fixture
def world(db):
    charter = current_charter()

    def person(*roles, **kwargs):
        user = UserFactory(roles=list(roles), **kwargs)
        acknowledge(user, charter, "fr")
        return user

    w = SimpleNamespace(
        peer=person("peer", first_name="Camille", last_name="Peerson"),
        other_peer=person("peer"),
        supervisor=person("supervisor"),
        other_supervisor=person("supervisor"),
        trainer=person("trainer"),
        idle_trainer=person("trainer"),
        coordinator=person("coordinator"),
    )
    w.group = PracticeGroupFactory(members=[w.peer], supervisors=[w.supervisor])
    w.other_group = PracticeGroupFactory(members=[w.other_peer], supervisors=[w.other_supervisor])
    w.cohort = CohortFactory(members=[w.peer, w.other_peer], trainers=[w.trainer])
    w.competence = make_framework()
    w.person = person
    return w
