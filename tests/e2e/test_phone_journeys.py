"""Phone first (issue 16): the header's share of the first screen, the lesson note that
survives "I have finished", no sideways scroll, and the quiz after a failed attempt; at
375 px and on a desktop, in French and English."""

from django.utils import translation
from django.utils.translation import pgettext

import pytest
from playwright.sync_api import expect

from courses.factories import lessons_of

from . import people
from .helpers import login, screenshot, t, url

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
WRONG = ["Garde le secret", "3615", "Faux"]


def translated(lesson, language):
    from wagtail.models import Locale

    if language == "fr":
        return lesson.url
    return lesson.get_translation(Locale.objects.get(language_code=language)).url


def no_sideways_scroll(page):
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url}: {widths[0]} px wide in {widths[1]} px"


def the_site(language):
    with translation.override(language):
        return pgettext("search the site", "the site")


def header_share(page):
    height = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    return height / page.viewport_size["height"]


def sent_for_review(author, group):
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import ReflectiveEntry
    from practice_analysis.states import move

    move(ReflectiveEntryFactory(author=author, group=group), ReflectiveEntry.SUBMITTED, author)


def started_peer(page, language, viewport):
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language=language)
    people.acknowledge_charter(peer)
    course = people.module()
    login(page, peer, language)  # on a desktop: the helper looks for "Log out"
    page.set_viewport_size(viewport)
    page.goto(translated(course, language))
    page.get_by_role("button", name=t("Start the module", language)).click()
    return peer, course


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_header_leaves_the_screen_to_the_page(page, language, viewport):
    supervisor = people.person("dominique", "Dominique", "Bernard", roles=["supervisor"])
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language=language)
    group = people.practice_group(members=[peer], supervisors=[supervisor])
    sent_for_review(peer, group)
    course = people.module()
    login(page, supervisor, language)
    page.set_viewport_size(viewport)
    page.goto(translated(lessons_of(course)[0], language))
    assert header_share(page) <= 0.20, f"the header takes {header_share(page):.0%}"

    # The member's spaces, one tap away, on one line; the supervisor's with what waits.
    spaces = page.get_by_role("navigation", name=t("My spaces", language))
    for name in ("My learning", "My entries", "Supervision"):
        expect(spaces.get_by_role("link", name=t(name, language))).to_be_visible()
    expect(spaces.get_by_text("1", exact=True)).to_be_visible()
    assert spaces.bounding_box()["height"] < 2 * 44, "the spaces take two lines"
    expect(page.get_by_role("navigation", name=t("Language", language))).to_be_visible()

    log_out = page.get_by_role("button", name=t("Log out", language))
    menu = page.locator(".site-menu > summary")
    if viewport is PHONE:
        # The rest is behind "Menu", opened from the keyboard, no script needed.
        expect(log_out).to_be_hidden()
        menu.focus()
        page.keyboard.press("Enter")
        expect(log_out).to_be_visible()
        box = menu.bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24
    else:
        expect(menu).to_be_hidden()
        expect(log_out).to_be_visible()
    # The search field has a label one can see, and its name read aloud begins with it.
    search = page.get_by_role("search")
    expect(search.locator("label")).to_be_visible()
    expect(search.locator("label")).to_have_text(f"{t('Search', language)} {the_site(language)}")
    expect(search.get_by_role("searchbox")).to_have_accessible_name(
        f"{t('Search', language)} {the_site(language)}"
    )
    # The skip link comes first.
    page.goto(translated(lessons_of(course)[0], language))
    screenshot(page, "header")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=t("Skip to main content", language))).to_be_focused()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_lesson_note_survives_finishing(page, language, viewport):
    _peer, course = started_peer(page, language, viewport)
    first = translated(lessons_of(course)[0], language)
    note = page.get_by_label(t("Your private note (only you can read it)", language))
    note.fill("Écrit juste avant de finir.")
    page.get_by_role("button", name=t("I have finished this lesson", language)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Leçon 2" if language == "fr" else "Lesson 2"
    )
    page.goto(first)
    expect(note).to_have_value("Écrit juste avant de finir.")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_sideways_scroll_on_a_phone(page, language):
    peer, course = started_peer(page, language, PHONE)
    supervisor = people.person("dominique", "Dominique", "Bernard", roles=["supervisor"])
    group = people.practice_group(members=[peer], supervisors=[supervisor])
    group.name = "Groupe d'analyse des pratiques du jeudi soir, à la maison des associations"
    group.save()
    for lesson in lessons_of(course):
        page.goto(translated(lesson, language))
        no_sideways_scroll(page)
    page.goto(url("entry_create", language))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    no_sideways_scroll(page)
    page.goto(url("my_learning", language))
    no_sideways_scroll(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_failed_quiz_explains_the_answers_chosen(page, language, viewport):
    _peer, course = started_peer(page, language, viewport)
    page.goto(translated(lessons_of(course)[-1], language))
    quiz = page.locator("form.quiz-form")
    for option in WRONG:
        quiz.get_by_label(option, exact=True).check()
    page.get_by_role("button", name=t("Check my answers", language)).click()
    feedback = page.get_by_role("region", name=t("Not passed yet", language))
    expect(feedback).to_be_visible()
    expect(feedback.get_by_text("Si, on peut.")).to_be_visible()
    expect(feedback.get_by_text(t("Correct answer", language))).to_have_count(0)
    no_sideways_scroll(page)
    screenshot(page, "quiz-failed")
    feedback.get_by_role("button", name=t("Show the answers", language)).click()
    expect(feedback.get_by_text("Prévention du suicide.")).to_be_visible()
    expect(feedback.get_by_text(t("Correct answer", language)).first).to_be_visible()
