"""Peers propose lessons inside a module; trainers approve them like any training content."""

from django.core import mail
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from courses.factories import lessons_of, make_course
from courses.models import CoursePage, LessonPage
from home.models import Notification

pytestmark = pytest.mark.django_db


def lesson_form(title="Écouter un silence"):
    return nested_form_data(
        {
            "title": title,
            "slug": "ecouter-un-silence",
            "estimated_minutes": "10",
            "body": streamfield([("paragraph", rich_text("<p>Un silence peut aider.</p>"))]),
            "easy_read_body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def add_lesson_url(course):
    return reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", course.pk])


@pytest.fixture
def course(section):
    return make_course(section("courses"), title="Écoute active", translate=False)


def test_a_peer_proposes_a_lesson_and_a_trainer_approves_it(client, course, peer, trainer):
    client.force_login(peer)
    response = client.post(add_lesson_url(course), {**lesson_form(), "action-submit": "1"})
    assert response.status_code == 302

    lesson = LessonPage.objects.get(title="Écouter un silence")
    assert not lesson.live and lesson.owner == peer
    assert lesson.get_workflow().name == "Relecture des contenus de formation"
    assert lesson.workflow_in_progress
    (message,) = mail.outbox
    assert message.to == [trainer.email] and "Écouter un silence" in message.body
    assert Notification.objects.filter(recipient=trainer, kind="review_requested").exists()

    task_state = lesson.current_workflow_state.current_task_state
    client.force_login(trainer)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk]),
        {"comment": ""},
    )

    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.current_workflow_state is None or (
        lesson.current_workflow_state.status == WorkflowState.STATUS_APPROVED
    )
    assert Notification.objects.filter(recipient=peer, kind="approved").exists()


def test_a_peer_cannot_publish_a_lesson(client, course, peer):
    client.force_login(peer)
    client.post(add_lesson_url(course), {**lesson_form(), "action-publish": "1"})

    lesson = LessonPage.objects.get(title="Écouter un silence")
    assert not lesson.live
    assert not lesson.permissions_for_user(peer).can_publish()


def test_a_peer_cannot_edit_a_lesson_they_did_not_write(client, course, peer):
    lesson = lessons_of(course)[0]
    assert not lesson.permissions_for_user(peer).can_edit()
    client.force_login(peer)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        {**lesson_form(title="Réécrite"), "action-submit": "1"},
    )

    lesson.refresh_from_db()
    assert lesson.title != "Réécrite" and not lesson.workflow_in_progress


def test_a_peer_cannot_create_a_module(client, section, peer):
    catalogue = section("courses")
    client.force_login(peer)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])

    response = client.get(url)
    client.post(url, {"title": "Mon module", "slug": "mon-module", "action-submit": "1"})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[catalogue.pk])
    assert not CoursePage.objects.filter(title="Mon module").exists()


def test_a_peer_cannot_copy_a_module(client, course, peer):
    client.force_login(peer)
    response = client.get(reverse("wagtailadmin_pages:copy", args=[course.pk]))

    assert response.status_code == 302
    assert CoursePage.objects.filter(title="Écoute active").count() == 1


def test_a_trainer_still_creates_modules(client, section, trainer):
    catalogue = section("courses")
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:add", args=["courses", "coursepage", catalogue.pk])

    assert client.get(url).status_code == 200
