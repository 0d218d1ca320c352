"""Accessibility: axe-core finds no serious or critical problem on the key pages, in both
languages, and the lesson, the quiz and the entry form work with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from courses.factories import lessons_of

from . import people
from .helpers import assert_accessible, axe_violations, login, t, url, visit

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["fr", "en"])
def test_key_pages_have_no_serious_accessibility_problem(page, new_page, language):
    from wagtail.models import Locale

    peer, supervisor, course, certificate = people.learner_with_history(language)
    locale = Locale.objects.get(language_code=language)
    course = course.get_translation(locale).specific
    lesson = lessons_of(course)[0]
    catalogue = people.section("courses", language)
    charter = people.section("charter", language)

    # Before logging in: the home page, the login page, the charter, a missing page and
    # a certificate's public verification page.
    visitor = new_page()
    for path in [
        f"/{language}/",
        url("login", language),
        charter.url,
        url("certificate_verify", language, code=certificate.code),
    ]:
        visit(visitor, path)
        assert_accessible(visitor)
    assert visitor.goto(f"/{language}/nothing-here/").status == 404
    assert_accessible(visitor)

    # The peer's pages.
    login(page, peer, language)
    for path in [
        f"/{language}/",
        catalogue.url,
        course.url,
        lesson.url,  # with the feedback of a failed quiz
        url("my_learning", language),
        url("entry_list", language),
        url("entry_create", language),
        people.section("contributions", language).url,
        url("search", language) + "?q=relais",
        url("notification_list", language),
        url("notification_settings", language),
        url("my_data", language),
        url("account_security", language),
    ]:
        visit(page, path)
        assert_accessible(page)

    # The supervisor's queue.
    supervisor_page = new_page()
    login(supervisor_page, supervisor, language)
    visit(supervisor_page, url("supervision_queue", language))
    expect(supervisor_page.get_by_role("link", name="Un appel du soir")).to_be_visible()
    assert_accessible(supervisor_page)


# --- The keyboard alone ------------------------------------------------------------------


def focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, limit=60):
    """Press Tab until ``locator`` has the focus; its focus must be visible."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if focused(locator):
            outline = locator.evaluate(
                """element => {
                    const style = getComputedStyle(element);
                    return element.matches(':focus-visible')
                        && (parseFloat(style.outlineWidth) > 0 && style.outlineStyle !== 'none'
                            || style.boxShadow !== 'none');
                }"""
            )
            assert outline, f"the focus on {locator} is not visible"
            return
    raise AssertionError(f"{locator} cannot be reached with Tab")


def test_lesson_quiz_and_entry_form_work_with_the_keyboard_alone(page):
    peer = people.person("camille", "Camille", "Martin", roles=["peer"])
    people.acknowledge_charter(peer)
    supervisor = people.person("dominique", "Dominique", "Bernard", roles=["supervisor"])
    people.practice_group(members=[peer], supervisors=[supervisor])
    course = people.module()
    login(page, peer)

    # A lesson: started, read and completed from the keyboard.
    page.goto(course.url)
    tab_to(page, page.get_by_role("button", name=t("Start the module", "fr")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Leçon 1")
    for number in (2, 3):
        tab_to(page, page.get_by_role("button", name=t("I have finished this lesson", "fr")))
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Leçon {number}")

    # The quiz: Space ticks the answers (the right ones come first), Enter sends.
    for option in ["Écoute et passe le relais", "3114", "15", "Vrai"]:
        choice = page.get_by_label(option, exact=True)
        tab_to(page, choice)
        page.keyboard.press("Space")
        expect(choice).to_be_checked()
    tab_to(page, page.get_by_role("button", name=t("Check my answers", "fr")))
    page.keyboard.press("Enter")
    # Passing the last lesson's quiz finishes the module: the member lands on that moment.
    finished = page.get_by_role("region", name=t("You have finished this module", "fr"))
    expect(finished).to_be_visible()

    # The entry form: reached, filled and saved without a mouse.
    page.goto(url("entry_create", "fr"))
    tab_to(page, page.get_by_label(t("title", "fr").capitalize()))
    page.keyboard.type("Un appel du soir")
    tab_to(page, page.get_by_label(t("Description", "fr"), exact=True))
    page.keyboard.type("Un adhérent m'a appelé un soir, très angoissé.")
    tab_to(page, page.get_by_role("button", name=t("Save my draft", "fr")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Un appel du soir")
    # Shift+Tab goes back through the form from its send button.
    send = page.get_by_role("button", name=t("Check and send", "fr"))
    tab_to(page, send)
    page.keyboard.press("Shift+Tab")
    expect(
        page.get_by_label(t("I have re-read my entry: nobody can be recognised from it.", "fr"))
    ).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(
        page.get_by_text(
            t("Sent. A supervisor of your group will read it; you will be told.", "fr")
        )
    ).to_be_visible()


def test_axe_sees_a_problem_when_there_is_one(page):
    """The check above would pass on any page if axe-core were not really running."""
    page.set_content('<html lang="fr"><body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in [violation["id"] for violation in axe_violations(page)]
