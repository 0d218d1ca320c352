"""The attendance sheet of a session, as a PDF for funders: names, arrival and leaving
times, a column to sign. Drawn with reportlab and the Vera fonts, as certificates are
(``courses.certificates``)."""

import io

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from courses.certificates import ACCENT, FONT_DIR, INK, SOFT, learner_name

from .models import Attendance

ROW = 12 * mm


def _fonts():
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(FONT_DIR / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("Vera-Bold", str(FONT_DIR / "VeraBd.ttf")))


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
    _fonts()
    buffer = io.BytesIO()
    with translation.override(language):
        width, height = landscape(A4)
        canvas = Canvas(buffer, pagesize=landscape(A4))
        canvas.setTitle(_("Attendance sheet"))
        canvas.setAuthor(association)
        start = timezone.localtime(session.starts_at)
        when = "{}, {}\u2013{}".format(
            formats.date_format(start, "DATE_FORMAT"),
            _time(start.time()),
            _time(timezone.localtime(session.ends_at).time()),
        )
        facts = [
            f"{session.get_kind_display()} — {session.audience}",
            when,
            session.place or session.video_link,
        ]
        if session.facilitator:
            facts.append(_("Facilitator: %(name)s") % {"name": learner_name(session.facilitator)})

        def header():
            y = height - 18 * mm
            canvas.setFont("Vera-Bold", 10)
            canvas.setFillColor(ACCENT)
            canvas.drawString(15 * mm, y, association)
            y -= 10 * mm
            canvas.setFont("Vera-Bold", 16)
            canvas.setFillColor(INK)
            canvas.drawString(15 * mm, y, _("Attendance sheet"))
            canvas.setFont("Vera", 10)
            canvas.setFillColor(SOFT)
            for fact in facts:
                y -= 6 * mm
                canvas.drawString(15 * mm, y, fact[:120])
            y -= 10 * mm
            canvas.setFillColor(INK)
            canvas.setFont("Vera-Bold", 10)
            canvas.drawString(15 * mm, y, _("Name"))
            canvas.drawString(110 * mm, y, _("Arrival"))
            canvas.drawString(135 * mm, y, _("Leaving"))
            canvas.drawString(160 * mm, y, _("Note"))
            canvas.drawString(195 * mm, y, _("Signature"))
            y -= 3 * mm
            canvas.setStrokeColor(SOFT)
            canvas.line(15 * mm, y, width - 15 * mm, y)
            canvas.setFont("Vera", 10)
            return y

        y = header()
        for name, arrival, leaving, note in sheet_rows(session, rows):
            if y - ROW < 15 * mm:
                canvas.showPage()
                y = header()
            y -= ROW
            canvas.drawString(15 * mm, y + 4 * mm, name[:50])
            canvas.drawString(110 * mm, y + 4 * mm, arrival)
            canvas.drawString(135 * mm, y + 4 * mm, leaving)
            canvas.drawString(160 * mm, y + 4 * mm, note)
            canvas.line(15 * mm, y, width - 15 * mm, y)
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()
