"""From a session to its record: the facilitator or a supervisor of the group starts the
session log or co-development record, then writes it in the editing space (``services``:
``record_session``, ``start_record``; 404 for anyone else)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home.charter import charter_required

from . import services


def record_edit_url(record):
    return reverse("wagtailadmin_pages:edit", args=[record.pk])


@never_cache
@charter_required
def session_record(request, pk):
    """POST starts the record (or finds the one started); both methods lead to it."""
    session = services.record_session(request.user, pk)
    if session.record_id is not None:
        return redirect(record_edit_url(session.record))
    if request.method != "POST":
        return redirect("session_detail", pk=session.pk)
    if not services.has_begun(session):
        messages.error(request, _("The record is started once the session has begun."))
        return redirect("session_detail", pk=session.pk)
    record = services.start_record(request.user, session)
    messages.success(
        request,
        _(
            "The record is started with the date and the people present. Write it, then "
            "submit it to the group's supervisors."
        ),
    )
    return redirect(record_edit_url(record))
