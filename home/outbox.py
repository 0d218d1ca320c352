"""The e-mail outbox: every e-mail is recorded, then sent by a background task, and none
is lost while the mail server is down.

``send(...)`` records the e-mail (``OutgoingEmail``) and enqueues ``deliver`` in the same
transaction: no request ever talks to the mail server. ``deliver`` claims the row under a
lock, sends it through ``settings.EMAIL_TRANSPORT`` and marks it sent; when sending fails
it waits (1, 2, 4… minutes, at most ``MAX_WAIT``) and ``sweep`` (every minute, from the
schedule) sends it again, until ``MAX_ATTEMPTS``. A worker killed in the middle leaves
its row claimed: after the lease (``settings.TASK_LEASE_SECONDS``) the sweep takes it again.

Django's ``EMAIL_BACKEND`` is ``OutboxBackend``: ``send_mail`` anywhere (Wagtail's own
e-mails included) records into the outbox too. The apps call ``send`` to name the kind
and the member.

SMTP cannot promise "exactly once": the window for a double is between the server's
acceptance and the row marked sent. Every e-mail carries a ``Message-ID`` made from its
idempotency key, so a copy sent again after a crash is the same message to mail clients.
"""

import json
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger("entrepairs")

MAX_ATTEMPTS = 20  # about three days of trying, with the waits below
FIRST_WAIT = timedelta(minutes=1)
MAX_WAIT = timedelta(hours=6)
SWEEP_BATCH = 500

# Kinds of e-mail that are not notifications, with their label: registered by the apps
# that send them (the list of e-mails not delivered names them).
_kinds = {"other": _("Other e-mail"), "digest": _("Digest of notifications")}


def register_email_kind(key, label):
    if key in _kinds:
        raise ValueError(f"The e-mail kind {key!r} is registered twice.")
    _kinds[key] = label


def kind_label(key):
    """The label of an e-mail kind or of the notification kind it tells."""
    from .notifications import get_kind

    if key in _kinds:
        return _kinds[key]
    notification_kind = get_kind(key)
    return notification_kind.label if notification_kind is not None else key


def send(to, subject, body, *, kind, recipient=None, key=None, headers=None, not_before=None):
    """Record an e-mail and enqueue its sending; returns the ``OutgoingEmail``.

    ``key`` names the message (e.g. ``notification:42``): a second call with the same key
    records and sends nothing more. Without it, each call is a new message. ``headers``
    are added to the message (``Message-ID`` stays the outbox's). An e-mail with a
    ``not_before`` in the future (the member's quiet hours) waits: the sweep sends it then.
    """
    key = key or f"{kind}:{uuid.uuid4().hex}"
    now = timezone.now()
    later = not_before is not None and not_before > now
    with transaction.atomic():
        email, created = OutgoingEmail.objects.get_or_create(
            idempotency_key=key,
            defaults={
                "to": to,
                "subject": str(subject),
                "body": body,
                "kind": kind,
                "recipient": recipient,
                "headers": json.dumps(headers) if headers else "",
                "next_attempt_at": not_before if later else now,
            },
        )
        if created and not later:
            # Same database, same transaction: the task exists once the e-mail does.
            deliver.enqueue(email.pk)
    return email


def lease():
    """A claimed e-mail not sent after this is taken again (the worker died)."""
    return timedelta(seconds=settings.TASK_LEASE_SECONDS)


def due(now):
    """E-mails to send now: waiting and due, or claimed by a worker that never finished."""
    return Q(status=OutgoingEmail.PENDING, next_attempt_at__lte=now) | Q(
        status=OutgoingEmail.SENDING, claimed_at__lt=now - lease()
    )


def claim(email_id, now=None):
    """The e-mail, marked as being sent by this worker, or None if it is not due (sent
    already, or another worker has it)."""
    now = now or timezone.now()
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(due(now), pk=email_id).first()
        if email is None:
            return None
        email.status = OutgoingEmail.SENDING
        email.claimed_at = now
        email.attempts += 1
        email.save(update_fields=["status", "claimed_at", "attempts"])
    return email


def wait_after(attempts):
    return min(FIRST_WAIT * 2 ** max(attempts - 1, 0), MAX_WAIT)


def message_id(email):
    """The same for every attempt: the idempotency key, at the sender's domain."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >") or "localhost"
    local = "".join(c if c.isalnum() or c in "-_." else "." for c in email.idempotency_key)
    return f"<{local}@{domain}>"


def transmit(email):
    headers = json.loads(email.headers) if email.headers else {}
    message = EmailMessage(
        email.subject,
        email.body,
        None,
        [email.to],
        headers={**headers, "Message-ID": message_id(email)},
        connection=get_connection(settings.EMAIL_TRANSPORT),
    )
    message.send()


@task()
def deliver(email_id):
    """Send one recorded e-mail, if it is due. Returns what happened."""
    email = claim(email_id)
    if email is None:
        return "not due"
    try:
        transmit(email)
    except Exception as error:  # any failure: the e-mail waits for the next attempt
        now = timezone.now()
        given_up = email.attempts >= MAX_ATTEMPTS
        OutgoingEmail.objects.filter(pk=email.pk).update(
            status=OutgoingEmail.FAILED if given_up else OutgoingEmail.PENDING,
            next_attempt_at=now + wait_after(email.attempts),
            claimed_at=None,
            last_error=f"{type(error).__name__}: {error}"[:300],
        )
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        return "given up" if given_up else "waiting"
    # Sent: the text has done its work and is not kept.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.SENT,
        sent_at=timezone.now(),
        claimed_at=None,
        subject="",
        body="",
        headers="",
        last_error="",
    )
    return "sent"


@task()
def sweep():
    """Enqueue the sending of every e-mail that is due (run every minute)."""
    ids = list(
        OutgoingEmail.objects.filter(due(timezone.now()))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    for email_id in ids:
        deliver.enqueue(email_id)
    return len(ids)


def undelivered():
    """E-mails that failed at least once and have not left: waiting again, or given up."""
    return OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.FAILED) | Q(status=OutgoingEmail.PENDING, attempts__gt=0)
    ).select_related("recipient")


class OutboxBackend(BaseEmailBackend):
    """Django's ``EMAIL_BACKEND``: a message sent with ``send_mail`` anywhere goes into the
    outbox, one e-mail per address (plain text), and leaves through a task."""

    def send_messages(self, email_messages):
        for message in email_messages:
            for address in message.recipients():
                send(address, message.subject, message.body, kind="other")
        return len(email_messages)
