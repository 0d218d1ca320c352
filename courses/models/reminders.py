"""What gentle reminders remember: when a learner was last reminded of a module, whether
they asked "not now" or to stop, and the kind words trainers sent (``courses/reminders.py``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .cohorts import Cohort


class ModuleReminder(models.Model):
    """The last reminder a learner got about an idle module, and their "not now"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_reminders"
    )
    course_key = models.UUIDField(verbose_name=_("module"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("last reminded at"))
    snoozed_until = models.DateTimeField(
        null=True, blank=True, verbose_name=_("no reminder before")
    )

    class Meta:
        verbose_name = _("module reminder")
        verbose_name_plural = _("module reminders")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_reminder_per_module")
        ]
        # "Reminded in the last days?" is asked of every learner due.
        indexes = [models.Index(fields=["user", "sent_at"])]

    def __str__(self):
        return f"{self.user} — {self.course_key}"


class ReminderOptOut(models.Model):
    """A learner who asked for no reminder of idle modules."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_opt_out"
    )
    stopped_at = models.DateTimeField(auto_now_add=True, verbose_name=_("stopped at"))

    class Meta:
        verbose_name = _("reminders stopped")
        verbose_name_plural = _("reminders stopped")

    def __str__(self):
        return str(self.user)


class KindWord(models.Model):
    """A kind word a trainer sent a learner of their cohort (its text is in the learner's
    notification only). ``submission`` is the form's token: a double submit sends once."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="+")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="kind_words_sent",
        verbose_name=_("trainer"),
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="kind_words_received",
        verbose_name=_("learner"),
    )
    submission = models.UUIDField(unique=True)
    sent_at = models.DateTimeField(auto_now_add=True, verbose_name=_("sent at"))

    class Meta:
        verbose_name = _("kind word")
        verbose_name_plural = _("kind words")

    def __str__(self):
        return f"{self.sender} → {self.learner}"
