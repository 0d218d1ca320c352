"""Session logs and co-development records: written by members, approved only by the
supervisors of the page's own group, visible only inside the group."""

import datetime
import json

from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Page

import pytest

from home import limits
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory
from practice_analysis.models import (
    CodevWorkshopPage,
    GroupSupervisorApprovalTask,
    PracticeGroupPage,
    PracticeSessionPage,
)

pytestmark = pytest.mark.django_db


def person(role):
    user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def people():
    return {
        "scribe": person("peer"),
        "supervisor": person("supervisor"),
        "other_supervisor": person("supervisor"),
        "other_member": person("peer"),
    }


@pytest.fixture
def group_page(people):
    group = PracticeGroupFactory(members=[people["scribe"]], supervisors=[people["supervisor"]])
    PracticeGroupFactory(members=[people["other_member"]], supervisors=[people["other_supervisor"]])
    return PracticeGroupPage.objects.get(group=group)


def draft_session(group_page, scribe):
    page = PracticeSessionPage(
        title="Séance d'octobre",
        date=datetime.date(2026, 10, 6),
        session_format="app",
        situation="<p>Un adhérent a parlé d'un appel difficile.</p>",
        live=False,
    )
    group_page.add_child(instance=page)
    page.save_revision(user=scribe)
    return page


def submitted_session(group_page, scribe):
    page = draft_session(group_page, scribe)
    workflow_state = page.get_workflow().start(page, scribe)
    return page, workflow_state.current_task_state


def test_the_workflow_of_the_space_is_the_group_supervisors_task(group_page):
    task = group_page.get_workflow().tasks.first().specific
    assert isinstance(task, GroupSupervisorApprovalTask)


def test_only_the_groups_supervisors_may_approve(group_page, people):
    page, task_state = submitted_session(group_page, people["scribe"])
    task = task_state.task.specific
    assert [a[0] for a in task.get_actions(page, people["supervisor"])] == [
        "reject",
        "approve",
        "approve",
    ]
    for name in ("other_supervisor", "scribe", "other_member"):
        assert task.get_actions(page, people[name]) == []
    assert task.get_task_states_user_can_moderate(people["supervisor"]).count() == 1
    assert not task.get_task_states_user_can_moderate(people["other_supervisor"]).exists()


def approve(client, user, page, task_state):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {})


def test_a_supervisor_of_another_group_cannot_approve(client, group_page, people):
    page, task_state = submitted_session(group_page, people["scribe"])
    approve(client, people["other_supervisor"], page, task_state)
    page.refresh_from_db()
    assert not page.live


def test_the_groups_supervisor_approves_and_the_record_is_published(client, group_page, people):
    page, task_state = submitted_session(group_page, people["scribe"])
    approve(client, people["supervisor"], page, task_state)
    page.refresh_from_db()
    assert page.live
    client.force_login(people["scribe"])
    assert client.get(page.url).status_code == 200


@pytest.mark.parametrize("who", ["other_member", "other_supervisor"])
def test_a_published_record_is_a_404_outside_the_group(client, group_page, people, who):
    page, task_state = submitted_session(group_page, people["scribe"])
    approve(client, people["supervisor"], page, task_state)
    client.force_login(people[who])
    assert client.get(page.url).status_code == 404


@pytest.mark.parametrize("role", ["trainer", "coordinator"])
def test_trainers_and_coordinators_do_not_see_records(client, group_page, people, role):
    page, task_state = submitted_session(group_page, people["scribe"])
    approve(client, people["supervisor"], page, task_state)
    client.force_login(person(role))
    assert client.get(page.url).status_code == 404


