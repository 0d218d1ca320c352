"""Practice groups, session logs, co-development records and reflective entries."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeAnalysisConfig(AppConfig):
    name = "practice_analysis"
    verbose_name = _("Practice analysis")

    def ready(self):
        from . import notifications, signals  # noqa: F401

        notifications.register()
