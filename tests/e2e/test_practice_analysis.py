"""Journey 2: a peer writes a reflective entry, the anonymisation guard catches a phone
number, a supervisor asks for changes then validates, and the peer sees who read it."""

import pytest
from playwright.sync_api import expect

from . import people
from .helpers import check_language_switch, follow, login, screenshot, t, url, visit

pytestmark = pytest.mark.e2e

FIRST = (
    "Un adhérent m'a appelé un soir, très angoissé. Il m'a laissé son numéro, le 06 12 34 56 78."
)
FIXED = "Un adhérent m'a appelé un soir, très angoissé. Il m'a laissé son numéro."


def label(message, language):
    text = t(message, language)
    return text[:1].upper() + text[1:]


def send(page, language):
    page.get_by_label(
        t("I have re-read my entry: nobody can be recognised from it.", language)
    ).check()
    page.get_by_role("button", name=t("Check and send", language)).click()


def review(page, entry_title, decision, comment, language):
    """The supervisor takes the entry from the queue and sends a review with ``decision``."""
    visit(page, url("supervision_queue", language))
    screenshot(page, "supervisor-queue")
    follow(page, page.get_by_role("link", name=entry_title))
    check_language_switch(page)
    page.get_by_role("button", name=t("Take this entry to review it", language)).click()
    page.get_by_label(t("Overall comment", language)).fill(comment)
    page.get_by_label(t(decision, language)).check()
    page.get_by_role("button", name=t("Send my review", language)).click()
    expect(
        page.get_by_text(t("Your review is sent. The author has been told by e-mail.", language))
    ).to_be_visible()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_entry_is_written_reviewed_and_read(page, new_page, language):
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language=language)
    supervisor = people.person(
        "dominique", "Dominique", "Bernard", roles=["supervisor"], language=language
    )
    people.practice_group(members=[peer], supervisors=[supervisor])
    title = "Un appel du soir" if language == "fr" else "An evening call"

    # The peer writes a draft, then tries to send it with a phone number in it.
    login(page, peer, language)
    visit(page, url("entry_list", language))
    follow(page, page.get_by_role("link", name=t("Write a new entry", language)))
    check_language_switch(page)
    page.get_by_label(label("title", language)).fill(title)
    page.get_by_label(t("Description", language), exact=True).fill(FIRST)
    page.get_by_label(t("Feelings", language), exact=True).fill("J'ai eu peur de mal faire.")
    screenshot(page, "entry-form")
    page.get_by_role("button", name=t("Save my draft", language)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    check_language_switch(page)
    send(page, language)
    findings = page.get_by_role("region", name=t("Could someone be recognised?", language))
    expect(findings).to_be_visible()
    expect(findings.get_by_text("06 12 34 56 78")).to_be_visible()

    # The peer removes the number and sends it.
    page.get_by_label(t("Description", language), exact=True).fill(FIXED)
    send(page, language)
    expect(
        page.get_by_text(
            t("Sent. A supervisor of your group will read it; you will be told.", language)
        )
    ).to_be_visible()
    check_language_switch(page)

    # The supervisor asks for changes.
    supervisor_page = new_page()
    login(supervisor_page, supervisor, language)
    review(
        supervisor_page,
        title,
        "Ask the author for changes",
        "Que ressentait l'adhérent ?",
        language,
    )

    # The peer reads the feedback, revises and sends again.
    visit(page, url("entry_list", language))
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    check_language_switch(page)
    feedback = page.get_by_role("region", name=t("Feedback from your supervisor", language))
    expect(feedback.get_by_text("Que ressentait l'adhérent ?")).to_be_visible()
    page.get_by_label(t("Analysis", language), exact=True).fill("Il avait besoin d'être rassuré.")
    send(page, language)
    expect(
        page.get_by_text(
            t("Sent. A supervisor of your group will read it; you will be told.", language)
        )
    ).to_be_visible()

    # The supervisor validates it.
    review(supervisor_page, title, "Validate the entry", "Merci, c'est très clair.", language)

    # The peer sees that it is validated and who read it.
    visit(page, url("entry_list", language))
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    check_language_switch(page)
    readers = page.get_by_role("heading", name=t("Who has read this entry", language))
    expect(readers).to_be_visible()
    expect(page.locator("ul.reads")).to_contain_text("Dominique Bernard")
