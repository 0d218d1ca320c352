"""The reminders of co-development action plans already sent (``follow_ups.py``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import CodevWorkshopPage


class FollowUpReminder(models.Model):
    """The client of a workshop was reminded of its action plan on its follow-up date."""

    workshop = models.ForeignKey(CodevWorkshopPage, on_delete=models.CASCADE, related_name="+")
    follow_up_on = models.DateField(verbose_name=_("follow-up date"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="follow_up_reminders",
        verbose_name=_("reminded member"),
    )
    sent_at = models.DateTimeField(auto_now_add=True, verbose_name=_("sent at"))

    class Meta:
        verbose_name = _("action plan reminder")
        verbose_name_plural = _("action plan reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "follow_up_on"], name="one_reminder_per_follow_up"
            )
        ]

    def __str__(self):
        return f"{self.workshop_id} — {self.follow_up_on}"
