"""Daily journeys of issue 16 not walked elsewhere: a peer's own home (Continue to the exact
next lesson, an entry returned with feedback, progress) and a supervisor's (the reviews to
do, the one inbox with a group record awaiting approval, the review form beside the text on
a wide screen and after it on a phone). A phone in French and a desktop in English: the
other pairs add little to what these show."""

import datetime

import pytest
from playwright.sync_api import expect

from courses.factories import lessons_of

from . import people
from .helpers import login, screenshot, t
from .test_phone_journeys import DESKTOP, PHONE, no_sideways_scroll, started_peer

pytestmark = pytest.mark.e2e

PAIRS = pytest.mark.parametrize(
    "language, viewport", [("fr", PHONE), ("en", DESKTOP)], ids=["fr-375", "en-1280"]
)


def decision(text, language):
    from django.utils import translation

    with translation.override(language):
        return translation.pgettext("review decision", text)


def returned_with_feedback(author, supervisor, group, title):
    """An entry a supervisor read and sent back with changes suggested."""
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import EntryReview, ReflectiveEntry
    from practice_analysis.states import move

    entry = ReflectiveEntryFactory(author=author, group=group, title=title)
    move(entry, ReflectiveEntry.SUBMITTED, author)
    move(entry, ReflectiveEntry.IN_REVIEW, supervisor)
    EntryReview.objects.create(
        entry=entry,
        reviewer=supervisor,
        overall_comment="Que ressentait l'adhérent ?",
        decision=ReflectiveEntry.CHANGES_REQUESTED,
    )
    move(entry, ReflectiveEntry.CHANGES_REQUESTED, supervisor)
    return entry


def record_sent_for_approval(group, scribe):
    from practice_analysis.models import PracticeGroupPage, PracticeSessionPage

    page = PracticeSessionPage(
        title="Séance",
        date=datetime.date(2026, 10, 6),
        session_format="app",
        situation="<p>Un appel difficile.</p>",
        live=False,
    )
    PracticeGroupPage.objects.get(group=group).add_child(instance=page)
    page.save_revision(user=scribe)
    page.get_workflow().start(page, scribe)
    return page


@PAIRS
def test_a_peer_s_home_leads_on_and_tells_what_waits(page, language, viewport):
    peer, course = started_peer(page, language, viewport)
    page.get_by_role("button", name=t("I have finished this lesson", language)).click()
    next_lesson = "Leçon 2" if language == "fr" else "Lesson 2"
    expect(page.get_by_role("heading", level=1)).to_have_text(next_lesson)
    supervisor = people.person("dominique", "Dominique", "Bernard", roles=["supervisor"])
    group = people.practice_group(members=[peer], supervisors=[supervisor])
    entry = returned_with_feedback(peer, supervisor, group, "Un appel du soir")

    page.goto(f"/{language}/")
    waiting = page.get_by_role("region", name=t("What waits for you", language))
    expect(waiting.get_by_role("link", name=entry.title)).to_be_visible()
    expect(page.get_by_text(course.title).first).to_be_visible()  # progress in the module
    no_sideways_scroll(page)
    screenshot(page, f"home-peer-{language}")
    page.get_by_role("link", name=t("Continue", language)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(next_lesson)
    assert len(lessons_of(course)) == 3

    page.goto(f"/{language}/")
    waiting.get_by_role("link", name=entry.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(entry.title)
    feedback = page.get_by_role("region", name=t("Feedback from your supervisor", language))
    expect(feedback.get_by_text("Que ressentait l'adhérent ?")).to_be_visible()
    expect(feedback.get_by_text(decision("Changes suggested", language))).to_be_visible()


@PAIRS
def test_a_supervisor_s_inbox_and_the_review_beside_the_text(page, language, viewport):
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import ReflectiveEntry
    from practice_analysis.states import move

    peer = people.person("camille", "Camille", "Martin", roles=["peer"])
    supervisor = people.person(
        "dominique", "Dominique", "Bernard", roles=["supervisor"], language=language
    )
    group = people.practice_group(members=[peer], supervisors=[supervisor])
    entry = ReflectiveEntryFactory(
        author=peer, group=group, title="Un appel du soir", description="Un adhérent a appelé."
    )
    move(entry, ReflectiveEntry.SUBMITTED, peer)
    record = record_sent_for_approval(group, peer)

    login(page, supervisor, language)
    page.set_viewport_size(viewport)
    page.goto(f"/{language}/")
    waiting = page.get_by_role("region", name=t("What waits for you", language))
    expect(waiting).to_contain_text("2")
    waiting.get_by_role("link", name=t("Open the supervision", language)).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t("Supervision", language))
    records = page.get_by_role("region", name=t("Group records to approve", language))
    row = records.get_by_role("row").filter(has_text=record.draft_title)
    expect(row).to_contain_text("Groupe du jeudi")
    edit = f"/admin/pages/{record.pk}/edit/"
    expect(row.get_by_role("link", name=record.draft_title)).to_have_attribute("href", edit)
    no_sideways_scroll(page)
    screenshot(page, f"supervision-inbox-{language}")

    entries = page.get_by_role("region", name=t("Entries to review", language))
    entries.get_by_role("link", name=entry.title).click()
    page.get_by_role("button", name=t("Take this entry to review it", language)).click()
    text = page.locator(".review-layout__text").bounding_box()
    form = page.locator(".review-layout__form").bounding_box()
    if viewport is DESKTOP:
        assert form["x"] >= text["x"] + text["width"], (text, form)
        assert form["y"] < text["y"] + text["height"], "the form is beside the text"
    else:
        assert form["y"] >= text["y"] + text["height"] - 1, "the form comes after the text"
        no_sideways_scroll(page)
    expect(page.get_by_label(t("Overall comment", language))).to_be_visible()
    screenshot(page, f"supervision-review-{language}")

    # The link to the record leads to its editor, where the workflow's actions are.
    assert page.goto(edit).status == 200
