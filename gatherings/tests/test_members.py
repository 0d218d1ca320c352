"""Answers, calendar files and the private feed."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import icalendar
import pytest

from gatherings import services
from gatherings.factories import GroupSessionFactory
from gatherings.models import SessionAnswer


def detail(session):
    return reverse("session_detail", kwargs={"pk": session.pk})


def test_a_member_answers_changes_their_mind_and_a_double_submit_is_harmless(client, world):
    client.force_login(world.member)
    url = reverse("session_answer", kwargs={"pk": world.group_session.pk})
    assert client.post(url, {"coming": "yes"}).status_code == 302
    assert client.post(url, {"coming": "yes"}).status_code == 302
    assert SessionAnswer.objects.get(session=world.group_session).coming is True
    client.post(url, {"coming": "no"})
    answers = SessionAnswer.objects.filter(session=world.group_session)
    assert answers.count() == 1 and answers.get().coming is False
    html = client.get(detail(world.group_session)).content.decode()
    assert "Not this time" in html or "Pas cette fois" in html


def test_an_answer_needs_a_post(client, world):
    client.force_login(world.member)
    url = reverse("session_answer", kwargs={"pk": world.group_session.pk})
    assert client.get(url).status_code == 405


def test_add_to_my_calendar_gives_one_event(client, world):
    client.force_login(world.member)
    response = client.get(reverse("session_ics", kwargs={"pk": world.group_session.pk}))
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert events[0].decoded("dtstart") == world.group_session.starts_at
    assert "Salle du GEM" in str(events[0]["location"])


def feed_events(client, token):
    response = client.get(reverse("calendar_feed", kwargs={"token": token}))
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_the_feed_holds_exactly_the_members_sessions(client, world):
    feed = services.regenerate_feed(world.member)
    client.logout()
    uids = {str(e["uid"]).split("@")[0] for e in feed_events(client, feed.token)}
    assert uids == {f"session-{world.group_session.pk}"}
    # The supervisor's feed: their group's only; the trainer's: their cohort's only.
    supervisor_feed = services.regenerate_feed(world.supervisor)
    assert len(feed_events(client, supervisor_feed.token)) == 1
    trainer_feed = services.regenerate_feed(world.trainer)
    events = feed_events(client, trainer_feed.token)
    assert {str(e["uid"]).split("@")[0] for e in events} == {f"session-{world.cohort_session.pk}"}


def test_the_feed_never_shows_the_agenda(client, world):
    world.group_session.agenda = "Situation difficile avec un adhérent"
    world.group_session.save()
    feed = services.regenerate_feed(world.member)
    response = client.get(reverse("calendar_feed", kwargs={"token": feed.token}))
    assert b"Situation difficile" not in response.content


def test_a_member_who_leaves_the_group_no_longer_sees_its_sessions_in_the_feed(client, world):
    feed = services.regenerate_feed(world.member)
    world.group.members.remove(world.member)
    assert feed_events(client, feed.token) == []


def test_a_revoked_or_replaced_token_is_404(client, world):
    old = services.regenerate_feed(world.member).token
    new = services.regenerate_feed(world.member).token
    assert client.get(reverse("calendar_feed", kwargs={"token": old})).status_code == 404
    assert client.get(reverse("calendar_feed", kwargs={"token": new})).status_code == 200
    client.force_login(world.member)
    client.post(reverse("calendar_feed_settings"), {"action": "revoke"})
    assert client.get(reverse("calendar_feed", kwargs={"token": new})).status_code == 404


def test_the_feed_page_makes_and_shows_the_address(client, world):
    client.force_login(world.member)
    client.post(reverse("calendar_feed_settings"), {"action": "regenerate"})
    token = services.feed_of(world.member).token
    assert token in client.get(reverse("calendar_feed_settings")).content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_times_are_shown_in_the_members_language_and_local_time(client, world, language):
    session = GroupSessionFactory(
        group=world.group,
        starts_at=datetime.datetime(2030, 3, 12, 13, 30, tzinfo=datetime.UTC),  # 14:30 Paris
    )
    client.force_login(world.member)
    with translation.override(language):
        url = reverse("session_detail", kwargs={"pk": session.pk})
    html = client.get(url).content.decode()
    assert "14:30" in html
    assert ("mars" if language == "fr" else "March") in html


def test_my_sessions_lists_whats_coming(client, world):
    client.force_login(world.learner)
    html = client.get(reverse("session_list")).content.decode()
    assert detail(world.cohort_session) in html and detail(world.group_session) not in html


def test_past_sessions_are_not_upcoming(world):
    GroupSessionFactory(group=world.group, starts_at=timezone.now() - datetime.timedelta(days=3))
    assert [s.pk for s in services.upcoming_for(world.member)] == [world.group_session.pk]


def test_the_lists_of_sessions_read_what_they_show_in_one_query(world, django_assert_num_queries):
    """Each line shows the date, the kind, the cohort or group and the member's answer
    (``session_line.html``), not the facilitator: the query does not read people."""
    services.upcoming_for(world.member)  # the member's roles, kept by the worker
    with CaptureQueriesContext(connection) as captured:
        sessions = services.upcoming_for(world.member) + services.past_for(world.member)
    assert len(captured) == 2
    assert all("auth_user" not in query["sql"] for query in captured)
    with django_assert_num_queries(0):
        assert [session.audience for session in sessions] == [world.group]
        assert [session.my_answer for session in sessions] == [None]
