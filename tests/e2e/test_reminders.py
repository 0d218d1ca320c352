"""Gentle reminders on a phone (375 px): a trainer sends a kind word from the cohort
report; the learner follows a reminder's link to where they stopped and says "not now"."""

import re
from datetime import date, timedelta

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import Cohort, Enrollment
from courses.notifications import IDLE_MODULE, KIND_WORD
from courses.reminders import send_due_reminders
from home.models import Notification

from . import people
from .helpers import login, t

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}


def no_sideways_scroll(page):
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url}: {widths[0]} px wide in {widths[1]} px"


def test_a_kind_word_and_not_now_on_a_phone(page, new_page):
    trainer = people.person("thomas", "Thomas", "Petit", roles=["trainer"])
    learner = people.person("camille", "Camille", "Martin", roles=["peer"])
    people.acknowledge_charter(learner)
    course = people.module()
    services.enrol(learner, course)
    Enrollment.objects.filter(user=learner).update(
        last_activity_at=timezone.now() - timedelta(days=20)
    )
    cohort = Cohort.objects.create(
        name="Promotion printemps", start_date=date(2026, 3, 1), end_date=date(2026, 12, 31)
    )
    cohort.modules.add(course)
    cohort.members.add(learner)
    cohort.trainers.add(trainer)

    login(page, trainer)
    page.set_viewport_size(PHONE)
    page.goto(f"/admin/cohorts/{cohort.pk}/report/")
    page.get_by_role(
        "link", name=t("Send %(name)s a kind word", "fr", name="Camille Martin")
    ).click()
    word = page.get_by_role("textbox", name=t("Your word", "fr"))
    expect(word).to_have_value(re.compile(r"^Bonjour Camille, juste un mot"))
    no_sideways_scroll(page)
    word.fill("Bonjour Camille, on pense à vous. Thomas")
    page.get_by_role("button", name=t("Send the word", "fr")).click()
    expect(
        page.get_by_text(t("Your word is on its way to %(name)s.", "fr", name="Camille Martin"))
    ).to_be_visible()
    assert Notification.objects.filter(recipient=learner, kind=KIND_WORD).count() == 1

    send_due_reminders()
    link = Notification.objects.get(recipient=learner, kind=IDLE_MODULE).link
    learner_page = new_page()
    login(learner_page, learner)
    learner_page.set_viewport_size(PHONE)
    learner_page.goto(link)
    no_sideways_scroll(learner_page)
    learner_page.get_by_role("link", name=t("Not now: remind me later", "fr")).click()
    expect(
        learner_page.get_by_role("heading", name=t("Not now: that is fine", "fr"))
    ).to_be_visible()
    no_sideways_scroll(learner_page)
