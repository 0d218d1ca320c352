"""The attendance sheet of a session, as a PDF for funders: names, arrival and leaving
times, a column to sign. Rendered from templates/gatherings/pdf/attendance_sheet.html as
tagged PDF (``home.pdf``), as certificates are (``courses.certificates``)."""

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from courses.certificates import learner_name
from home.pdf import render_pdf

from .models import Attendance


def _time(value):
    return formats.time_format(value, "H:i") if value else ""


def sheet_rows(session, rows):
    """(name, arrival, leaving, note) for each line of ``services.attendance_rows``."""
    start = timezone.localtime(session.starts_at).time()
    end = timezone.localtime(session.ends_at).time()
    lines = []
    for person, record, _answer in rows:
        if record is None:
            lines.append((learner_name(person), "", "", ""))
        elif record.status == Attendance.ABSENT:
            lines.append((learner_name(person), "", "", _("Absent")))
        else:
            lines.append(
                (
                    learner_name(person),
                    _time(record.arrived_at or start),
                    _time(record.left_at or end),
                    "",
                )
            )
    return lines


def attendance_sheet_pdf(session, rows, association, language):
    with translation.override(language):
        start = timezone.localtime(session.starts_at)
        when = "{}, {}\u2013{}".format(
            formats.date_format(start, "DATE_FORMAT"),
            _time(start.time()),
            _time(timezone.localtime(session.ends_at).time()),
        )
        context = {
            "association": association,
            "kind": f"{session.get_kind_display()} — {session.audience}",
            "when": when,
            "where": session.place or session.video_link,
            "facilitator": learner_name(session.facilitator) if session.facilitator else "",
            "lines": sheet_rows(session, rows),
        }
        title = _("Attendance sheet") + f" — {when}"
    return render_pdf(
        "gatherings/pdf/attendance_sheet.html",
        context,
        lang=language,
        title=title,
        author=association,
    )
