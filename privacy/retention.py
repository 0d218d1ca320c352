"""The retention schedule (``settings.RETENTION``, days) and what applying it does.

Privacy owns the machinery; each app registers the steps for what it keeps, from its own
``retention.py`` (found at start-up, like ``personal_data.py``)::

    from privacy.retention import register_step

    register_step(
        "notes_purged",
        planned="notes to delete",
        done="notes deleted",
        setting="notes_purge_after_days",
        due=lambda now, age: Note.objects.filter(created_at__lt=now - age),
        order=40,
    )

Each step finds what is past its time and acts on it (by default, deletes it); running it
again finds nothing more. ``plan`` says what would happen, ``apply`` does it, step by step
in their order, inside the caller's transaction (``apply_retention``).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from . import audit
from .models import AuditEvent, DataArchive, ErasureRequest


@dataclass
class Step:
    """What a step would do (``plan``) or did (``apply``): how many of what."""

    key: str
    description: str
    count: int


@dataclass(frozen=True)
class Rule:
    """A registered step.

    ``due(now, age)`` returns a queryset of what is past its time; ``age`` is the
    ``setting``'s days as a timedelta (the step does nothing while the setting is unset),
    or None for a step without a setting. ``act(queryset)`` does it and returns how many;
    by default the rows are deleted and counted.
    """

    key: str
    planned: str
    done: str
    due: object
    setting: str | None = None
    act: object = None
    order: int = 100


_rules = {}


def register_step(key, *, planned, done, due, setting=None, act=None, order=100):
    """A retention step, registered once by the app that keeps the data."""
    if key in _rules:
        raise ValueError(f"The retention step {key!r} is registered twice.")
    _rules[key] = Rule(key, planned, done, due, setting, act, order)


def rules():
    return sorted(_rules.values(), key=lambda rule: (rule.order, rule.key))


def days(name):
    """``settings.RETENTION[name]`` as a timedelta, or None when it is not set."""
    value = settings.RETENTION.get(name)
    return None if value is None else timedelta(days=int(value))


def due(rule, now):
    """What the step would act on now: None when its setting is not set."""
    if rule.setting is None:
        return rule.due(now, None)
    age = days(rule.setting)
    return None if age is None else rule.due(now, age)


def delete_rows(queryset):
    """The default action: delete, and count the rows of the queryset's own model."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def plan(now=None):
    now = now or timezone.now()
    steps = []
    for rule in rules():
        queryset = due(rule, now)
        steps.append(Step(rule.key, rule.planned, 0 if queryset is None else queryset.count()))
    return steps


def apply(now=None):
    """Do what ``plan`` says; returns the same steps with what was done."""
    now = now or timezone.now()
    steps = []
    for rule in rules():
        queryset = due(rule, now)
        count = 0 if queryset is None else (rule.act or delete_rows)(queryset)
        steps.append(Step(rule.key, rule.done, count))
    total = sum(step.count for step in steps)
    if total:
        audit.record(AuditEvent.RETENTION, obj=("privacy.retention", total))
    return steps


# Privacy's own steps: the audit log, the handled erasure requests, the archives built.


def audit_events_due(now, age):
    return AuditEvent.objects.filter(at__lt=now - age)


def erasure_requests_due(now, age):
    return ErasureRequest.objects.exclude(status=ErasureRequest.PENDING).filter(
        handled_at__lt=now - age
    )


register_step(
    "audit_events_purged",
    planned="audit events to delete",
    done="audit events deleted",
    setting="audit_log_purge_after_days",
    due=audit_events_due,
    # The log is append-only: only its own purge may remove rows (privacy/models.py).
    act=lambda events: events.purge()[0],
    order=50,
)
register_step(
    "erasure_requests_purged",
    planned="handled erasure requests to delete",
    done="handled erasure requests deleted",
    setting="erasure_requests_purge_after_days",
    due=erasure_requests_due,
    act=lambda requests: requests.delete()[0],
    order=60,
)
register_step(
    "data_archives_purged",
    planned="data archives to delete",
    done="data archives deleted",
    setting="data_archives_purge_after_days",
    due=lambda now, age: DataArchive.objects.filter(requested_at__lt=now - age),
    order=70,
)
