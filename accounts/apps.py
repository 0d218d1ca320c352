"""App configuration: connects the security signals (logging of logins, failures, lockouts)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and security")

    def ready(self):
        from . import notifications, signals  # noqa: F401
        from .people import audit  # noqa: F401

        notifications.register()
