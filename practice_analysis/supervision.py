"""The supervisor space (front end): one inbox for the groups they supervise (entries sent
for review and group records awaiting approval, the latter approved in the editing space),
and the reviews of entries.

Entries are reached through ``services.supervised_entry``: an entry of another group, or
a draft, is a 404. Every read is recorded for the author to see.
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.models import CoursePage
from home.charter import charter_required
from home.locales import active_locale

from . import services
from .forms import ReviewForm
from .models import EntryRead, EntryReview, ReflectiveEntry
from .notifications import notify_author_of_review
from .states import TransitionRefused, move

# What a row of the queue shows: the entry's title, group, date and state, and who took it.
QUEUE_COLUMNS = (
    "title",
    "wants_to_talk",
    "submitted_at",
    "state",
    "group__name",
    "reviewer__first_name",
    "reviewer__last_name",
)


def _require_supervisor(user):
    if not services.supervises_any_group(user):
        raise Http404


@never_cache
@charter_required
def queue(request):
    _require_supervisor(request.user)
    # The queue lists titles: only what its rows show is read (the texts, up to 20,000
    # characters each, and the author, who is not named there, stay in the database).
    entries = (
        services.supervision_queue(request.user)
        .select_related(None)
        .select_related("group", "reviewer")
        .only(*QUEUE_COLUMNS)
    )
    return render(
        request,
        "practice_analysis/supervision_queue.html",
        {"entries": entries, "records": services.records_to_approve(request.user)},
    )


def _modules():
    return CoursePage.objects.live().filter(locale=active_locale()).order_by("title")


@never_cache
@charter_required
def entry(request, pk):
    entry = services.supervised_entry(request.user, pk)
    services.record_read(entry, request.user, EntryRead.SUPERVISOR, request)
    reviewing = entry.state == ReflectiveEntry.IN_REVIEW and entry.reviewer_id == request.user.pk
    return render(
        request,
        "practice_analysis/supervision_entry.html",
        {
            "entry": entry,
            "reviewing": reviewing,
            "form": ReviewForm(modules=_modules()) if reviewing else None,
            **services.review_context(entry),
        },
    )


@charter_required
@require_POST
def take(request, pk):
    entry = services.supervised_entry(request.user, pk)
    try:
        move(entry, ReflectiveEntry.IN_REVIEW, request.user)
    except TransitionRefused:
        messages.info(request, _("Another supervisor has already taken this entry."))
        return redirect("supervision_queue")
    return redirect("supervision_entry", pk=entry.pk)


@never_cache
@charter_required
def review(request, pk):
    entry = services.supervised_entry(request.user, pk)
    if request.method != "POST":
        # Reached after logging in again (the review was sent as the session ended): the
        # entry's page, where the review's text is put back (``static/js/autosave.js``).
        return redirect("supervision_entry", pk=entry.pk)
    if not (entry.state == ReflectiveEntry.IN_REVIEW and entry.reviewer_id == request.user.pk):
        messages.warning(request, _("Take the entry before reviewing it."))
        return redirect("supervision_entry", pk=entry.pk)
    form = ReviewForm(request.POST, modules=_modules())
    if not form.is_valid():
        services.record_read(entry, request.user, EntryRead.SUPERVISOR, request)
        return render(
            request,
            "practice_analysis/supervision_entry.html",
            {"entry": entry, "reviewing": True, "form": form, **services.review_context(entry)},
        )
    with transaction.atomic():
        saved = EntryReview.objects.create(
            entry=entry,
            reviewer=request.user,
            section_comments=form.section_comments(),
            overall_comment=form.cleaned_data["overall_comment"].strip(),
            recommended_modules=form.cleaned_data["recommended_modules"],
            bring_to_session=form.cleaned_data["bring_to_session"],
            discuss_in_person=form.cleaned_data["discuss_in_person"],
            decision=form.cleaned_data["decision"],
        )
        move(entry, saved.decision, request.user)
    notify_author_of_review(entry, saved, request)
    messages.success(request, _("Your review is sent. The author has been told by e-mail."))
    return redirect("supervision_queue")
