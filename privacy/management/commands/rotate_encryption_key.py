"""Re-encrypt every confidential value with the first key of FIELD_ENCRYPTION_KEYS.

Rotation: put a new key first (``--generate`` prints one), keep the old ones after it,
run this command, then remove the old keys. Safe to run again: values already under the
first key are left alone. ``--dry-run`` only counts.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from privacy import encryption, wagtail_texts
from privacy.fields import encrypted_fields
from privacy.revisions import rotate_revisions


class Command(BaseCommand):
    help = "Re-encrypt confidential texts with the first key of FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--generate", action="store_true", help="Print a new key and stop (changes nothing)."
        )

    def handle(self, *args, dry_run=False, batch_size=500, generate=False, **options):
        if generate:
            self.stdout.write(encryption.generate_key())
            return
        total = 0
        for model in apps.get_models():
            fields = encrypted_fields(model)
            if not fields:
                continue
            count = self.rotate(model, fields, dry_run, batch_size)
            total += count
            self.stdout.write(f"{model._meta.label}: {count} row(s) to re-encrypt")
        # Page revisions hold their page's encrypted fields too (privacy.revisions).
        count = rotate_revisions(dry_run=dry_run)
        total += count
        self.stdout.write(f"wagtailcore.Revision: {count} revision(s) to re-encrypt")
        count = wagtail_texts.rotate(dry_run=dry_run)
        total += count
        self.stdout.write(f"Wagtail reviewers' comments: {count} row(s) to re-encrypt")
        verb = "would be re-encrypted" if dry_run else "re-encrypted"
        self.stdout.write(self.style.SUCCESS(f"{total} row(s) {verb}."))

    def rotate(self, model, fields, dry_run, batch_size):
        """Rows whose stored values are not all under the first key, re-saved by batches."""
        raw = {f"raw_{field.attname}": Cast(field.attname, TextField()) for field in fields}
        stale = [
            row[0]
            for row in model._default_manager.annotate(**raw)
            .values_list("pk", *raw)
            .order_by("pk")
            .iterator()
            if any(encryption.needs_rotation(value) for value in row[1:])
        ]
        if dry_run:
            return len(stale)
        names = [field.name for field in fields]
        for start in range(0, len(stale), batch_size):
            with transaction.atomic():
                batch = list(
                    model._default_manager.select_for_update().filter(
                        pk__in=stale[start : start + batch_size]
                    )
                )
                # Loaded decrypted, saved encrypted with the first key.
                model._default_manager.bulk_update(batch, names)
        return len(stale)
