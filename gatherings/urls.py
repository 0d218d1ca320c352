"""Front-end URLs of live sessions, under the language prefix (translated paths)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import codev_views, record_views, views

urlpatterns = [
    path(pgettext_lazy("URL", "sessions/"), views.session_list, name="session_list"),
    path(pgettext_lazy("URL", "sessions/new/"), views.session_schedule, name="session_schedule"),
    path(pgettext_lazy("URL", "sessions/<int:pk>/"), views.session_detail, name="session_detail"),
    path(pgettext_lazy("URL", "sessions/<int:pk>/edit/"), views.session_edit, name="session_edit"),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/answer/"),
        views.session_answer,
        name="session_answer",
    ),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/calendar.ics"),
        views.session_ics,
        name="session_ics",
    ),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/check-in/"),
        views.session_check_in,
        name="session_check_in",
    ),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/attendance/"),
        views.session_attendance,
        name="session_attendance",
    ),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/attendance-sheet.pdf"),
        views.session_attendance_sheet,
        name="session_attendance_sheet",
    ),
    path(
        pgettext_lazy("URL", "sessions/calendar/"),
        views.calendar_feed_settings,
        name="calendar_feed_settings",
    ),
    path(
        pgettext_lazy("URL", "calendar/<str:token>.ics"),
        views.calendar_feed,
        name="calendar_feed",
    ),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/subjects/"),
        codev_views.session_subjects,
        name="session_subjects",
    ),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/subjects/<int:proposal>/withdraw/"),
        codev_views.session_subject_withdraw,
        name="session_subject_withdraw",
    ),
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/steps/"),
        codev_views.session_mode,
        name="session_mode",
    ),
]

urlpatterns += [
    path(
        pgettext_lazy("URL", "sessions/<int:pk>/record/"),
        record_views.session_record,
        name="session_record",
    ),
]
