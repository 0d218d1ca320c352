"""Session logs and co-development records are protected like entries: their texts are
encrypted at rest, in the page tables and in every revision; they stay out of every index;
every read of one is written to the audit log.

The dump tests write records with distinctive sentences, save a draft, publish, submit to
the workflow, then read the whole database as a backup would (SQLite's own dump, or
``pg_dump``) and look for the sentences. The sentences are plain ASCII so that no escaping
(JSON, SQL) could hide them from the search.
"""

import datetime
import io
import subprocess

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, WorkflowState
from wagtail.search.models import IndexEntry
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

import pytest

from home import backups
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory
from practice_analysis.models import CodevWorkshopPage, PracticeGroupPage, PracticeSessionPage
from privacy import encryption
from privacy.models import AuditEvent
from privacy.revisions import _encrypt, change_revisions, encrypted_revision_fields

SESSION = {
    "situation": "The lantern keeper Quillabrand cried on the stairs of block nine",
    "questions": "Should Quillabrand have phoned his sister from the marigold kiosk",
    "analysis": "Perhaps the night shift at the tannery frightened Quillabrand",
    "learnings": "We learned that the orange umbrella meant danger for him",
    "follow_ups": "Ask the porcelain club whether Quillabrand came back",
}
SESSION_DRAFT = "In the draft the lantern keeper Quillabrand swallowed forty pebbles"
CODEV = {
    "previous_plan_follow_up": "Zephyrine kept her promise about the copper kettle",
    "subject": "How can Zephyrine refuse the midnight visits of her cousin",
    "expose_summary": "Zephyrine told us her cousin Ostrogoth sleeps in the laundry room",
    "clarifications": "Ostrogoth drinks lavender vinegar every Thursday evening",
    "contract": "How can I tell Ostrogoth that the laundry room is closed",
    "regulation_notes": "The consultants whispered about Ostrogoth during the break",
}
CODEV_STREAMS = {
    "consultant_inputs": "Offer Ostrogoth a key to the greenhouse instead",
    "action_plan": "Change the padlock of the laundry room before Easter",
    "learnings": "Zephyrine may say no to Ostrogoth without guilt",
}
CODEV_DRAFT = "In the draft Zephyrine burned the tapestry of the cathedral"
REVIEW_COMMENT = "Please do not write that Zephyrine burned the tapestry"
RICH = {
    "situation",
    "questions",
    "analysis",
    "learnings",
    "follow_ups",
    "previous_plan_follow_up",
    "expose_summary",
    "clarifications",
}


def every_sentence():
    return [
        *SESSION.values(),
        SESSION_DRAFT,
        *CODEV.values(),
        *CODEV_STREAMS.values(),
        CODEV_DRAFT,
        REVIEW_COMMENT,
    ]


def html(field, text):
    return f"<p>{text}</p>" if field in RICH else text


def person(role):
    user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")
    return user


def write_records(scribe, supervisor):
    """A session log and a co-development record: published, then a draft, then submitted."""
    group = PracticeGroupFactory(members=[scribe], supervisors=[supervisor])
    group_page = PracticeGroupPage.objects.get(group=group)
    session = PracticeSessionPage(
        title="Quillabrand on the stairs",  # replaced by the neutral title
        date=datetime.date(2027, 3, 12),
        session_format="app",
        owner=scribe,
        **{field: html(field, text) for field, text in SESSION.items()},
    )
    group_page.add_child(instance=session)
    session.save_revision(user=scribe).publish()
    session.situation = html("situation", SESSION_DRAFT)
    session.save_revision(user=scribe)
    session.get_workflow().start(session, scribe)

    codev = CodevWorkshopPage(
        date=datetime.date(2027, 3, 19),
        owner=scribe,
        consultant_inputs=[("input", {"kind": "idea", "text": CODEV_STREAMS["consultant_inputs"]})],
        action_plan=[
            (
                "action",
                {
                    "action": CODEV_STREAMS["action_plan"],
                    "objective": "",
                    "resources": "",
                    "due_date": None,
                    "indicator": "",
                },
            )
        ],
        learnings=[("learning", {"who": "The client", "learning": CODEV_STREAMS["learnings"]})],
        **{field: html(field, text) for field, text in CODEV.items()},
    )
    group_page.add_child(instance=codev)
    codev.save_revision(user=scribe).publish()
    codev.expose_summary = html("expose_summary", CODEV_DRAFT)
    codev.save_revision(user=scribe)
    workflow_state = codev.get_workflow().start(codev, scribe)
    # The supervisor asks for changes, quoting the record in her comment.
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, supervisor, "reject", comment=REVIEW_COMMENT)
    return group_page, session, codev


