"""The training LMS: catalogue, modules, lessons, quizzes, progress and certificates."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Training")

    def ready(self):
        from . import notifications, personal, signals  # noqa: F401

        notifications.register()
        # Its panels on the member's own home (home.personal).
        personal.register()
