"""The reminders of tomorrow's sessions, sent by an hourly job (``home.schedule``)."""

import datetime

from django.db import transaction
from django.utils import timezone

from django_tasks import task

from home.notifications import notify

from . import services
from .models import LiveSession
from .notifications import SESSION_REMINDER

REMIND_BEFORE = datetime.timedelta(hours=24)


def due_reminders(now=None):
    """Sessions starting within a day that were not reminded yet."""
    now = now or timezone.now()
    return LiveSession.objects.filter(
        starts_at__gt=now, starts_at__lte=now + REMIND_BEFORE, reminder_sent_at__isnull=True
    )


def recipients(session):
    """The expected members who did not say "not this time", and the facilitator."""
    declined = session.answers.filter(coming=False).values("user_id")
    people = list(services.participants(session).exclude(pk__in=declined))
    if session.facilitator and session.facilitator.is_active and session.facilitator not in people:
        people.append(session.facilitator)
    return people


@task()
def send_session_reminders():
    """Remind each session's people once, the day before (their preferences decide how:
    ``home.notifications.notify``)."""
    sent = 0
    for session in due_reminders().select_related("cohort", "group", "facilitator"):
        with transaction.atomic():
            # Claimed first: a second worker's run finds nothing left to send.
            claimed = LiveSession.objects.filter(
                pk=session.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=timezone.now())
            if not claimed:
                continue
            params = {
                "session": session.pk,
                "kind": session.kind,
                "starts_at": session.starts_at.isoformat(),
            }
            for person in recipients(session):
                notify(person, SESSION_REMINDER, params, email=True)
                sent += 1
    return sent
