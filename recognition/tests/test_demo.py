"""The demo framework loads in both languages, once, with a demo peer's competences."""

from competences.models import Competence, Domain, Level
from home.factories import UserFactory
from recognition import record, services
from recognition.models import Confirmation, SelfAssessment
from setup.demo.competences import CompetenceSeeder


def test_the_demo_framework_loads_in_both_languages_once(db):
    alice = UserFactory(username="alice", roles=["peer"])
    UserFactory(username="david", roles=["supervisor"], first_name="David")
    UserFactory(username="emma", roles=["coordinator"])
    CompetenceSeeder(lambda text: None).run()
    CompetenceSeeder(lambda text: None).run()
    assert Domain.objects.filter(locale__language_code="fr").count() == 4
    assert Domain.objects.filter(locale__language_code="en").count() == 4
    assert Competence.objects.filter(locale__language_code="en").count() == 12
    assert Level.objects.count() == 12 * 3 * 2
    assert SelfAssessment.objects.filter(peer=alice).count() == 3
    assert Confirmation.objects.filter(peer=alice).count() == 1
    (confirmed,) = services.recognition(alice).competences
    assert confirmed.level.rank == 2
    assert confirmed.supervisor_name  # David agreed to be named
    # Her record: a status Emma attested, what she chose, an open link.
    shown = record.shown(alice)
    assert len(shown.status) == 1 and len(shown.competences) == 1
    assert record.live_link(alice) is not None
