"""The competency framework for peer supporters: domains, competences and their levels.

A domain of its own, low in the floors (above home, below courses): training modules
declare the competences they develop, and recognition (above practice analysis and live
sessions) records what each peer self-assesses and what a supervisor confirms. It knows
none of them.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencesConfig(AppConfig):
    name = "competences"
    verbose_name = _("Competences")
    default_auto_field = "django.db.models.BigAutoField"
