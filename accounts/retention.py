"""Accounts' retention step (``privacy.retention``): django-axes' failed-login counts go
once their cool-off is over, since they hold the names people typed."""

from django.conf import settings

from axes.models import AccessAttempt

from privacy.retention import register_step


def login_attempts_due(now, age):
    return AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME)


register_step(
    "login_attempts_purged",
    planned="failed-login counts past their cool-off to delete",
    done="failed-login counts past their cool-off deleted",
    due=login_attempts_due,
    act=lambda attempts: attempts.delete()[0],
    order=80,
)
