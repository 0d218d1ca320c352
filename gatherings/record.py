"""The live sessions a member attended, in their record of training (``courses.records``)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from courses.records import register_record_section

from . import services


def attended_rows(user):
    return [
        (
            f"{session.get_kind_display()} — {session.audience}",
            timezone.localtime(session.starts_at).date(),
            minutes,
        )
        for session, minutes in services.attendance_minutes(user)
        if minutes
    ]


def register():
    register_record_section(
        "live_sessions", title=gettext_lazy("Live sessions attended"), rows=attended_rows
    )
