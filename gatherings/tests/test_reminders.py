"""The day-before reminder: once per session, to those expected who did not decline."""

import datetime

from django.utils import timezone

from gatherings import services
from gatherings.models import LiveSession
from gatherings.notifications import reminder_message
from gatherings.tasks import send_session_reminders
from home.models import Notification
from home.schedule import jobs


def test_the_reminder_goes_once_to_the_expected_members_and_the_facilitator(world):
    world.group.members.add(world.other_member)
    services.answer(world.other_member, world.group_session, False)
    # The fixtures' other sessions are tomorrow at 14:00: within 24 hours in the afternoon.
    LiveSession.objects.exclude(pk=world.group_session.pk).update(
        starts_at=timezone.now() + datetime.timedelta(days=10)
    )
    LiveSession.objects.filter(pk=world.group_session.pk).update(
        starts_at=timezone.now() + datetime.timedelta(hours=20)
    )
    send_session_reminders.call()
    send_session_reminders.call()
    told = Notification.objects.filter(kind="session_reminder")
    assert sorted(n.recipient_id for n in told) == sorted([world.member.pk, world.supervisor.pk])
    assert told.filter(recipient=world.member).count() == 1
    # The reminder names the kind and the time, never the group.
    message = reminder_message(told.get(recipient=world.member).params)
    assert world.group.name not in message and "Séance d'analyse de pratiques" in message


def test_sessions_further_away_are_not_reminded_yet(world):
    send_session_reminders.call()  # the fixtures' sessions are tomorrow at 14:00
    reminded = LiveSession.objects.filter(reminder_sent_at__isnull=False)
    for session in reminded:
        assert session.starts_at <= timezone.now() + datetime.timedelta(hours=24)


def test_the_job_is_registered_hourly():
    assert any(job.key == "live_session_reminders" for job in jobs())
