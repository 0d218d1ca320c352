"""Certificates: issued when a module is completed, as PDF files, verifiable by their code.

PDFs are drawn with reportlab in the reader's language, with the Vera fonts that reportlab
ships (so accented letters and most names render the same on every server).
"""

import io
from pathlib import Path

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import reportlab
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from home.notifications import notify

from .models import Certificate
from .notifications import CERTIFICATE_ISSUED

FONT_DIR = Path(reportlab.__file__).parent / "fonts"
INK = HexColor("#1d2428")
SOFT = HexColor("#4a555c")
ACCENT = HexColor("#1f5f8b")


def _register_fonts():
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(FONT_DIR / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("Vera-Bold", str(FONT_DIR / "VeraBd.ttf")))


def learner_name(user):
    return user.get_full_name().strip() or user.get_username()


def issue_certificate(user, course, canonical):
    """The learner's certificate for this module, created once when it is completed."""
    if not canonical.issues_certificate:
        return None
    try:
        with transaction.atomic():
            certificate, created = Certificate.objects.get_or_create(
                user=user,
                course_key=course.translation_key,
                defaults={
                    "learner_name": learner_name(user),
                    "course_title": course.title,
                    "duration_minutes": canonical.duration_minutes,
                },
            )
    except IntegrityError:  # completed twice at the same moment
        return Certificate.objects.get(user=user, course_key=course.translation_key)
    if created:
        notify_certificate(certificate, CERTIFICATE_ISSUED)
    return certificate


def notify_certificate(certificate, kind):
    """Tell the learner in the site (issued or revoked); the module's title is not secret."""
    if certificate.user is None:
        return
    # The link ("My learning", in the learner's language) is the kind's (courses.notifications).
    params = {"course": certificate.course_title, "course_key": str(certificate.course_key)}
    notify(certificate.user, kind, params)


def verification_url(certificate, request):
    return request.build_absolute_uri(
        reverse("certificate_verify", kwargs={"code": certificate.code})
    )


def duration_text(minutes):
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(hours)d h %(minutes)02d") % {"hours": hours, "minutes": rest}
    if hours:
        return ngettext("%(hours)d hour", "%(hours)d hours", hours) % {"hours": hours}
    return ngettext("%(minutes)d minute", "%(minutes)d minutes", rest) % {"minutes": rest}


def _centred(canvas, text, y, font, size, colour=INK):
    canvas.setFont(font, size)
    canvas.setFillColor(colour)
    canvas.drawCentredString(canvas._pagesize[0] / 2, y, text)


