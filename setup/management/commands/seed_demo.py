"""Create the demo accounts and demo content (idempotent; refused in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from setup.demo import DEMO_ACCOUNTS, DemoSeeder

from .bootstrap import Command as BootstrapCommand


class Command(BaseCommand):
    help = "Create demo accounts and content in both languages. Never in production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list-accounts",
            action="store_true",
            help="Only print the demo accounts and how to log in.",
        )

    def handle(self, *args, list_accounts=False, **options):
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("seed_demo refuses to run with production settings.")
        password = settings.DEMO_PASSWORD
        if list_accounts:
            self.print_accounts(password)
            return
        BootstrapCommand(stdout=self.stdout, stderr=self.stderr).handle()
        changes = DemoSeeder(password).run()
        for change in changes:
            self.stdout.write(f"  + {change}", style_func=self.style.SUCCESS)
        summary = f"{len(changes)} change(s)" if changes else "nothing to change"
        self.stdout.write(f"seed_demo: {summary} (accounts: manage.py seed_demo --list-accounts)")

    def print_accounts(self, password):
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password: {password})")
        for account in DEMO_ACCOUNTS:
            roles = ", ".join(account.roles) or "superuser"
            self.stdout.write(f"  {account.username:<9} {roles:<16} language {account.language}")
        self.stdout.write("Site: http://127.0.0.1:8000/fr/  ·  admin: http://127.0.0.1:8000/admin/")
        self.stdout.write(
            "Staff accounts (chloe, david, farid, emma, admin) then ask for a code: "
            "`manage.py demo_totp chloe` prints it (secret in the README)."
        )