@pytest.fixture
def people():
    return {"scribe": person("peer"), "supervisor": person("supervisor")}


@pytest.fixture
def records(people):
    group_page, session, codev = write_records(people["scribe"], people["supervisor"])
    return {"group_page": group_page, "session": session, "codev": codev}


def assert_no_sentence(dump, records):
    # The dump is of the right database: the records are in it, by their neutral titles.
    assert records["session"].title in dump and records["codev"].title in dump
    assert encryption.PREFIX in dump
    for sentence in every_sentence():
        assert sentence not in dump, sentence
        for word in ("Quillabrand", "Zephyrine", "Ostrogoth"):
            assert word not in dump, word


# The dumps -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's dump")
def test_a_dump_of_the_sqlite_database_holds_no_sentence_of_a_record(records):
    connection.ensure_connection()
    # Read through the test's own connection: a copy by the backup API would wait for the
    # test's open transaction. The SQL dump, and every byte of the database image.
    dump = "\n".join(connection.connection.iterdump())
    image = bytes(connection.connection.serialize())
    assert_no_sentence(dump, records)
    assert records["codev"].title.encode() in image
    for sentence in every_sentence():
        assert sentence.encode() not in image
    assert Revision.objects.filter(object_id=str(records["session"].pk)).count() >= 2


def rows_per_table():
    from django.apps import apps

    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                cursor.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"')
                counts[model._meta.db_table] = cursor.fetchone()[0]
    return counts


@pytest.fixture(scope="module")
def committed_records(django_db_setup, django_db_blocker):
    """pg_dump reads only what is committed: the records are written outside the test's
    transaction, and everything they brought is removed after the module."""
    with django_db_blocker.unblock():
        before = rows_per_table()
        audit_events = AuditEvent.objects.count()
        scribe, supervisor = person("peer"), person("supervisor")
        group_page, session, codev = write_records(scribe, supervisor)
        try:
            yield {"group_page": group_page, "session": session, "codev": codev}
        finally:
            pages = [session.pk, codev.pk, group_page.pk]
            WorkflowState.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(pk) for pk in pages],
            ).delete()
            for page in (session, codev, group_page):
                Page.objects.get(pk=page.pk).delete()
            PageLogEntry.objects.filter(page_id__in=pages).delete()
            group = group_page.group
            access_group = group.access_group
            group.delete()
            if access_group is not None:
                access_group.delete()
            scribe.delete()
            supervisor.delete()
            # The audit log is append-only (memberships are recorded as they are made):
            # this module's own events go with the rest of its committed state, by SQL.
            ours = list(
                AuditEvent.objects.order_by("pk").values_list("pk", flat=True)[audit_events:]
            )
            with connection.cursor() as cursor:
                for pk in ours:
                    cursor.execute("DELETE FROM privacy_auditevent WHERE id = %s", [pk])
            # Other modules share this committed state: nothing of ours may stay behind.
            after = rows_per_table()
            assert {t: (before[t], after[t]) for t in after if after[t] != before[t]} == {}


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump")
def test_pg_dump_holds_no_sentence_of_a_record(committed_records):
    database = connection.settings_dict
    dump = subprocess.run(
        [str(backups.pg_program("pg_dump", database)), "--no-owner"],
        env={**backups._pg_environment(database), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=True,
        timeout=300,
    ).stdout.decode("utf-8")
    assert_no_sentence(dump, committed_records)


# Still readable, everywhere it is shown -----------------------------------------------


@pytest.mark.django_db
def test_the_texts_come_back_from_the_page_tables_and_the_revisions(records):
    session = PracticeSessionPage.objects.get(pk=records["session"].pk)
    assert session.situation == html("situation", SESSION["situation"])
    draft = session.get_latest_revision_as_object()
    assert draft.situation == html("situation", SESSION_DRAFT)
    assert draft.analysis == html("analysis", SESSION["analysis"])
    codev = CodevWorkshopPage.objects.get(pk=records["codev"].pk)
    assert codev.subject == CODEV["subject"]
    assert codev.consultant_inputs[0].value["text"] == CODEV_STREAMS["consultant_inputs"]
    draft = codev.get_latest_revision_as_object()
    assert draft.expose_summary == html("expose_summary", CODEV_DRAFT)
    assert draft.action_plan[0].value["action"] == CODEV_STREAMS["action_plan"]
    assert draft.learnings[0].value["learning"] == CODEV_STREAMS["learnings"]
    # What the database holds, read without the model: ciphertext only.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT situation FROM practice_analysis_practicesessionpage WHERE page_ptr_id = %s",
            [session.pk],
        )
        assert encryption.is_encrypted(cursor.fetchone()[0])
    content = session.latest_revision.content
    assert encryption.is_encrypted(content["situation"])
    assert encryption.is_encrypted(codev.latest_revision.content["learnings"])


