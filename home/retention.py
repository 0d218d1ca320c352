"""Home's retention step: e-mails of the outbox that are done with (sent or given up)."""

from privacy.retention import register_step

from .models import OutgoingEmail

register_step(
    "outgoing_emails_purged",
    planned="e-mails of the outbox to delete",
    done="e-mails of the outbox deleted",
    setting="outgoing_emails_purge_after_days",
    due=lambda now, age: OutgoingEmail.objects.filter(
        status__in=[OutgoingEmail.SENT, OutgoingEmail.FAILED], created_at__lt=now - age
    ),
    order=90,
)
