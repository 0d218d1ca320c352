"""The header's count of what waits in a supervisor's inbox (``services``)."""

from django import template

from practice_analysis.services import supervision_waiting

register = template.Library()


@register.simple_tag(takes_context=True)
def supervision_waiting_count(context):
    """How many entries and records wait for the member, or None if they supervise no group."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return supervision_waiting(request.user)
