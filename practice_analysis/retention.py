"""Practice analysis' retention steps (``privacy.retention``): validated entries left
untouched for a year are archived (out of supervisors' sight, kept for their author); every
entry is deleted three years after it was written, whatever its state."""

from privacy.retention import days, register_step

from .models import ReflectiveEntry
from .states import RETENTION, TransitionRefused, move


def entries_to_purge(now, age):
    """Every entry written more than ``entries_purge_after_days`` ago, whatever its state."""
    return ReflectiveEntry.objects.filter(created_at__lt=now - age)


def entries_to_archive(now, age):
    """Validated entries untouched for ``entries_archive_after_days`` (and not deleted now)."""
    entries = ReflectiveEntry.objects.filter(
        state=ReflectiveEntry.VALIDATED, updated_at__lt=now - age
    )
    purge_age = days("entries_purge_after_days")
    if purge_age is not None:
        entries = entries.exclude(pk__in=entries_to_purge(now, purge_age).values("pk"))
    return entries


def archive(entries):
    archived = 0
    for entry in entries.iterator():
        try:
            move(entry, ReflectiveEntry.ARCHIVED, RETENTION)
        except TransitionRefused:  # changed meanwhile
            continue
        archived += 1
    return archived


register_step(
    "entries_archived",
    planned="validated reflective entries to archive",
    done="validated reflective entries archived",
    setting="entries_archive_after_days",
    due=entries_to_archive,
    act=archive,
    order=10,
)
register_step(
    "entries_purged",
    planned="reflective entries to delete",
    done="reflective entries deleted",
    setting="entries_purge_after_days",
    due=entries_to_purge,
    order=20,
)
