"""Live sessions: cohort training days, practice-analysis sessions and co-development
workshops scheduled ahead, members' answers, calendars and attendance.

A domain of its own: a session belongs to a cohort (courses) or to a practice group
(practice_analysis), so it stands above both and neither knows it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GatheringsConfig(AppConfig):
    name = "gatherings"
    verbose_name = _("Live sessions")

    def ready(self):
        import datetime

        from home.schedule import register_job

        from . import notifications, personal, record
        from .tasks import send_session_reminders

        notifications.register()
        record.register()
        # Its panel on the member's own home (home.personal).
        personal.register()
        register_job(
            "live_session_reminders", send_session_reminders, every=datetime.timedelta(hours=1)
        )
