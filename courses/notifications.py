"""Training's notifications: a certificate issued or revoked, told in the site with a link to
"My learning" (the module's title is not secret); a gentle reminder of a module left idle
(``reminders.py``) and a kind word from a trainer (``kind_words.py``), by e-mail too unless
the learner chose otherwise.

Registered with ``home.notifications`` when courses is ready (``courses/apps.py``).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_category, register_kind

TRAINING = "training"

CERTIFICATE_ISSUED = "certificate_issued"  # {"course": title when sent, "course_key": its key}
CERTIFICATE_REVOKED = "certificate_revoked"
IDLE_MODULE = "idle_module_reminder"  # {"course": the module's title}; link: where they stopped
KIND_WORD = "kind_word"  # {"sender": the trainer's name, "text": their words, plain text}


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


def idle_module_message(params):
    return _(
        "Your module “%(course)s” is waiting for you, whenever you are ready. The link takes "
        "you back to where you stopped; there you can also say “not now” or stop these "
        "reminders."
    ) % {"course": params.get("course", "")}


def kind_word_message(params):
    return _("A word from %(sender)s, your trainer: “%(text)s”") % {
        "sender": params.get("sender", ""),
        "text": params.get("text", ""),
    }


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
    register_kind(
        IDLE_MODULE,
        label=gettext_lazy("A module waiting for you"),
        category=TRAINING,
        message=idle_module_message,
        subject=gettext_lazy("Your module is waiting for you"),
    )
    register_kind(
        KIND_WORD,
        label=gettext_lazy("A word from your trainer"),
        category=TRAINING,
        message=kind_word_message,
        subject=gettext_lazy("A word from your trainer"),
        quotes_words=True,
        link=my_learning,
    )
