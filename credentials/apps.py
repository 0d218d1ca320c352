"""Verifiable credentials: Open Badges 3.0 of what members achieved, signed by the association.

Knows no domain app: each app registers its achievement kinds (``credentials.registry``).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credentials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notifications

        notifications.register()
