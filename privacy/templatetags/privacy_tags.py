"""``{{ user|member_name }}``: a member's name, or « ancien·ne membre » once erased."""

from django import template

from privacy.services import public_author_name

register = template.Library()


@register.filter
def member_name(user):
    return public_author_name(user)
