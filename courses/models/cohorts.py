"""Cohorts (promotions): learners following modules together, with their trainers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import CoursePage


class Cohort(models.Model):
    """A cohort (promotion): learners who follow the same modules together, with trainers.

    Modules are the default-language (French) pages; learner state is matched on their
    ``translation_key``, so progress made in English counts too.
    """

    name = models.CharField(max_length=255, verbose_name=_("name"))
    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("Optional: who the cohort is for, where and how it meets."),
    )
    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(verbose_name=_("end date"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="cohorts",
        verbose_name=_("learners"),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="trained_cohorts",
        verbose_name=_("trainers"),
        help_text=_("Trainers see and change this cohort and its progress report."),
    )
    modules = models.ManyToManyField(
        CoursePage,
        blank=True,
        related_name="cohorts",
        verbose_name=_("modules"),
        help_text=_("The modules the cohort follows (French versions; English counts too)."),
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot come before the start date.")}
            )
