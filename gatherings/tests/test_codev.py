"""Co-development that follows up: subjects, the rotation hint, the session mode and the
previous action plan in the next workshop; 404 for anyone outside the group."""

import datetime

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

import pytest

from gatherings import codev
from gatherings.factories import GroupSessionFactory
from gatherings.models import LiveSession, SubjectProposal
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.models import CodevWorkshopPage, PracticeGroupPage

PLAN = "Dire non à la prochaine sollicitation, calmement."
CODEV_URLS = [
    ("session_subjects", "get"),
    ("session_subjects", "post"),
    ("session_mode", "get"),
]


@pytest.fixture
def workshop(world):
    world.group_session.kind = LiveSession.CODEV
    world.group_session.save()
    return world.group_session


def record(group, client, day, live=True):
    page = CodevWorkshopPage(
        title="Atelier",
        subject="Comment dire non ?",
        date=day,
        client=client,
        client_shown_as_member=False,
        expose_summary="<p>Une adhérente sollicite beaucoup.</p>",
        action_plan=[
            (
                "action",
                {
                    "action": PLAN,
                    "objective": "",
                    "resources": "",
                    "due_date": day + datetime.timedelta(days=20),
                    "indicator": "",
                },
            )
        ],
        next_follow_up=day + datetime.timedelta(days=21),
        live=False,
    )
    PracticeGroupPage.objects.get(group=group).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def url(name, session, **extra):
    return reverse(name, kwargs={"pk": session.pk, **extra})


@pytest.mark.parametrize(("name", "method"), CODEV_URLS)
@pytest.mark.parametrize(
    "who", ["other_member", "other_supervisor", "trainer", "learner", "coordinator"]
)
def test_a_workshop_s_subjects_and_steps_are_404_outside_the_group(
    client, world, workshop, who, name, method
):
    client.force_login(getattr(world, who))
    response = getattr(client, method)(url(name, workshop), {"title": "Un sujet"})
    assert response.status_code == 404
    assert not SubjectProposal.objects.exists()


@pytest.mark.parametrize(("name", "method"), CODEV_URLS)
def test_anonymous_visitors_never_reach_a_workshop(client, workshop, name, method):
    response = getattr(client, method)(url(name, workshop))
    assert response.status_code in (302, 404)
    assert "login" in response.get("Location", "login")


def test_a_cohort_session_has_no_subjects_even_for_its_learners(client, world):
    client.force_login(world.learner)
    assert client.get(url("session_mode", world.cohort_session)).status_code == 404


def test_a_practice_session_of_the_group_has_no_subjects(client, world):
    client.force_login(world.member)
    assert client.get(url("session_subjects", world.group_session)).status_code == 404


def test_a_member_proposes_and_withdraws_a_subject_encrypted_at_rest(client, world, workshop):
    client.force_login(world.member)
    response = client.post(
        url("session_subjects", workshop),
        {"title": "Dire non sans culpabiliser", "details": "Quand on me sollicite souvent."},
    )
    assert response.status_code == 302
    proposal = SubjectProposal.objects.get()
    assert proposal.author == world.member

    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM gatherings_subjectproposal")
        assert "culpabiliser" not in cursor.fetchone()[0]
    # another member of the group cannot withdraw it
    other = UserFactory(roles=["peer"])
    acknowledge(other, current_charter(), "fr")
    world.group.members.add(other)
    client.force_login(other)
    withdraw = url("session_subject_withdraw", workshop, proposal=proposal.pk)
    assert client.post(withdraw).status_code == 404
    assert "culpabiliser" not in client.get(url("session_subjects", workshop)).text
    client.force_login(world.member)
    assert client.post(withdraw).status_code == 302
    assert not SubjectProposal.objects.exists()


def test_the_guard_points_out_a_name_before_keeping_a_subject(client, world, workshop):
    client.force_login(world.member)
    response = client.post(url("session_subjects", workshop), {"title": "Le cas de Marie Dupont"})
    assert response.status_code == 200
    assert not SubjectProposal.objects.exists()
    response = client.post(
        url("session_subjects", workshop),
        {"title": "Le cas de Marie Dupont", "anonymisation_reason": "Un nom d'autrice publiée."},
    )
    assert response.status_code == 302
    assert SubjectProposal.objects.get().anonymisation_reason == "Un nom d'autrice publiée."


def test_the_facilitator_sees_proposals_and_who_has_not_been_client(client, world, workshop):
    codev.propose(world.member, workshop, "Dire non sans culpabiliser")
    client.force_login(world.supervisor)
    page = client.get(url("session_subjects", workshop)).text
    assert "Dire non sans culpabiliser" in page
    assert world.member.get_full_name() in page
    record(world.group, world.member, timezone.localdate() - datetime.timedelta(days=30))
    assert list(codev.not_yet_client(world.group)) == []


def test_the_previous_action_plan_is_carried_into_the_next_workshop(client, world, workshop):
    past = timezone.localdate() - datetime.timedelta(days=30)
    GroupSessionFactory(
        group=world.group,
        kind=LiveSession.CODEV,
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )
    record(world.group, world.member, past)
    record(world.group, world.member, past - datetime.timedelta(days=1), live=False)
    client.force_login(world.member)
    page = client.get(url("session_detail", workshop)).text
    assert page.count(PLAN) == 1
    assert "Follow-up" in page or "Suivi" in page
    assert PLAN in client.get(url("session_mode", workshop)).text
    client.force_login(world.other_member)
    assert client.get(url("session_detail", workshop)).status_code == 404


def test_the_session_mode_lists_the_six_steps_without_script(client, world, workshop):
    client.force_login(world.member)
    page = client.get(url("session_mode", workshop)).text
    assert page.count("data-codev-step ") == 6
    script = (settings.BASE_DIR / "static/js/codev-steps.js").read_text()
    assert "localStorage." not in script and "sessionStorage." not in script
