"""Setting the site up: roles applied, the page tree, demo accounts and content.

The top floor: it imports every app and no app imports it (docs/architecture.md).
"""

from django.apps import AppConfig


class SetupConfig(AppConfig):
    name = "setup"
    verbose_name = "Setup"
