"""Nothing of an entry shows in a competence view, an aggregate or an export; a peer's notes
are theirs alone; small counts are hidden; the framework speaks the reader's language."""

import json

from django.urls import reverse
from django.utils import translation

from home.factories import UserFactory
from practice_analysis.factories import ReflectiveEntryFactory
from practice_analysis.models import EntryTransition, ReflectiveEntry
from privacy.registry import sections
from recognition import services
from recognition.models import Confirmation, SelfAssessment

TITLE = "Zanzibar-titre-distinctif"
TEXT = "Quetzalcoatl-texte-distinctif"
NOTE = "Ornithorynque-note-privee"


def validated_entry(world):
    entry = ReflectiveEntryFactory(
        author=world.peer, group=world.group, title=TITLE, description=TEXT, feelings=TEXT
    )
    entry.state = ReflectiveEntry.VALIDATED
    entry.save()
    EntryTransition.objects.create(
        entry=entry, from_state="in_review", to_state="validated", by=world.supervisor
    )
    return entry


def pages(client, world):
    key = world.competence.translation_key
    yield world.peer, reverse("my_competences")
    yield world.peer, reverse("my_competence", kwargs={"key": key})
    yield world.supervisor, reverse("peer_competences", kwargs={"pk": world.peer.pk})
    yield world.supervisor, reverse("confirm_competence", kwargs={"pk": world.peer.pk, "key": key})
    yield world.trainer, reverse("competence_cohort", kwargs={"pk": world.cohort.pk})
    yield world.coordinator, reverse("competence_cohort", kwargs={"pk": world.cohort.pk})


def test_no_entry_title_or_text_in_any_competence_view_or_export(client, world):
    validated_entry(world)
    services.self_assess(world.peer, world.competence, 1, "")
    services.confirm(world.supervisor, world.peer, world.competence, 2, "Bravo")
    for user, url in pages(client, world):
        client.force_login(user)
        text = client.get(url).content.decode()
        assert TITLE not in text and TEXT not in text, url
    # Supervised practice is counted: one entry, an hour.
    practice = [s for s in services.hours_by_source(world.peer) if s.key == "supervised_practice"]
    assert practice[0].count == 1 and practice[0].minutes == 60
    record = services.recognition(world.peer)
    assert TITLE not in repr(record) and TEXT not in repr(record)
    exported = json.dumps(
        {s.key: s.export(world.peer) for s in sections() if s.key.startswith("competence_")}
    )
    assert TITLE not in exported and TEXT not in exported
    assert "Bravo" in exported


def test_a_self_assessment_note_is_for_the_peer_alone(client, world):
    services.self_assess(world.peer, world.competence, 2, NOTE)
    assert NOTE not in str(SelfAssessment.objects.values_list("note", flat=True).query)
    client.force_login(world.peer)
    key = world.competence.translation_key
    assert NOTE in client.get(reverse("my_competence", kwargs={"key": key})).content.decode()
    for user, url in list(pages(client, world))[2:]:
        client.force_login(user)
        assert NOTE not in client.get(url).content.decode(), url
    assert NOTE not in repr(services.recognition(world.peer))


def test_a_peer_keeps_the_history_of_their_own_view(client, world):
    client.force_login(world.peer)
    url = reverse("my_competence", kwargs={"key": world.competence.translation_key})
    client.post(url, {"level": 1, "text": "avant"})
    client.post(url, {"level": 3, "text": "après"})
    assert list(SelfAssessment.objects.values_list("level", flat=True)) == [3, 1]
    text = client.get(url).content.decode()
    assert "avant" in text and "après" in text


def test_small_counts_are_hidden_and_no_name_is_shown(client, world, settings):
    settings.RECOGNITION_SMALL_COUNT = 5
    learners = [UserFactory(roles=["peer"], first_name=f"Nom{i}") for i in range(6)]
    world.cohort.members.set(learners)
    for learner in learners[:5]:
        Confirmation.objects.create(
            peer=learner, competence_key=world.competence.translation_key, level=1
        )
    Confirmation.objects.create(
        peer=learners[5], competence_key=world.competence.translation_key, level=2
    )
    # A newer confirmation replaces an older one in the count (history is not counted twice).
    Confirmation.objects.create(
        peer=learners[0], competence_key=world.competence.translation_key, level=1
    )
    aggregate = services.cohort_aggregate(world.cohort)
    ((_domain, rows),) = aggregate["rows"]
    counts = [count for _level, count in rows[0].counts]
    assert counts == [5, None, 0]
    assert rows[0].not_confirmed == 0
    client.force_login(world.coordinator)
    text = client.get(reverse("competence_cohort", kwargs={"pk": world.cohort.pk})).content.decode()
    assert not any(f"Nom{i}" in text for i in range(6))
    assert "moins de 5" in text


def test_the_framework_speaks_the_readers_language(client, world):
    services.confirm(world.supervisor, world.peer, world.competence, 2, "")
    client.force_login(world.peer)
    with translation.override("en"):
        url = reverse("my_competences")
    text = client.get(url).content.decode()
    assert "Listening without judging" in text and "I practise" in text
    assert "Écouter sans juger" not in text
    with translation.override("fr"):
        text = client.get(reverse("my_competences")).content.decode()
    assert "Écouter sans juger" in text and "Je pratique" in text
