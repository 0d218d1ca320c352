""" "Share": peers write, revise and send their contributions on the site.

Every rule is in ``sharing.py``: who may write (``may_share``), whose text it is
(``own_contribution``: another member's id is a 404), when it may change (``standing``).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from privacy import audit
from privacy.services import public_author_name

from . import sharing
from .charter import charter_required
from .share_forms import ShareForm, form_key, read_form_key
from .share_text import NotPlainText, body_to_text


def _sharer(request):
    """The member, if they may propose contributions; a 404 (recorded) otherwise."""
    if not sharing.may_share(request.user):
        audit.denied(request, ("home.contributionpage", "share"))
        raise Http404
    return request.user


@never_cache
@charter_required
def share_list(request):
    user = _sharer(request)
    contributions = [
        (page, sharing.standing(page, user)) for page in sharing.contributions_of(user)
    ]
    return render(
        request,
        "home/share_list.html",
        {"contributions": contributions, "section": sharing.contribution_section()},
    )


def _form(request, initial=None):
    return ShareForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        author_name=public_author_name(request.user),
    )


@never_cache
@charter_required
def share_new(request):
    user = _sharer(request)
    form = _form(request, initial={"key": form_key(user)})
    if request.method == "POST" and form.is_valid():
        key = read_form_key(form.cleaned_data["key"], user)
        page = sharing.save_draft(user, form.cleaned_data, key=key)
        if page is None:
            # The same form sent again once its text was already sent (a double click).
            messages.info(request, _("This text is already with the trainers."))
            return redirect("share_list")
        return _after_saving(request, form, page)
    return _render_form(request, form, None)


@never_cache
@charter_required
def share_edit(request, pk):
    user = _sharer(request)
    page = sharing.own_contribution(user, pk)
    standing = sharing.standing(page, user)
    if not standing.editable:
        messages.info(
            request, _("This text cannot be changed now: %(status)s.") % {"status": standing.words}
        )
        return redirect("share_detail", pk=page.pk)
    draft = page.get_latest_revision_as_object()
    try:
        text = body_to_text(draft.body)
    except NotPlainText:
        messages.info(
            request,
            _(
                "A trainer added parts to this text (an image, a video, a quote…) that this "
                "form cannot show. To change it, write to the trainers."
            ),
        )
        return redirect("share_detail", pk=page.pk)
    form = _form(
        request,
        initial={
            "kind": draft.kind,
            "title": draft.title,
            "summary": draft.summary,
            "text": text,
            "content_note": draft.content_note,
            "signature": draft.signature,
        },
    )
    if request.method == "POST" and form.is_valid():
        saved = sharing.save_draft(user, form.cleaned_data, page)
        if saved is None:
            messages.info(request, _("This text cannot be changed now."))
            return redirect("share_detail", pk=page.pk)
        return _after_saving(request, form, saved)
    return _render_form(request, form, page, standing)


def _after_saving(request, form, page):
    """Saved: back to the form, or, when asked, checked for what might identify someone and
    sent for review."""
    if "submit" not in request.POST:
        messages.success(request, _("Saved. Only you can read your draft."))
        return redirect("share_edit", pk=page.pk)
    current = sharing.findings(page, form.cleaned_data)
    confirmed = sharing.confirm_findings(
        page, request.user, request.POST.getlist("accept"), current
    )
    remaining = {
        field: [finding for finding in field_findings if finding.key not in confirmed]
        for field, field_findings in current.items()
    }
    remaining = {field: found for field, found in remaining.items() if found}
    if remaining:
        messages.warning(
            request,
            _("Your text is saved. Before sending it, please look at what might identify someone."),
        )
        return _render_form(
            request, form, page, sharing.standing(page, request.user), findings=remaining
        )
    try:
        sharing.submit(page, request.user)
    except sharing.NotSubmitted:
        messages.info(request, _("This text is already with the trainers."))
        return redirect("share_detail", pk=page.pk)
    messages.success(
        request,
        _("Sent. A trainer will read it before it is published; you will be told."),
    )
    return redirect("share_detail", pk=page.pk)


def _render_form(request, form, page, standing=None, findings=None):
    return render(
        request,
        "home/share_form.html",
        {
            "form": form,
            "page": page,
            "standing": standing,
            "findings": [
                (form[field].label, field_findings)
                for field, field_findings in (findings or {}).items()
            ],
        },
    )


@never_cache
@charter_required
def share_detail(request, pk):
    user = _sharer(request)
    page = sharing.own_contribution(user, pk)
    return render(
        request,
        "home/share_detail.html",
        {
            "contribution": page,
            "draft": page.get_latest_revision_as_object(),
            "standing": sharing.standing(page, user),
        },
    )
