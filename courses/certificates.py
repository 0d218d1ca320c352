"""Certificates: issued when a module is completed, as PDF files, verifiable by their code.

PDFs are rendered from templates/courses/pdf/ in the reader's language as tagged PDF
(``home.pdf``: WeasyPrint, PDF/UA-1, the committed Atkinson Hyperlegible fonts).
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.notifications import notify
from home.pdf import qr_data_uri, render_pdf

from .models import Certificate
from .notifications import CERTIFICATE_ISSUED


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


def certificate_pdf(certificate, course_title, association, url, language):
    """The certificate as tagged PDF bytes, in ``language`` (templates/courses/pdf/)."""
    with translation.override(language):
        issued = formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
        context = {
            "association": association,
            "learner": certificate.learner_name,
            "course_title": course_title,
            "date": issued,
            "duration": duration_text(certificate.duration_minutes),
            "code": certificate.code,
            "url": url,
            "qr": qr_data_uri(url),
            # A revoked certificate downloaded again says so, as its verification page does.
            "revoked": certificate.revoked_at
            and formats.date_format(timezone.localtime(certificate.revoked_at), "DATE_FORMAT"),
        }
        title = _("Training certificate") + f" — {certificate.code}"
    return render_pdf(
        "courses/pdf/certificate.html", context, lang=language, title=title, author=association
    )


def _table(rows):
    """(title, date, minutes) rows as the template's rows and their total duration."""
    with_durations = [
        {"title": title, "on": on, "duration": duration_text(minutes)}
        for title, on, minutes in rows
    ]
    return {
        "rows": with_durations,
        "total": duration_text(sum(minutes for _title, _on, minutes in rows)),
    }


def training_record_pdf(name, rows, association, language, sections=()):
    """A record of training: ``rows`` are (module title, completed on, minutes); each of
    ``sections`` (``courses.records``) adds a titled table of (title, date, minutes)."""
    with translation.override(language):
        context = {
            "association": association,
            "name": name,
            "date": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
            "modules": _table(rows),
            "completed": ngettext(
                "%(count)d module completed", "%(count)d modules completed", len(rows)
            )
            % {"count": len(rows)},
            "sections": [
                {"title": str(title), **_table(section_rows)} for title, section_rows in sections
            ],
        }
        title = _("Record of training") + f" — {name}"
    return render_pdf(
        "courses/pdf/training_record.html", context, lang=language, title=title, author=association
    )