def test_members_of_another_group_cannot_reach_the_group_in_the_admin(client, group_page, people):
    draft_session(group_page, people["scribe"])
    client.force_login(people["other_member"])
    for url in (
        reverse("wagtailadmin_explore", args=[group_page.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[group_page.pk]),
        reverse("wagtailadmin_pages:edit", args=[group_page.pk]),
    ):
        assert client.get(url).status_code in (302, 403, 404)


def test_a_member_may_write_records_under_their_groups_page(group_page, people):
    permissions = group_page.permissions_for_user(people["scribe"])
    assert permissions.can_add_subpage() and not permissions.can_publish()
    assert not group_page.permissions_for_user(people["other_member"]).can_add_subpage()


def test_records_never_appear_in_search(group_page, people):
    page, _task_state = submitted_session(group_page, people["scribe"])
    page.save_revision().publish()
    assert not Page.objects.live().search("Séance d'octobre")
    assert not Page.objects.live().search(group_page.title)


def test_a_codev_record_presents_the_six_steps(client, group_page, people):
    record = CodevWorkshopPage(
        title="Atelier d'octobre",
        subject="Comment dire non sans blesser ?",
        date=datetime.date(2026, 10, 20),
        expose_summary="<p>Une adhérente sollicite beaucoup la cliente.</p>",
        contract="Comment puis-je poser une limite ?",
        consultant_inputs=[("input", {"kind": "idea", "text": "Proposer un créneau fixe."})],
        action_plan=[
            (
                "action",
                {
                    "action": "Proposer un créneau",
                    "objective": "Souffler",
                    "resources": "",
                    "due_date": None,
                    "indicator": "",
                },
            )
        ],
        learnings=[("learning", {"who": "La cliente", "learning": "J'ai le droit de dire non."})],
        client=people["scribe"],
    )
    group_page.add_child(instance=record)
    record.save_revision().publish()
    client.force_login(people["scribe"])
    page = client.get(record.url).content.decode()
    steps = ["Exposé", "Clarification", "Contrat", "Consultation", "Synthèse", "Apprentissages"]
    positions = [page.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "Proposer un créneau fixe." in page and people["scribe"].last_name not in page


def test_the_page_chooser_does_not_list_other_groups(client, group_page, people):
    page, task_state = submitted_session(group_page, people["scribe"])
    approve(client, people["supervisor"], page, task_state)
    client.force_login(people["other_member"])
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "octobre"})
    assert "Séance" not in response.content.decode()
    client.force_login(people["scribe"])
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "octobre"})
    assert response.status_code == 200


def test_the_admin_listing_of_the_space_hides_other_groups(client, group_page, people):
    index = group_page.get_parent()
    client.force_login(people["other_member"])
    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert escape(group_page.title) not in response.content.decode()
    client.force_login(people["scribe"])
    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert escape(group_page.title) in response.content.decode()


def test_the_record_form_offers_only_the_groups_people(client, group_page, people):
    client.force_login(people["scribe"])
    url = reverse(
        "wagtailadmin_pages:add",
        args=["practice_analysis", "practicesessionpage", group_page.pk],
    )
    response = client.get(url)
    form = response.context["form"]
    offered = set(form.fields["attendees"].queryset)
    assert response.status_code == 200
    assert offered == {people["scribe"], people["supervisor"]}
    assert people["other_member"] not in set(form.fields["facilitator"].queryset)


def test_a_removed_supervisor_loses_the_groups_entries_at_once(client, group_page, people):
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import ReflectiveEntry
    from practice_analysis.states import move

    entry = ReflectiveEntryFactory(author=people["scribe"], group=group_page.group)
    move(entry, ReflectiveEntry.SUBMITTED, people["scribe"])
    client.force_login(people["supervisor"])
    url = reverse("supervision_entry", kwargs={"pk": entry.pk})
    assert client.get(url).status_code == 200
    group_page.group.supervisors.remove(people["supervisor"])
    assert client.get(url).status_code == 404


def contentstate(text):
    """What the rich text editor posts: Draftail's content state."""
    block = {
        "key": "a",
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def test_a_records_texts_are_finite_and_said_kindly(group_page, people):
    """Server-side limits on a record's free texts: the form refuses, the text typed stays."""
    form_class = PracticeSessionPage.get_edit_handler().get_form_class()
    data = {
        "date": "2026-10-06",
        "session_format": "app",
        "situation": contentstate("x" * (limits.RECORD_TEXT + 10)),
        "questions": contentstate("Une question."),
    }
    form = form_class(
        data, instance=PracticeSessionPage(), parent_page=group_page, for_user=people["scribe"]
    )
    assert not form.is_valid()
    assert "situation" in form.errors and "questions" not in form.errors
    assert "un peu trop long" in str(form.errors["situation"])
    assert "x" * 100 in form["situation"].value()


def test_a_codev_records_blocks_are_finite(group_page, people):
    form_class = CodevWorkshopPage.get_edit_handler().get_form_class()
    data = {
        "date": "2026-10-13",
        "subject": "Accueillir un nouveau membre",
        "expose_summary": contentstate("Un exposé."),
        "consultant_inputs-count": "1",
        "consultant_inputs-0-type": "input",
        "consultant_inputs-0-deleted": "",
        "consultant_inputs-0-order": "0",
        "consultant_inputs-0-value-kind": "idea",
        "consultant_inputs-0-value-text": "y" * (limits.RECORD_BLOCKS + 10),
        "action_plan-count": "0",
        "learnings-count": "0",
        "client_shown_as_member": "on",
        "steps_respected": "on",
    }
    form = form_class(
        data, instance=CodevWorkshopPage(), parent_page=group_page, for_user=people["scribe"]
    )
    assert not form.is_valid()
    assert "consultant_inputs" in form.errors
