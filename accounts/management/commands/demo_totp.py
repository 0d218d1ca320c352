"""Print the current two-step verification code of a demo account (development only)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import current_code


class Command(BaseCommand):
    help = "Print the code an authenticator app would show now for a demo account."

    def add_arguments(self, parser):
        parser.add_argument(
            "username", help="A demo account with two-step verification, e.g. chloe"
        )

    def handle(self, *args, username, **options):
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("demo_totp refuses to run with production settings.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            raise CommandError(f"{username} has no two-step verification (run seed_demo).")
        self.stdout.write(current_code(device))
