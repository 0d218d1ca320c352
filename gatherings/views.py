"""Members' and facilitators' pages of live sessions. Every object comes through
``services`` (404 for what the member may not see)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.charter import charter_required
from home.downloads import attachment
from home.models import SiteSettings

from . import calendar, services
from .attendance_sheet import attendance_sheet_pdf
from .forms import AttendanceForm, CheckInForm, ScheduleForm
from .models import Attendance


@never_cache
@charter_required
def session_list(request):
    """The member's sessions: what is coming, what happened; and where to schedule."""
    return render(
        request,
        "gatherings/session_list.html",
        {
            "upcoming": services.upcoming_for(request.user, limit=50),
            "past": services.past_for(request.user, limit=20),
            "may_schedule": services.may_schedule_any(request.user),
        },
    )


@never_cache
@charter_required
def session_detail(request, pk):
    session = services.visible_session(request.user, pk)
    may_attend = services.may_take_attendance(request.user, session)
    expected = services.participants(session).filter(pk=request.user.pk).exists()
    return render(
        request,
        "gatherings/session_detail.html",
        {
            "session": session,
            "my_answer": services.my_answer(request.user, session),
            "counts": services.answer_counts(session),
            "may_take_attendance": may_attend,
            "may_edit": services.sessions_schedulable_by(request.user).filter(pk=pk).exists(),
            "checkin_form": CheckInForm() if expected and services.checkin_open(session) else None,
            "my_attendance": Attendance.objects.filter(session=session, user=request.user).first(),
        },
    )


@require_POST
@charter_required
def session_answer(request, pk):
    """ "I'll come" or "Not this time": the same answer twice changes nothing."""
    session = services.visible_session(request.user, pk)
    choice = request.POST.get("coming")
    if choice not in ("yes", "no"):
        return redirect("session_detail", pk=session.pk)
    services.answer(request.user, session, choice == "yes")
    if choice == "yes":
        messages.success(
            request, _("Noted: you plan to come. You can change your mind at any time.")
        )
    else:
        messages.success(request, _("Noted. Thank you for letting the group know."))
    return redirect("session_detail", pk=session.pk)


@charter_required
def session_ics(request, pk):
    session = services.visible_session(request.user, pk)
    content = calendar.calendar([session], request, name=str(session.audience))
    return attachment(content, f"session-{session.pk}.ics", "text/calendar; charset=utf-8")


@require_POST
@charter_required
def session_check_in(request, pk):
    session = services.visible_session(request.user, pk)
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            services.check_in(request.user, session, form.cleaned_data["code"])
        except services.CheckInRefused as refusal:
            messages.error(request, CHECKIN_MESSAGES[str(refusal)]())
        else:
            messages.success(request, _("You are checked in. Welcome!"))
    return redirect("session_detail", pk=session.pk)


CHECKIN_MESSAGES = {
    "closed": lambda: _("Checking in opens half an hour before the session and closes at its end."),
    "not_expected": lambda: _("Checking in is for the session's participants."),
    "too_many": lambda: _("Too many tries: ask the facilitator to mark you present."),
    "wrong": lambda: _("That code does not match. Check it with the facilitator."),
}


@never_cache
@charter_required
def session_schedule(request):
    """A new session, for the cohorts and groups the member schedules."""
    if not services.may_schedule_any(request.user):
        raise Http404
    initial = {
        key: request.GET[key] for key in ("group", "cohort") if request.GET.get(key, "").isdigit()
    }
    form = ScheduleForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.created_by = request.user
        session.save()
        messages.success(request, _("The session is scheduled. Its members can now see it."))
        return redirect("session_detail", pk=session.pk)
    return render(request, "gatherings/session_form.html", {"form": form, "session": None})


@never_cache
@charter_required
def session_edit(request, pk):
    session = services.schedulable_session(request.user, pk)
    form = ScheduleForm(request.POST or None, instance=session, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The session is updated."))
        if services.sessions_visible_to(request.user).filter(pk=pk).exists():
            return redirect("session_detail", pk=session.pk)
        return redirect("session_list")
    return render(request, "gatherings/session_form.html", {"form": form, "session": session})


@never_cache
@charter_required
def session_attendance(request, pk):
    """The facilitator's phone-friendly list: who came, late arrivals, early leaves."""
    session = services.attendance_session(request.user, pk)
    rows = services.attendance_rows(session)
    forms = []
    for person, record, answer in rows:
        initial = {}
        if record is not None:
            initial = {
                "status": record.status,
                "arrived_at": record.arrived_at,
                "left_at": record.left_at,
            }
        form = AttendanceForm(
            request.POST if request.method == "POST" else None,
            prefix=f"p{person.pk}",
            initial=initial,
        )
        forms.append((person, form, record, answer))
    if request.method == "POST" and all(form.is_valid() for _p, form, _r, _a in forms):
        for person, form, _record, _answer in forms:
            status = form.cleaned_data["status"]
            if status:
                services.mark(
                    session,
                    person,
                    status,
                    form.cleaned_data["arrived_at"],
                    form.cleaned_data["left_at"],
                    by=request.user,
                )
        messages.success(request, _("Attendance saved."))
        return redirect("session_attendance", pk=session.pk)
    return render(
        request, "gatherings/session_attendance.html", {"session": session, "rows": forms}
    )


@never_cache
@charter_required
def calendar_feed_settings(request):
    """The member's private calendar address: shown, regenerated or revoked."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_feed(request.user)
            messages.success(request, _("Your calendar address no longer works."))
        else:
            services.regenerate_feed(request.user)
            messages.success(
                request, _("Your new calendar address is ready; the old one no longer works.")
            )
        return redirect("calendar_feed_settings")
    feed = services.feed_of(request.user)
    url = request.build_absolute_uri(feed_url(feed)) if feed else None
    return render(request, "gatherings/calendar_feed.html", {"feed": feed, "feed_url": url})


def feed_url(feed):
    return reverse("calendar_feed", kwargs={"token": feed.token})


@never_cache
def calendar_feed(request, token):
    """The private feed: no login (calendar applications have none), the token is the key;
    only what its owner may open."""
    owner = services.feed_owner(token)
    content = calendar.calendar(services.feed_sessions(owner), request, name="Entrepairs")
    return HttpResponse(content, content_type="text/calendar; charset=utf-8")


@never_cache
@charter_required
def session_attendance_sheet(request, pk):
    """The attendance sheet (PDF) for funders, for whoever takes the attendance."""
    session = services.attendance_session(request.user, pk)
    content = attendance_sheet_pdf(
        session,
        services.attendance_rows(session),
        association=SiteSettings.for_request(request).association_name,
        language=get_language(),
    )
    start = timezone.localtime(session.starts_at).date().isoformat()
    name = _("attendance-sheet")  # outside the f-string, where makemessages finds it
    return attachment(content, f"{name}-{start}.pdf", "application/pdf")
