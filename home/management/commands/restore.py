"""Restore a backup archive into the configured database and file folders."""

from django.core.management.base import BaseCommand, CommandError

from home.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive into the configured database and file folders. Refuses a "
        "database or folder that already holds data unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the backup archive (.tar.gz).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the data of a database that is not empty; files already there "
            "are moved aside, not deleted.",
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, **options):
        try:
            manifest, kept_aside = restore_backup(
                options["archive"], alias=options["database"], force=options["force"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        app = manifest["app"]
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} (Entrepairs {app['version']}, "
            f"commit {app['git_commit'] or 'unknown'}, {manifest['database']['engine']}, "
            f"checksums of {len(manifest['members'])} file(s) verified).",
            style_func=self.style.SUCCESS,
        )
        for path in kept_aside:
            self.stdout.write(f"The files that were there are kept in {path}.")
        self.stdout.write(
            "Next: run `manage.py migrate` if this code is newer than the backup, then "
            "`manage.py bootstrap`, and restart the application server."
        )
