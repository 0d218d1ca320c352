"""A co-development workshop's subjects and its step-by-step session mode. Every object
comes through ``codev`` (404 for whoever is not a member or supervisor of the group)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.charter import charter_required

from . import codev
from .codev_forms import SubjectForm


def _names(session):
    people = session.group.members.all() | session.group.supervisors.all()
    return [name for name in (p.get_full_name().strip() for p in people.distinct()) if name]


@never_cache
@charter_required
def session_subjects(request, pk):
    """Propose a subject (members, before the workshop); see one's own or, for whoever
    leads, all of them and who has not been the client yet."""
    session = codev.workshop(request.user, pk)
    may_propose = codev.may_propose(request.user, session)
    form = None
    if may_propose:
        form = SubjectForm(request.POST or None, names=_names(session))
        if request.method == "POST" and form.is_valid():
            codev.propose(
                request.user,
                session,
                form.cleaned_data["title"],
                form.cleaned_data["details"],
                form.cleaned_data["anonymisation_reason"],
            )
            messages.success(request, _("Your subject is proposed. You can withdraw it."))
            return redirect("session_subjects", pk=session.pk)
    leads = codev.leads(request.user, session)
    return render(
        request,
        "gatherings/session_subjects.html",
        {
            "session": session,
            "form": form,
            "leads": leads,
            "proposals": codev.proposals_for(request.user, session),
            "not_yet_client": list(codev.not_yet_client(session.group)) if leads else None,
        },
    )


@require_POST
@charter_required
def session_subject_withdraw(request, pk, proposal):
    session = codev.workshop(request.user, pk)
    codev.withdraw(request.user, session, proposal)
    messages.success(request, _("Your subject is withdrawn."))
    return redirect("session_subjects", pk=session.pk)


@never_cache
@charter_required
def session_mode(request, pk):
    """The six steps with their suggested durations and a timer; nothing is stored."""
    session = codev.workshop(request.user, pk)
    return render(
        request,
        "gatherings/session_mode.html",
        {
            "session": session,
            "steps": codev.steps(),
            "total_minutes": codev.total_minutes(),
            "follow_ups": codev.follow_ups(session),
        },
    )
