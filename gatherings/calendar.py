"""Calendar files (RFC 5545, written by the ``icalendar`` library): one session for "Add to
my calendar", or every session a member may see for their private feed.

Calendars are often kept by third parties (a phone's cloud account): an event carries the
kind of session, its cohort or group, time, place or video link and a link to the session
page, never the agenda nor who comes.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

from icalendar import Calendar, Event

PRODID = "-//Entrepairs//Live sessions//FR"


def _absolute(request, path):
    return request.build_absolute_uri(path)


def event(session, request):
    item = Event()
    item.add("uid", f"session-{session.pk}@{request.get_host()}")
    item.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    item.add("last-modified", session.updated_at.astimezone(datetime.UTC))
    item.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    item.add("dtend", session.ends_at.astimezone(datetime.UTC))
    item.add("summary", f"{session.get_kind_display()} — {session.audience}")
    url = _absolute(request, reverse("session_detail", kwargs={"pk": session.pk}))
    item.add("url", url)
    if session.place:
        item.add("location", session.place)
    elif session.video_link:
        item.add("location", session.video_link)
    item.add("description", url)
    return item


def calendar(sessions, request, name):
    """An iCalendar file (bytes) of these sessions, in the request's language."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for session in sessions:
        cal.add_component(event(session, request))
    return cal.to_ical()
