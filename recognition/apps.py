"""Recognition of peers' skills: self-assessments of the competences of the framework
(``competences``), supervisors' confirmations, the hours that back them, and a cohort's
competences in aggregate for its trainers and the coordinators.

A domain of its own at the top of the domain apps: it reads training (courses), practice
groups and validated entries (practice_analysis, counted, never read) and the record of
sessions attended (gatherings, through ``courses.records``); none of them knows it.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "recognition"
    verbose_name = _("Recognition")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import badges, notifications

        notifications.register()
        badges.register()
