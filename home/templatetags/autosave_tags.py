"""What the autosave script (``static/js/autosave.js``) needs to know of the page's member."""

from django import template
from django.utils.crypto import salted_hmac

register = template.Library()


@register.simple_tag(takes_context=True)
def autosave_member(context):
    """An opaque mark of the logged-in member, empty for a visitor.

    The script keys what it keeps in the browser on it, so that two members on one device
    never see each other's drafts; the mark says nothing of who the member is.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return salted_hmac("entrepairs.autosave.member", str(user.pk)).hexdigest()[:24]