@pytest.mark.django_db
def test_a_records_title_is_neutral_whatever_was_typed(records):
    session, codev = records["session"], records["codev"]
    session.refresh_from_db()
    assert session.title == session.draft_title == "Séance du 12 mars 2027"
    assert codev.title == "Atelier de codéveloppement du 19 mars 2027"
    assert session.latest_revision.content["title"] == session.title
    assert "quillabrand" not in session.slug


@pytest.mark.django_db
def test_members_read_the_records_and_each_read_is_audited(client, records, people):
    client.force_login(people["scribe"])
    for page, text in (
        (records["session"], SESSION["analysis"]),
        (records["codev"], CODEV["contract"]),
    ):
        before = AuditEvent.objects.filter(action=AuditEvent.READ).count()
        response = client.get(page.url)
        assert response.status_code == 200
        assert text in response.content.decode()
        event = AuditEvent.objects.filter(action=AuditEvent.READ).latest("pk")
        assert AuditEvent.objects.filter(action=AuditEvent.READ).count() == before + 1
        assert event.actor == people["scribe"]
        assert event.subject_id == people["scribe"].pk
        assert (event.object_type, event.object_id) == (page._meta.label_lower, str(page.pk))
    page = client.get(records["codev"].url).content.decode()
    assert CODEV_STREAMS["action_plan"] in page and CODEV["subject"] in page


def reads_of(page, user):
    return AuditEvent.objects.filter(
        action=AuditEvent.READ, actor=user, object_id=str(page.pk)
    ).count()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["session", "codev"])
def test_the_editor_shows_the_record_round_trips_it_and_the_read_is_audited(
    client, records, people, kind
):
    # The session log waits for its supervisor, who may edit it; changes are requested on
    # the co-development record, which goes back to its scribe.
    page = records[kind]
    editor = people["supervisor"] if kind == "session" else people["scribe"]
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    draft = SESSION_DRAFT if kind == "session" else CODEV_DRAFT
    assert draft in content
    assert reads_of(page, editor) == 1
    # Sent back as the editor holds it: the texts come out the same, still encrypted.
    data = querydict_from_html(content, form_id="page-edit-form")
    if kind == "codev":
        # Stream blocks are drawn by the browser's script: their fields are written here.
        data.update(
            nested_form_data(
                {
                    "consultant_inputs": streamfield(
                        [("input", {"kind": "idea", "text": CODEV_STREAMS["consultant_inputs"]})]
                    ),
                    "action_plan": streamfield(
                        [("action", {"action": CODEV_STREAMS["action_plan"]})]
                    ),
                    "learnings": streamfield(
                        [
                            (
                                "learning",
                                {"who": "The client", "learning": CODEV_STREAMS["learnings"]},
                            )
                        ]
                    ),
                }
            )
        )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    saved = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    if kind == "session":
        assert SESSION_DRAFT in saved.situation and SESSION["questions"] in saved.questions
    else:
        assert CODEV_DRAFT in saved.expose_summary and saved.subject == CODEV["subject"]
        assert saved.action_plan[0].value["action"] == CODEV_STREAMS["action_plan"]
        assert saved.consultant_inputs[0].value["kind"] == "idea"
    latest = Revision.objects.filter(object_id=str(page.pk)).latest("pk")
    assert encryption.is_encrypted(latest.content["learnings"])
    assert reads_of(page, editor) == 1  # saving is not a read


