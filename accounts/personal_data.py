"""What accounts keep about a member: django-axes' records of failed logins, and their
reading comfort.

Failed logins are kept by username for the cool-off period (``privacy.retention`` purges
them after it); an erasure deletes those of the member's username at once, and their
reading preferences.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from privacy.registry import plain, register, register_model

from .models import ReadingPreferences

MODELS = (AccessAttempt, AccessFailureLog, AccessLog)


def _of(model, user):
    return model.objects.filter(Q(username=user.get_username()))


def erase_login_records(user):
    for model in MODELS:
        _of(model, user).delete()


@register("login_records", _("Failed logins"), erase=erase_login_records, order=95)
def export_login_records(user):
    return [
        {"time": plain(attempt.attempt_time), "failures": attempt.failures_since_start}
        for attempt in _of(AccessAttempt, user).order_by("attempt_time")
    ]


register_model(
    "reading_preferences",
    _("Reading comfort"),
    ReadingPreferences,
    user_field="user",
    fields=["text_size", "line_spacing", "readable_font", "high_contrast", "reduce_motion"],
    erase="delete",
    order=96,
)
