"""A kind word from a trainer to a learner of their cohort: a short plain text, prefilled
in the learner's language for the trainer to make their own, delivered as a notification
(in the site, and by e-mail as the learner chose).

Who may send one is ``kind_word_recipient``: a trainer of the cohort (named so, and
holding the trainer role), to an active learner of that cohort. Coordinators read every
report, but a word to a learner is their trainers'. The text is never stored beyond the
learner's notification; ``KindWord`` keeps who wrote to whom and when, and the form's
token, so that a double submit sends one word.
"""

from django.db import IntegrityError, transaction
from django.db.models import Exists
from django.utils import translation
from django.utils.translation import gettext as _

from home.notifications import notify, preferred_language

from .certificates import learner_name
from .models import Cohort, KindWord
from .notifications import KIND_WORD

MAX_LENGTH = 600


def cohorts_trained_by(user):
    """The cohorts whose learners this member may send a kind word."""
    if not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    trainer = Exists(user.groups.filter(name="trainer"))
    return Cohort.objects.filter(trainer, trainers=user)


def kind_word_recipient(user, cohort_pk, learner_pk):
    """``(cohort, learner)`` when the member may send this learner a kind word, else None."""
    cohort = cohorts_trained_by(user).filter(pk=cohort_pk).first()
    if cohort is None:
        return None
    learner = cohort.members.filter(pk=learner_pk, is_active=True).first()
    return (cohort, learner) if learner is not None else None


def prefilled_text(sender, learner):
    """The word the form offers, in the learner's language, for the trainer to edit."""
    with translation.override(preferred_language(learner)):
        return _(
            "Hello %(name)s, just a word to say we are thinking of you. Take your time: your "
            "modules will be there whenever you are ready, and so will we. %(trainer)s"
        ) % {
            "name": learner.get_short_name() or learner.get_username(),
            "trainer": sender_name(sender),
        }


def sender_name(sender):
    return sender.get_short_name() or learner_name(sender)


def send_kind_word(sender, cohort, learner, text, submission):
    """Send the word once per form token: True when sent now, False when it already was."""
    try:
        with transaction.atomic():
            _word, created = KindWord.objects.get_or_create(
                submission=submission,
                defaults={"cohort": cohort, "sender": sender, "learner": learner},
            )
            if created:
                params = {"sender": learner_name(sender), "text": text}
                notify(learner, KIND_WORD, params, email=True)
    except IntegrityError:  # the same form sent twice at the same moment
        return False
    return created