@pytest.mark.django_db
def test_previews_revisions_and_comparisons_show_the_text_and_are_audited(client, records, people):
    page, supervisor = records["session"], people["supervisor"]
    revisions = list(Revision.objects.filter(object_id=str(page.pk)).order_by("pk"))
    first, last = revisions[0], revisions[-1]
    client.force_login(supervisor)
    views = [
        (
            reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first.pk]),
            SESSION["situation"],
        ),
        (reverse("wagtailadmin_pages:view_draft", args=[page.pk]), SESSION_DRAFT),
        (
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, last.pk]),
            "pebbles",  # a comparison marks changes word by word
        ),
        (
            reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]),
            SESSION["situation"],
        ),
    ]
    for count, (url, text) in enumerate(views, start=1):
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
        assert reads_of(page, supervisor) == count, url


@pytest.mark.django_db
def test_the_supervisor_approves_and_the_draft_is_published_decrypted(client, records, people):
    page = records["session"]
    task_state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    client.force_login(people["supervisor"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {})
    live = PracticeSessionPage.objects.get(pk=page.pk)
    assert live.situation == html("situation", SESSION_DRAFT)
    client.force_login(people["scribe"])
    assert SESSION_DRAFT in client.get(live.url).content.decode()


@pytest.mark.django_db
def test_a_revert_restores_the_older_text(records, people):
    page = records["session"]
    first = Revision.objects.filter(object_id=str(page.pk)).order_by("pk").first()
    first.as_object().save_revision(user=people["scribe"], previous_revision=first).publish()
    live = PracticeSessionPage.objects.get(pk=page.pk)
    assert live.situation == html("situation", SESSION["situation"])


# Out of every index ---------------------------------------------------------------------


@pytest.mark.django_db
def test_no_search_index_entry_nor_reference_holds_a_record(client, records, people):
    pages = [records["session"], records["codev"]]
    for page in pages:
        page.save_revision().publish()
    ids = [str(page.pk) for page in pages]
    types = [ContentType.objects.get_for_model(type(page)) for page in pages]
    assert not IndexEntry.objects.filter(object_id__in=ids).exists()
    assert not ReferenceIndex.objects.filter(object_id__in=ids, content_type__in=types).exists()
    for query in ("Quillabrand", "Zephyrine", "Séance", "codéveloppement", "mars 2027"):
        found = {page.pk for page in Page.objects.search(query)}
        assert not found & {page.pk for page in pages}, query
    client.force_login(people["scribe"])
    for query in ("Séance", "Atelier", "Quillabrand"):
        response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
        assert response.status_code == 200
        body = response.content.decode()
        assert records["session"].title not in body and records["codev"].title not in body


@pytest.mark.django_db
def test_records_give_wagtail_localize_nothing_to_copy(records):
    from wagtail_localize.models import String, TranslationSource
    from wagtail_localize.segments.extract import extract_segments

    for page in (records["session"], records["codev"]):
        assert extract_segments(page) == []
        # Even if someone submitted one for translation: the copy is ciphertext.
        source, _created = TranslationSource.get_or_create_from_instance(page)
        source.refresh_segments()
        assert "Quillabrand" not in source.content_json
        assert "Zephyrine" not in source.content_json
    assert not String.objects.filter(data__contains="Quillabrand").exists()


# Keys and older data -------------------------------------------------------------------


@pytest.mark.django_db
def test_rotation_re_encrypts_the_revisions(records, settings):
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    new = encryption.generate_key()
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_encryption_key", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [new]
    page = PracticeSessionPage.objects.get(pk=records["session"].pk)
    assert page.situation == html("situation", SESSION["situation"])
    for revision in Revision.objects.filter(object_id=str(page.pk)):
        assert revision.as_object().questions == html("questions", SESSION["questions"])
    codev = CodevWorkshopPage.objects.get(pk=records["codev"].pk)
    assert codev.get_latest_revision_as_object().learnings[0].value["who"] == "The client"
    entry = PageLogEntry.objects.get(page_id=codev.pk, action="wagtail.workflow.reject")
    assert entry.comment == REVIEW_COMMENT
    from wagtail.models import TaskState

    rejected = TaskState.objects.get(workflow_state__object_id=str(codev.pk), status="rejected")
    assert rejected.comment == REVIEW_COMMENT


@pytest.mark.django_db
def test_revisions_written_before_encryption_are_encrypted_by_the_migration(records):
    page = records["codev"]
    revision = page.latest_revision
    plain = {**revision.content, "contract": "A plain contract", "action_plan": "[]"}
    Revision.objects.filter(pk=revision.pk).update(content=plain)
    assert Revision.objects.get(pk=revision.pk).as_object().contract == "A plain contract"
    content_types = encrypted_revision_fields(ContentType, [PracticeSessionPage, CodevWorkshopPage])
    assert change_revisions(Revision, content_types, _encrypt) >= 1
    content = Revision.objects.get(pk=revision.pk).content
    assert encryption.is_encrypted(content["contract"])
    assert Revision.objects.get(pk=revision.pk).as_object().contract == "A plain contract"


@pytest.mark.django_db
def test_the_migration_encrypts_rows_written_in_the_clear(records):
    from privacy.migration_helpers import encrypt_rows

    page = records["session"]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE practice_analysis_practicesessionpage SET analysis = %s WHERE page_ptr_id = %s",
            ["<p>Written before encryption</p>", page.pk],
        )
    encrypt_rows(PracticeSessionPage)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT analysis FROM practice_analysis_practicesessionpage WHERE page_ptr_id = %s",
            [page.pk],
        )
        assert encryption.is_encrypted(cursor.fetchone()[0])
    assert (
        PracticeSessionPage.objects.get(pk=page.pk).analysis == "<p>Written before encryption</p>"
    )