def _qr(canvas, data, x, y, size):
    widget = QrCodeWidget(data)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def certificate_pdf(certificate, course_title, association, url, language):
    """The certificate as PDF bytes, in ``language``."""
    _register_fonts()
    buffer = io.BytesIO()
    with translation.override(language):
        width, height = landscape(A4)
        canvas = Canvas(buffer, pagesize=(width, height))
        canvas.setTitle(_("Training certificate") + f" — {certificate.code}")
        canvas.setAuthor(association)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(2)
        canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

        _centred(canvas, association, height - 35 * mm, "Vera-Bold", 16, ACCENT)
        _centred(canvas, _("Training certificate"), height - 55 * mm, "Vera-Bold", 28)
        _centred(canvas, _("This certifies that"), height - 75 * mm, "Vera", 13, SOFT)
        _centred(canvas, certificate.learner_name, height - 90 * mm, "Vera-Bold", 22)
        _centred(
            canvas, _("has completed the training module"), height - 105 * mm, "Vera", 13, SOFT
        )
        _centred(
            canvas,
            f"« {course_title} »" if language == "fr" else f"“{course_title}”",
            height - 120 * mm,
            "Vera-Bold",
            17,
        )
        issued = formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
        details = _("on %(date)s · duration %(duration)s") % {
            "date": issued,
            "duration": duration_text(certificate.duration_minutes),
        }
        _centred(canvas, details, height - 135 * mm, "Vera", 13)

        canvas.setFont("Vera", 10)
        canvas.setFillColor(SOFT)
        canvas.drawString(
            25 * mm, 38 * mm, _("Verification code: %(code)s") % {"code": certificate.code}
        )
        canvas.drawString(25 * mm, 32 * mm, _("Check this certificate at:"))
        canvas.setFillColor(ACCENT)
        canvas.drawString(25 * mm, 26 * mm, url)
        canvas.linkURL(url, (25 * mm, 24 * mm, 160 * mm, 30 * mm))
        _qr(canvas, url, width - 60 * mm, 20 * mm, 35 * mm)
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def training_record_pdf(name, rows, association, language, sections=()):
    """A record of training: ``rows`` are (module title, completed on, minutes); each of
    ``sections`` (``courses.records``) adds a titled table of (title, date, minutes)."""
    _register_fonts()
    buffer = io.BytesIO()
    with translation.override(language):
        _width, height = A4
        canvas = Canvas(buffer, pagesize=A4)
        canvas.setTitle(_("Record of training"))
        canvas.setAuthor(association)
        y = height - 25 * mm
        canvas.setFont("Vera-Bold", 11)
        canvas.setFillColor(ACCENT)
        canvas.drawString(20 * mm, y, association)
        y -= 14 * mm
        canvas.setFont("Vera-Bold", 20)
        canvas.setFillColor(INK)
        canvas.drawString(20 * mm, y, _("Record of training"))
        y -= 9 * mm
        canvas.setFont("Vera", 12)
        canvas.drawString(20 * mm, y, name)
        y -= 6 * mm
        canvas.setFillColor(SOFT)
        canvas.setFont("Vera", 10)
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
        canvas.drawString(20 * mm, y, _("Issued on %(date)s") % {"date": today})
        y -= 14 * mm

        canvas.setFillColor(INK)
        canvas.setFont("Vera-Bold", 10)
        canvas.drawString(20 * mm, y, _("Module"))
        canvas.drawString(130 * mm, y, _("Completed on"))
        canvas.drawRightString(190 * mm, y, _("Duration"))
        y -= 3 * mm
        canvas.setStrokeColor(SOFT)
        canvas.line(20 * mm, y, 190 * mm, y)
        y, total = _table_rows(canvas, y, height, rows)
        canvas.setFont("Vera-Bold", 10)
        canvas.drawString(
            20 * mm,
            y,
            ngettext("%(count)d module completed", "%(count)d modules completed", len(rows))
            % {"count": len(rows)},
        )
        canvas.drawRightString(
            190 * mm, y, _("Total: %(duration)s") % {"duration": duration_text(total)}
        )
        for title, section_rows in sections:
            y = _record_section(canvas, y, height, str(title), section_rows)
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


def _record_section(canvas, y, height, title, rows):
    """One more table of the record: a title, (title, date, minutes) rows and their total."""
    y -= 16 * mm
    if y < 50 * mm:
        canvas.showPage()
        y = height - 25 * mm
    canvas.setFillColor(INK)
    canvas.setFont("Vera-Bold", 12)
    canvas.drawString(20 * mm, y, title)
    y -= 3 * mm
    canvas.setStrokeColor(SOFT)
    canvas.line(20 * mm, y, 190 * mm, y)
    y, total = _table_rows(canvas, y, height, rows)
    canvas.setFont("Vera-Bold", 10)
    canvas.drawRightString(
        190 * mm, y, _("Total: %(duration)s") % {"duration": duration_text(total)}
    )
    return y


def _table_rows(canvas, y, height, rows):
    """(title, date, minutes) rows of a record's table, a new page when the page is full,
    closed by a line; the height reached and the total of minutes."""
    canvas.setFont("Vera", 10)
    total = 0
    for label, on, minutes in rows:
        y -= 7 * mm
        if y < 30 * mm:
            canvas.showPage()
            canvas.setFont("Vera", 10)
            y = height - 25 * mm
        canvas.drawString(20 * mm, y, label[:70])
        canvas.drawString(130 * mm, y, formats.date_format(on, "DATE_FORMAT"))
        canvas.drawRightString(190 * mm, y, duration_text(minutes))
        total += minutes
    y -= 5 * mm
    canvas.line(20 * mm, y, 190 * mm, y)
    return y - 7 * mm, total
