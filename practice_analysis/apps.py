"""Practice groups, session logs, co-development records and reflective entries."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeAnalysisConfig(AppConfig):
    name = "practice_analysis"
    verbose_name = _("Practice analysis")

    def ready(self):
        from . import notifications, personal, signals  # noqa: F401

        notifications.register()
        # Its panels on the member's own home (home.personal).
        personal.register()
