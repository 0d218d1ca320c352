"""The reminder of a live session, the day before: in the "Sessions" category that
practice_analysis registers. It names the kind of session and its time, never the group.

Registered with ``home.notifications`` when gatherings is ready (``gatherings/apps.py``).
"""

import datetime

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_kind

SESSIONS = "sessions"  # the category, registered by practice_analysis
SESSION_REMINDER = "session_reminder"


def _when(params):
    start = timezone.localtime(datetime.datetime.fromisoformat(params["starts_at"]))
    return {
        "date": formats.date_format(start, "l j F"),
        "time": formats.time_format(start, "H:i"),
    }


def reminder_message(params):
    from .models import LiveSession

    kind = dict(LiveSession.KINDS).get(params.get("kind"), _("Session"))
    return _("Reminder: %(kind)s, %(date)s at %(time)s.") % {"kind": kind, **_when(params)}


def reminder_link(recipient, params):
    return reverse("session_detail", kwargs={"pk": params["session"]})


def register():
    register_kind(
        SESSION_REMINDER,
        label=gettext_lazy("A session is tomorrow"),
        category=SESSIONS,
        message=reminder_message,
        subject=gettext_lazy("A session tomorrow"),
        link=reminder_link,
    )
