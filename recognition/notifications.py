"""A supervisor confirmed one of the peer's competences, a coordinator attested a member's
status: in the "Training" category that courses registers. The message names the
competence, never the supervisor's comment (the peer reads it on "My competences"); the
status, never who attested it (the member reads it on their record).

Registered with ``home.notifications`` when recognition is ready (``recognition/apps.py``).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_kind

TRAINING = "training"  # the category, registered by courses
COMPETENCE_CONFIRMED = "competence_confirmed"
STATUS_ATTESTED = "status_attested"


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


def attested_message(params):
    from .models import AttestedStatus

    label = dict(AttestedStatus.STATUSES).get(params.get("status"))
    if label is None:
        return _("A coordinator noted that your attested status has ended.")
    return _("A coordinator attested your status: %(status)s.") % {"status": label}


def my_record(recipient, params):
    return reverse("my_record")


def register():
    register_kind(
        COMPETENCE_CONFIRMED,
        label=gettext_lazy("A supervisor confirmed a competence"),
        category=TRAINING,
        message=confirmed_message,
        subject=gettext_lazy("A competence confirmed"),
        link=my_competences,
    )
    register_kind(
        STATUS_ATTESTED,
        label=gettext_lazy("A coordinator attested my status"),
        category=TRAINING,
        message=attested_message,
        subject=gettext_lazy("Your attested status"),
        link=my_record,
    )
