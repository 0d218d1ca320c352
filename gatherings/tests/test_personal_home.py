"""Upcoming sessions on the member's own home: theirs only, never another group's."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def home(client, user):
    client.force_login(user)
    return client.get("/fr/").content.decode()


def test_a_member_sees_their_groups_next_session_on_their_home(client, world):
    page = home(client, world.member)
    assert reverse("session_detail", kwargs={"pk": world.group_session.pk}) in page
    assert reverse("session_detail", kwargs={"pk": world.other_session.pk}) not in page
    assert reverse("session_detail", kwargs={"pk": world.cohort_session.pk}) not in page


def test_a_learner_sees_their_cohorts_session_and_no_group_session(client, world):
    page = home(client, world.learner)
    assert reverse("session_detail", kwargs={"pk": world.cohort_session.pk}) in page
    assert reverse("session_detail", kwargs={"pk": world.group_session.pk}) not in page


def test_a_member_without_sessions_gets_no_empty_panel(client, world):
    from home.factories import UserFactory

    assert "home-sessions-title" not in home(client, UserFactory(roles=["peer"]))


def test_a_visitor_sees_no_session(client, world):
    assert reverse("session_detail", kwargs={"pk": world.group_session.pk}) not in (
        client.get("/fr/").content.decode()
    )
