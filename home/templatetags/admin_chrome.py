"""The Wagtail admin's sidebar, kept rendered for each member (``wagtailadmin/base.html``).

Wagtail builds the sidebar's menu at every admin request: each menu item asks whether the
member may see it, and the whole menu is packed for the browser. That is about a third of
a simple admin page's time. What the menu shows depends only on the member's permissions
(their roles, and whether they are a superuser), the site's content, their name and avatar,
and the language: all of these are in the key, so a change shows on the next request.
"""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url, sidebar_props

from home.cache import ROLES, content_versions, get_versioned, set_versioned, versions_part

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_sidebar_props(context):
    request = context["request"]
    user = request.user
    who = "|".join(
        map(
            str,
            (
                user.is_superuser,
                user.is_staff,
                user.first_name,
                user.get_username(),
                avatar_url(user, size=50),
            ),
        )
    )
    key = ":".join(
        (
            "entrepairs:sidebar",
            # The pages the member may explore are anywhere in the tree: every version.
            versions_part((*content_versions(), ROLES)),
            get_language(),
            str(user.pk),
            hashlib.sha256(who.encode()).hexdigest()[:16],
        )
    )
    html = get_versioned(key)
    if html is None:
        html = str(sidebar_props(context))
        set_versioned(key, html)
    return mark_safe(html)
