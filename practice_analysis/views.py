"""The author's side of reflective entries: list, write (saved as you type), submit, withdraw.

Every view takes the entry through ``services.own_entry``: another member's id is a 404.
"""

from functools import wraps

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.anonymisation import check_fields
from home.charter import charter_redirect, charter_required

from . import readers as who_reads
from . import services
from .forms import ReflectiveEntryForm, SubmitForm
from .models import EntryRead, ReflectiveEntry
from .notifications import notify_supervisors_of_submission
from .states import TransitionRefused, move

CHECKED_FIELDS = [
    "title",
    *[n for n, _l, _h in ReflectiveEntry.GIBBS_SECTIONS],
    "question_for_supervisor",
]


@never_cache
@charter_required
def entry_list(request):
    entries = services.entries_of(request.user)
    readers = who_reads.readers_of_writing(request.user)
    return render(
        request,
        "practice_analysis/entry_list.html",
        {
            "entries": entries,
            "can_write": any(group_readers.is_member for group_readers in readers),
            # Who reads what the member writes, group by group, and its recent changes.
            "readers": [
                (group_readers, who_reads.access_changes(request.user, group_readers.group))
                for group_readers in readers
            ],
        },
    )


@never_cache
@charter_required
def entry_create(request):
    groups = services.member_groups(request.user)
    if not groups.exists():
        messages.info(request, _("You can write an entry once you belong to a practice group."))
        return redirect("entry_list")
    form = ReflectiveEntryForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.author = request.user
        entry.save()
        messages.success(request, _("Your draft is saved. Only you can read it."))
        return redirect("entry_edit", pk=entry.pk)
    return render(request, "practice_analysis/entry_form.html", {"form": form, "entry": None})


def names_to_avoid(entry):
    """Full names of the other people of the entry's group, which the guard looks for."""
    people = entry.group.members.all().union(entry.group.supervisors.all())
    return [
        person.get_full_name()
        for person in people
        if person.pk != entry.author_id and person.get_full_name().strip()
    ]


def remaining_findings(entry):
    texts = {name: getattr(entry, name) for name in CHECKED_FIELDS}
    return check_fields(texts, names_to_avoid(entry), frozenset(entry.accepted_findings))


@never_cache
@charter_required
def entry_edit(request, pk):
    entry = services.own_entry(request.user, pk)
    if not entry.is_editable:
        return redirect("entry_detail", pk=entry.pk)
    groups = services.member_groups(request.user)
    form = ReflectiveEntryForm(request.POST or None, instance=entry, groups=groups)
    submit_form = SubmitForm(request.POST if "submit" in request.POST else None)
    findings = {}
    if request.method == "POST" and form.is_valid():
        entry = form.save()
        if "submit" not in request.POST:
            messages.success(request, _("Saved. Only you can read your draft."))
            return redirect("entry_edit", pk=entry.pk)
        accept_findings(entry, request.POST.getlist("accept"), request.user)
        findings = remaining_findings(entry)
        if not entry.description.strip():
            form.add_error("description", _("Describe the situation before sending it."))
        elif not findings and submit_form.is_valid():
            try:
                move(entry, ReflectiveEntry.SUBMITTED, request.user)
            except TransitionRefused as refused:
                messages.warning(request, str(refused))
                return redirect("entry_detail", pk=entry.pk)
            notify_supervisors_of_submission(entry)
            messages.success(
                request, _("Sent. A supervisor of your group will read it; you will be told.")
            )
            return redirect("entry_detail", pk=entry.pk)
        if findings:
            messages.warning(
                request,
                _(
                    "Your text is saved. Before sending it, please look at what might "
                    "identify someone."
                ),
            )
    return render(
        request,
        "practice_analysis/entry_form.html",
        {
            **services.review_context(entry),
            "form": form,
            "entry": entry,
            "submit_form": submit_form,
            "findings": [
                (form[field].label, field_findings) for field, field_findings in findings.items()
            ],
        },
    )


def accept_findings(entry, keys, user):
    """Record the findings the author marks as not identifying (only current ones count)."""
    current = {
        finding.key
        for field_findings in remaining_findings(entry).values()
        for finding in field_findings
    }
    accepted = {key for key in keys if key in current}
    if accepted:
        now = timezone.now().isoformat()
        for key in accepted:
            entry.accepted_findings[key] = {"by": user.pk, "at": now}
        entry.save(update_fields=["accepted_findings", "updated_at"])


