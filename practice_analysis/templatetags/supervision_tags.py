"""The header's count of the entries waiting for a supervisor (``services``)."""

from django import template

from practice_analysis.services import supervision_waiting

register = template.Library()


@register.simple_tag(takes_context=True)
def supervision_waiting_count(context):
    """How many entries wait for the member, or None if they supervise no group."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return supervision_waiting(request.user)
