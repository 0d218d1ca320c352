"""``{% upcoming_sessions %}``: the member's next sessions, of one group or cohort or of all,
for the group page, the learner's page and (later) the personal home."""

from django import template
from django.urls import reverse

from gatherings import codev, services

register = template.Library()


@register.inclusion_tag("gatherings/includes/upcoming_sessions.html", takes_context=True)
def upcoming_sessions(context, group=None, cohort=None, kind=None, limit=5, quiet=False):
    """``quiet``: say nothing when nothing is coming (pages where sessions are a side note)."""
    user = context["request"].user
    sessions = services.upcoming_for(user, limit, group=group, cohort=cohort, kind=kind)
    schedule_url = None
    if group is not None and services.schedulable_groups(user).filter(pk=group.pk).exists():
        schedule_url = f"{reverse('session_schedule')}?group={group.pk}"
    return {"sessions": sessions, "schedule_url": schedule_url, "quiet": quiet}


@register.simple_tag(takes_context=True)
def session_record(context, session):
    """For the session's page: whether the member may start or open its record, and the
    record once started (``{% session_record session as record %}``)."""
    user = context["request"].user
    if not services.may_start_record(user, session):
        return None
    return {
        "record": session.record if session.record_id else None,
        "may_start": session.record_id is None and services.has_begun(session),
    }


@register.inclusion_tag("gatherings/includes/codev_panel.html")
def codev_panel(session):
    """On a co-development workshop's page (seen by its group only): the previous action
    plans it follows up, and where to propose a subject or open the session mode."""

    if session.kind != session.CODEV or session.group_id is None:
        return {"panel": None}
    return {"panel": {"session": session, "follow_ups": codev.follow_ups(session)}}