@pytest.mark.django_db
def test_the_migration_gives_older_records_their_neutral_title_everywhere(records, people):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("practice_analysis.migrations.0009_neutral_record_titles")
    page = records["session"]
    typed = "Quillabrand shouting at the tannery"
    Page.objects.filter(pk=page.pk).update(
        title=typed, draft_title=typed, slug="quillabrand-shouting", url_path="/x/quillabrand/"
    )
    revisions = Revision.objects.filter(object_id=str(page.pk))
    for revision in revisions:
        Revision.objects.filter(pk=revision.pk).update(
            object_str=typed, content={**revision.content, "title": typed}
        )
    PageLogEntry.objects.log_action(
        page, "wagtail.rename", data={"title": {"old": typed, "new": typed}}
    )
    migration.neutral_titles(apps, None)
    page = Page.objects.get(pk=page.pk)
    assert page.title == page.draft_title == "Séance du 12 mars 2027"
    assert "quillabrand" not in page.slug and page.url_path.endswith(f"/{page.slug}/")
    for revision in revisions:
        assert revision.object_str == page.title and revision.content["title"] == page.title
    for entry in PageLogEntry.objects.filter(page_id=page.pk):
        assert typed not in str(entry.data) and entry.label == page.title
    assert PracticeSessionPage.objects.get(pk=page.pk).situation == html(
        "situation", SESSION["situation"]
    )


