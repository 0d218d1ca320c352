"""The life of a reflective entry: which change of state is allowed, to whom, and its record.

draft → submitted (author, after the anonymisation check) → in review (a supervisor of the
group takes it) → changes requested (back to the author, who revises and submits again) or
validated (locked) → archived (retention). The author may withdraw before validation.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EntryTransition, ReflectiveEntry

E = ReflectiveEntry
AUTHOR, SUPERVISOR, SYSTEM = "author", "supervisor", "system"

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
}


class TransitionRefused(Exception):
    """The change asked for is not possible now; the message says why."""


def capacity(user, entry):
    if user is None:
        return SYSTEM
    if entry.author_id == user.pk:
        return AUTHOR
    if entry.group.supervisors.filter(pk=user.pk).exists():
        return SUPERVISOR
    return None


def move(entry, to_state, by):
    """Change the entry's state if allowed, and record who did it and when."""
    with transaction.atomic():
        # Lock the row: two supervisors taking the same entry at once get one winner.
        current = ReflectiveEntry.objects.select_for_update().get(pk=entry.pk)
        needed = ALLOWED.get((current.state, to_state))
        if needed is None:
            raise TransitionRefused(
                _("This entry is “%(state)s”: it cannot become “%(target)s”.")
                % {
                    "state": current.get_state_display(),
                    "target": dict(ReflectiveEntry.STATES)[to_state],
                }
            )
        if capacity(by, current) != needed:
            raise TransitionRefused(_("Only the author or a supervisor of the group can do this."))
        EntryTransition.objects.create(
            entry=current, from_state=current.state, to_state=to_state, by=by
        )
        fields = ["state", "updated_at"]
        current.state = to_state
        if to_state == E.SUBMITTED:
            current.submitted_at = timezone.now()
            current.reviewer = None
            fields += ["submitted_at", "reviewer"]
        elif to_state == E.IN_REVIEW:
            current.reviewer = by
            fields.append("reviewer")
        current.save(update_fields=fields)
    entry.refresh_from_db()
    return entry
