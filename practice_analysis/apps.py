"""Practice groups, session logs, co-development records and reflective entries."""

import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticeAnalysisConfig(AppConfig):
    name = "practice_analysis"
    verbose_name = _("Practice analysis")

    def ready(self):
        from home.schedule import register_job

        from . import follow_ups, notifications, personal, signals  # noqa: F401

        notifications.register()
        # Its panels on the member's own home (home.personal).
        personal.register()
        follow_ups.register()
        register_job(
            "codev_follow_ups", follow_ups.send_follow_up_reminders, at=datetime.time(9, 30)
        )
