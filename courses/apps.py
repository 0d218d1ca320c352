"""The training LMS: catalogue, modules, lessons, quizzes, progress and certificates."""

import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Training")

    def ready(self):
        from home.schedule import register_job

        from . import badges, notifications, personal, signals  # noqa: F401
        from .reminders import send_idle_reminders

        notifications.register()
        # Certificates exported as Open Badges credentials (credentials.registry).
        badges.register()
        # Its panels on the member's own home (home.personal).
        personal.register()
        # In the morning, local time: a reminder is not for the night (nor are e-mails).
        register_job("idle_module_reminders", send_idle_reminders, at=datetime.time(10, 0))
