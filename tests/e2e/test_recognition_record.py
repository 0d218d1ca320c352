"""The recognition record (issue 18): a peer on a phone, in French, chooses what their
record shows, opens a verification link, which a stranger opens without an account and
sees only what was chosen; the peer withdraws it and the stranger reads that it was."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from recognition import services
from recognition.tests.conftest import make_framework
from recognition.tests.test_confidentiality import TITLE, validated_entry

from . import people
from .helpers import login, t, url

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}
NOTHING_CHOSEN = (
    "Nothing chosen yet, so your record shows nothing. Tick what you want to show, "
    "then save: you decide."
)


def no_horizontal_scroll(page):
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{widths[0]} px wide in {widths[1]} px"


def peer_with_recognition():
    supervisor = people.person("dominique", "Dominique", "Bernard", roles=["supervisor"])
    peer = people.person("camille", "Camille", "Martin", roles=["peer"])
    group = people.practice_group(members=[peer], supervisors=[supervisor])
    competence = make_framework()
    services.confirm(supervisor, peer, competence, 2, "Un beau chemin")
    validated_entry(SimpleNamespace(peer=peer, group=group, supervisor=supervisor))
    return peer, competence


def test_a_peer_builds_shares_and_withdraws_their_record_on_a_phone(page, new_page):
    peer, competence = peer_with_recognition()
    login(page, peer, "fr")
    page.set_viewport_size(PHONE)
    page.goto(url("my_competences", "fr"))
    page.get_by_role("link", name=t("Build my recognition record", "fr")).click()
    expect(page.get_by_text(t(NOTHING_CHOSEN, "fr"))).to_be_visible()
    no_horizontal_scroll(page)

    # The competence and the supervised practice: not the charter.
    page.get_by_label(competence.name, exact=False).check()
    page.get_by_label(t("Supervised practice", "fr"), exact=False).first.check()
    page.get_by_role("button", name=t("Save my choices", "fr")).click()
    expect(
        page.get_by_text(t("Saved. Your record shows what you chose, and only that.", "fr"))
    ).to_be_visible()
    page.get_by_role("button", name=t("Create a verification link", "fr")).click()
    link = page.locator(".secret a").get_attribute("href")
    qr = page.get_by_role("img", name=t("QR code of your verification link", "fr"))
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0"), "the QR code is not drawn"
    no_horizontal_scroll(page)

    stranger = new_page("fr")  # a fresh browser: no account, no cookie
    stranger.set_viewport_size(PHONE)
    stranger.goto(link)
    expect(stranger.get_by_role("heading", level=1)).to_contain_text("Camille Martin")
    expect(stranger.get_by_text(competence.name)).to_be_visible()
    practice = t("Supervised practice", "fr")
    expect(stranger.get_by_role("heading", name=practice)).to_be_visible()
    body = stranger.content()
    assert t("The association's charter, acknowledged", "fr") not in body
    assert TITLE not in body
    no_horizontal_scroll(stranger)

    page.get_by_role("button", name=t("Withdraw this link", "fr")).click()
    expect(page.get_by_role("button", name=t("Create a verification link", "fr"))).to_be_visible()
    stranger.goto(link)
    expect(stranger.get_by_role("heading", name=t("Record withdrawn", "fr"))).to_be_visible()
    assert competence.name not in stranger.content()
