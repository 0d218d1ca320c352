"""Erasure, end to end: the member asks, a coordinator carries it out, the data are gone."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

import pytest

from accounts.testing import VerifiedClient
from courses.models import Enrollment, QuizAttempt, ReflectionNote
from home.factories import PASSWORD, StandardPageFactory, UserFactory
from home.models import CharterAcknowledgement
from practice_analysis.models import EntryRead, EntryReview, EntryTransition, ReflectiveEntry
from privacy import services
from privacy.models import AuditEvent, ErasureRequest

from .conftest import ENTRY_TEXTS, person

pytestmark = pytest.mark.django_db


def ask(client, user):
    client.force_login(user)
    return client.post(reverse("erasure_request"), {"confirm": "on"})


def erase_url(erasure_request):
    return reverse("erasure_requests:erase", args=[erasure_request.pk])


def test_asking_needs_the_box_ticked_and_can_be_cancelled(client, alice):
    already = AuditEvent.objects.count()  # the fixture's account: created, given a role
    client.force_login(alice)
    page = client.post(reverse("erasure_request"), {}).content.decode()
    assert escape("Cochez la case pour confirmer votre demande.") in page
    assert not ErasureRequest.objects.exists()

    ask(client, alice)
    ask(client, alice)
    (erasure_request,) = ErasureRequest.objects.all()
    assert erasure_request.status == ErasureRequest.PENDING
    assert "Annuler ma demande" in client.get(reverse("my_data")).content.decode()

    client.post(reverse("erasure_cancel"))
    erasure_request.refresh_from_db()
    assert erasure_request.status == ErasureRequest.CANCELLED
    recorded = AuditEvent.objects.exclude(action="login").order_by("pk")[already:]
    assert [e.action for e in recorded] == [
        AuditEvent.ERASURE_REQUESTED,
        AuditEvent.ERASURE_CANCELLED,
    ]


def test_erasure_end_to_end(client, alice, david, coordinator, reviewed_entry, learning, section):
    member_client = client
    ask(member_client, alice)
    page = StandardPageFactory(parent=section("about"), owner=alice, publish=False)

    staff = VerifiedClient()
    staff.force_login(coordinator)
    listing = staff.get(reverse("erasure_requests:index")).content.decode()
    assert "alice-test" in listing
    erasure_request = ErasureRequest.objects.get()
    confirm = staff.get(erase_url(erasure_request))
    assert confirm.status_code == 200
    assert "alicia.zephyrin@example.org" in confirm.content.decode()
    assert staff.post(erase_url(erasure_request)).status_code == 302

    alice.refresh_from_db()
    assert alice.username.startswith(services.ERASED_PREFIX)
    assert (alice.first_name, alice.last_name, alice.email) == ("", "", "")
    assert not alice.is_active and not alice.has_usable_password()
    assert not alice.groups.exists() and not alice.practice_groups.exists()
    assert services.is_erased(alice)

    # Her open session is over.
    assert member_client.get(reverse("my_data")).status_code == 302

    # Her entries went with their reviews, changes of state and reads.
    for model in (ReflectiveEntry, EntryReview, EntryTransition, EntryRead):
        assert not model.objects.exists()
    for model in (ReflectionNote, QuizAttempt, Enrollment, CharterAcknowledgement):
        assert not model.objects.filter(user=alice).exists()

    # Her certificate stays, without her name; her page stays, « ancien·ne membre ».
    learning.refresh_from_db()
    assert learning.learner_name == ""
    verification = client.get(reverse("certificate_verify", args=[learning.code]))
    assert "Alicia" not in verification.content.decode()
    assert "ancien·ne membre" in verification.content.decode()
    page.refresh_from_db()
    assert services.public_author_name(page.owner) == "ancien·ne membre"
    assert services.public_author_name(david) == "Davide Moreau"

    # Nothing in a dump says who she was.
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    dump = out.getvalue()
    for trace in (
        "Zéphyrin",
        "Zu00e9phyrin",
        "alicia.zephyrin",
        "alice-test",
        ENTRY_TEXTS["description"],
    ):
        assert trace not in dump

    erasure_request.refresh_from_db()
    assert (erasure_request.status, erasure_request.handled_by) == ("done", coordinator)
    (event,) = AuditEvent.objects.filter(action=AuditEvent.ERASURE)
    assert (event.actor_id, event.subject_id) == (coordinator.pk, alice.pk)

    # She cannot log in again (the failed attempt is counted until its cool-off is over).
    attempt = VerifiedClient().post(
        reverse("login"), {"username": "alice-test", "password": PASSWORD}
    )
    assert attempt.status_code == 200 and "_auth_user_id" not in attempt.wsgi_request.session


def test_reviews_written_by_an_erased_supervisor_stay_signed_former_member(
    client, alice, david, coordinator, reviewed_entry
):
    erasure_request = services.request_erasure(david)
    services.erase_member(erasure_request, coordinator)
    assert EntryReview.objects.get().reviewer_id == david.pk
    client.force_login(alice)
    page = client.get(reverse("entry_detail", args=[reviewed_entry.pk])).content.decode()
    assert "ancien·ne membre" in page
    assert "Davide" not in page


def test_who_may_carry_out_an_erasure(client, alice, coordinator):
    erasure_request = services.request_erasure(alice)
    for refused in (alice, person("peer"), person("trainer"), person("supervisor")):
        client.force_login(refused)
        assert client.post(erase_url(erasure_request)).status_code in (302, 403, 404)
        assert client.get(reverse("erasure_requests:index")).status_code in (302, 403)
    erasure_request.refresh_from_db()
    assert erasure_request.status == ErasureRequest.PENDING

    own = services.request_erasure(coordinator)
    with pytest.raises(services.ErasureRefused):
        services.erase_member(own, coordinator)
    client.force_login(coordinator)
    client.post(erase_url(own))
    assert get_user_model().objects.get(pk=coordinator.pk).is_active

    superuser = UserFactory(is_superuser=True)
    technical = services.request_erasure(superuser)
    client.post(erase_url(technical))
    superuser.refresh_from_db()
    assert superuser.is_active
    other_superuser = UserFactory(is_superuser=True)
    services.erase_member(technical, other_superuser)
    superuser.refresh_from_db()
    assert services.is_erased(superuser)

    services.erase_member(erasure_request, coordinator)
    assert client.get(erase_url(erasure_request)).status_code == 404


def test_an_erased_supervisor_s_entries_in_review_go_back_to_the_queue(
    client, alice, david, group, coordinator
):
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import EntryRead
    from practice_analysis.states import move

    entry = ReflectiveEntryFactory(author=alice, group=group)
    move(entry, ReflectiveEntry.SUBMITTED, alice)
    move(entry, ReflectiveEntry.IN_REVIEW, david)
    EntryRead.objects.create(entry=entry, reader=david, capacity=EntryRead.SUPERVISOR)
    services.erase_member(services.request_erasure(david), coordinator)

    entry.refresh_from_db()
    assert (entry.state, entry.reviewer) == (ReflectiveEntry.SUBMITTED, None)
    client.force_login(alice)
    page = client.get(reverse("entry_detail", args=[entry.pk])).content.decode()
    assert "ancien·ne membre" in page
    assert "erased-" not in page
