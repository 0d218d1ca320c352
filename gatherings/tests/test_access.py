"""Who sees and schedules which session, front end and editing space: 404 for the others."""

from django.urls import reverse

import pytest

from gatherings import services
from gatherings.models import LiveSession
from practice_analysis.models import PracticeGroupPage
from privacy.models import AuditEvent

SESSION_URLS = [
    ("session_detail", "get"),
    ("session_ics", "get"),
    ("session_answer", "post"),
    ("session_check_in", "post"),
    ("session_attendance", "get"),
    ("session_attendance_sheet", "get"),
    ("session_edit", "get"),
]


def status(client, user, name, method, session):
    client.force_login(user)
    url = reverse(name, kwargs={"pk": session.pk})
    response = getattr(client, method)(url, {"coming": "yes", "code": "X"})
    return response.status_code


@pytest.mark.parametrize(("name", "method"), SESSION_URLS)
@pytest.mark.parametrize("who", ["other_member", "other_supervisor", "idle_trainer", "learner"])
def test_a_group_session_is_404_for_everyone_outside_the_group(client, world, who, name, method):
    assert status(client, getattr(world, who), name, method, world.group_session) == 404
    assert not world.group_session.answers.exists()


@pytest.mark.parametrize(("name", "method"), SESSION_URLS)
@pytest.mark.parametrize("who", ["member", "other_member", "supervisor", "idle_trainer"])
def test_a_cohort_session_is_404_for_everyone_outside_the_cohort(client, world, who, name, method):
    assert status(client, getattr(world, who), name, method, world.cohort_session) == 404


def test_a_coordinator_schedules_a_group_session_but_never_sees_its_answers(client, world):
    client.force_login(world.coordinator)
    detail = reverse("session_detail", kwargs={"pk": world.group_session.pk})
    assert client.get(detail).status_code == 404
    attendance = reverse("session_attendance", kwargs={"pk": world.group_session.pk})
    assert client.get(attendance).status_code == 404
    edit = reverse("session_edit", kwargs={"pk": world.group_session.pk})
    assert client.get(edit).status_code == 200
    assert (
        client.get(reverse("session_detail", kwargs={"pk": world.cohort_session.pk})).status_code
        == 200
    )


def test_a_refusal_is_audited(client, world):
    client.force_login(world.other_member)
    client.get(reverse("session_detail", kwargs={"pk": world.group_session.pk}))
    assert AuditEvent.objects.filter(
        action=AuditEvent.DENIED, actor=world.other_member, object_id=str(world.group_session.pk)
    ).exists()


@pytest.mark.parametrize("who", ["member", "supervisor"])
def test_the_group_sees_its_session(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("session_detail", kwargs={"pk": world.group_session.pk}))
    assert response.status_code == 200
    assert "Salle du GEM" in response.content.decode()


@pytest.mark.parametrize("who", ["learner", "trainer", "coordinator"])
def test_the_cohort_sees_its_session(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("session_detail", kwargs={"pk": world.cohort_session.pk}))
    assert response.status_code == 200


def test_the_group_page_lists_the_groups_next_sessions_only(client, world):
    client.force_login(world.member)
    page = PracticeGroupPage.objects.get(group=world.group, locale__language_code="fr")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("session_detail", kwargs={"pk": world.group_session.pk}) in html
    assert reverse("session_detail", kwargs={"pk": world.other_session.pk}) not in html


def test_upcoming_for_is_one_query(world, django_assert_num_queries):
    from home.member_cache import member_groups

    member_groups(world.member)  # the member's roles: every request's middleware reads them
    with django_assert_num_queries(1):
        sessions = services.upcoming_for(world.member, 5)
    assert [s.pk for s in sessions] == [world.group_session.pk]


# Scheduling ---------------------------------------------------------------------------


def schedule_data(**overrides):
    data = {
        "kind": LiveSession.PRACTICE,
        "starts_at": "2030-03-12T14:00",
        "duration_minutes": "120",
        "place": "",
        "video_link": "https://visio.example.org/groupe",
        "agenda": "Tour de table",
    }
    data.update(overrides)
    return data


