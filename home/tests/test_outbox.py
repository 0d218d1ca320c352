"""The outbox: every e-mail recorded, then sent by a task; none lost while the mail server
is down, none sent twice; no request talks to the mail server."""

import io
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from home import outbox
from home.factories import UserFactory
from home.models import OutgoingEmail
from privacy.models import AuditEvent, DataArchive

from .mail import mail_server_down

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def run_worker():
    """What a worker does: every task waiting in the database queue, then stop. (The test's
    transaction holds the connection: the worker must not close it between tasks, as it
    does in production.)"""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def later(minutes):
    """Let time pass for the e-mails waiting: their next attempt is due now."""
    OutgoingEmail.objects.update(
        next_attempt_at=timezone.now() - timedelta(minutes=minutes, seconds=1)
    )


def send(key=None):
    return outbox.send("ines@entrepairs.example", "Un sujet", "Un texte.", kind="other", key=key)


# No request sends an e-mail or builds an archive itself.


@DATABASE_QUEUE
def test_a_request_only_records_the_e_mail_a_worker_sends_it(client):
    member = UserFactory(roles=["peer"], email="ines@entrepairs.example")
    response = client.post(reverse("password_reset"), {"email": member.email})
    assert response.status_code == 302
    # The request recorded the e-mail and its task, and sent nothing.
    assert mail.outbox == []
    (email,) = OutgoingEmail.objects.all()
    assert email.status == OutgoingEmail.PENDING
    assert DBTaskResult.objects.filter(task_path="home.outbox.deliver").count() == 1

    run_worker()
    assert [message.to for message in mail.outbox] == [[member.email]]
    email.refresh_from_db()
    assert (email.status, email.subject, email.body) == (OutgoingEmail.SENT, "", "")