@pytest.mark.django_db
def test_the_live_preview_keeps_what_is_typed_encrypted_and_its_read_is_audited(
    client, records, people
):
    from wagtail.admin.models import FormState

    page, supervisor = records["session"], people["supervisor"]
    client.force_login(supervisor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(edit, form_id="page-edit-form")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, data).json()["is_valid"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM wagtailadmin_formstate")
        stored = [row[0] for row in cursor.fetchall()]
    assert stored and all(encryption.is_encrypted(value) for value in stored)
    assert "Quillabrand" not in "".join(stored)
    response = client.get(url)
    assert response.status_code == 200
    assert SESSION_DRAFT in response.content.decode()
    assert "situation=" in FormState.objects.get().data  # read back in the clear
    assert reads_of(page, supervisor) == 2  # the editor, then the preview


@pytest.mark.django_db
def test_the_reviewers_comment_is_encrypted_and_shown_to_the_scribe(client, records, people):
    from wagtail.models import TaskState

    page = records["codev"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT comment FROM wagtailcore_taskstate WHERE comment <> ''")
        assert all(encryption.is_encrypted(row[0]) for row in cursor.fetchall())
    rejected = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="rejected")
    assert rejected.comment == REVIEW_COMMENT
    entry = PageLogEntry.objects.get(page_id=page.pk, action="wagtail.workflow.reject")
    assert entry.comment == REVIEW_COMMENT
    client.force_login(people["scribe"])
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert REVIEW_COMMENT in history.content.decode()


@pytest.mark.django_db
def test_a_members_read_is_logged_for_the_scribe_and_an_outsiders_refusal_is_no_read(
    client, records, people
):
    page = records["session"]
    member = person("peer")
    page.get_parent().specific.group.members.add(member)
    client.force_login(member)
    assert client.get(page.url).status_code == 200
    event = AuditEvent.objects.get(action=AuditEvent.READ, actor=member)
    assert event.subject_id == people["scribe"].pk
    outsider = person("peer")
    PracticeGroupFactory(members=[outsider])
    client.force_login(outsider)
    assert client.get(page.url).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.READ, actor=outsider).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.DENIED, actor=outsider).exists()


@pytest.mark.django_db
def test_an_empty_stream_is_stored_as_an_empty_list():
    from privacy.fields import EncryptedStreamField

    field = CodevWorkshopPage._meta.get_field("learnings")
    assert isinstance(field, EncryptedStreamField)
    assert field.get_prep_value(field.to_python([])) == "[]"
    assert list(field.to_python("[]")) == []


@pytest.mark.django_db
def test_a_record_written_in_the_editor_gets_its_neutral_title_and_is_stored_encrypted(
    client, records, people
):
    from wagtail.test.utils.form_data import rich_text

    group_page, scribe = records["group_page"], people["scribe"]
    client.force_login(scribe)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["practice_analysis", "practicesessionpage", group_page.pk],
    )
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="title"' not in form.content.decode()
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(
        {
            "date": "2027-04-02",
            "session_format": "app",
            "situation": rich_text("<p>Quillabrand came back with a blue kite</p>"),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = PracticeSessionPage.objects.child_of(group_page).get(date=datetime.date(2027, 4, 2))
    assert page.title == page.draft_title == "Séance du 2 avril 2027"
    situation = page.get_latest_revision_as_object().situation
    assert "Quillabrand came back with a blue kite</p>" in situation
    assert encryption.is_encrypted(page.latest_revision.content["situation"])
    assert not AuditEvent.objects.filter(action=AuditEvent.READ, object_id="None").exists()


@pytest.mark.django_db
def test_comparing_co_development_revisions_shows_the_changed_texts(client, records, people):
    page, scribe = records["codev"], people["scribe"]
    page = CodevWorkshopPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    page.learnings = [("learning", {"who": "A consultant", "learning": "Kites need wind"})]
    page.save_revision(user=scribe)
    revisions = list(Revision.objects.filter(object_id=str(page.pk)).order_by("pk"))
    client.force_login(scribe)
    url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, revisions[0].pk, revisions[-1].pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "tapestry" in content and "Kites" in content
    assert reads_of(page, scribe) == 1
