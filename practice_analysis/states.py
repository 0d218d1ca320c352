"""The life of a reflective entry: which change of state is allowed, to whom, and its record.

draft → submitted (author, after the anonymisation check) → in review (a supervisor of the
group takes it) → changes requested (back to the author, who revises and submits again) or
validated (locked) → archived (retention). The author may withdraw before validation. When
the supervisor who took an entry is erased, the entry goes back to the queue (in review →
submitted, by the erasure).

``move`` is the only way an entry changes state (a test checks that no other code writes
it). Who may make each change is a capacity: the author, a supervisor of the entry's group,
or a process of the association's own — the retention schedule (``by=RETENTION``) or an
erasure (``by=ERASURE``). No request carries either process: no one using the site can act as one.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EntryTransition, ReflectiveEntry
from .services import forget_supervision_waiting, supervises

E = ReflectiveEntry
AUTHOR, SUPERVISOR, SYSTEM, ERASED = "author", "supervisor", "system", "erasure"


class _Process:
    """Code acting on an entry for nobody in particular; never a user, so never a request's."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<process {self.name}>"


# An erasure (privacy.services.erase_member, run by a coordinator for the member who asked)
# moves entries with this as ``by``; the retention schedule (``apply_retention``) with the
# other.
ERASURE = _Process(ERASED)
RETENTION = _Process(SYSTEM)

ALLOWED = {
    (E.DRAFT, E.SUBMITTED): AUTHOR,
    (E.CHANGES_REQUESTED, E.SUBMITTED): AUTHOR,
    (E.SUBMITTED, E.IN_REVIEW): SUPERVISOR,
    (E.IN_REVIEW, E.CHANGES_REQUESTED): SUPERVISOR,
    (E.IN_REVIEW, E.VALIDATED): SUPERVISOR,
    (E.SUBMITTED, E.WITHDRAWN): AUTHOR,
    (E.IN_REVIEW, E.WITHDRAWN): AUTHOR,
    (E.CHANGES_REQUESTED, E.WITHDRAWN): AUTHOR,
    (E.WITHDRAWN, E.DRAFT): AUTHOR,
    (E.VALIDATED, E.ARCHIVED): SYSTEM,
    # The reviewer's account is erased: the entry waits for another supervisor.
    (E.IN_REVIEW, E.SUBMITTED): ERASED,
}


class TransitionRefused(Exception):
    """The change asked for is not possible now; the message says why."""


def capacity(user, entry):
    """In what capacity ``user`` acts on the entry, or None: the author, a supervisor of its
    group, or a process (``RETENTION``, ``ERASURE``)."""
    if isinstance(user, _Process):
        return user.name
    if not getattr(user, "is_authenticated", False):
        return None
    if entry.author_id == user.pk:
        return AUTHOR
    if supervises(user, entry.group):
        return SUPERVISOR
    return None


def move(entry, to_state, by):
    """Change the entry's state if allowed, and record who did it and when."""
    with transaction.atomic():
        # Lock the row: two supervisors taking the same entry at once get one winner.
        current = ReflectiveEntry.objects.select_for_update().get(pk=entry.pk)
        needed = ALLOWED.get((current.state, to_state))
        acting = capacity(by, current)
        # A change only a process makes is, to a person, no change at all.
        if needed is None or (needed in (SYSTEM, ERASED) and acting != needed):
            raise TransitionRefused(
                _("This entry is “%(state)s”: it cannot become “%(target)s”.")
                % {
                    "state": current.get_state_display(),
                    "target": dict(ReflectiveEntry.STATES)[to_state],
                }
            )
        if acting != needed:
            raise TransitionRefused(_("Only the author or a supervisor of the group can do this."))
        person = by if needed in (AUTHOR, SUPERVISOR) else None
        EntryTransition.objects.create(
            entry=current, from_state=current.state, to_state=to_state, by=person
        )
        fields = ["state", "updated_at"]
        current.state = to_state
        if to_state == E.SUBMITTED:
            current.reviewer = None
            fields.append("reviewer")
            if needed == AUTHOR:
                # Sent by its author; an entry back from an erased reviewer keeps its
                # place in the queue.
                current.submitted_at = timezone.now()
                fields.append("submitted_at")
        elif to_state == E.IN_REVIEW:
            current.reviewer = by
            fields.append("reviewer")
        current.save(update_fields=fields)
        transaction.on_commit(lambda: forget_supervision_waiting(current.group_id))
    entry.refresh_from_db()
    return entry
