"""Logins, failed logins, logouts and lockouts go to the audit log, whichever form was used."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit
from .models import AuditEvent


def _account_named(username):
    """The account a failed login aimed at, if any. The typed name itself is never kept:
    people sometimes type their password in that field."""
    if not username:
        return None
    User = get_user_model()
    return User.objects.filter(**{User.USERNAME_FIELD: username}).first()


@receiver(user_logged_in, dispatch_uid="audit-login")
def logged_in(sender, request, user, **kwargs):
    audit.record(AuditEvent.LOGIN, actor=user, subject=user, request=request)


@receiver(user_logged_out, dispatch_uid="audit-logout")
def logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(AuditEvent.LOGOUT, actor=user, subject=user, request=request)


@receiver(user_login_failed, dispatch_uid="audit-login-failed")
def login_failed(sender, credentials, request=None, **kwargs):
    User = get_user_model()
    target = _account_named(credentials.get(User.USERNAME_FIELD) or credentials.get("username"))
    audit.record(
        AuditEvent.LOGIN_FAILED,
        actor=None,
        subject=target,
        request=request,
        outcome=AuditEvent.FAILURE,
    )


def locked_out(sender, request=None, username=None, **kwargs):
    audit.record(
        AuditEvent.LOCKED_OUT,
        actor=None,
        subject=_account_named(username),
        request=request,
        outcome=AuditEvent.FAILURE,
    )


# django-axes (login throttling) may or may not be installed: its lockouts are logged if so.
if apps.is_installed("axes"):
    from axes.signals import user_locked_out

    user_locked_out.connect(locked_out, dispatch_uid="audit-locked-out")
