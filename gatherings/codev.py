"""Co-development that follows up: subjects proposed before a workshop, who has not been
the "client" yet, the six steps of the session mode, and the previous action plans carried
into the next workshop (docs/roles.md).

Rules: all of it belongs to the group. A workshop's subjects, its rotation hint, its
session mode and its follow-up are seen by the group's members and supervisors only (the
session's own rule, ``services.visible_session``), and only for a co-development workshop;
anything else is a 404. A member sees and withdraws their own proposals; whoever leads the
workshop (its facilitator or a supervisor of the group) sees all of them and the rotation
hint. The rotation is a hint, never an assignment: the method asks for a volunteer.

The follow-up reads the group's published co-development records (their action plans are
encrypted and go through the supervisor's workflow first); the reminder on the follow-up
date is ``practice_analysis.follow_ups``, not repeated here.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practice_analysis.models import CodevWorkshopPage, PracticeGroupPage
from practice_analysis.services import groups_of, supervised_groups

from . import services
from .models import LiveSession, SubjectProposal

# The six steps of the method (DOMAIN.md), with their suggested durations in minutes.
STEPS = [
    (
        "expose",
        _("Exposé by the client"),
        10,
        _("The client describes the situation; nobody interrupts."),
    ),
    (
        "clarify",
        _("Clarifying questions"),
        15,
        _("Consultants ask questions to understand; no advice yet."),
    ),
    (
        "contract",
        _("Contract: the request"),
        5,
        _("The client says what help they want: “How can I…?”"),
    ),
    (
        "consult",
        _("Consultants' reactions"),
        25,
        _("Experiences, hypotheses, ideas, resources; no consensus sought."),
    ),
    (
        "plan",
        _("Synthesis and action plan"),
        15,
        _("The client says what they keep and what they will try, and by when."),
    ),
    (
        "learn",
        _("Integration and learning"),
        15,
        _("Each person says what they learned."),
    ),
]


def steps():
    """[{key, title, minutes, hint, number}] of the six steps, in order."""
    return [
        {"number": n, "key": key, "title": title, "minutes": minutes, "hint": hint}
        for n, (key, title, minutes, hint) in enumerate(STEPS, start=1)
    ]


def total_minutes():
    return sum(minutes for _key, _title, minutes, _hint in STEPS)


# Seeing ------------------------------------------------------------------------------


def workshop(user, pk):
    """The co-development workshop with this id if the member may see it (a member or a
    supervisor of its group), else 404 whatever exists."""
    session = services.visible_session(user, pk)
    if session.kind != LiveSession.CODEV or session.group_id is None:
        services.refuse(user, pk)
    if not groups_of(user).filter(pk=session.group_id).exists():
        services.refuse(user, pk)  # a cohort role never opens a group's workshop
    return session


def leads(user, session):
    """Whether the member leads this workshop: its facilitator or a group supervisor."""
    if session.facilitator_id == user.pk:
        return True
    return supervised_groups(user).filter(pk=session.group_id).exists()


# Subjects ----------------------------------------------------------------------------


def proposals_for(user, session):
    """All of the workshop's proposals for whoever leads it; one's own for a member."""
    proposals = SubjectProposal.objects.filter(session=session).select_related("author")
    if leads(user, session):
        return proposals
    return proposals.filter(author=user)


def may_propose(user, session):
    """A member of the group proposes, until the workshop has begun."""
    return session.group.members.filter(pk=user.pk).exists() and session.starts_at > timezone.now()


def propose(user, session, title, details="", reason=""):
    return SubjectProposal.objects.create(
        session=session,
        author=user,
        title=title,
        details=details,
        anonymisation_reason=reason,
    )


def withdraw(user, session, proposal_pk):
    """Withdraw one's own proposal; anyone else's, or one that is gone, is a 404."""
    proposal = SubjectProposal.objects.filter(session=session, author=user, pk=proposal_pk).first()
    if proposal is None:
        services.refuse(user, session.pk)
    proposal.delete()


# Rotation ----------------------------------------------------------------------------


def _group_records(group):
    page = PracticeGroupPage.objects.filter(group=group).first()
    if page is None:
        return CodevWorkshopPage.objects.none()
    return CodevWorkshopPage.objects.descendant_of(page)


def not_yet_client(group):
    """The group's active members who have not been the client of any of its
    co-development records (published or not): a hint for the facilitator."""
    clients = _group_records(group).filter(client__isnull=False).values("client_id")
    return (
        group.members.filter(is_active=True)
        .exclude(pk__in=clients)
        .order_by("first_name", "last_name", "username")
    )


# Follow-up ---------------------------------------------------------------------------


def follow_ups(session):
    """[{record, actions, client, next_follow_up}] of the group's published records since
    its previous workshop, whose action plans this workshop follows up."""
    if session.kind != LiveSession.CODEV or session.group_id is None:
        return []
    day = timezone.localtime(session.starts_at).date()
    previous = (
        LiveSession.objects.filter(
            group_id=session.group_id, kind=LiveSession.CODEV, starts_at__lt=session.starts_at
        )
        .exclude(pk=session.pk)
        .order_by("-starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    records = _group_records(session.group).live().filter(date__lt=day)
    if previous is not None:
        records = records.filter(date__gte=timezone.localtime(previous).date())
    else:
        records = records.order_by("-date")[:1]
    found = []
    for record in sorted(records.select_related("client"), key=lambda r: r.date):
        actions = [block.value for block in record.action_plan if block.block_type == "action"]
        if actions:
            found.append(
                {
                    "record": record,
                    "actions": actions,
                    "client": None if record.client_shown_as_member else record.client,
                    "next_follow_up": record.next_follow_up,
                }
            )
    return found
