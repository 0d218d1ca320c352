"""Journey 1: a peer reads the charter, follows a module, fails then passes its quiz, and
receives a certificate anyone can verify."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from . import people
from .helpers import check_language_switch, follow, login, screenshot, t, url, visit

pytestmark = pytest.mark.e2e

WRONG = ["Garde le secret", "3615", "Faux"]
RIGHT = ["Écoute et passe le relais", "3114", "15", "Vrai"]


def answer(page, options):
    quiz = page.locator("form.quiz-form")
    for option in options:
        quiz.get_by_label(option, exact=True).check()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_peer_learns_and_gets_a_certificate(page, new_page, language):
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language=language)
    course = people.module()
    title = course.title if language == "fr" else f"{course.title} (en)"

    login(page, peer, language)
    check_language_switch(page)

    # The charter, from the invitation on every page, then back where the peer was.
    follow(page, page.get_by_role("link", name=t("Read the charter", language)))
    check_language_switch(page)
    page.get_by_role(
        "button", name=t("I have read the charter (version %(version)s)", language, version="1")
    ).click()
    expect(page.get_by_role("link", name=t("Read the charter", language))).to_have_count(0)
    screenshot(page, "home")

    # The catalogue, the module, and its first lessons.
    follow(
        page,
        page.get_by_role("navigation", name=t("Main menu", language)).get_by_role(
            "link", name=people.section("courses", language).title
        ),
    )
    check_language_switch(page)
    page.get_by_role("link", name=title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    check_language_switch(page)
    page.get_by_role("button", name=t("Start the module", language)).click()
    for number in (1, 2):
        heading = f"Leçon {number}" if language == "fr" else f"Lesson {number}"
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_language_switch(page)
        if number == 1:
            screenshot(page, "lesson")
        page.get_by_role("button", name=t("I have finished this lesson", language)).click()

    # The quiz: a first try that fails, the explanations, a second try that passes.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Leçon 3" if language == "fr" else "Lesson 3"
    )
    answer(page, WRONG)
    page.get_by_role("button", name=t("Check my answers", language)).click()
    feedback = page.get_by_role("region", name=t("Not passed yet", language))
    expect(feedback).to_be_visible()
    # The explanations of the answers chosen, not the right options (until asked).
    expect(feedback.get_by_text("Non.", exact=True).first).to_be_visible()
    expect(feedback.get_by_text("Si, on peut.")).to_be_visible()
    expect(feedback.get_by_text("Prévention du suicide.")).to_have_count(0)
    expect(feedback.get_by_role("button", name=t("Show the answers", language))).to_be_visible()
    check_language_switch(page)
    screenshot(page, "quiz-feedback")
    answer(page, RIGHT)
    page.get_by_role("button", name=t("Try again", language)).click()
    # The last lesson passed, the module is finished: its page says so, calmly, with the
    # certificate and a module to follow next.
    moment = page.get_by_role("region", name=t("You have finished this module", language))
    expect(moment).to_be_visible()
    expect(
        moment.get_by_role("link", name=t("Download your certificate (PDF)", language))
    ).to_be_visible()
    screenshot(page, "module-end")

    # My learning: the module is completed and its certificate can be downloaded.
    visit(page, url("my_learning", language))
    screenshot(page, "my-learning")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name=re.compile(re.escape(t("Download the certificate (PDF)", language)))
        ).click()
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Camille Martin" in text
    assert title in text
    verification_url = re.search(r"https?://\S+", text).group(0)

    # Anyone can check it: the public verification page, without logging in.
    public = new_page()
    visit(public, verification_url)
    expect(public.get_by_text("Camille Martin")).to_be_visible()
    expect(public.get_by_text(title)).to_be_visible()
