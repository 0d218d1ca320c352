"""Apply the retention schedule (settings.RETENTION): archive, then delete what is past
its time. Meant to run every night (docs/data-protection.md has a systemd timer)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from privacy import retention


class Command(BaseCommand):
    help = "Archive and delete personal data past its retention time (settings.RETENTION)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            steps = retention.plan()
            self.stdout.write("Dry run: nothing is changed.")
        else:
            with transaction.atomic():
                steps = retention.apply()
        for step in steps:
            self.stdout.write(f"{step.count:6d}  {step.description}")
