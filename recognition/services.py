"""Who may see and record what about competences: every rule that depends on the member.

- A peer sees and self-assesses their own competences; their notes are for them alone.
- A supervisor of one of the peer's *own* practice groups (where the peer is a member)
  sees the peer's levels and confirms one, after talking with them. Nobody else: not a
  supervisor of another group, not a trainer, not a coordinator (404, audited).
- A cohort's trainers and the coordinators see its competences in aggregate: counts of
  confirmed levels, counts under ``RECOGNITION_SMALL_COUNT`` hidden, never a name or a note.
- Supervised practice counts validated reflective entries: never their title or text.
- A member's recognition record, its choices and its links are theirs alone: no other
  member, trainer, supervisor or coordinator reaches them (404, audited); the public page
  shows what the member chose, to whoever holds the link, until they withdraw it.
- Only coordinators attest a member's status; every change is audited and told to them.
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competences import services as framework
from courses import records
from courses import services as courses
from home.notifications import notify
from practice_analysis.models import EntryTransition, PracticeGroup, ReflectiveEntry
from privacy import audit
from privacy.models import AuditEvent

from .models import AttestedStatus, Confirmation, RecordLink, SelfAssessment
from .notifications import COMPETENCE_CONFIRMED, STATUS_ATTESTED


def small_count():
    return getattr(settings, "RECOGNITION_SMALL_COUNT", 5)


# The peer's own competences ----------------------------------------------------------


@dataclass
class CompetenceState:
    competence: object
    assessment: object = None  # the latest self-assessment
    confirmation: object = None  # the latest confirmation
    confirmations: list = field(default_factory=list)  # newest first
    assessments: list = field(default_factory=list)  # newest first

    def level_named(self, rank):
        return next((lvl for lvl in self.competence.levels.all() if lvl.rank == rank), None)

    @property
    def assessed_level(self):
        return self.level_named(self.assessment.level) if self.assessment else None

    @property
    def confirmed_level(self):
        return self.level_named(self.confirmation.level) if self.confirmation else None


def competences_of(peer, *, with_notes=True):
    """[(domain, [CompetenceState])] of the peer, in the reader's language (5 queries).

    ``with_notes`` False (a supervisor's view) leaves the self-assessments' notes out."""
    assessments = SelfAssessment.objects.filter(peer=peer)
    if not with_notes:
        assessments = assessments.defer("note")
    confirmations = Confirmation.objects.filter(peer=peer).select_related("supervisor")
    by_key = {}
    for row in assessments:
        by_key.setdefault(row.competence_key, {"a": [], "c": []})["a"].append(row)
    for row in confirmations:
        by_key.setdefault(row.competence_key, {"a": [], "c": []})["c"].append(row)
    result = []
    for domain, items in framework.framework():
        states = []
        for competence in items:
            rows = by_key.get(competence.translation_key, {"a": [], "c": []})
            states.append(
                CompetenceState(
                    competence,
                    assessment=rows["a"][0] if rows["a"] else None,
                    confirmation=rows["c"][0] if rows["c"] else None,
                    confirmations=rows["c"],
                    assessments=rows["a"],
                )
            )
        result.append((domain, states))
    return result


def competence_in_framework(key):
    """The competence with this translation key in the reader's language, or 404."""
    competence = framework.by_key().get(_as_uuid(key))
    if competence is None:
        raise Http404
    return competence


def _valid_level(competence, level):
    ranks = {lvl.rank for lvl in competence.levels.all()}
    if level not in ranks:
        raise ValueError("No such level for this competence.")


def self_assess(peer, competence, level, note=""):
    """A new self-assessment (the earlier ones stay, as the peer's history)."""
    _valid_level(competence, level)
    return SelfAssessment.objects.create(
        peer=peer, competence_key=competence.translation_key, level=level, note=note
    )


# Supervisors ------------------------------------------------------------------------


def confirmable_peers(supervisor):
    """Members of the groups the member supervises (themselves aside), by name."""
    if not supervisor.is_authenticated or not supervisor.is_active:
        return get_user_model().objects.none()
    groups = PracticeGroup.objects.filter(supervisors=supervisor)
    return (
        get_user_model()
        .objects.filter(is_active=True, practice_groups__in=groups)
        .exclude(pk=supervisor.pk)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def may_confirm(supervisor, peer):
    """Only a supervisor of one of the peer's own groups (where the peer is a member)."""
    return confirmable_peers(supervisor).filter(pk=peer.pk).exists()


def peer_for_confirmation(supervisor, pk):
    """The peer with this id if the member may confirm their competences, else 404 (audited)."""
    peer = None
    if str(pk).isdigit():
        peer = confirmable_peers(supervisor).filter(pk=pk).first()
    if peer is None:
        subject = get_user_model().objects.filter(pk=pk).first() if str(pk).isdigit() else None
        audit.denied(None, ("recognition.peer", pk), subject=subject, actor=supervisor)
        raise Http404
    return peer


@transaction.atomic
def confirm(supervisor, peer, competence, level, comment="", *, name_shown=False):
    """A confirmation, added to the peer's history (never overwriting one); the peer is told.
    ``name_shown``: the supervisor agrees that their name appears on the peer's record."""
    if not may_confirm(supervisor, peer):
        audit.denied(None, ("recognition.peer", peer.pk), subject=peer, actor=supervisor)
        raise Http404
    _valid_level(competence, level)
    confirmation = Confirmation.objects.create(
        peer=peer,
        supervisor=supervisor,
        competence_key=competence.translation_key,
        level=level,
        comment=comment,
        name_shown=name_shown,
    )
    notify(peer, COMPETENCE_CONFIRMED, {"competence": str(competence.translation_key)}, email=True)
    return confirmation


# Hours and the recognition of a peer -------------------------------------------------


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    minutes: int
    count: int

    @property
    def hours(self):
        return round(self.minutes / 60, 1)


def validated_entries(peer):
    """How many of the peer's reflective entries a supervisor validated: a count, nothing
    of the entries themselves is read."""
    return (
        EntryTransition.objects.filter(entry__author=peer, to_state=ReflectiveEntry.VALIDATED)
        .values("entry")
        .distinct()
        .count()
    )


def hours_by_source(peer):
    """[Source] of the peer's hours: modules completed, what the record of training counts
    (live sessions attended, from ``courses.records``), supervised practice."""
    modules = courses.completed_modules(peer)
    sources = [Source("modules", _("Training modules"), sum(m for *_x, m in modules), len(modules))]
    for key, title, rows in records.keyed_sections(peer):
        sources.append(Source(key, str(title), sum(row[2] or 0 for row in rows), len(rows)))
    entries = validated_entries(peer)
    per_entry = getattr(settings, "RECOGNITION_MINUTES_PER_VALIDATED_ENTRY", 60)
    sources.append(
        Source(
            "supervised_practice",
            _("Supervised practice (reflective entries validated)"),
            entries * per_entry,
            entries,
        )
    )
    return sources


SUPERVISOR_ROLE = gettext_lazy("a supervisor of their practice group")


@dataclass(frozen=True)
class Recognised:
    competence: object
    level: object
    confirmed_on: object
    role: str
    supervisor_name: str = ""  # only when the supervisor agreed (``Confirmation.name_shown``)

    @property
    def confirmed_by(self):
        return self.supervisor_name or self.role


@dataclass(frozen=True)
class Recognition:
    competences: list
    hours: list


def confirmer_name(confirmation):
    """The confirming supervisor's name if they agreed it may appear, else ""."""
    supervisor = confirmation.supervisor
    if not confirmation.name_shown or supervisor is None or not supervisor.is_active:
        return ""
    return supervisor.get_full_name().strip() or supervisor.get_username()


def confirmed_competences(peer):
    """[Recognised] of the peer: the competences a supervisor confirmed (latest level, date,
    the confirming role, the name only if the supervisor agreed; never a comment or a note)."""
    confirmed = []
    for _domain, states in competences_of(peer, with_notes=False):
        for state in states:
            if state.confirmation is not None:
                confirmed.append(
                    Recognised(
                        state.competence,
                        state.confirmed_level,
                        timezone.localtime(state.confirmation.created_at).date(),
                        str(SUPERVISOR_ROLE),
                        confirmer_name(state.confirmation),
                    )
                )
    return confirmed


def recognition(peer):
    """What may be shown of the peer's recognition (the record page builds on it): the
    confirmed competences and the hours by source."""
    return Recognition(confirmed_competences(peer), hours_by_source(peer))


# A cohort in aggregate ----------------------------------------------------------------


def cohort_for_aggregate(user, pk):
    """A cohort the member trains, or any for a coordinator; 404 otherwise (audited)."""
    cohort = None
    if str(pk).isdigit():
        cohort = courses.cohorts_visible_to(user).filter(pk=pk).first()
    if cohort is None:
        audit.denied(None, ("courses.cohort", pk), actor=user)
        raise Http404
    return cohort


@dataclass
class AggregateRow:
    competence: object
    counts: list  # [(level, count or None when hidden)]
    not_confirmed: object  # count or None when hidden


def cohort_aggregate(cohort):
    """Per competence, how many of the cohort's members have each confirmed level (their
    latest confirmation). A count under the threshold is hidden (None); no name, no note."""
    threshold = small_count()
    member_ids = list(cohort.members.values_list("pk", flat=True))
    latest = {}
    for peer_id, key, level in (
        Confirmation.objects.filter(peer_id__in=member_ids)
        .order_by("created_at", "pk")
        .values_list("peer_id", "competence_key", "level")
    ):
        latest[(peer_id, key)] = level

    def shown(count):
        return count if count == 0 or count >= threshold else None

    rows = []
    for domain, items in framework.framework():
        domain_rows = []
        for competence in items:
            levels = [v for (_p, key), v in latest.items() if key == competence.translation_key]
            counts = [
                (level, shown(sum(1 for v in levels if v == level.rank)))
                for level in competence.levels.all()
            ]
            domain_rows.append(
                AggregateRow(competence, counts, shown(len(member_ids) - len(levels)))
            )
        rows.append((domain, domain_rows))
    return {"members": len(member_ids), "threshold": threshold, "rows": rows}


def _as_uuid(key):
    try:
        return uuid.UUID(str(key))
    except ValueError:
        raise Http404 from None


# The recognition record: the peer's alone; a status only coordinators attest ------------


def own_link(user, pk):
    """The member's own verification link with this id, else 404 (audited): nobody
    reaches another member's record, its choices or its links."""
    link = None
    if user.is_authenticated and str(pk).isdigit():
        link = RecordLink.objects.filter(peer=user, pk=pk).first()
    if link is None:
        owner = RecordLink.objects.filter(pk=pk).values_list("peer", flat=True).first()
        audit.denied(None, ("recognition.recordlink", pk), subject=owner, actor=user)
        raise Http404
    return link


def may_attest(user):
    """Only coordinators attest a member's status (a superuser is a technical role)."""
    return (
        user.is_authenticated and user.is_active and user.groups.filter(name="coordinator").exists()
    )


def refuse_unless_coordinator(user, obj=("recognition.attestedstatus", "")):
    if not may_attest(user):
        audit.denied(None, obj, actor=user)
        raise Http404


def attestable_members(coordinator, search=""):
    """Active members whose status a coordinator may attest: not their own, not the
    technical superuser accounts; ``search``: words each found in a name or username."""
    refuse_unless_coordinator(coordinator)
    members = (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .exclude(pk=coordinator.pk)
        .order_by("first_name", "last_name", "username")
    )
    for word in search.split()[:5]:
        members = members.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
        )
    return members


def member_for_attestation(coordinator, pk):
    """The member with this id for a coordinator, else 404 (audited)."""
    refuse_unless_coordinator(coordinator, ("recognition.member", pk))
    member = None
    if str(pk).isdigit():
        member = attestable_members(coordinator).filter(pk=pk).first()
    if member is None:
        audit.denied(None, ("recognition.member", pk), actor=coordinator)
        raise Http404
    return member


def current_status(member):
    """The member's latest attested status, or None (none, or the last one ended)."""
    latest = AttestedStatus.objects.filter(peer=member).select_related("attested_by").first()
    return latest if latest is not None and latest.status else None


@transaction.atomic
def attest_status(coordinator, member, status):
    """A new attested status (history kept), audited; the member is told."""
    refuse_unless_coordinator(coordinator, ("recognition.member", member.pk))
    if status and status not in dict(AttestedStatus.STATUSES):
        raise ValueError("No such status.")
    row = AttestedStatus.objects.create(peer=member, status=status, attested_by=coordinator)
    audit.record(AuditEvent.STATUS_ATTESTED, actor=coordinator, subject=member, obj=row)
    notify(member, STATUS_ATTESTED, {"status": status}, email=True)
    return row


def latest_statuses(members):
    """{member id: their latest AttestedStatus row} (an ended status included), one query."""
    latest = {}
    rows = AttestedStatus.objects.filter(peer__in=members).order_by("peer", "-attested_at", "-pk")
    for row in rows.select_related("attested_by"):
        latest.setdefault(row.peer_id, row)
    return latest
