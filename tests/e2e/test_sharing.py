"""Share on the site (375 px in French, 1280 px in English): a peer writes a testimony,
saves a draft, sends it; a trainer asks for a change; the peer reads the comment beside
the text, revises, sends it again; once approved it is published."""

import pytest
from playwright.sync_api import expect

from home.models import ContributionPage
from home.tests.test_sharing import review

from . import people
from .helpers import login, t, url

pytestmark = pytest.mark.e2e

COMMENT = "Merci ! Pourriez-vous ajouter ce qui vous a aidé ?"


def no_sideways_scroll(page):
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url}: {widths[0]} px wide in {widths[1]} px"


@pytest.mark.parametrize(
    "language,viewport",
    [("fr", {"width": 375, "height": 740}), ("en", {"width": 1280, "height": 800})],
)
def test_a_peer_shares_a_testimony_entirely_on_the_site(page, language, viewport):
    peer = people.person("ines", "Inès", "Aubert", roles=["peer"], language=language)
    people.acknowledge_charter(peer)
    trainer = people.person("thomas", "Thomas", "Petit", roles=["trainer"])
    login(page, peer, language)
    page.set_viewport_size(viewport)
    page.goto(url("share_new", language))
    page.get_by_label(t("Title", language), exact=True).fill("Ce que l'entraide m'a appris")
    page.get_by_label(t("Your text", language)).fill(
        "Au début je n'osais pas parler.\n\nPuis le groupe m'a écoutée."
    )
    no_sideways_scroll(page)
    page.get_by_role("button", name=t("Save my draft", language)).click()
    expect(page.get_by_text(t("Saved. Only you can read your draft.", language))).to_be_visible()
    contribution = ContributionPage.objects.get(title="Ce que l'entraide m'a appris")
    assert not contribution.live and contribution.author == peer

    page.get_by_role("button", name=t("Check and send for review", language)).click()
    contribution.refresh_from_db()
    assert contribution.workflow_in_progress

    review(contribution, "reject", trainer, COMMENT)
    page.reload()
    expect(page.get_by_text(COMMENT)).to_be_visible()
    no_sideways_scroll(page)
    page.get_by_role("link", name=t("Revise and send again", language)).click()
    expect(page.get_by_text(COMMENT)).to_be_visible()  # beside the text being revised
    page.get_by_label(t("Your text", language)).fill(
        "Au début je n'osais pas parler.\n\nPuis le groupe m'a écoutée, sans juger."
    )
    page.get_by_role("button", name=t("Check and send for review", language)).click()
    review(contribution, "approve", trainer)
    contribution.refresh_from_db()
    assert contribution.live
    page.reload()
    expect(page.get_by_role("link", name=t("Read it on the site", language))).to_be_visible()
