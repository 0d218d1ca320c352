"""Journey 4: a coordinator creates a cohort in the editing space; its trainer opens the
progress report and downloads it as CSV and as an Excel workbook."""

import csv
import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from courses import services

from . import people
from .helpers import login, t

pytestmark = pytest.mark.e2e


def test_cohort_is_created_then_reported(page, new_page):
    coordinator = people.person("emilie", "Émilie", "Roux", roles=["coordinator"])
    trainer = people.person("thomas", "Thomas", "Petit", roles=["trainer"])
    learners = [
        people.person("camille", "Camille", "Martin", roles=["peer"]),
        people.person("lou", "Lou", "Garnier", roles=["peer"]),
    ]
    course = people.module()
    services.enrol(learners[0], course)

    # The coordinator creates the cohort.
    login(page, coordinator)
    page.goto("/admin/cohorts/new/")
    page.get_by_role("textbox", name=t("name", "fr").capitalize()).fill("Promotion printemps")
    # Wagtail's date picker opens 100 ms after a field takes focus and covers the fields
    # below it; Tab closes it, as it does for a coordinator typing the date. Tab before it
    # has opened would leave it opening afterwards, over the checkboxes.
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    for label, value in (("start date", "2026-03-01"), ("end date", "2026-06-30")):
        field = page.get_by_role("textbox", name=t(label, "fr").capitalize())
        field.fill(value)
        expect(pickers).to_have_count(1)
        field.press("Tab")
        expect(pickers).to_have_count(0)
    page.get_by_label(course.title, exact=True).check()
    page.get_by_label("Thomas Petit (thomas)").check()
    page.get_by_label("Camille Martin (camille)").check()
    page.get_by_label("Lou Garnier (lou)").check()
    page.get_by_role("button", name=t("Create", "fr"), exact=True).click()
    expect(page.get_by_role("link", name="Promotion printemps", exact=True)).to_be_visible()

    # The trainer finds it among their cohorts and opens its report.
    trainer_page = new_page()
    login(trainer_page, trainer)
    trainer_page.goto("/admin/cohorts/")
    trainer_page.get_by_role(
        "link", name=t("Progress report of %(cohort)s", "fr", cohort="Promotion printemps")
    ).click()
    report = trainer_page.get_by_role("main")
    expect(report.get_by_text("Camille Martin").first).to_be_visible()
    expect(report.get_by_text("Lou Garnier").first).to_be_visible()

    with trainer_page.expect_download() as download:
        trainer_page.get_by_role("link", name=t("Download the progress table (CSV)", "fr")).click()
    text = download.value.path().read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))  # French spreadsheets
    assert course.title in rows[0]
    by_learner = {row[0]: row for row in rows[1:]}
    assert set(by_learner) >= {"Camille Martin", "Lou Garnier"}
    column = rows[0].index(course.title)
    assert by_learner["Camille Martin"][column].startswith(
        t("In progress (%(percent)s%%)", "fr", percent=0)[:8]
    )
    assert by_learner["Lou Garnier"][column] == t("Not started", "fr")

    with trainer_page.expect_download() as download:
        trainer_page.get_by_role(
            "link", name=t("Download the progress table (Excel)", "fr")
        ).click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    table = [["" if cell is None else str(cell) for cell in row] for row in sheet.values]
    assert table == rows
