"""Privacy's background tasks: the nightly retention (with expired sessions) and a
member's "My data" archive."""

import base64
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from django_tasks import task

from . import retention
from .export import build_archive
from .models import DataArchive


@task()
def apply_retention():
    """Apply the retention schedule (what ``manage.py apply_retention`` does): returns
    how many of what were archived or deleted."""
    with transaction.atomic():
        steps = retention.apply()
    return {step.key: step.count for step in steps}


@task()
def clear_expired_sessions():
    """What ``manage.py clearsessions`` does: expired sessions leave the database."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@task()
def build_data_archive(user_id):
    """Build the member's archive asked for (``services.request_archive``)."""
    archive = (
        DataArchive.objects.filter(user_id=user_id, ready_at__isnull=True)
        .select_related("user")
        .defer("content")
        .first()
    )
    if archive is None:
        return "nothing to build"
    content, filename = build_archive(archive.user, archive.language)
    # Unless the member asked again meanwhile (that request builds its own).
    DataArchive.objects.filter(pk=archive.pk, requested_at=archive.requested_at).update(
        content=base64.b64encode(content).decode("ascii"),
        filename=filename,
        ready_at=timezone.now(),
    )
    return "built"
