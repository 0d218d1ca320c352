"""Who can read what a member writes, as the entries page and the group page show it.

One place says who reads what, from the rules of ``services``: an entry sent for review is
read by the supervisors of its group (``supervised_entries``), a shared validated entry by
the members of its group (``shared_entries``), the group's page and records by its members
and supervisors (``may_see_group``).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Max, Q

from privacy.models import AuditEvent

from .models import PracticeGroup
from .services import SEEN_BY_SUPERVISORS, may_see_group, member_groups, supervises


def display_name(user):
    return user.get_full_name().strip() or user.get_username()


@dataclass(frozen=True)
class Reader:
    """A person who can read, as the templates show them: by name."""

    pk: int
    name: str

    def __str__(self):
        return self.name


@dataclass(frozen=True)
class GroupReaders:
    """The people of one group, as one member sees them (themselves left out)."""

    group: PracticeGroup
    supervisors: list
    members: list
    # False for a group the member left that still holds entries of theirs.
    is_member: bool = True

    @property
    def everyone(self):
        """Supervisors and members, each once (someone may be both)."""
        people = {reader.pk: reader for reader in [*self.supervisors, *self.members]}
        return sorted(people.values(), key=lambda reader: reader.name.casefold())


def _people_by_group(groups, leave_out=None):
    """``{group id: ([supervisors], [members])}`` as readers, in two queries, by name."""
    people = {group.pk: ([], []) for group in groups}
    relations = [(PracticeGroup.supervisors.through, 0), (PracticeGroup.members.through, 1)]
    for through, index in relations:
        rows = (
            through.objects.filter(practicegroup__in=list(people))
            .exclude(user=leave_out)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "user__username")
        )
        for row in rows:
            people[row.practicegroup_id][index].append(Reader(row.user_id, display_name(row.user)))
    return people


def readers_of_writing(user):
    """For each group the member writes in: who reads an entry they send for review (the
    group's supervisors) and who reads an entry they share once validated (its members).

    A group the member left counts while it holds entries of theirs that its supervisors
    still see: the people of that group read them still.
    """
    if not user.is_authenticated:
        return []
    groups = list(
        PracticeGroup.objects.filter(
            Q(members=user) | Q(entries__author=user, entries__state__in=SEEN_BY_SUPERVISORS)
        )
        .distinct()
        .order_by("name")
    )
    member_of = set(member_groups(user).values_list("pk", flat=True))
    people = _people_by_group(groups, leave_out=user.pk)
    return [
        GroupReaders(group, *people[group.pk], is_member=group.pk in member_of) for group in groups
    ]


def readers_of_group(group):
    """Everyone who reads the group's page and records: its members and its supervisors."""
    return GroupReaders(group, *_people_by_group([group])[group.pk])


ACCESS_CHANGES = {
    AuditEvent.MEMBER_ADDED: ("member", True),
    AuditEvent.MEMBER_REMOVED: ("member", False),
    AuditEvent.SUPERVISOR_ADDED: ("supervisor", True),
    AuditEvent.SUPERVISOR_REMOVED: ("supervisor", False),
}


@dataclass(frozen=True)
class AccessChange:
    """One line of a group's history of who can read it, for its people."""

    at: object
    person: str
    capacity: str
    added: bool
    by: str


def access_changes(user, group, limit=10):
    """The recent changes of who can read the group's writing, from the audit log, newest
    first: for the people of the group only, and only since the viewer joined it (the
    people who came and went before are none of a newcomer's business)."""
    if not may_see_group(user, group):
        return []
    events = AuditEvent.objects.filter(
        action__in=list(ACCESS_CHANGES),
        object_type=PracticeGroup._meta.label_lower,
        object_id=str(group.pk),
    )
    since = _joined_at(user, group, events)
    if since is not None:
        events = events.filter(at__gte=since)
    events = list(events.order_by("-at", "-pk")[:limit])
    ids = {e.subject_id for e in events} | {e.actor_id for e in events}
    users = get_user_model().objects.in_bulk([pk for pk in ids if pk is not None])
    changes = []
    for event in events:
        capacity, added = ACCESS_CHANGES[event.action]
        person = users.get(event.subject_id)
        actor = users.get(event.actor_id)
        changes.append(
            AccessChange(
                at=event.at,
                person=display_name(person) if person else "",
                capacity=capacity,
                added=added,
                by=display_name(actor) if actor and actor.pk != event.subject_id else "",
            )
        )
    return changes


def _joined_at(user, group, events):
    """Since when the member has been in the group: the latest time they were added in each
    capacity they hold, the earliest of those. None when the log does not say (older than
    its retention)."""
    capacities = []
    if group.members.filter(pk=user.pk).exists():
        capacities.append(AuditEvent.MEMBER_ADDED)
    if supervises(user, group):
        capacities.append(AuditEvent.SUPERVISOR_ADDED)
    latest = (
        events.filter(subject=user, action__in=capacities)
        .order_by()
        .values("action")
        .annotate(last=Max("at"))
        .values_list("last", flat=True)
    )
    latest = list(latest)
    if len(latest) < len(capacities) or not latest:
        return None
    return min(latest)
