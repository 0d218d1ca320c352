"""Practice groups: who is in them and who supervises them."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeGroup(models.Model):
    """A practice-analysis or co-development group: its members and its supervisors."""

    APP, GEASE, BALINT, CODEV, INDIVIDUAL = "app", "gease", "balint", "codev", "individual"
    KINDS = [
        (APP, _("Practice analysis (APP)")),
        (GEASE, _("GEASE")),
        (BALINT, _("Balint group")),
        (CODEV, _("Co-development")),
        (INDIVIDUAL, _("Individual supervision")),
    ]

    name = models.CharField(max_length=120, unique=True, verbose_name=_("name"))
    kind = models.CharField(max_length=12, choices=KINDS, verbose_name=_("kind"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="practice_groups",
        verbose_name=_("members"),
    )
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="supervised_groups",
        verbose_name=_("supervisors"),
        help_text=_("They review the group's entries and records, and only this group's."),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_groups",
        verbose_name=_("facilitator"),
    )
    # The Django group that Wagtail's view restriction of the group's page checks; kept
    # equal to members + supervisors by signals, so that a change applies at once.
    access_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="practice_group"
    )

    class Meta:
        verbose_name = _("practice group")
        verbose_name_plural = _("practice groups")
        ordering = ["name"]

    def __str__(self):
        return self.name
