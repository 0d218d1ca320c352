"""Attendance: the facilitator's page, members' check-in, the sheet and the hours."""

import datetime
import io

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from gatherings import services
from gatherings.models import Attendance


@pytest.fixture
def now_session(world):
    session = world.group_session
    session.starts_at = timezone.now() - datetime.timedelta(minutes=5)
    session.save()
    return session


def test_the_facilitator_marks_who_came_with_times(client, world):
    client.force_login(world.supervisor)
    url = reverse("session_attendance", kwargs={"pk": world.group_session.pk})
    response = client.get(url)
    assert world.group_session.checkin_code in response.content.decode()
    prefix = f"p{world.member.pk}"
    response = client.post(
        url,
        {
            f"{prefix}-status": "present",
            f"{prefix}-arrived_at": "14:30",
            f"{prefix}-left_at": "15:30",
        },
    )
    assert response.status_code == 302
    record = Attendance.objects.get(session=world.group_session, user=world.member)
    assert record.status == Attendance.PRESENT and record.marked_by == world.supervisor
    assert record.minutes() == 60
    assert services.attendance_hours(world.member) == 1


def test_a_member_may_not_take_attendance(client, world):
    client.force_login(world.member)
    url = reverse("session_attendance", kwargs={"pk": world.group_session.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {f"p{world.member.pk}-status": "present"}).status_code == 404
    assert not Attendance.objects.exists()


def test_a_member_checks_in_with_the_code_once(client, world, now_session):
    client.force_login(world.member)
    url = reverse("session_check_in", kwargs={"pk": now_session.pk})
    client.post(url, {"code": now_session.checkin_code.lower()})
    client.post(url, {"code": now_session.checkin_code})
    record = Attendance.objects.get(session=now_session, user=world.member)
    assert record.status == Attendance.PRESENT and record.checked_in_at is not None
    assert record.arrived_at is None  # five minutes after the start is not late


def test_check_in_is_closed_outside_the_session(client, world):
    client.force_login(world.member)
    url = reverse("session_check_in", kwargs={"pk": world.group_session.pk})  # tomorrow
    client.post(url, {"code": world.group_session.checkin_code})
    assert not Attendance.objects.exists()


def test_wrong_codes_are_limited(client, world, now_session):
    cache.clear()
    client.force_login(world.member)
    url = reverse("session_check_in", kwargs={"pk": now_session.pk})
    for _ in range(services.CHECKIN_TRIES):
        client.post(url, {"code": "ZZZZZZ"})
    client.post(url, {"code": now_session.checkin_code})
    assert not Attendance.objects.exists()


def test_the_attendance_sheet_is_a_pdf(client, world):
    services.mark(world.group_session, world.member, Attendance.PRESENT, by=world.supervisor)
    client.force_login(world.supervisor)
    response = client.get(
        reverse("session_attendance_sheet", kwargs={"pk": world.group_session.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_attendance_sheet_is_built_again_only_when_attendance_changes(
    client, world, monkeypatch
):
    from home import pdf

    built = []
    write = pdf.write_pdf
    monkeypatch.setattr(pdf, "write_pdf", lambda html: built.append(html) or write(html))
    url = reverse("session_attendance_sheet", kwargs={"pk": world.group_session.pk})
    services.mark(world.group_session, world.member, Attendance.PRESENT, by=world.supervisor)
    client.force_login(world.supervisor)
    first = client.get(url)
    assert client.get(url).content == first.content and len(built) == 1
    services.mark(world.group_session, world.member, Attendance.ABSENT, by=world.supervisor)
    assert client.get(url).content != first.content and len(built) == 2
    assert "Absent" in built[-1]


def test_absence_counts_no_hours(world):
    services.mark(world.group_session, world.member, Attendance.ABSENT, by=world.supervisor)
    assert services.attendance_hours(world.member) == 0


def test_attendance_hours_appear_in_the_record_of_training(client, world):

    services.mark(
        world.cohort_session,
        world.learner,
        Attendance.PRESENT,
        left_at=datetime.time(15, 30),
        by=world.trainer,
    )
    client.force_login(world.learner)
    response = client.get(reverse("training_record"))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Séances suivies" in text and "1 h 30" in text
    assert world.cohort.name in text
