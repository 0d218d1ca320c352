"""Nothing typed is lost (issue 16), on a phone: a review sent as the session ended comes
back after logging in again; an entry is saved on the server as the author types, never
in the browser's lasting storage; leaving with unsaved text asks first; logging out
forgets what the tab kept."""

import time

import pytest
from playwright.sync_api import expect

from . import people
from .helpers import login, second_factor, t, url

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}
KEPT = "key => Object.keys(window[key]).filter(k => k.startsWith('entrepairs-autosave:'))"


def wait_until_kept(page, storage="sessionStorage"):
    page.wait_for_function(f"() => ({KEPT})('{storage}').length === 1")


def saved_at(language):
    return t("Saved at %(time)s", language, time="").strip()


def end_session(page):
    """The member's session ends as if left idle too long (accounts.middleware)."""
    from importlib import import_module

    from django.conf import settings

    from accounts.middleware import LAST_ACTIVITY_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    session = store(session_key=cookie["value"])
    session[LAST_ACTIVITY_KEY] = int(time.time()) - 24 * 3600
    session.save()


def log_in_here(page, user, language):
    """Log in again from the login page the site led to (its ``next`` kept)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from home.factories import PASSWORD

    TOTPDevice.objects.filter(user=user).update(last_t=-1)  # the same code may come again
    page.get_by_label(t("Username", language)).fill(user.username)
    page.get_by_label(t("Password", language), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("Log in", language)).click()
    second_factor(page, user, language)


def test_a_review_typed_as_the_session_ended_is_there_after_logging_in(page):
    from practice_analysis.factories import ReflectiveEntryFactory
    from practice_analysis.models import EntryReview, ReflectiveEntry
    from practice_analysis.states import move

    language = "fr"
    peer = people.person("camille", "Camille", "Martin", roles=["peer"])
    supervisor = people.person("dominique", "Dominique", "Bernard", roles=["supervisor"])
    group = people.practice_group(members=[peer], supervisors=[supervisor])
    entry = ReflectiveEntryFactory(author=peer, group=group, title="Un appel du soir")
    move(entry, ReflectiveEntry.SUBMITTED, peer)
    move(entry, ReflectiveEntry.IN_REVIEW, supervisor)

    page.on("dialog", lambda dialog: dialog.accept())  # leaving with text asks first
    login(page, supervisor, language)
    page.set_viewport_size(PHONE)
    page.goto(url("supervision_entry", language, pk=entry.pk))
    comment = page.get_by_label(t("Overall comment", language))
    comment.fill("Un retour long et attentif, écrit pendant une heure.")
    page.get_by_label(t("Validate the entry", language)).check()
    # Confidential: kept in this tab only, never in the browser's lasting storage.
    wait_until_kept(page)
    assert page.evaluate(KEPT, "localStorage") == []

    end_session(page)
    page.get_by_role("button", name=t("Send my review", language)).click()
    expect(page.get_by_label(t("Username", language))).to_be_visible()
    assert not EntryReview.objects.exists()
    log_in_here(page, supervisor, language)

    expect(page.get_by_text(t("We restored what you were typing.", language))).to_be_visible()
    expect(comment).to_have_value("Un retour long et attentif, écrit pendant une heure.")
    expect(page.get_by_label(t("Validate the entry", language))).to_be_checked()
    page.get_by_role("button", name=t("Send my review", language)).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert EntryReview.objects.get().overall_comment.startswith("Un retour long")
    assert page.evaluate(KEPT, "sessionStorage") == []


def test_an_entry_is_saved_as_typed_and_leaving_asks_first(page):
    from practice_analysis.factories import ReflectiveEntryFactory

    language = "en"
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language=language)
    group = people.practice_group(members=[peer], supervisors=[])
    entry = ReflectiveEntryFactory(author=peer, group=group, description="Début.")
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, peer, language)
    page.set_viewport_size(PHONE)
    page.goto(url("entry_edit", language, pk=entry.pk))
    description = page.locator("#id_description")
    description.fill("Début. Et la suite, écrite au téléphone.")
    expect(page.locator(".autosave-status")).to_contain_text(saved_at(language))
    entry.refresh_from_db()
    assert entry.description == "Début. Et la suite, écrite au téléphone."
    assert page.evaluate(KEPT, "localStorage") == []
    assert page.evaluate(KEPT, "sessionStorage") == []

    # The session ends while the author types: the text waits in the tab, and comes back.
    end_session(page)
    description.fill("Début. Et la suite, écrite au téléphone. Et la fin.")
    wait_until_kept(page)
    page.goto(url("entry_edit", language, pk=entry.pk))
    log_in_here(page, peer, language)
    expect(page.get_by_text(t("We restored what you were typing.", language))).to_be_visible()
    expect(description).to_have_value("Début. Et la suite, écrite au téléphone. Et la fin.")
    # Put back, then saved on the server again.
    expect(page.locator(".autosave-status")).to_contain_text(saved_at(language))
    entry.refresh_from_db()
    assert entry.description.endswith("Et la fin.")

    # Leaving with text not yet saved asks first.
    description.click()  # typed for real: a browser asks only after the member's gesture
    page.keyboard.type(" Une phrase de plus.")
    # (Headless Chromium shows no dialog on closing: the page's answer is asked directly.)
    asks = "() => { const e = new Event('beforeunload', {cancelable: true}); "
    asks += "window.dispatchEvent(e); return e.defaultPrevented; }"
    assert page.evaluate(asks) is True


def test_logging_out_forgets_what_the_tab_kept(page):
    language = "fr"
    peer = people.person("camille", "Camille", "Martin", roles=["peer"])
    people.practice_group(members=[peer], supervisors=[])
    login(page, peer, language)
    page.set_viewport_size(PHONE)
    page.goto(url("entry_create", language))
    page.locator("#id_description").fill("Pas encore enregistré.")
    wait_until_kept(page)
    page.on("dialog", lambda dialog: dialog.accept())
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name=t("Log out", language)).click()
    expect(page.get_by_role("link", name=t("Log in", language))).to_be_visible()
    assert page.evaluate(KEPT, "sessionStorage") == []
