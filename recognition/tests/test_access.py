"""Only a supervisor of the peer's own group confirms; a cohort's aggregate is for its
trainers and the coordinators; the framework is edited by trainers and coordinators."""

from django.urls import reverse

import pytest

from home.models import Notification
from privacy.models import AuditEvent
from recognition import services
from recognition.models import Confirmation


def peer_urls(world):
    key = world.competence.translation_key
    return [
        reverse("peer_competences", kwargs={"pk": world.peer.pk}),
        reverse("confirm_competence", kwargs={"pk": world.peer.pk, "key": key}),
    ]


@pytest.mark.parametrize(
    "who", ["other_supervisor", "trainer", "coordinator", "other_peer", "peer"]
)
def test_only_a_supervisor_of_the_peers_own_group_may_confirm(client, world, who):
    client.force_login(getattr(world, who))
    for url in peer_urls(world):
        assert client.get(url).status_code == 404
        assert client.post(url, {"level": 2, "text": "Bien"}).status_code == 404
    assert not Confirmation.objects.exists()
    assert AuditEvent.objects.filter(action=AuditEvent.DENIED, actor=getattr(world, who)).exists()


def test_anonymous_is_sent_to_log_in_and_confirms_nothing(client, world):
    for url in peer_urls(world):
        assert client.post(url, {"level": 2}).status_code == 302
    assert not Confirmation.objects.exists()


def test_a_supervisor_of_a_group_where_the_peer_only_supervises_may_not_confirm(client, world):
    # The peer supervises a group too: its other supervisor is not "their" supervisor.
    group = world.other_group
    group.supervisors.add(world.peer)
    with pytest.raises(Exception):  # noqa: B017 - Http404
        services.confirm(world.other_supervisor, world.peer, world.competence, 2)
    assert not Confirmation.objects.exists()


def test_the_supervisor_confirms_and_the_history_is_kept(client, world):
    client.force_login(world.supervisor)
    url = peer_urls(world)[1]
    assert client.get(url).status_code == 200
    assert client.post(url, {"level": 1, "text": "Premier pas"}).status_code == 302
    assert client.post(url, {"level": 2, "text": "Beau chemin"}).status_code == 302
    assert list(Confirmation.objects.values_list("level", flat=True)) == [2, 1]
    assert (
        Notification.objects.filter(recipient=world.peer, kind="competence_confirmed").count() == 2
    )

    client.force_login(world.peer)
    page = client.get(reverse("my_competence", kwargs={"key": world.competence.translation_key}))
    text = page.content.decode()
    assert "Premier pas" in text and "Beau chemin" in text
    assert "Je pratique" in client.get(reverse("my_competences")).content.decode()


def test_a_level_outside_the_competence_is_refused(client, world):
    client.force_login(world.supervisor)
    assert client.post(peer_urls(world)[1], {"level": 9}).status_code == 200
    assert not Confirmation.objects.exists()


@pytest.mark.parametrize("who", ["idle_trainer", "peer", "supervisor"])
def test_a_cohorts_aggregate_is_404_outside_its_trainers_and_coordinators(client, world, who):
    client.force_login(getattr(world, who))
    url = reverse("competence_cohort", kwargs={"pk": world.cohort.pk})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", ["trainer", "coordinator"])
def test_a_cohorts_trainer_and_the_coordinators_see_its_aggregate(client, world, who):
    client.force_login(getattr(world, who))
    url = reverse("competence_cohort", kwargs={"pk": world.cohort.pk})
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("trainer", True), ("coordinator", True), ("peer", False), ("supervisor", False)],
)
def test_trainers_and_coordinators_edit_the_framework_peers_cannot(client, world, who, allowed):
    client.force_login(getattr(world, who))
    snippets = (
        ("wagtailsnippets_competences_competence", world.competence.pk),
        ("wagtailsnippets_competences_domain", world.competence.domain_id),
    )
    for name, pk in snippets:
        response = client.get(reverse(f"{name}:add"))
        assert (response.status_code == 200) is allowed, name
        edit = client.get(reverse(f"{name}:edit", args=[pk]))
        assert (edit.status_code == 200) is allowed, name
