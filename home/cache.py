"""Caching what every page shows (navigation, crisis lines, charter, language links, site
settings) and rendered fragments that are the same for everyone (page bodies, breadcrumbs,
the footer).

Cached values are per language and never per member: what depends on who is asking is
filtered after reading the cache. Every key carries the *content version*, which any
publish, unpublish, move, deletion, view-restriction, crisis-line or settings change
bumps, so a change is visible on the next request.
"""

import time

from django.core.cache import cache

VERSION_KEY = "entrepairs:content-version"
TIMEOUT = 60 * 60


def _new_version():
    # A full cache may evict the version key while entries made under it remain: starting
    # again from the clock (in microseconds) never reuses their version, so never serves
    # them again, whereas starting again from 1 could.
    return time.time_ns() // 1000


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _new_version()
    return version


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(VERSION_KEY, _new_version(), timeout=None)


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