@DATABASE_QUEUE
def test_the_my_data_archive_is_built_by_the_worker(client):
    member = UserFactory(roles=["peer"])
    client.force_login(member)
    assert client.post(reverse("my_data_download")).status_code == 302
    assert DataArchive.objects.get(user=member).ready_at is None
    assert client.get(reverse("my_data_archive")).status_code == 404

    run_worker()
    response = client.get(reverse("my_data_archive"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"


# Retries: the mail server down, then back.


def test_with_the_mail_server_down_the_e_mail_waits_and_leaves_once_when_it_is_back():
    with mail_server_down():
        email = send()
        email.refresh_from_db()
        assert (email.status, email.attempts) == (OutgoingEmail.PENDING, 1)
        assert email.last_error.startswith("ConnectionRefusedError")
        assert email.subject == "Un sujet"  # kept until it leaves
        # Not yet due: the sweep leaves it alone.
        assert outbox.sweep.call() == 0
        # A minute later, still down: it waits twice as long.
        later(1)
        assert outbox.sweep.call() == 1
        email.refresh_from_db()
        assert email.attempts == 2
        assert email.next_attempt_at > timezone.now() + timedelta(minutes=1, seconds=50)
    assert mail.outbox == []

    later(2)  # the server is back
    assert outbox.sweep.call() == 1
    assert outbox.sweep.call() == 0
    (message,) = mail.outbox
    assert (message.subject, message.body, message.to) == (
        "Un sujet",
        "Un texte.",
        ["ines@entrepairs.example"],
    )
    # The same Message-ID at every attempt: a copy sent again is the same message.
    assert (
        message.extra_headers["Message-ID"]
        == f"<{email.idempotency_key.replace(':', '.')}@entrepairs.localhost>"
    )
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == (OutgoingEmail.SENT, 3, "")


def test_the_waits_grow_and_stop_growing():
    waits = [outbox.wait_after(attempt) for attempt in (1, 2, 3, 10, 19)]
    assert waits[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert waits[3] == waits[4] == outbox.MAX_WAIT


def test_an_e_mail_is_given_up_after_its_last_attempt():
    with mail_server_down():
        email = send()
        OutgoingEmail.objects.update(attempts=outbox.MAX_ATTEMPTS - 1)
        later(1)
        outbox.sweep.call()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.FAILED
    later(600)
    assert outbox.sweep.call() == 0
    assert list(outbox.undelivered()) == [email]


# A worker killed in the middle; the idempotency key.


def test_a_worker_killed_while_sending_neither_loses_nor_doubles_the_e_mail():
    with DATABASE_QUEUE:
        email = send()  # recorded and queued
    # A worker claims it, then is killed (SIGKILL) before it could say it was sent.
    assert outbox.claim(email.pk) is not None
    # Its task, run again by another worker, and the sweep leave it alone while claimed.
    assert outbox.deliver.call(email.pk) == "not due"
    assert outbox.sweep.call() == 0
    assert mail.outbox == []
    # Past the lease, the sweep takes it again: sent once.
    OutgoingEmail.objects.update(claimed_at=timezone.now() - outbox.lease() - timedelta(seconds=1))
    assert outbox.sweep.call() == 1
    assert outbox.sweep.call() == 0
    assert outbox.deliver.call(email.pk) == "not due"
    assert len(mail.outbox) == 1


def test_the_same_key_records_and_sends_one_e_mail():
    first = send(key="review:42")
    second = send(key="review:42")
    assert first.pk == second.pk
    assert OutgoingEmail.objects.count() == 1
    assert len(mail.outbox) == 1
    assert outbox.deliver.call(first.pk) == "not due"
    assert len(mail.outbox) == 1


def test_the_address_and_text_are_encrypted_at_rest():
    with mail_server_down():
        email = send()
    with connection.cursor() as cursor:
        cursor.execute('SELECT "to", subject, body FROM home_outgoingemail')
        stored = cursor.fetchall()
    assert stored and "ines@" not in str(stored) and "Un sujet" not in str(stored)
    assert OutgoingEmail.objects.get(pk=email.pk).to == "ines@entrepairs.example"


@override_settings(EMAIL_BACKEND="home.outbox.OutboxBackend")
def test_send_mail_anywhere_goes_through_the_outbox():
    from django.core.mail import send_mail

    with mail_server_down():
        send_mail("Wagtail", "Un texte.", None, ["a@example.org", "b@example.org"])
    assert mail.outbox == []
    assert sorted(email.to for email in OutgoingEmail.objects.all()) == [
        "a@example.org",
        "b@example.org",
    ]
    later(1)
    outbox.sweep.call()
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]


# Coordinators see what was not delivered; nobody else does.


def failed_email(recipient):
    with mail_server_down():
        return outbox.send(
            recipient.email,
            "Sujet confidentiel",
            "Texte confidentiel",
            kind="password_reset",
            recipient=recipient,
        )


@pytest.mark.parametrize("role", ["coordinator", "superuser"])
def test_coordinators_see_the_e_mails_not_delivered_never_their_text(client, role):
    member = UserFactory(roles=["peer"], email="ines@entrepairs.example", first_name="Inès")
    failed_email(member)
    viewer = UserFactory(is_superuser=True) if role == "superuser" else UserFactory(roles=[role])
    client.force_login(viewer)
    page = client.get(reverse("undelivered_emails"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "ines@entrepairs.example" in html
    assert "ConnectionRefusedError" in html
    assert "Lien pour choisir un nouveau mot de passe" in html
    assert "confidentiel" not in html
    assert (
        reverse("undelivered_emails") in client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.mark.parametrize("role", ["peer", "trainer", "supervisor"])
def test_other_roles_are_refused_the_list_and_it_is_recorded(client, role):
    failed_email(UserFactory(roles=["peer"], email="ines@entrepairs.example"))
    viewer = UserFactory(roles=[role])
    client.force_login(viewer)
    assert client.get(reverse("undelivered_emails")).status_code == 404
    denial = AuditEvent.objects.get(action=AuditEvent.DENIED)
    assert (denial.actor_id, denial.object_type) == (viewer.pk, "home.outgoingemail")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("undelivered_emails") not in home


def test_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("undelivered_emails"))
    assert response.status_code == 302


def test_the_outbox_command_counts_and_tries_again_what_was_given_up():
    with mail_server_down():
        email = send()
    OutgoingEmail.objects.update(status=OutgoingEmail.FAILED)
    out = io.StringIO()
    call_command("outbox", stdout=out)
    assert "     1  failed" in out.getvalue()
    assert "Oldest e-mail not delivered" in out.getvalue()
    call_command("outbox", "--retry", stdout=io.StringIO())
    email.refresh_from_db()
    assert (email.status, len(mail.outbox)) == (OutgoingEmail.SENT, 1)
