"""Translations: both languages of a section share its workflow; the report of what is left
to translate lists the member's pages only, with a link to start or update the work."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, WorkflowPage

import pytest

from courses.factories import make_course
from home.models import StandardPage
from home.translations import MISSING, OUTDATED, translations_to_do
from setup.bootstrap import WORKFLOWS
from setup.site_tree import section_pages

pytestmark = pytest.mark.django_db

REPORT = "translations_to_do"


@pytest.mark.parametrize("spec", WORKFLOWS, ids=lambda spec: spec["name"])
def test_both_languages_of_a_section_have_its_workflow(spec, section):
    for key in spec["sections"]:
        pages = [section("home"), section("home", "en")] if key == "home" else section_pages(key)
        assert len(pages) == 2
        workflows = {WorkflowPage.objects.get(page=page).workflow.name for page in pages}
        assert workflows == {spec["name"]}


def lines_for(user):
    return {(line.source["title"], line.status): line for line in translations_to_do(user)}


def test_a_trainer_sees_modules_to_translate_and_to_update(client, trainer, section):
    missing = make_course(section("courses"), title="Module à traduire", lessons=0, translate=False)
    done = make_course(section("courses"), title="Module traduit", lessons=0)
    assert ("Module traduit", OUTDATED) not in lines_for(trainer)
    done.save_revision().publish()  # the French changes after the English was made

    client.force_login(trainer)
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    lines = response.context["lines"]
    by_title = {(line.source["title"], line.status): line for line in lines}
    start = by_title["Module à traduire", MISSING]
    assert start.action_url == reverse(
        "wagtail_localize:submit_page_translation", args=[missing.pk]
    )
    update = by_title["Module traduit", OUTDATED]
    english = done.get_translation(Locale.objects.get(language_code="en"))
    assert update.action_url == reverse("wagtailadmin_pages:edit", args=[english.pk])
    content = response.content.decode()
    assert start.action_url in content and update.action_url in content
    # Site pages are the coordination's: a trainer does not see them.
    assert not any(line.source["title"] == "L'association" for line in lines)


def test_a_translation_made_with_localize_is_updated_through_its_source(client, trainer, section):
    course = make_course(section("courses"), title="Écouter", lessons=0, translate=False)
    client.force_login(trainer)
    english_locale = Locale.objects.get(language_code="en")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [english_locale.pk]},
    )
    line = lines_for(trainer)["Écouter", "draft"]
    english = course.get_translation(english_locale)
    assert line.action_url == reverse("wagtailadmin_pages:edit", args=[english.pk])
    course.save_revision().publish()
    line = lines_for(trainer)["Écouter", OUTDATED]
    assert "/localize/update/" in line.action_url


def test_coordinators_see_the_site_pages(coordinator, section):
    page = StandardPage(title="Nos partenaires")
    section("about").add_child(instance=page)
    page.save_revision().publish()
    assert ("Nos partenaires", MISSING) in lines_for(coordinator)
    assert not any(title.startswith("Module") for title, _status in lines_for(coordinator))


def test_english_pages_without_french_are_listed_too(coordinator, section):
    page = StandardPage(title="Only in English")
    section("about", "en").add_child(instance=page)
    page.save_revision().publish()
    line = lines_for(coordinator)["Only in English", MISSING]
    assert line.language.lower().startswith("fr")


@pytest.mark.parametrize("role", ["peer", "supervisor"])
def test_the_report_is_refused_to_peers_and_supervisors(client, role, section):
    from home.factories import UserFactory

    make_course(section("courses"), title="Module à traduire", lessons=0, translate=False)
    user = UserFactory(roles=[role])
    client.force_login(user)
    response = client.get(reverse(REPORT))
    assert response.status_code in (302, 403)
    assert "Module à traduire" not in response.content.decode()
    assert translations_to_do(user) == []
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) not in menu


def test_the_report_is_in_the_reports_menu_of_trainers(client, trainer):
    client.force_login(trainer)
    assert reverse(REPORT) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_number_of_queries_does_not_grow_with_the_pages(client, trainer, section):
    client.force_login(trainer)
    make_course(section("courses"), title="Module 0", lessons=1, translate=False)
    client.get(reverse(REPORT))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(REPORT))
    for index in range(1, 5):
        make_course(section("courses"), title=f"Module {index}", lessons=2, translate=False)
    client.get(reverse(REPORT))  # publishing emptied the site-wide caches: fill them again
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse(REPORT))
    assert len(response.context["lines"]) >= 13
    assert len(many) == len(few)
