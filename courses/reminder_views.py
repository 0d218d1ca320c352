"""The learner's answers to a gentle reminder: "not now" and "stop these reminders".

Both come from the signed links a reminder carries (``reminders.token_for``), for the
logged-in learner they were made for: one click, no form. A link followed by someone else
(or altered) is a 404. Acting on the link itself is safe: it names its learner and module
under a signature, and a mail scanner that follows it, never logged in, only reaches the
login page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from privacy import audit

from . import reminders
from .models import CoursePage, ModuleReminder
from .services import pages_in_language


def _module_of(request, token):
    key = reminders.read_token(token, request.user)
    if key is None:
        audit.denied(request, (ModuleReminder._meta.label_lower, token))
        raise Http404
    return key


@never_cache
@login_required
def not_now(request, token):
    key = _module_of(request, token)
    until = reminders.not_now(request.user, key)
    context = {
        "answer": "not_now",
        "course": pages_in_language(CoursePage, [key]).get(key),
        "until": until,
        "token": token,
    }
    return render(request, "courses/reminder_answer.html", context)


@never_cache
@login_required
def stop(request, token):
    _module_of(request, token)
    reminders.stop(request.user)
    return render(request, "courses/reminder_answer.html", {"answer": "stopped"})


@never_cache
@login_required
@require_POST
def switch_off(request):
    """The same stop, from "My learning": the learner's own choice, no link needed."""
    reminders.stop(request.user)
    messages.success(request, _("Reminders are off. Your modules wait for you, quietly."))
    return redirect("my_learning")


@never_cache
@login_required
@require_POST
def resume(request):
    reminders.resume(request.user)
    messages.success(request, _("Reminders are on again: one kind word now and then, no more."))
    return redirect("my_learning")
