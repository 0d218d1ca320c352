"""The peer's "My competences", a supervisor's confirmations and a cohort's aggregate.
Every object comes through ``services`` (404, audited, for what the member may not see)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from courses.services import cohorts_visible_to
from home.charter import charter_required

from . import services
from .forms import ConfirmForm, LevelForm


@never_cache
@charter_required
def my_competences(request):
    return render(
        request,
        "recognition/my_competences.html",
        {
            "domains": services.competences_of(request.user),
            "hours": services.hours_by_source(request.user),
            "may_confirm": services.confirmable_peers(request.user).exists(),
            "may_aggregate": cohorts_visible_to(request.user).exists(),
            "may_attest": services.may_attest(request.user),
        },
    )


@never_cache
@charter_required
def my_competence(request, key):
    competence = services.competence_in_framework(key)
    form = LevelForm(request.POST or None, competence=competence)
    if request.method == "POST" and form.is_valid():
        services.self_assess(
            request.user, competence, form.cleaned_data["level"], form.cleaned_data["text"]
        )
        messages.success(request, _("Saved. Only you read your note."))
        return redirect("my_competences")
    state = _state_of(services.competences_of(request.user), competence)
    return render(
        request,
        "recognition/my_competence.html",
        {"competence": competence, "state": state, "form": form},
    )


@never_cache
@charter_required
def peers(request):
    people = services.confirmable_peers(request.user)
    return render(request, "recognition/peers.html", {"people": people})


@never_cache
@charter_required
def peer_competences(request, pk):
    peer = services.peer_for_confirmation(request.user, pk)
    return render(
        request,
        "recognition/peer_competences.html",
        {"peer": peer, "domains": services.competences_of(peer, with_notes=False)},
    )


@never_cache
@charter_required
def confirm(request, pk, key):
    peer = services.peer_for_confirmation(request.user, pk)
    competence = services.competence_in_framework(key)
    form = ConfirmForm(
        request.POST or None,
        competence=competence,
        level_label=_("The level you agreed on together"),
        text_label=_("A short comment (the peer reads it)"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.confirm(
            request.user,
            peer,
            competence,
            data["level"],
            data["text"],
            name_shown=data["name_shown"],
        )
        messages.success(request, _("Confirmed. The peer is told."))
        return redirect("peer_competences", pk=peer.pk)
    state = _state_of(services.competences_of(peer, with_notes=False), competence)
    return render(
        request,
        "recognition/confirm.html",
        {"peer": peer, "competence": competence, "state": state, "form": form},
    )


@never_cache
@charter_required
def cohorts(request):
    return render(
        request,
        "recognition/cohorts.html",
        {"cohorts": cohorts_visible_to(request.user).order_by("name")},
    )


@never_cache
@charter_required
def cohort_aggregate(request, pk):
    cohort = services.cohort_for_aggregate(request.user, pk)
    return render(
        request,
        "recognition/cohort_aggregate.html",
        {"cohort": cohort, **services.cohort_aggregate(cohort)},
    )


def _state_of(domains, competence):
    for _domain, states in domains:
        for state in states:
            if state.competence.translation_key == competence.translation_key:
                return state
    return None