def answers_json(view):
    """The autosave answers JSON in every case, so that the page's script can always say
    what happened: not logged in (401), a stale page (403: the CSRF check, made here to
    answer in JSON), the charter to acknowledge (403), no such entry (404), wrong method
    (405). Nothing saved is touched in any of these cases."""

    def refuse(status, error):
        return JsonResponse({"saved": False, "error": error}, status=status)

    @csrf_exempt  # the same check is made below, answered in JSON instead of a page
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = answer(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def answer(request, *args, **kwargs):
        if request.method != "POST":
            return refuse(405, _("Not saved: this address only saves a draft."))
        if not request.user.is_authenticated:
            return refuse(
                401,
                _(
                    "Not saved: your session has ended. Copy your text somewhere safe, "
                    "then log in again; what was saved before is still there."
                ),
            )
        if CsrfViewMiddleware(lambda _request: None).process_view(request, view, args, kwargs):
            return refuse(
                403,
                _(
                    "Not saved: this page is too old. Copy your text somewhere safe, then "
                    "reload the page; what was saved before is still there."
                ),
            )
        if charter_redirect(request):
            return refuse(403, _("Not saved: please acknowledge the charter first."))
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return refuse(404, _("Not saved: this entry cannot be found."))

    return wrapped


@answers_json
def entry_autosave(request, pk):
    """Save the draft as the author types; answers in JSON for the page's script."""
    entry = services.own_entry(request.user, pk)
    if not entry.is_editable:
        return JsonResponse(
            {"saved": False, "error": _("This entry can no longer be changed.")}, status=409
        )
    form = ReflectiveEntryForm(
        request.POST, instance=entry, groups=services.member_groups(request.user)
    )
    if form.texts_missing():
        return JsonResponse(
            {"saved": False, "error": _("Not saved: the page sent an incomplete draft.")},
            status=400,
        )
    if not form.is_valid():
        errors = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        field = next((name for name in errors if name in form.fields), None)
        error = (
            _("Not saved. %(field)s: %(problem)s")
            % {"field": form[field].label, "problem": errors[field][0]}
            if field
            else _("Not saved: please check the fields marked in red.")
        )
        return JsonResponse({"saved": False, "error": error, "errors": errors}, status=400)
    entry = form.save()
    saved_at = formats.time_format(timezone.localtime(entry.updated_at), "TIME_FORMAT")
    return JsonResponse({"saved": True, "message": _("Saved at %(time)s") % {"time": saved_at}})


@never_cache
@charter_required
def entry_detail(request, pk):
    entry = services.own_entry(request.user, pk)
    return render(
        request,
        "practice_analysis/entry_detail.html",
        {
            "entry": entry,
            "may_share": services.may_share(request.user, entry),
            "transitions": entry.transitions.select_related("by"),
            "readers": services.readers_of(entry),
            "capacities": dict(EntryRead.CAPACITIES),
            **services.review_context(entry),
        },
    )


def _transition_view(to_state, success_message):
    @charter_required
    @require_POST
    def view(request, pk):
        entry = services.own_entry(request.user, pk)
        try:
            move(entry, to_state, request.user)
        except TransitionRefused as refused:
            messages.warning(request, str(refused))
        else:
            messages.success(request, success_message())
        if entry.is_editable:
            return redirect("entry_edit", pk=entry.pk)
        return redirect("entry_detail", pk=entry.pk)

    return view


entry_withdraw = _transition_view(
    ReflectiveEntry.WITHDRAWN, lambda: _("Withdrawn. Supervisors no longer see it.")
)
entry_reopen = _transition_view(
    ReflectiveEntry.DRAFT, lambda: _("Back to draft: you can change it and send it again.")
)


@charter_required
@require_POST
def entry_share(request, pk):
    """After validation, the author may let the group read the entry (and take it back)."""
    entry = services.own_entry(request.user, pk)
    try:
        services.share_with_group(request.user, entry, request.POST.get("share") == "yes")
    except services.SharingRefused as refused:
        messages.warning(request, str(refused))
    else:
        messages.success(
            request,
            _("Shared with your group (read only).")
            if entry.shared_with_group
            else _("No longer shared with your group."),
        )
    return redirect(reverse("entry_detail", kwargs={"pk": entry.pk}))


@never_cache
@charter_required
def shared_entry(request, pk):
    """A validated entry its author shared with the group: read-only, and the read recorded."""
    entry = services.shared_entry(request.user, pk)
    services.record_read(entry, request.user, EntryRead.GROUP_MEMBER, request)
    return render(
        request,
        "practice_analysis/shared_entry.html",
        {"entry": entry, **services.review_context(entry)},
    )
