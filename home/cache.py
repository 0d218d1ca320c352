"""Caching what every page shows (navigation, crisis lines, charter, language links, site
settings) and rendered fragments that are the same for everyone (page bodies, breadcrumbs,
the footer).

Cached values are per language and never per member: what depends on who is asking is
filtered after reading the cache. Every key carries the *content version*, which any
publish, unpublish, move, deletion, view-restriction, crisis-line or settings change
bumps, so a change is visible on the next request.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

VERSION_KEY = "entrepairs:content-version"
ROLES_VERSION_KEY = "entrepairs:roles-version"
TIMEOUT = 60 * 60


def _new_version():
    # A full cache may evict the version key while entries made under it remain: starting
    # again from the clock (in microseconds) never reuses their version, so never serves
    # them again, whereas starting again from 1 could.
    return time.time_ns() // 1000


def _version(key):
    version = cache.get(key)
    if version is None:
        cache.add(key, _new_version(), timeout=None)
        version = cache.get(key) or _new_version()
    return version


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:  # not set yet, or evicted
        cache.set(key, _new_version(), timeout=None)


def content_version():
    return _version(VERSION_KEY)


def bump_content_version(**kwargs):
    _bump(VERSION_KEY)


def bump_roles_version(**kwargs):
    """Someone's role groups changed: every member's cached roles are read again."""
    _bump(ROLES_VERSION_KEY)


def cached(name, *parts, compute):
    """``compute()``'s value, kept until the content changes."""
    key = ":".join(["entrepairs", name, str(content_version()), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def fragment_key(name, language, page=None):
    """The key of a rendered fragment: its page's live revision too, when it has a page."""
    parts = ["entrepairs", "fragment", name, str(content_version()), language]
    if page is not None:
        published = page.last_published_at.timestamp() if page.last_published_at else ""
        parts += [str(page.pk), str(page.live_revision_id), str(published)]
    return ":".join(parts)


def active_locale():
    """The Locale of the active language (Wagtail's ``Locale.get_active()``, remembered)."""
    from wagtail.models import Locale

    return cached("locale", get_language(), compute=Locale.get_active)


def default_locale():
    """The Locale of the default language, the one translations follow."""
    from wagtail.models import Locale

    return cached("locale", settings.LANGUAGE_CODE, compute=Locale.get_default)


def member_groups(user):
    """``{group id: name}`` of the member's groups, kept until someone's groups change."""
    key = f"entrepairs:groups:{_version(ROLES_VERSION_KEY)}:{user.pk}"
    groups = cache.get(key)
    if groups is None:
        groups = dict(user.groups.values_list("pk", "name"))
        cache.set(key, groups, TIMEOUT)
    return groups
