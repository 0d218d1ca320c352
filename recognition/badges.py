"""Confirmed competences as Open Badges credentials: recognition registers the kind with
``credentials.registry`` (called by ``recognition/apps.py``).

A credential states what a supervisor confirmed: the competence, the level and its
descriptor, in the reader's language, and the date. Never the supervisor's comment, the
peer's self-assessment or note, nor anything of an entry.

Only the latest confirmation of each competence may be exported. A credential issued for
an earlier one stays valid: confirmations are added, never changed or withdrawn, so it
remains true that a supervisor confirmed that level on that date (the credential says
so, with its date). The holder may revoke it on "My verifiable credentials"; a
coordinator may too, from the editing space.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from credentials.registry import Achievement, register_kind

from . import services

COMPETENCE_CONFIRMED = "competence_confirmed"


def confirmed_competences_of(user):
    """The member's latest confirmed level of each competence, as achievements in the
    active language (``ref``: the confirmation's id)."""
    found = []
    name = user.get_full_name().strip() or user.get_username()
    for _domain, states in services.competences_of(user, with_notes=False):
        for state in states:
            level = state.confirmed_level
            if state.confirmation is None or level is None:
                continue
            competence = state.competence
            confirmed_at = state.confirmation.created_at
            found.append(
                Achievement(
                    kind=COMPETENCE_CONFIRMED,
                    ref=str(state.confirmation.pk),
                    key=f"{competence.translation_key}-{level.rank}",
                    name=_("%(competence)s — %(level)s")
                    % {"competence": competence.name, "level": level.name},
                    description=_description(competence, level),
                    criteria=_(
                        "A supervisor of the peer's own practice group confirmed this level "
                        "on %(date)s, after talking with them, in the association's "
                        "competency framework for peer supporters."
                    )
                    % {"date": date_format(timezone.localtime(confirmed_at), "DATE_FORMAT")},
                    issued_at=confirmed_at,
                    recipient_name=name,
                    achievement_type="Competency",
                )
            )
    return found


def _description(competence, level):
    stated = _("Level %(rank)s, “%(level)s”: %(descriptor)s") % {
        "rank": level.rank,
        "level": level.name,
        "descriptor": level.descriptor.strip(),
    }
    return f"{competence.description.strip()} {stated}".strip()


def register():
    register_kind(
        COMPETENCE_CONFIRMED,
        label=gettext_lazy("Confirmed competence"),
        achievements_of=confirmed_competences_of,
    )
