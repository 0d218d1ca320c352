"""The audit log: what is recorded, without names or texts, and that nobody can change it."""

import datetime

from django.db import DatabaseError, connection, transaction
from django.urls import NoReverseMatch, reverse

import pytest

from courses.models import Cohort
from home.factories import PASSWORD, UserFactory
from practice_analysis.models import PracticeGroupPage
from practice_analysis.states import move
from privacy.models import AuditEvent, AuditLogIsAppendOnly
from privacy.signals import locked_out

from .conftest import E, person

pytestmark = pytest.mark.django_db


def events(action):
    return list(AuditEvent.objects.filter(action=action))


def test_a_login_is_recorded_with_a_hashed_address(client, alice):
    client.post(
        reverse("login"),
        {"username": alice.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    (event,) = events(AuditEvent.LOGIN)
    assert (event.actor_id, event.subject_id, event.outcome) == (alice.pk, alice.pk, "success")
    assert len(event.ip_hash) == 16
    assert "203.0.113" not in event.ip_hash


def test_a_failed_login_names_the_account_aimed_at_never_what_was_typed(client, alice):
    client.post(reverse("login"), {"username": alice.username, "password": "wrong"})
    client.post(reverse("login"), {"username": "my-secret-password!", "password": "x"})
    aimed, unknown = sorted(events(AuditEvent.LOGIN_FAILED), key=lambda e: e.pk)
    assert (aimed.actor_id, aimed.subject_id, aimed.outcome) == (None, alice.pk, "failure")
    assert unknown.subject_id is None
    stored = " ".join(str(value) for event in AuditEvent.objects.values_list() for value in event)
    assert "my-secret-password" not in stored


def test_a_lockout_is_recorded(rf, alice):
    locked_out(None, request=rf.post("/"), username=alice.username)
    (event,) = events(AuditEvent.LOCKED_OUT)
    assert event.subject_id == alice.pk


def test_a_supervisor_s_read_is_recorded_not_the_author_s(client, alice, david, reviewed_entry):
    client.force_login(alice)
    client.get(reverse("entry_detail", args=[reviewed_entry.pk]))
    assert events(AuditEvent.READ) == []

    client.force_login(david)
    client.get(reverse("supervision_entry", args=[reviewed_entry.pk]))
    (event,) = events(AuditEvent.READ)
    assert (event.actor_id, event.subject_id) == (david.pk, alice.pk)
    assert (event.object_type, event.object_id) == (
        "practice_analysis.reflectiveentry",
        str(reviewed_entry.pk),
    )


def test_a_group_member_s_read_of_a_shared_entry_is_recorded(
    client, alice, david, group, reviewed_entry
):
    bruno = person("peer")
    group.members.add(bruno)
    move(reviewed_entry, E.SUBMITTED, alice)
    move(reviewed_entry, E.IN_REVIEW, david)
    move(reviewed_entry, E.VALIDATED, david)
    reviewed_entry.shared_with_group = True
    reviewed_entry.save()
    client.force_login(bruno)
    assert client.get(reverse("shared_entry", args=[reviewed_entry.pk])).status_code == 200
    (event,) = events(AuditEvent.READ)
    assert (event.actor_id, event.subject_id) == (bruno.pk, alice.pk)


def test_refusals_of_entries_are_recorded(client, alice, reviewed_entry):
    intruder = person("peer")
    client.force_login(intruder)
    for name in ("entry_detail", "supervision_entry", "shared_entry"):
        assert client.get(reverse(name, args=[reviewed_entry.pk])).status_code == 404
    assert client.get(reverse("entry_detail", args=[999999])).status_code == 404
    refused = events(AuditEvent.DENIED)
    assert len(refused) == 4
    assert {(e.actor_id, e.outcome) for e in refused} == {(intruder.pk, "failure")}
    assert [e.subject_id for e in refused].count(alice.pk) == 3


def test_an_outsider_refused_a_group_page_is_recorded(client, group):
    page = PracticeGroupPage.objects.get(group=group)
    intruder = person("peer")
    client.force_login(intruder)
    assert client.get(page.url).status_code == 404
    (event,) = events(AuditEvent.DENIED)
    assert (event.actor_id, event.object_id) == (intruder.pk, str(page.pk))


def test_a_cohort_export_is_recorded(client, coordinator):
    cohort = Cohort.objects.create(
        name="Promotion", start_date=datetime.date(2026, 1, 1), end_date=datetime.date(2026, 6, 1)
    )
    client.force_login(coordinator)
    response = client.get(reverse("cohorts:report_export", args=[cohort.pk, "csv"]))
    assert response.status_code == 200
    (event,) = events(AuditEvent.EXPORT)
    assert (event.actor_id, event.object_type, event.object_id) == (
        coordinator.pk,
        "courses.cohort",
        str(cohort.pk),
    )


def test_events_cannot_be_changed_or_deleted(alice):
    client_event = AuditEvent.objects.create(action=AuditEvent.LOGIN, actor=alice)
    client_event.action = AuditEvent.LOGOUT
    with pytest.raises(AuditLogIsAppendOnly):
        client_event.save()
    with pytest.raises(AuditLogIsAppendOnly):
        client_event.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=client_event.pk).update(action=AuditEvent.LOGOUT)
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.all().delete()


def test_the_database_refuses_to_change_an_event(alice):
    event = AuditEvent.objects.create(action=AuditEvent.LOGIN, actor=alice)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE privacy_auditevent SET action = %s WHERE id = %s", ["logout", event.pk]
        )
    assert AuditEvent.objects.get(pk=event.pk).action == AuditEvent.LOGIN


def test_only_superusers_read_the_log_and_nobody_edits_it(client, coordinator, alice):
    event = AuditEvent.objects.create(action=AuditEvent.LOGIN, actor=alice)
    superuser = UserFactory(is_superuser=True)
    client.force_login(superuser)
    listing = client.get(reverse("audit_log:index"))
    assert listing.status_code == 200
    assert client.get(reverse("audit_log:inspect", args=[event.pk])).status_code == 200
    for name in ("audit_log:add", "audit_log:edit", "audit_log:delete"):
        with pytest.raises(NoReverseMatch):
            reverse(name, args=[event.pk] if name != "audit_log:add" else [])

    for refused in (coordinator, alice):
        client.force_login(refused)
        response = client.get(reverse("audit_log:index"))
        assert response.status_code in (302, 403)


def test_behind_the_local_proxy_the_address_comes_from_its_header(rf, settings):
    from privacy.audit import client_address

    settings.CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    proxied = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.4")
    direct = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_REAL_IP="198.51.100.4")
    assert client_address(proxied) == "198.51.100.4"
    assert client_address(direct) == "203.0.113.9"


def test_a_refusal_is_written_by_audit_denied_only():
    """One way to record a refusal (``privacy.audit.denied``): no other code names the
    action, so every refusal carries the same fields (actor, address, object, subject)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    skipped = {".venv", ".tools", "node_modules", "migrations", "tests", "var"}
    allowed = {Path("privacy/audit.py"), Path("privacy/models.py")}
    found = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root)
        if skipped & set(relative.parts) or relative in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"{relative}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "DENIED"
        ]
    assert found == []


def test_a_refusal_without_the_request_names_the_member_and_cuts_a_long_id(alice):
    from privacy import audit

    event = audit.denied(None, ("practice_analysis.reflectiveentry", "9" * 200), actor=alice)
    assert (event.action, event.actor_id, event.outcome) == (AuditEvent.DENIED, alice.pk, "failure")
    assert event.object_id == "9" * 64
