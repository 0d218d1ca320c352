"""The anonymisation guard in the page editor of a group's records: what looks identifying
is pointed out; the writer rewrites it, or keeps it with a reason that stays with the page."""

import pytest

from practice_analysis.models import CodevWorkshopPage, PracticeGroupPage, PracticeSessionPage
from practice_analysis.page_forms import REASON_FIELD
from practice_analysis.tests import test_records
from practice_analysis.tests.test_records import contentstate

pytestmark = pytest.mark.django_db

# The record tests' people and group (fixtures).
people = test_records.people
group_page = test_records.group_page


def session_form(group_page, user, situation, reason="", instance=None):
    form_class = PracticeSessionPage.get_edit_handler().get_form_class()
    data = {
        "date": "2026-10-06",
        "session_format": "app",
        "situation": contentstate(situation),
        REASON_FIELD: reason,
    }
    return form_class(
        data, instance=instance or PracticeSessionPage(), parent_page=group_page, for_user=user
    )


def test_a_members_name_in_a_session_log_is_pointed_out_and_the_text_kept(group_page, people):
    scribe = people["scribe"]
    scribe.first_name, scribe.last_name = "Maëlle", "Quintard"
    scribe.save()
    form = session_form(group_page, scribe, "Maëlle Quintard a raconté son appel.")
    assert not form.is_valid()
    assert REASON_FIELD in form.errors and "situation" not in form.errors
    message = str(form.errors[REASON_FIELD])
    assert "Quintard" in message and "nom" in message
    assert "Quintard" in form["situation"].value()


def test_a_phone_number_is_pointed_out_too(group_page, people):
    form = session_form(group_page, people["scribe"], "Rappeler au 06 12 34 56 78 demain.")
    assert not form.is_valid() and REASON_FIELD in form.errors


def test_a_text_without_identifying_words_passes(group_page, people):
    form = session_form(group_page, people["scribe"], "Un adhérent a parlé d'un appel difficile.")
    assert form.is_valid(), form.errors


def test_a_reason_keeps_the_words_and_is_recorded_with_the_page(group_page, people):
    scribe = people["scribe"]
    text = "Nous avons lu Patricia Deegan sur le rétablissement."
    form = session_form(
        group_page, scribe, text, reason="Une autrice publiée, pas une personne aidée."
    )
    assert form.is_valid(), form.errors
    page = form.save(commit=False)
    group_page.add_child(instance=page)
    page.refresh_from_db()
    marks = list(page.anonymisation_accepted.values())
    assert marks and marks[0]["by"] == scribe.pk and "autrice publiée" in marks[0]["why"]
    # Saved again without a reason: the same words are not pointed out again.
    again = session_form(group_page, scribe, text, instance=page)
    assert again.is_valid(), again.errors
    # A new name is.
    other = session_form(group_page, scribe, text + " Puis Josiane Marchetti.", instance=page)
    assert not other.is_valid() and REASON_FIELD in other.errors


def test_the_reason_is_encrypted_at_rest(group_page, people):
    from django.db import connection

    text = "Nous avons lu Patricia Deegan."
    form = session_form(group_page, people["scribe"], text, reason="Autrice publiée")
    assert form.is_valid(), form.errors
    page = form.save(commit=False)
    group_page.add_child(instance=page)
    with connection.cursor() as cursor:
        table = PracticeSessionPage._meta.db_table
        cursor.execute(
            f"SELECT anonymisation_accepted FROM {table} WHERE page_ptr_id = %s", [page.pk]
        )
        stored = cursor.fetchone()[0]
    assert "Autrice" not in stored and "deegan" not in stored.lower()


def test_a_codev_records_blocks_are_read_by_the_guard(group_page, people):
    form_class = CodevWorkshopPage.get_edit_handler().get_form_class()
    data = {
        "date": "2026-10-13",
        "subject": "Accueillir un nouveau membre",
        "expose_summary": contentstate("Un exposé."),
        "consultant_inputs-count": "1",
        "consultant_inputs-0-type": "input",
        "consultant_inputs-0-deleted": "",
        "consultant_inputs-0-order": "0",
        "consultant_inputs-0-value-kind": "idea",
        "consultant_inputs-0-value-text": "Écrire à jean.dupont@example.org pour le prévenir.",
        "action_plan-count": "0",
        "learnings-count": "0",
        "client_shown_as_member": "on",
        "steps_respected": "on",
        REASON_FIELD: "",
    }
    form = form_class(
        data, instance=CodevWorkshopPage(), parent_page=group_page, for_user=people["scribe"]
    )
    assert not form.is_valid() and REASON_FIELD in form.errors
    assert "example.org" in str(form.errors[REASON_FIELD])


def test_the_editing_space_shows_the_guard_on_the_record_form(client, group_page, people):
    from django.urls import reverse

    client.force_login(people["scribe"])
    url = reverse(
        "wagtailadmin_pages:add", args=("practice_analysis", "practicesessionpage", group_page.pk)
    )
    response = client.get(url)
    assert response.status_code == 200
    assert f'name="{REASON_FIELD}"' in response.content.decode()


def test_a_member_of_another_group_never_reaches_the_record_form(client, group_page, people):
    from django.urls import reverse

    client.force_login(people["other_member"])
    url = reverse(
        "wagtailadmin_pages:add", args=("practice_analysis", "practicesessionpage", group_page.pk)
    )
    assert client.get(url).status_code in (302, 403, 404)
    assert PracticeGroupPage.objects.filter(pk=group_page.pk).exists()


def test_a_contributions_editor_points_out_a_name_too(section):
    from home.models import ContributionPage

    trainer_form = ContributionPage.get_edit_handler().get_form_class()
    data = {
        "title": "Mon parcours avec Josiane Marchetti",
        "slug": "mon-parcours",
        "kind": "testimony",
        "signature": "name",
        "body-count": "0",
        REASON_FIELD: "",
    }
    form = trainer_form(
        data, instance=ContributionPage(), parent_page=section("contributions"), for_user=None
    )
    assert not form.is_valid()
    assert REASON_FIELD in form.errors and "Marchetti" in str(form.errors[REASON_FIELD])
