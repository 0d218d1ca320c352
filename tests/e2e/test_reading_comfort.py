"""Reading comfort (issue 16): a member chooses "larger text" on a 375 px phone; every page
follows, and a lesson still fits the screen, its "Listen" button within reach."""

from django.utils import translation
from django.utils.translation import pgettext

import pytest
from playwright.sync_api import expect

from courses.factories import lessons_of

from . import people
from .helpers import login, t, url
from .test_phone_journeys import PHONE, no_sideways_scroll, translated

pytestmark = pytest.mark.e2e


def size(label, language):
    with translation.override(language):
        return pgettext("text size", label)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_larger_text_on_a_phone_keeps_a_lesson_within_the_screen(page, language):
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language=language)
    lesson = lessons_of(people.module())[0]
    login(page, peer, language)
    page.set_viewport_size(PHONE)

    page.goto(url("reading_comfort", language))
    page.get_by_role("radio", name=size("Larger", language)).check()
    page.get_by_role("checkbox", name=t("easy-to-read font", language).capitalize()).check()
    page.get_by_role("button", name=t("Save my choices", language)).click()
    expect(
        page.get_by_text(t("Saved. Every page now follows your choices.", language))
    ).to_be_visible()
    expect(page.get_by_role("radio", name=size("Larger", language))).to_be_checked()
    no_sideways_scroll(page)

    page.goto(translated(lesson, language))
    expect(page.locator("html")).to_have_class("text-larger font-readable")
    root = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert root == pytest.approx(22), f"the root text is {root} px"
    no_sideways_scroll(page)
    # Chromium can speak: the button shows, within the screen, reachable with the keyboard.
    listen = page.get_by_role("button", name=t("Listen to the lesson", language))
    expect(listen).to_be_visible()
    box = listen.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["height"] >= 24

    # The menu, opened, fits too, and leads back to the choices.
    page.locator(".site-menu > summary").click()
    page.locator(".account-menu > summary").click()
    expect(page.get_by_role("link", name=t("Reading comfort", language))).to_be_visible()
    no_sideways_scroll(page)
