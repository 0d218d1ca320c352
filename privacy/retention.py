"""The retention schedule (``settings.RETENTION``, days) and what applying it does.

Each rule finds what is past its time and acts on it; running it again finds nothing
more. ``plan`` says what would happen, ``apply`` does it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from practice_analysis.models import ReflectiveEntry
from practice_analysis.states import TransitionRefused, move

from . import audit
from .models import AuditEvent, ErasureRequest


@dataclass
class Step:
    key: str
    description: str
    count: int


def _days(name):
    days = settings.RETENTION.get(name)
    return None if days is None else timedelta(days=int(days))


def entries_to_archive(now):
    """Validated entries untouched for a year: out of supervisors' sight, kept for the author."""
    age = _days("entries_archive_after_days")
    if age is None:
        return ReflectiveEntry.objects.none()
    return ReflectiveEntry.objects.filter(state=ReflectiveEntry.VALIDATED, updated_at__lt=now - age)


def entries_to_purge(now):
    """Every entry written more than 36 months ago, whatever its state."""
    age = _days("entries_purge_after_days")
    if age is None:
        return ReflectiveEntry.objects.none()
    return ReflectiveEntry.objects.filter(created_at__lt=now - age)


def audit_events_to_purge(now):
    age = _days("audit_log_purge_after_days")
    if age is None:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(at__lt=now - age)


def erasure_requests_to_purge(now):
    age = _days("erasure_requests_purge_after_days")
    if age is None:
        return ErasureRequest.objects.none()
    return ErasureRequest.objects.exclude(status=ErasureRequest.PENDING).filter(
        handled_at__lt=now - age
    )


def login_attempts_to_purge(now):
    """django-axes' failed-login counts once their cool-off is over: they hold typed names."""
    from axes.models import AccessAttempt

    return AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME)


def plan(now=None):
    now = now or timezone.now()
    purge = entries_to_purge(now)
    return [
        Step(
            "entries_archived",
            "validated reflective entries to archive",
            entries_to_archive(now).exclude(pk__in=purge.values("pk")).count(),
        ),
        Step("entries_purged", "reflective entries to delete", purge.count()),
        Step("audit_events_purged", "audit events to delete", audit_events_to_purge(now).count()),
        Step(
            "erasure_requests_purged",
            "handled erasure requests to delete",
            erasure_requests_to_purge(now).count(),
        ),
        Step(
            "login_attempts_purged",
            "failed-login counts past their cool-off to delete",
            login_attempts_to_purge(now).count(),
        ),
    ]


def apply(now=None):
    """Do what ``plan`` says; returns the same steps with what was done."""
    now = now or timezone.now()
    done = {}
    purge = entries_to_purge(now)
    done["entries_purged"] = purge.delete()[1].get(ReflectiveEntry._meta.label, 0)
    archived = 0
    for entry in entries_to_archive(now).iterator():
        try:
            move(entry, ReflectiveEntry.ARCHIVED, None)
        except TransitionRefused:  # changed meanwhile
            continue
        archived += 1
    done["entries_archived"] = archived
    done["audit_events_purged"] = audit_events_to_purge(now).purge()[0]
    done["erasure_requests_purged"] = erasure_requests_to_purge(now).delete()[0]
    done["login_attempts_purged"] = login_attempts_to_purge(now).delete()[0]
    if any(done.values()):
        audit.record(AuditEvent.RETENTION, obj=("privacy.retention", sum(done.values())))
    labels = {
        "entries_archived": "validated reflective entries archived",
        "entries_purged": "reflective entries deleted",
        "audit_events_purged": "audit events deleted",
        "erasure_requests_purged": "handled erasure requests deleted",
        "login_attempts_purged": "failed-login counts past their cool-off deleted",
    }
    order = list(labels)
    return [Step(key, labels[key], done[key]) for key in order]
