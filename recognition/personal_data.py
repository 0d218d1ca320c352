"""What recognition keeps about a member, and what erasure does with it: their
self-assessments (with their private notes) and the confirmations they received go.
Confirmations a supervisor gave stay with the peer, without the supervisor's name once
the supervisor's account is anonymised."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import register_model

from .models import Confirmation, SelfAssessment

register_model(
    "competence_self_assessments",
    _("Self-assessments of competences"),
    SelfAssessment,
    "peer",
    ["competence_key", "level", "note", "created_at"],
    erase="delete",
    order=45,
)
register_model(
    "competence_confirmations",
    _("Competences confirmed by a supervisor"),
    Confirmation,
    "peer",
    ["competence_key", "level", "comment", "created_at"],
    erase="delete",
    order=46,
)
