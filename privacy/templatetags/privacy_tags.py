"""``{{ user|member_name }}``: a member's name, or « ancien·ne membre » once erased;
``{{ read|reader_name }}`` the same for a row of ``readers_of``."""

from django import template

from privacy.services import ERASED_PREFIX, FORMER_MEMBER, public_author_name

register = template.Library()


@register.filter
def member_name(user):
    return public_author_name(user)


@register.filter
def reader_name(read):
    """The same for a row of ``readers_of`` (reader__first_name, … values)."""
    username = read.get("reader__username") or ""
    if not username or username.startswith(ERASED_PREFIX):
        return str(FORMER_MEMBER)
    full_name = f"{read.get('reader__first_name', '')} {read.get('reader__last_name', '')}"
    return full_name.strip() or username
