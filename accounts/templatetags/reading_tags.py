"""The member's reading comfort as classes of ``<html>`` (``accounts.reading``)."""

from django import template
from django.utils.html import format_html

from accounts.reading import reading_classes

register = template.Library()


@register.simple_tag(takes_context=True)
def reading_class_attribute(context):
    """` class="…"` for a member who chose something, nothing otherwise."""
    request = context.get("request")
    classes = reading_classes(getattr(request, "user", None))
    return format_html(' class="{}"', classes) if classes else ""
