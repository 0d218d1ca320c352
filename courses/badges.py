"""Module certificates as Open Badges credentials: courses registers the kind with
``credentials.registry`` (called by ``courses/apps.py``). The credential says what the
certificate says, in the reader's language: the module, its summary, what completing it
asks, the date; never anything of the learner's notes or answers."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from credentials.registry import Achievement, register_kind

from .certificates import duration_text
from .models import CoursePage
from .services import certificates_of, pages_in_language

MODULE_CERTIFICATE = "module_certificate"


def module_certificates_of(user):
    """The member's own certificates, as achievements in the active language."""
    owned = list(certificates_of(user))
    pages = pages_in_language(CoursePage, [c.course_key for c in owned])
    found = []
    for certificate in owned:
        page = pages.get(certificate.course_key)
        title = page.title if page else certificate.course_title
        summary = Truncator(strip_tags(page.summary)).chars(500) if page else ""
        description = _("Training module “%(title)s” (%(duration)s).") % {
            "title": title,
            "duration": duration_text(certificate.duration_minutes),
        }
        found.append(
            Achievement(
                kind=MODULE_CERTIFICATE,
                ref=certificate.code,
                key=str(certificate.course_key),
                name=title,
                description=f"{description} {summary}".strip(),
                criteria=_(
                    "Completed every lesson of the module and passed its quizzes on the "
                    "association's training platform."
                ),
                issued_at=certificate.issued_at,
                recipient_name=certificate.learner_name,
                valid=certificate.is_valid,
            )
        )
    return found


def register():
    register_kind(
        MODULE_CERTIFICATE,
        label=gettext_lazy("Module certificate"),
        achievements_of=module_certificates_of,
    )
