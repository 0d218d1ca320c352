"""Security events: session clocks start at login; failures and lockouts are logged.
A member's saved (or erased) reading preferences are read again on their next page.

The audit log (issue 6, privacy work) records the same events in its own table by listening
to the same signals: ``user_logged_in``, ``user_login_failed`` and django-axes'
``user_locked_out``.
"""

import logging
import time

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from axes.signals import user_locked_out

from . import reading
from .middleware import LAST_ACTIVITY_KEY, SESSION_STARTED_KEY, STAFF_SESSION_KEY
from .models import ReadingPreferences
from .twofactor import remember_device_state, requires_two_factor

logger = logging.getLogger("entrepairs.security")


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


@receiver(user_logged_in, dispatch_uid="accounts_start_session_clocks")
def start_session_clocks(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[SESSION_STARTED_KEY] = now
    request.session[LAST_ACTIVITY_KEY] = now
    request.session[STAFF_SESSION_KEY] = requires_two_factor(user)
    remember_device_state(request, user)
    logger.info("login user_id=%s address=%s", user.pk, client_address(request))


@receiver(user_login_failed, dispatch_uid="accounts_log_login_failure")
def log_login_failure(sender, credentials, request=None, **kwargs):
    # Never the password; the username helps to spot an attack on one account.
    logger.warning(
        "login failed username=%r address=%s",
        (credentials or {}).get("username", ""),
        client_address(request),
    )


@receiver(user_locked_out, dispatch_uid="accounts_log_lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning("login locked out username=%r address=%s", username, ip_address)


@receiver(post_save, sender=ReadingPreferences, dispatch_uid="accounts_reading_saved")
@receiver(post_delete, sender=ReadingPreferences, dispatch_uid="accounts_reading_deleted")
def forget_reading_classes(sender, instance, **kwargs):
    reading.forget(instance.user_id)
