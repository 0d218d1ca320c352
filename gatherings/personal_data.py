"""What live sessions keep about a member, and what erasure does with it: their answers,
their attendance and their calendar address go. Sessions they facilitated stay, without
them once the account is anonymised."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import register_model

from .models import Attendance, CalendarFeed, SessionAnswer

register_model(
    "session_answers",
    _("Answers to live sessions"),
    SessionAnswer,
    "user",
    ["session__kind", "session__starts_at", "coming", "answered_at"],
    erase="delete",
    order=40,
)
register_model(
    "session_attendance",
    _("Attendance at live sessions"),
    Attendance,
    "user",
    ["session__kind", "session__starts_at", "status", "arrived_at", "left_at", "checked_in_at"],
    erase="delete",
    order=41,
)
register_model(
    "calendar_feed",
    _("Calendar address"),
    CalendarFeed,
    "user",
    ["created_at"],
    erase="delete",
    order=42,
)
