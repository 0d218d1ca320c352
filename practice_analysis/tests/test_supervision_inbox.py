"""One supervision inbox (issue 16): the entries sent for review and the group records
awaiting the supervisor's approval, for the supervisors of their own group only, counted
once for the header and the home; the review form beside the text; a past decision read
as done."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis import services
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import PracticeGroupPage, PracticeSessionPage, ReflectiveEntry
from practice_analysis.states import move

pytestmark = pytest.mark.django_db
E = ReflectiveEntry


def person(role, **names):
    user = UserFactory(roles=[role], **names)
    acknowledge(user, current_charter(), "fr")
    return user


@pytest.fixture
def people():
    return {
        "scribe": person("peer"),
        "supervisor": person("supervisor"),
        "other_supervisor": person("supervisor"),
    }


@pytest.fixture
def group(people):
    group = PracticeGroupFactory(
        name="Groupe du jeudi", members=[people["scribe"]], supervisors=[people["supervisor"]]
    )
    PracticeGroupFactory(supervisors=[people["other_supervisor"]])
    return group


def record_sent_for_approval(group, scribe, day=6):
    page = PracticeSessionPage(
        title="Séance",
        date=datetime.date(2026, 10, day),
        session_format="app",
        situation="<p>Un appel difficile.</p>",
        live=False,
    )
    PracticeGroupPage.objects.get(group=group).add_child(instance=page)
    page.save_revision(user=scribe)
    page.get_workflow().start(page, scribe)
    return page


def inbox(client, user):
    client.force_login(user)
    return client.get(reverse("supervision_queue"))


def test_the_inbox_holds_the_group_records_awaiting_approval(client, people, group):
    cache.clear()
    record = record_sent_for_approval(group, people["scribe"])
    record_sent_for_approval(group, people["scribe"], day=7).current_workflow_state.cancel(
        user=people["scribe"]
    )
    draft = PracticeSessionPage(
        title="x", date=datetime.date(2026, 10, 8), situation="<p>Un appel.</p>", live=False
    )
    PracticeGroupPage.objects.get(group=group).add_child(instance=draft)
    move(
        ReflectiveEntryFactory(author=people["scribe"], group=group), E.SUBMITTED, people["scribe"]
    )

    page = inbox(client, people["supervisor"]).content.decode()
    records = page[page.index('id="records-to-approve"') :]
    edit = reverse("wagtailadmin_pages:edit", args=[record.pk])
    assert f'href="{edit}"' in records
    assert escape(record.draft_title) in records and "Groupe du jeudi" in records
    assert "compte rendu de séance" in records
    # Only what waits: not the cancelled one, not the draft never sent.
    assert records.count("/admin/pages/") == 1
    assert services.supervision_waiting(people["supervisor"]) == 2
    # The supervisor reaches the record's editor from the link, with the workflow's actions.
    assert client.get(edit).status_code == 200


def test_a_supervisor_of_another_group_sees_none_of_them(client, people, group):
    cache.clear()
    record = record_sent_for_approval(group, people["scribe"])
    page = inbox(client, people["other_supervisor"]).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[record.pk]) not in page
    assert "Groupe du jeudi" not in page
    assert services.supervision_waiting(people["other_supervisor"]) == 0
    assert services.records_to_approve(people["other_supervisor"]) == []


@pytest.mark.parametrize("role", ["peer", "trainer", "coordinator"])
def test_other_roles_still_have_no_inbox(client, people, group, role):
    record_sent_for_approval(group, people["scribe"])
    assert inbox(client, person(role)).status_code == 404
    assert inbox(client, people["scribe"]).status_code == 404


def test_the_count_follows_a_record_in_and_out_of_approval(
    client, people, group, django_capture_on_commit_callbacks
):
    cache.clear()
    supervisor = people["supervisor"]
    assert services.supervision_waiting(supervisor) == 0
    with django_capture_on_commit_callbacks(execute=True):
        record = record_sent_for_approval(group, people["scribe"])
    assert services.supervision_waiting(supervisor) == 1
    client.force_login(supervisor)
    links = client.get("/fr/").content.decode()
    assert "(1 écrit ou compte rendu attend)" in links
    assert "1 écrit ou compte rendu attend votre relecture." in links
    task_state = record.current_workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[record.pk, "approve", task_state.pk]
            ),
            {},
        )
    record.refresh_from_db()
    assert record.live
    assert services.supervision_waiting(supervisor) == 0
    assert services.records_to_approve(supervisor) == []


def test_what_waits_is_read_in_the_same_queries_whatever_the_groups_and_records(people):
    supervisor, scribe = people["supervisor"], people["scribe"]

    def add_groups(count):
        for _index in range(count):
            group = PracticeGroupFactory(members=[scribe], supervisors=[supervisor])
            record_sent_for_approval(group, scribe)
            move(ReflectiveEntryFactory(author=scribe, group=group), E.SUBMITTED, scribe)

    def counted():
        cache.clear()
        services.supervised_group_ids(supervisor)  # kept between pages
        with CaptureQueriesContext(connection) as waiting:
            count = services.supervision_waiting(supervisor)
        with CaptureQueriesContext(connection) as listed:
            records = services.records_to_approve(supervisor)
        assert len(records) == count / 2
        return len(waiting), len(listed)

    add_groups(1)
    few = counted()
    add_groups(6)
    assert counted() == few
    assert few[0] <= 3 and few[1] <= 3


def test_the_records_waiting_are_found_by_the_path_index_not_by_reading_every_page(people):
    """A group's records are its page's children: found as a range of paths, which the
    path's unique index answers. A LIKE per group made SQLite read every page of the
    network (the supervision queue cost 1.6 times more at 10 times the data)."""
    supervisor, scribe = people["supervisor"], people["scribe"]
    for _index in range(2):
        group = PracticeGroupFactory(members=[scribe], supervisors=[supervisor])
        record_sent_for_approval(group, scribe)
    pages = services._supervised_group_pages(services.supervised_group_ids(supervisor))
    query = services._approvals_in_progress([path for path, _name in pages])
    sql = str(query.query).upper()
    assert " LIKE " not in sql and " BETWEEN " in sql
    assert len(services.records_to_approve(supervisor)) == 2


def test_the_review_form_sits_beside_the_text_and_comes_after_it(client, people, group):
    entry = ReflectiveEntryFactory(author=people["scribe"], group=group, description="Le texte")
    move(entry, E.SUBMITTED, people["scribe"])
    move(entry, E.IN_REVIEW, people["supervisor"])
    client.force_login(people["supervisor"])
    page = client.get(reverse("supervision_entry", args=[entry.pk])).content.decode()
    layout = page[page.index('class="review-layout"') :]
    assert layout.index("review-layout__text") < layout.index("Le texte")
    assert layout.index("Le texte") < layout.index("review-layout__form")
    assert "container--review" in page and "style=" not in layout


def test_a_past_decision_reads_as_done_while_the_form_offers_the_choice(client, people, group):
    entry = ReflectiveEntryFactory(author=people["scribe"], group=group)
    move(entry, E.SUBMITTED, people["scribe"])
    move(entry, E.IN_REVIEW, people["supervisor"])
    client.force_login(people["supervisor"])
    form = client.get(reverse("supervision_entry", args=[entry.pk])).content.decode()
    assert "Valider l&#x27;écrit" in form
    client.post(
        reverse("supervision_review", args=[entry.pk]),
        {"decision": E.VALIDATED, "overall_comment": "Merci."},
    )
    client.force_login(people["scribe"])
    page = client.get(reverse("entry_detail", args=[entry.pk])).content.decode()
    assert "<strong>Validé</strong>" in page and "<strong>Valider</strong>" not in page
