"""Practice analysis's panels on the member's own home (``home.personal``): the member's
entries returned with feedback, and for supervisors the reviews waiting for them (entries
and group records).

Only the member's own entries are named; a supervisor reads a count, never a title of
someone else's entry.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.personal import NAMED_ITEMS, named, register_panel, waiting

from . import services
from .models import ReflectiveEntry


def returned_entries(request):
    """The member's entries a supervisor sent back with changes to make (one query)."""
    entries = (
        services.entries_of(request.user)
        .filter(state=ReflectiveEntry.CHANGES_REQUESTED)
        .select_related(None)
        .only("id", "title")
        .order_by("-updated_at", "pk")
    )
    first, others = named(entries[: NAMED_ITEMS + 1])
    if not first:
        return None
    message = ngettext(
        "A supervisor read your entry and suggests changes:",
        "A supervisor read your entries and suggests changes:",
        len(first) + others,
    )
    items = [(entry.title, reverse("entry_detail", args=[entry.pk])) for entry in first]
    return waiting(
        message, url=reverse("entry_list"), action=_("My entries"), items=items, others=others
    )


def reviews_to_do(request):
    """How much waits in this supervisor's inbox: entries and group records (the header's
    count, ``supervision_waiting``)."""
    count = services.supervision_waiting(request.user)
    if not count:
        return None
    message = ngettext(
        "%(count)s entry or record waits for your review.",
        "%(count)s entries or records wait for your review.",
        count,
    ) % {"count": count}
    return waiting(message, url=reverse("supervision_queue"), action=_("Open the supervision"))


def register():
    register_panel("returned_entries", builder=returned_entries, order=20)
    register_panel("reviews_to_do", builder=reviews_to_do, order=40)
