"""Co-development follow-up (``practice_analysis/follow_ups.py``): on the follow-up date,
the workshop's client is reminded of their action plan once, with a link to the record
and not a word of it."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.users.models import UserProfile

import pytest

from home.factories import UserFactory
from home.models import Notification
from home.schedule import jobs
from practice_analysis.factories import PracticeGroupFactory
from practice_analysis.follow_ups import CODEV_FOLLOW_UP, send_follow_ups
from practice_analysis.models import CodevWorkshopPage, FollowUpReminder, PracticeGroupPage

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 1, 12)
PLAN = "Dire non à la prochaine sollicitation, calmement."
SUBJECT = "Comment dire non sans blesser ?"


@pytest.fixture
def client_member():
    return UserFactory(roles=["peer"], first_name="Inès")


@pytest.fixture
def group_page(client_member):
    group = PracticeGroupFactory(
        name="Groupe du mardi", members=[client_member, UserFactory(roles=["peer"])]
    )
    return PracticeGroupPage.objects.get(group=group)


def workshop(group_page, client, follow_up=TODAY, live=True, day=20):
    page = CodevWorkshopPage(
        title="Atelier",
        subject=SUBJECT,
        date=datetime.date(2026, 12, day),
        client=client,
        expose_summary="<p>Une adhérente sollicite beaucoup la cliente.</p>",
        action_plan=[
            (
                "action",
                {
                    "action": PLAN,
                    "objective": "",
                    "resources": "",
                    "due_date": None,
                    "indicator": "",
                },
            )
        ],
        next_follow_up=follow_up,
        live=False,
    )
    group_page.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def follow_ups_of(member):
    return list(Notification.objects.filter(recipient=member, kind=CODEV_FOLLOW_UP))


def test_the_job_is_scheduled_every_morning():
    job = next(job for job in jobs() if job.key == "codev_follow_ups")
    assert job.at == datetime.time(9, 30)


def test_the_client_is_reminded_on_the_date_once_without_the_plan(
    group_page, client_member, mailoutbox
):
    record = workshop(group_page, client_member)
    assert send_follow_ups(TODAY - datetime.timedelta(days=1)) == 0
    assert send_follow_ups(TODAY) == 1
    (notification,) = follow_ups_of(client_member)
    assert notification.link == record.url
    assert notification.params == {"group": "Groupe du mardi"}
    (mail,) = [mail for mail in mailoutbox if client_member.email in mail.to]
    assert "Groupe du mardi" in mail.body and record.url in mail.body
    for secret in (PLAN, SUBJECT, "sollicite"):
        assert secret not in mail.body and secret not in str(notification.params)
    # The same day again, the next days: once.
    assert send_follow_ups(TODAY) == 0
    assert send_follow_ups(TODAY + datetime.timedelta(days=2)) == 0
    assert len(follow_ups_of(client_member)) == 1
    assert FollowUpReminder.objects.get().recipient == client_member


def test_a_day_missed_by_the_workers_is_caught_up_within_a_week(group_page, client_member):
    workshop(group_page, client_member)
    assert send_follow_ups(TODAY + datetime.timedelta(days=8)) == 0
    assert send_follow_ups(TODAY + datetime.timedelta(days=3)) == 1


def test_the_reminder_is_in_the_client_s_language(group_page, client_member, mailoutbox):
    profile = UserProfile.get_for_user(client_member)
    profile.preferred_language = "en"
    profile.save()
    workshop(group_page, client_member)
    send_follow_ups(TODAY)
    (mail,) = mailoutbox
    assert "The follow-up date of your action plan" in mail.body


def test_a_new_date_brings_a_new_reminder(group_page, client_member):
    record = workshop(group_page, client_member)
    send_follow_ups(TODAY)
    later = TODAY + datetime.timedelta(days=30)
    record.next_follow_up = later
    record.save_revision().publish()
    assert send_follow_ups(later) == 1
    assert len(follow_ups_of(client_member)) == 2


def test_nobody_else_and_no_client_who_left_is_reminded(group_page, client_member):
    workshop(group_page, None, day=1)  # no client named
    workshop(group_page, client_member, live=False, day=2)  # a draft
    left = UserFactory(roles=["peer"])
    workshop(group_page, left, day=3)  # never or no longer in the group
    gone = UserFactory(roles=["peer"], is_active=False)
    group_page.group.members.add(gone)
    workshop(group_page, gone, day=4)
    assert send_follow_ups(TODAY) == 0
    assert Notification.objects.filter(kind=CODEV_FOLLOW_UP).count() == 0


def test_the_job_s_queries_do_not_grow_with_the_workshops(group_page, client_member):
    def counts(workshops):
        Notification.objects.all().delete()
        FollowUpReminder.objects.all().delete()
        CodevWorkshopPage.objects.all().delete()
        for day in range(1, workshops):
            workshop(
                group_page, client_member, follow_up=TODAY + datetime.timedelta(days=9), day=day
            )
        workshop(group_page, client_member, day=28)
        with CaptureQueriesContext(connection) as queries:
            assert send_follow_ups(TODAY) == 1
        return len(queries)

    counts(3)  # caches filled (the site's root paths)
    assert counts(3) == counts(30)
