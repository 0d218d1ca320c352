"""The demo framework loads in both languages, once, with a demo peer's competences."""

from competences.models import Competence, Domain, Level
from home.factories import UserFactory
from recognition import services
from recognition.models import Confirmation, SelfAssessment
from setup.demo.competences import CompetenceSeeder


def test_the_demo_framework_loads_in_both_languages_once(db):
    alice = UserFactory(username="alice", roles=["peer"])
    UserFactory(username="david", roles=["supervisor"])
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
