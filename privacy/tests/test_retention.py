"""Retention: entries archived after a year and deleted after three, the audit log after
one; a dry run changes nothing; a second run finds nothing more."""

import datetime
import io
from unittest import mock

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from home import outbox
from home.models import OutgoingEmail
from practice_analysis.factories import ReflectiveEntryFactory
from practice_analysis.models import EntryTransition, ReflectiveEntry
from practice_analysis.states import move
from privacy.models import AuditEvent, DataArchive, ErasureRequest

from .conftest import E

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def at(moment):
    """Create things as if it were then (auto_now fields included)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def validated(author, david, group, when):
    with at(when):
        entry = ReflectiveEntryFactory(author=author, group=group)
        move(entry, E.SUBMITTED, author)
        move(entry, E.IN_REVIEW, david)
        move(entry, E.VALIDATED, david)
    return entry


def run(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def counts(output):
    return [int(line.split()[0]) for line in output.splitlines() if line.strip()[:1].isdigit()]


def test_the_schedule_is_applied_once(alice, david, group):
    recent = validated(alice, david, group, days_ago(30))
    year_old = validated(alice, david, group, days_ago(400))
    ancient = validated(alice, david, group, days_ago(1200))
    with at(days_ago(1100)):
        old_draft = ReflectiveEntryFactory(author=alice, group=group)
    with at(days_ago(400)):
        old_event = AuditEvent.objects.create(action=AuditEvent.LOGIN, actor=alice)
    with at(days_ago(100)):
        new_event = AuditEvent.objects.create(action=AuditEvent.LOGIN, actor=alice)
    with at(days_ago(1200)):
        handled = ErasureRequest.objects.create(
            user=alice, status=ErasureRequest.CANCELLED, handled_at=days_ago(1200)
        )
    old_attempt = AccessAttempt.objects.create(
        username="alice", ip_address="127.0.0.1", failures_since_start=2, get_data="", post_data=""
    )
    AccessAttempt.objects.filter(pk=old_attempt.pk).update(attempt_time=days_ago(1))
    current_attempt = AccessAttempt.objects.create(
        username="bruno", ip_address="127.0.0.1", failures_since_start=5, get_data="", post_data=""
    )
    old_archive = DataArchive.objects.create(user=alice, language="fr", requested_at=days_ago(8))
    sent = outbox.send("alice@example.org", "Objet", "Texte", kind="other")
    waiting = OutgoingEmail.objects.create(
        idempotency_key="waiting", to="bruno@example.org", kind="other", attempts=3
    )
    OutgoingEmail.objects.update(created_at=days_ago(100))

    dry = run("--dry-run")
    assert "Dry run" in dry
    assert counts(dry) == [1, 2, 1, 1, 1, 1, 1]
    assert ReflectiveEntry.objects.count() == 4
    assert ReflectiveEntry.objects.get(pk=year_old.pk).state == E.VALIDATED

    assert counts(run()) == [1, 2, 1, 1, 1, 1, 1]
    assert set(ReflectiveEntry.objects.values_list("pk", flat=True)) == {recent.pk, year_old.pk}
    assert ReflectiveEntry.objects.get(pk=year_old.pk).state == E.ARCHIVED
    assert EntryTransition.objects.filter(entry=year_old, to_state=E.ARCHIVED, by=None).exists()
    assert not ReflectiveEntry.objects.filter(pk__in=[ancient.pk, old_draft.pk]).exists()
    assert not AuditEvent.objects.filter(pk=old_event.pk).exists()
    assert AuditEvent.objects.filter(pk=new_event.pk).exists()
    assert not ErasureRequest.objects.filter(pk=handled.pk).exists()
    # A failed-login count past its cool-off goes; one still locking an account stays.
    assert list(AccessAttempt.objects.values_list("pk", flat=True)) == [current_attempt.pk]
    assert not DataArchive.objects.filter(pk=old_archive.pk).exists()
    # A sent e-mail goes after its time; one still waiting to be sent stays.
    assert list(OutgoingEmail.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert sent.pk != waiting.pk
    assert AuditEvent.objects.filter(action=AuditEvent.RETENTION).exists()

    assert counts(run()) == [0, 0, 0, 0, 0, 0, 0]


def test_an_archived_entry_is_its_author_s_alone(client, alice, david, group):
    entry = validated(alice, david, group, days_ago(400))
    run()
    client.force_login(david)
    assert client.get(reverse("supervision_entry", args=[entry.pk])).status_code == 404
    client.force_login(alice)
    page = client.get(reverse("entry_detail", args=[entry.pk]))
    assert page.status_code == 200


@override_settings(
    RETENTION={
        "entries_archive_after_days": None,
        "entries_purge_after_days": 30,
        "audit_log_purge_after_days": None,
        "erasure_requests_purge_after_days": None,
    }
)
def test_each_period_is_a_setting(alice, david, group):
    validated(alice, david, group, days_ago(400))
    with at(days_ago(400)):
        AuditEvent.objects.create(action=AuditEvent.LOGIN, actor=alice)
    assert counts(run()) == [0, 1, 0, 0, 0, 0, 0]
    assert AuditEvent.objects.filter(action=AuditEvent.LOGIN).exists()
