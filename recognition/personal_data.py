"""What recognition keeps about a member, and what erasure does with it: their
self-assessments (with their private notes) and the confirmations they received go.
Confirmations a supervisor gave stay with the peer, without the supervisor's name once
the supervisor's account is anonymised. The recognition record goes whole: the items the
member chose, their verification links (their views counted, never who looked; a link's
token is not exported: the archive must not open the record) and the statuses attested
for them (the coordinators who attested them are named in the export)."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import register_model

from .models import AttestedStatus, Confirmation, RecordChoice, RecordLink, SelfAssessment

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
    ["competence_key", "level", "comment", "name_shown", "created_at"],
    erase="delete",
    order=46,
)
register_model(
    "recognition_record_choices",
    _("What my recognition record shows"),
    RecordChoice,
    "peer",
    ["key", "chosen_at"],
    erase="delete",
    order=47,
)
register_model(
    "recognition_record_links",
    _("Verification links of my recognition record"),
    RecordLink,
    "peer",
    ["created_at", "revoked_at", "views", "last_viewed_on"],
    erase="delete",
    order=48,
)
register_model(
    "attested_statuses",
    _("Statuses attested by the coordination"),
    AttestedStatus,
    "peer",
    ["status", "attested_at", "attested_by__username"],
    erase="delete",
    order=49,
)
