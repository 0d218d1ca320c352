"""The e-mail outbox for whoever runs the server: how many e-mails are in each state, and
sending again the ones given up (docs/operations.md)."""

from django.core.management.base import BaseCommand
from django.db.models import Count, Min
from django.utils import timezone

from home import outbox
from home.models import OutgoingEmail


class Command(BaseCommand):
    help = "Show the e-mail outbox by state; --retry sends the e-mails given up again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry",
            action="store_true",
            help="Try the e-mails given up again, from their first wait (after a long outage).",
        )

    def handle(self, *args, retry=False, **options):
        if retry:
            count = OutgoingEmail.objects.filter(status=OutgoingEmail.FAILED).update(
                status=OutgoingEmail.PENDING, attempts=0, next_attempt_at=timezone.now()
            )
            outbox.sweep.enqueue()
            self.stdout.write(f"{count} e-mail(s) given up are waiting to be sent again.")
        counts = dict(OutgoingEmail.objects.values_list("status").annotate(Count("pk")).order_by())
        for status, _label in OutgoingEmail.STATUSES:
            self.stdout.write(f"{counts.get(status, 0):6d}  {status}")
        oldest = outbox.undelivered().aggregate(oldest=Min("created_at"))["oldest"]
        if oldest is not None:
            self.stdout.write(
                f"Oldest e-mail not delivered: {timezone.localtime(oldest):%Y-%m-%d %H:%M}"
            )