def test_a_supervisor_schedules_a_session_of_their_group(client, world):
    client.force_login(world.supervisor)
    response = client.post(
        reverse("session_schedule"),
        schedule_data(group=world.group.pk, facilitator=world.supervisor.pk),
    )
    assert response.status_code == 302
    session = LiveSession.objects.get(video_link="https://visio.example.org/groupe")
    assert session.group == world.group and session.created_by == world.supervisor
    assert session.starts_at.utcoffset() is not None


def test_nobody_schedules_for_a_group_they_do_not_supervise(client, world):
    client.force_login(world.other_supervisor)
    response = client.post(
        reverse("session_schedule"),
        schedule_data(group=world.group.pk, facilitator=world.supervisor.pk),
    )
    assert response.status_code == 200  # the form again: that group is not a choice
    assert not LiveSession.objects.filter(video_link="https://visio.example.org/groupe").exists()


def test_a_video_link_must_be_https(client, world):
    client.force_login(world.supervisor)
    response = client.post(
        reverse("session_schedule"),
        schedule_data(group=world.group.pk, video_link="http://visio.example.org/groupe"),
    )
    assert response.status_code == 200
    assert "https://" in response.content.decode()


def test_a_video_link_typed_without_its_scheme_is_taken_as_https(client, world):
    """ "visio.example.org/groupe" is what people copy from an invitation: it becomes
    https://…, not http://… that the https rule would then refuse."""
    client.force_login(world.supervisor)
    response = client.post(
        reverse("session_schedule"),
        schedule_data(
            group=world.group.pk,
            facilitator=world.supervisor.pk,
            video_link="visio.example.org/sans-schema",
        ),
    )
    assert response.status_code == 302
    assert LiveSession.objects.filter(video_link="https://visio.example.org/sans-schema").exists()


def test_the_facilitator_is_one_of_the_groups_people(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("session_schedule"),
        schedule_data(group=world.group.pk, facilitator=world.other_member.pk),
    )
    assert response.status_code == 200
    assert not LiveSession.objects.filter(video_link="https://visio.example.org/groupe").exists()


def test_a_trainer_of_no_cohort_may_not_schedule(client, world):
    client.force_login(world.idle_trainer)
    assert client.get(reverse("session_schedule")).status_code == 404


def test_a_trainer_schedules_a_training_day_of_their_cohort(client, world):
    client.force_login(world.trainer)
    response = client.post(
        reverse("session_schedule"),
        schedule_data(
            kind=LiveSession.TRAINING, cohort=world.cohort.pk, facilitator=world.trainer.pk
        ),
    )
    assert response.status_code == 302


# Editing space ---------------------------------------------------------------------------


def test_the_editing_space_lists_only_what_the_member_schedules(client, world):
    client.force_login(world.supervisor)
    response = client.get(reverse("live_sessions:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("live_sessions:edit", args=[world.group_session.pk]) in html
    assert reverse("live_sessions:edit", args=[world.other_session.pk]) not in html
    assert reverse("live_sessions:edit", args=[world.cohort_session.pk]) not in html


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
@pytest.mark.parametrize("who", ["idle_trainer", "other_supervisor", "member"])
def test_the_editing_space_is_404_on_anothers_session(client, world, who, view):
    client.force_login(getattr(world, who))
    response = client.get(reverse(f"live_sessions:{view}", args=[world.group_session.pk]))
    assert response.status_code == 404


def test_a_trainer_of_no_cohort_sees_no_session_in_the_editing_space(client, world):
    client.force_login(world.idle_trainer)
    response = client.get(reverse("live_sessions:index"))
    assert response.status_code in (200, 302, 403)
    assert (
        reverse("live_sessions:edit", args=[world.cohort_session.pk])
        not in response.content.decode()
    )


def test_a_trainer_edits_their_cohorts_session_in_the_editing_space(client, world):
    client.force_login(world.trainer)
    url = reverse("live_sessions:edit", args=[world.cohort_session.pk])
    assert client.get(url).status_code == 200
