"""Only coordinators attest a member's status: every change kept, audited and told to the
member; everyone else gets a 404 (audited) and changes nothing."""

from django.urls import reverse

import pytest

from home.models import Notification
from privacy.models import AuditEvent
from recognition import services
from recognition.models import AttestedStatus


def urls(world):
    return [
        reverse("attested_statuses"),
        reverse("attest_status", kwargs={"pk": world.peer.pk}),
    ]


@pytest.mark.parametrize("who", ["peer", "trainer", "supervisor", "other_peer"])
def test_only_coordinators_attest_a_status(client, world, who):
    user = getattr(world, who)
    client.force_login(user)
    for url in urls(world):
        assert client.get(url).status_code == 404
    assert client.post(urls(world)[1], {"status": "employee"}).status_code == 404
    assert not AttestedStatus.objects.exists()
    assert AuditEvent.objects.filter(action=AuditEvent.DENIED, actor=user).exists()


def test_anonymous_is_sent_to_log_in_and_attests_nothing(client, world):
    assert client.post(urls(world)[1], {"status": "employee"}).status_code == 302
    assert not AttestedStatus.objects.exists()


def test_a_coordinator_attests_the_history_is_kept_audited_and_told(client, world):
    client.force_login(world.coordinator)
    url = urls(world)[1]
    assert client.get(url).status_code == 200
    assert client.post(url, {"status": "volunteer"}).status_code == 302
    assert client.post(url, {"status": "employee"}).status_code == 302
    assert list(AttestedStatus.objects.values_list("status", flat=True)) == [
        "employee",
        "volunteer",
    ]
    assert services.current_status(world.peer).status == "employee"
    events = AuditEvent.objects.filter(action=AuditEvent.STATUS_ATTESTED, subject=world.peer)
    assert events.count() == 2 and events.first().actor == world.coordinator
    told = Notification.objects.filter(recipient=world.peer, kind="status_attested")
    assert told.count() == 2
    assert "Pair-aidant·e salarié·e" in client.get(url).content.decode()
    # Ending it: no status any more, the history stays.
    client.post(url, {"status": ""})
    assert services.current_status(world.peer) is None
    assert AttestedStatus.objects.count() == 3


def test_a_coordinator_does_not_attest_their_own_status(client, world):
    client.force_login(world.coordinator)
    url = reverse("attest_status", kwargs={"pk": world.coordinator.pk})
    assert client.get(url).status_code == 404


def test_the_list_finds_members_pages_and_leaves_out_technical_accounts(
    client, world, django_user_model, settings, django_assert_max_num_queries
):
    """A network's members are many: the list is paged and searchable by name; technical
    superuser accounts have no status to attest, and cannot be reached by their id."""
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    world.peer.first_name, world.peer.last_name = "Yasmine", "Quentel"
    world.peer.save()
    client.force_login(world.coordinator)
    url = reverse("attested_statuses")
    page = client.get(url).content.decode()
    assert "root" not in page
    assert client.get(reverse("attest_status", kwargs={"pk": root.pk})).status_code == 404
    found = client.get(url, {"q": "yasm quent"}).content.decode()
    assert "Yasmine Quentel" in found and world.other_peer.username not in found
    assert "Aucun membre trouvé" in client.get(url, {"q": "zzzz"}).content.decode()
    django_user_model.objects.bulk_create(
        django_user_model(username=f"member{n:03}", first_name="Zoé") for n in range(70)
    )
    with django_assert_max_num_queries(20):
        last = client.get(url, {"page": 3}).content.decode()
    assert "Page 3 sur 3" in last and "member" in last
