"""Training's notifications: a certificate issued or revoked, told in the site with a link to
"My learning" (the module's title is not secret).

Registered with ``home.notifications`` when courses is ready (``courses/apps.py``).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_category, register_kind

TRAINING = "training"

CERTIFICATE_ISSUED = "certificate_issued"  # {"course": title when sent, "course_key": its key}
CERTIFICATE_REVOKED = "certificate_revoked"


def course_title(params):
    """The module's title in the reader's language when the module is live in it (the
    notification keeps the title it was sent with, for a module since withdrawn)."""
    from .models import CoursePage
    from .services import pages_in_language

    key = params.get("course_key")
    page = pages_in_language(CoursePage, [key]).get(key) if key else None
    return page.title if page is not None else params.get("course", "")


def certificate_issued_message(params):
    return _("Your certificate for “%(course)s” is ready.") % {"course": course_title(params)}


def certificate_revoked_message(params):
    return _(
        "Your certificate for “%(course)s” has been revoked. The training team can tell you why."
    ) % {"course": course_title(params)}


def my_learning(recipient, params):
    return reverse("my_learning")


def register():
    register_category(TRAINING, gettext_lazy("Training"), order=30)
    register_kind(
        CERTIFICATE_ISSUED,
        label=gettext_lazy("A certificate issued"),
        category=TRAINING,
        message=certificate_issued_message,
        link=my_learning,
    )
    register_kind(
        CERTIFICATE_REVOKED,
        label=gettext_lazy("A certificate revoked"),
        category=TRAINING,
        message=certificate_revoked_message,
        link=my_learning,
    )
