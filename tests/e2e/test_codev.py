"""Co-development that follows up (issue 17 part 5): the previous workshop's action plan
appears in the next workshop's agenda, and the step-by-step session mode runs on a phone."""

import datetime

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from gatherings.factories import GroupSessionFactory
from gatherings.models import LiveSession
from gatherings.tests.test_codev import PLAN, record

from . import people
from .helpers import login, t, url

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}


def test_the_previous_action_plan_opens_the_next_workshop_and_its_steps_on_a_phone(page):
    supervisor = people.person(
        "dominique", "Dominique", "Bernard", roles=["supervisor"], language="fr"
    )
    peer = people.person("camille", "Camille", "Martin", roles=["peer"], language="fr")
    group = people.practice_group(members=[peer], supervisors=[supervisor])
    GroupSessionFactory(
        group=group,
        facilitator=supervisor,
        kind=LiveSession.CODEV,
        starts_at=timezone.now() - datetime.timedelta(days=30),
    )
    record(group, peer, timezone.localdate() - datetime.timedelta(days=30))
    workshop = GroupSessionFactory(
        group=group,
        facilitator=supervisor,
        kind=LiveSession.CODEV,
        starts_at=timezone.now() + datetime.timedelta(days=7),
    )

    login(page, peer, "fr")
    page.set_viewport_size(PHONE)
    page.goto(url("session_detail", "fr", pk=workshop.pk))
    expect(page.get_by_role("heading", name=t("Follow-up", "fr"), exact=True)).to_be_visible()
    expect(page.get_by_text(PLAN)).to_be_visible()

    page.get_by_role("link", name=t("Step-by-step session mode", "fr")).click()
    expect(page.get_by_text(PLAN)).to_be_visible()
    steps = page.locator("[data-codev-step]")
    expect(steps).to_have_count(6)
    expect(steps.nth(0)).to_have_attribute("aria-current", "step")
    page.get_by_role("button", name=t("Start the timer", "fr")).click()
    expect(page.get_by_role("button", name=t("Pause", "fr"))).to_be_visible()
    page.get_by_role("button", name=t("Next step", "fr")).click()
    expect(steps.nth(1)).to_have_attribute("aria-current", "step")
    expect(steps.nth(0)).not_to_have_attribute("aria-current", "step")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{widths[0]} px wide in {widths[1]} px"
    # Nothing of the workshop is kept in the browser.
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
