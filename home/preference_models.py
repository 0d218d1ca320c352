"""The member's choices about notifications: how each category reaches them and their
quiet hours (``home.preferences`` applies them).

Imported by ``home.models`` (Django finds models there).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreferences(models.Model):
    """How one member wants to be told: per category, in the site only, by e-mail at once,
    or in a daily or weekly digest; and the hours when no e-mail should reach them.

    A member who never chose has no row: the defaults apply (``home.preferences``).
    ``deliveries`` holds only the categories the member changed, by category key.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("member"),
    )
    deliveries = models.JSONField(default=dict, blank=True, verbose_name=_("how you are told"))
    quiet_hours = models.BooleanField(default=True, verbose_name=_("quiet hours"))
    quiet_from = models.TimeField(default=datetime.time(21, 0), verbose_name=_("quiet from"))
    quiet_until = models.TimeField(default=datetime.time(8, 0), verbose_name=_("quiet until"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("changed on"))

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")
        default_permissions = ()

    def __str__(self):
        return f"{self.user_id}"
