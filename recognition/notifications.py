"""A supervisor confirmed one of the peer's competences: in the "Training" category that
courses registers. The message names the competence, never the supervisor's comment (the
peer reads it on "My competences").

Registered with ``home.notifications`` when recognition is ready (``recognition/apps.py``).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_kind

TRAINING = "training"  # the category, registered by courses
COMPETENCE_CONFIRMED = "competence_confirmed"


def confirmed_message(params):
    from competences.services import by_key

    competence = next(
        (c for key, c in by_key().items() if str(key) == params.get("competence")), None
    )
    if competence is None:
        return _("A supervisor confirmed one of your competences.")
    return _("A supervisor confirmed your competence “%(name)s”.") % {"name": competence.name}


def my_competences(recipient, params):
    return reverse("my_competences")


def register():
    register_kind(
        COMPETENCE_CONFIRMED,
        label=gettext_lazy("A supervisor confirmed a competence"),
        category=TRAINING,
        message=confirmed_message,
        subject=gettext_lazy("A competence confirmed"),
        link=my_competences,
    )
