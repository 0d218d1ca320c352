"""Models of the background work: the e-mail outbox and the schedule's last runs.

Imported by ``home.models`` (Django finds models there); the machinery is in
``home.outbox`` and ``home.schedule``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.fields import EncryptedCharField, EncryptedTextField


class OutgoingEmail(models.Model):
    """An e-mail recorded before it is sent, so that none is lost: a task sends it, and
    tries again later while the mail server is down (``home.outbox``).

    The address, subject and text are encrypted at rest (a link to choose a password is
    a secret); subject and text are blanked once the e-mail has left. The idempotency key
    names the message: recording it twice gives the same row, sending it twice is refused.
    """

    PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
    STATUSES = [
        (PENDING, _("waiting to be sent")),
        (SENDING, _("being sent")),
        (SENT, _("sent")),
        (FAILED, _("given up")),
    ]

    idempotency_key = models.CharField(max_length=100, unique=True, editable=False)
    kind = models.CharField(max_length=60, verbose_name=_("kind"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    to = EncryptedCharField(max_length=254, verbose_name=_("address"))
    subject = EncryptedTextField(blank=True)
    body = EncryptedTextField(blank=True)
    # Extra headers as JSON (``List-Unsubscribe`` holds a signed link): blanked with the text.
    headers = EncryptedTextField(blank=True, default="")
    status = models.CharField(
        max_length=10, choices=STATUSES, default=PENDING, verbose_name=_("status")
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("recorded on"))
    next_attempt_at = models.DateTimeField(default=timezone.now, verbose_name=_("next attempt"))
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent on"))
    last_error = models.CharField(max_length=300, blank=True, verbose_name=_("error"))

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.kind} {self.status} {self.created_at:%Y-%m-%d %H:%M}"


class ScheduledJob(models.Model):
    """The last period a scheduled job was enqueued for: whichever worker moves it forward
    first enqueues the run, so a job runs once per period however many workers there are."""

    key = models.CharField(max_length=60, unique=True)
    last_slot = models.DateTimeField(null=True, blank=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.key
