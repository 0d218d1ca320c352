"""Live sessions (issue 17): a peer answers "I'll come" and adds the session to their
calendar on a phone; a facilitator takes attendance; the session's record is started from
the session with the people who came."""

import datetime

from django.utils import timezone

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from gatherings import services
from gatherings.factories import GroupSessionFactory
from gatherings.models import Attendance, LiveSession, SessionAnswer

from . import people
from .helpers import login, t, url

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}


def group_of_two(language="fr"):
    supervisor = people.person(
        "dominique", "Dominique", "Bernard", roles=["supervisor"], language=language
    )
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language=language)
    other = people.person("lou", "Lou", "Garnier", roles=["peer"], language=language)
    group = people.practice_group(members=[peer, other], supervisors=[supervisor])
    return supervisor, peer, other, group


def test_a_peer_says_they_will_come_and_adds_it_to_their_calendar_on_a_phone(page):
    supervisor, peer, _other, group = group_of_two()
    session = GroupSessionFactory(group=group, facilitator=supervisor)
    login(page, peer, "fr")  # on a desktop: the helper looks for "Log out"
    page.set_viewport_size(PHONE)
    page.goto(url("session_detail", "fr", pk=session.pk))

    page.get_by_role("button", name=t("I'll come", "fr")).click()
    expect(page.get_by_text(t("You plan to come.", "fr"), exact=True)).to_be_visible()
    assert SessionAnswer.objects.get(session=session, user=peer).coming is True
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{widths[0]} px wide in {widths[1]} px"

    with page.expect_download() as download:
        page.get_by_role("link", name=t("Add to my calendar (.ics)", "fr")).click()
    assert download.value.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    events = [part for part in calendar.walk() if part.name == "VEVENT"]
    assert len(events) == 1
    assert events[0].decoded("dtstart") == session.starts_at

    # A change of mind, no reason asked.
    page.get_by_role("button", name=t("Not this time", "fr")).click()
    expect(
        page.get_by_text(t("You said: not this time. You are welcome whenever you can.", "fr"))
    ).to_be_visible()
    assert SessionAnswer.objects.get(session=session, user=peer).coming is False


def test_a_facilitator_takes_attendance(page):
    supervisor, peer, other, group = group_of_two("en")
    session = GroupSessionFactory(
        group=group,
        facilitator=supervisor,
        starts_at=timezone.now() - datetime.timedelta(minutes=20),
    )
    login(page, supervisor, "en")
    page.goto(url("session_detail", "en", pk=session.pk))
    page.get_by_role("link", name=t("Take attendance", "en")).click()
    expect(page.get_by_text(session.checkin_code)).to_be_visible()

    camille = page.get_by_role("group", name="Camille Martin")
    camille.get_by_label(t("Present", "en")).check()
    camille.get_by_label(t("arrived late at", "en")).fill(
        timezone.localtime(session.starts_at + datetime.timedelta(minutes=15)).strftime("%H:%M")
    )
    page.get_by_role("group", name="Lou Garnier").get_by_label(t("Absent", "en")).check()
    page.get_by_role("button", name=t("Save attendance", "en")).click()
    expect(page.get_by_text(t("Attendance saved.", "en"))).to_be_visible()

    came = Attendance.objects.get(session=session, user=peer)
    assert came.status == Attendance.PRESENT and came.arrived_at is not None
    assert came.marked_by == supervisor
    assert Attendance.objects.get(session=session, user=other).status == Attendance.ABSENT
    # What was saved shows again.
    expect(
        page.get_by_role("group", name="Camille Martin").get_by_label(t("Present", "en"))
    ).to_be_checked()


def test_a_record_is_started_from_the_session_with_its_attendees(page):
    supervisor, peer, other, group = group_of_two()
    session = GroupSessionFactory(
        group=group,
        facilitator=supervisor,
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )
    services.mark(session, peer, Attendance.PRESENT, by=supervisor)
    services.mark(session, other, Attendance.ABSENT, by=supervisor)
    login(page, supervisor, "fr")
    page.goto(url("session_detail", "fr", pk=session.pk))
    page.get_by_role("button", name=t("Start the session log", "fr")).click()

    # The editing space opens the draft, its people filled in (the editor names them by
    # their username).
    expect(page).to_have_url(
        f"{page.url.split('/admin/')[0]}/admin/pages/{record_id(session)}/edit/"
    )
    expect(page.get_by_label(peer.username, exact=True)).to_be_checked()
    expect(page.get_by_label(other.username, exact=True)).not_to_be_checked()
    record = LiveSession.objects.get(pk=session.pk).record.specific
    assert record.get_parent().specific.group == group and not record.live
    assert record.date == timezone.localtime(session.starts_at).date()

    # Back on the session: it leads to that record, never to a second one.
    page.goto(url("session_detail", "fr", pk=session.pk))
    expect(page.get_by_role("button", name=t("Start the session log", "fr"))).to_have_count(0)
    page.get_by_role("link", name=t("Open the record", "fr")).click()
    expect(page).to_have_url(f"{page.url.split('/admin/')[0]}/admin/pages/{record.pk}/edit/")
    assert type(record).objects.child_of(group.page).count() == 1


def record_id(session):
    return LiveSession.objects.get(pk=session.pk).record_id
