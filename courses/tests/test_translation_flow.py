"""A trainer translates a module with wagtail-localize: the translation starts as a draft."""

from django.urls import reverse

from wagtail.models import Locale

import pytest

from courses.factories import lessons_of, make_course
from courses.models import CoursePage, LessonPage

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
