"""Write one backup archive: the database, the media and private files, and a manifest."""

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from home.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Write a backup archive (database, media, private files) to BACKUP_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Write the archive here instead of BACKUP_DIR.")
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, **options):
        try:
            path = create_backup(directory=options["dir"], alias=options["database"])
        except BackupError as error:
            raise CommandError(f"No backup was written: {error}") from error
        with translation.override("en"):
            size = filesizeformat(path.stat().st_size)
        self.stdout.write(f"Backup written: {path} ({size})", style_func=self.style.SUCCESS)
        self.stdout.write(
            "Keep the secrets (.env: SECRET_KEY, FIELD_ENCRYPTION_KEYS) in another safe place: "
            "the backup does not hold them, and encrypted fields cannot be read without them."
        )
