"""A trainer translates a module with wagtail-localize: the translation starts as a draft and
is published only when the section's approvers approve it."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

import pytest

from courses.factories import lessons_of, make_course
from courses.models import CoursePage, LessonPage
from home.factories import UserFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_a_trainer_submits_a_module_for_translation_and_gets_drafts(client, trainer, section):
    course = make_course(section("courses"), title="Écouter sans juger", translate=False)
    english = Locale.objects.get(language_code="en")
    client.force_login(trainer)
    url = reverse("wagtail_localize:submit_page_translation", args=[course.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [english.pk], "include_subtree": "on"})
    assert response.status_code == 302

    translation = CoursePage.objects.get(translation_key=course.translation_key, locale=english)
    # Not live until it has been reviewed (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False).
    assert not translation.live
    lessons = LessonPage.objects.filter(
        translation_key__in=[lesson.translation_key for lesson in lessons_of(course)],
        locale=english,
    )
    assert lessons.count() == 3 and not any(lesson.live for lesson in lessons)
    # Quiz blocks keep their ids, so answers in either language are about the same options.
    french_last, english_last = lessons_of(course)[-1], lessons.order_by("path").last()
    assert english_last.quiz.id == french_last.quiz.id


def test_a_peer_cannot_submit_a_translation(client, peer, section):
    course = make_course(section("courses"), translate=False)
    client.force_login(peer)
    url = reverse("wagtail_localize:submit_page_translation", args=[course.pk])
    client.post(url, {"locales": [Locale.objects.get(language_code="en").pk]})
    assert not CoursePage.objects.filter(
        translation_key=course.translation_key, locale__language_code="en"
    ).exists()


def submit_translation(client, user, page, include_subtree=False):
    client.force_login(user)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    data = {"locales": [Locale.objects.get(language_code="en").pk]}
    if include_subtree:
        data["include_subtree"] = "on"
    assert client.post(url, data).status_code == 302
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def publish_in_localize_editor(client, user, translation):
    """What the "Publish" button of wagtail-localize's editor posts."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[translation.pk])
    return client.post(url, {"action": "publish"})


def approve(client, user, page):
    task_state = page.current_workflow_task_state
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {})


def test_trainers_see_the_translate_action_on_a_module(client, trainer, section):
    course = make_course(section("courses"), translate=False)
    client.force_login(trainer)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert reverse("wagtail_localize:submit_page_translation", args=[course.pk]) in (
        response.content.decode()
    )


def test_a_translated_lesson_is_published_only_once_trainers_approve(
    client, trainer, coordinator, section
):
    course = make_course(section("courses"), title="Écouter", translate=False)
    submit_translation(client, trainer, course, include_subtree=True)
    lesson = lessons_of(course)[0]
    english = lesson.get_translation(Locale.objects.get(language_code="en")).specific
    assert client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).status_code == 200

    response = publish_in_localize_editor(client, trainer, english)
    assert response.status_code == 302
    english.refresh_from_db()
    # "Publish" in the translation editor submitted the lesson for review instead.
    assert not english.live and english.workflow_in_progress
    assert english.current_workflow_task.name == "Validation par l'équipe de formation"

    # The site pages' approvers are not the training team's: a coordinator cannot approve.
    approve(client, coordinator, english)
    english.refresh_from_db()
    assert not english.live

    approve(client, UserFactory(roles=["trainer"]), english)
    english.refresh_from_db()
    assert english.live and not english.workflow_in_progress


def test_a_translated_standard_page_waits_for_the_coordination(
    client, coordinator, trainer, section
):
    page = StandardPage(title="Nos partenaires", intro="<p>Ceux qui nous aident.</p>")
    section("about").add_child(instance=page)
    page.save_revision().publish()
    english = submit_translation(client, coordinator, page)
    publish_in_localize_editor(client, coordinator, english)
    english.refresh_from_db()
    assert not english.live
    assert english.current_workflow_task.name == "Validation par la coordination"
    approve(client, trainer, english)
    english.refresh_from_db()
    assert not english.live
    approve(client, UserFactory(roles=["coordinator"]), english)
    english.refresh_from_db()
    assert english.live


def test_updating_translations_never_publishes_them(client, trainer, section):
    course = make_course(section("courses"), title="Écouter", lessons=0, translate=False)
    english = submit_translation(client, trainer, course)
    publish_in_localize_editor(client, trainer, english)
    approve(client, UserFactory(roles=["trainer"]), english)
    english.refresh_from_db()
    assert english.live
    course.title = "Écouter vraiment"
    course.save_revision().publish()

    source = TranslationSource.objects.get(object_id=course.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(trainer)
    form = client.get(url).context["form"]
    assert "publish_translations" not in form.fields
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    english.refresh_from_db()
    # The English page still shows the approved version; the new strings wait in the editor.
    assert english.live and english.title == "Écouter"
    publish_in_localize_editor(client, trainer, english)
    english.refresh_from_db()
    assert english.workflow_in_progress and english.title == "Écouter"
    assert english.get_latest_revision_as_object().title == "Écouter vraiment"
    approve(client, UserFactory(roles=["trainer"]), english)
    english.refresh_from_db()
    assert english.title == "Écouter vraiment"


def test_a_peer_s_testimony_is_published_in_english_only_after_review(
    client, trainer, section, mailoutbox
):
    """Issue 5's journey, second half: a trainer translates a published testimony; the
    English version goes through the contributions' review and is live only once approved."""
    from home.factories import ContributionPageFactory

    author = UserFactory(roles=["peer"])
    testimony = ContributionPageFactory(
        parent=section("contributions"), owner=author, author=author, title="Ce qui m'a aidé"
    )
    english = submit_translation(client, trainer, testimony)
    assert english.author == author and not english.live

    publish_in_localize_editor(client, trainer, english)
    english.refresh_from_db()
    assert not english.live
    assert english.current_workflow_task.name == "Validation par l'équipe de formation"
    # The other reviewers are told, in their own language; the one who submitted is not.
    reviewers = {address for mail in mailoutbox for address in mail.to}
    assert trainer.email not in reviewers

    approve(client, UserFactory(roles=["trainer"]), english)
    english.refresh_from_db()
    assert english.live
    reader = UserFactory(roles=["peer"])
    client.force_login(reader)
    assert client.get(english.url).status_code == 200
