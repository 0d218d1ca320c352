"""From session to record: the facilitator or a group supervisor starts the session log or
co-development record of a session that has begun, with its date, group and the people
marked present; never a second one; 404 for anyone else, on the site and in the editing
space."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from gatherings import services
from gatherings.models import Attendance, LiveSession
from practice_analysis.models import CodevWorkshopPage, PracticeSessionPage


@pytest.fixture
def past_session(world):
    session = world.group_session
    session.starts_at = timezone.now() - datetime.timedelta(days=2)
    session.save()
    services.mark(session, world.member, Attendance.PRESENT, by=world.supervisor)
    services.mark(session, world.other_member, Attendance.ABSENT, by=world.supervisor)
    return session


def start(client, user, session):
    client.force_login(user)
    return client.post(reverse("session_record", kwargs={"pk": session.pk}))


def test_the_facilitator_starts_the_session_log_with_those_present(client, world, past_session):
    response = start(client, world.supervisor, past_session)
    past_session.refresh_from_db()
    record = past_session.record.specific
    assert isinstance(record, PracticeSessionPage)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[record.pk])
    assert not record.live and record.owner == world.supervisor
    assert record.get_parent().specific.group == world.group
    assert record.date == timezone.localtime(past_session.starts_at).date()
    assert record.facilitator == world.supervisor
    assert record.session_format == world.group.kind
    assert list(record.attendees.all()) == [world.member]
    # The draft's revision holds the same, for the editor to open.
    latest = record.get_latest_revision_as_object()
    assert list(latest.attendees.all()) == [world.member]
    # The editor opens it, and it goes through the group supervisors' workflow.
    assert client.get(response["Location"]).status_code == 200
    assert record.get_workflow() is not None


def test_starting_a_record_locks_only_the_session_row(
    world, past_session, _locks_postgresql_accepts
):
    """The session's group is a nullable join: a lock over it is a 500 on PostgreSQL, which
    the guard (home/tests/locking.py) reports on SQLite too."""
    record = services.start_record(world.supervisor, past_session)
    assert services.start_record(world.supervisor, past_session).pk == record.pk
    assert _locks_postgresql_accepts.breaches == []


def test_the_button_goes_to_the_existing_draft(client, world, past_session):
    start(client, world.supervisor, past_session)
    first = LiveSession.objects.get(pk=past_session.pk).record_id
    response = start(client, world.supervisor, past_session)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[first])
    assert PracticeSessionPage.objects.count() == 1
    detail = client.get(reverse("session_detail", kwargs={"pk": past_session.pk}))
    assert reverse("session_record", kwargs={"pk": past_session.pk}) in detail.content.decode()


def test_a_workshop_starts_a_co_development_record(client, world, past_session):
    past_session.kind = LiveSession.CODEV
    past_session.save()
    start(client, world.supervisor, past_session)
    record = LiveSession.objects.get(pk=past_session.pk).record.specific
    assert isinstance(record, CodevWorkshopPage)
    assert list(record.consultants.all()) == [world.member]


def test_a_coming_session_has_no_record_yet(client, world):
    start(client, world.supervisor, world.group_session)
    world.group_session.refresh_from_db()
    assert world.group_session.record is None
    page = client.get(reverse("session_detail", kwargs={"pk": world.group_session.pk}))
    assert reverse("session_record", kwargs={"pk": world.group_session.pk}) not in (
        page.content.decode()
    )


def test_a_peer_facilitator_may_start_it(client, world, past_session):
    past_session.facilitator = world.member
    past_session.save()
    assert start(client, world.member, past_session).status_code == 302
    assert LiveSession.objects.get(pk=past_session.pk).record_id is not None


@pytest.mark.parametrize(
    "who", ["member", "other_supervisor", "trainer", "coordinator", "other_member"]
)
def test_nobody_else_starts_or_opens_it(client, world, past_session, who):
    url = reverse("session_record", kwargs={"pk": past_session.pk})
    user = getattr(world, who)
    assert start(client, user, past_session).status_code == 404
    assert client.get(url).status_code == 404
    assert LiveSession.objects.get(pk=past_session.pk).record_id is None
    # Once started, it is still a 404, and the draft is hidden in the editing space.
    start(client, world.supervisor, past_session)
    client.force_login(user)
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 404
    detail = client.get(reverse("session_detail", kwargs={"pk": past_session.pk}))
    assert url not in detail.content.decode()
    record_id = LiveSession.objects.get(pk=past_session.pk).record_id
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[record_id]))
    if who == "member":  # the group's peer: the draft is the supervisor's
        assert edit.status_code in (302, 403)
    else:
        assert edit.status_code == 404


def test_a_cohort_session_has_no_group_record(client, world):
    world.cohort_session.starts_at = timezone.now() - datetime.timedelta(days=1)
    world.cohort_session.save()
    assert start(client, world.trainer, world.cohort_session).status_code == 404


def test_anonymous_is_sent_to_log_in(client, past_session):
    url = reverse("session_record", kwargs={"pk": past_session.pk})
    response = client.post(url)
    assert response.status_code == 302 and "session_record" not in response["Location"]
    assert LiveSession.objects.get(pk=past_session.pk).record_id is None
