"""Caching what every page shows (navigation, crisis lines, charter, language links, site
settings) and rendered fragments that are the same for everyone (page bodies, breadcrumbs,
the footer).

Cached values are per language and never per member: what depends on who is asking is
filtered after reading the cache. Every key carries the *content version*, which any
publish, unpublish, move, deletion, view-restriction, crisis-line or settings change
bumps, so a change is visible on the next request. Each app declares which of its models
change what cached pages show, from its own ``signals.py``::

    register_invalidation(*app_page_models("courses"))           # the content version
    register_invalidation(Group, version=ROLES)                  # members' roles

Two tiers keep the cost of a page low. The shared cache (files or Redis) holds every value
for all the workers. Each process also remembers the values it read, in a bounded memory
of its own: a key that carries the content version never changes meaning, so a value found
there is as true as the shared one. The versions themselves are read from the shared cache
once per request (a publish by another worker is seen on the next request), and at every
call outside requests.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

VERSION_KEY = "entrepairs:content-version"
ROLES_VERSION_KEY = "entrepairs:roles-version"
TIMEOUT = 60 * 60


class LocalMemory:
    """A process's own memory of versioned values: bounded, the least recently used first out.

    Only keys that carry a version belong here: their value never changes, it only ages.
    """

    def __init__(self, size):
        self.size = size
        self._values = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            try:
                self._values.move_to_end(key)
            except KeyError:
                return None
            return self._values[key]

    def set(self, key, value):
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def clear(self):
        with self._lock:
            self._values.clear()


local_memory = LocalMemory(settings.LOCAL_CACHE_ENTRIES)


def get_versioned(key):
    """The value of a key that carries a version: this process's memory, then the cache."""
    value = local_memory.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            local_memory.set(key, value)
    return value


def set_versioned(key, value, timeout=None):
    cache.set(key, value, TIMEOUT if timeout is None else timeout)
    local_memory.set(key, value)


class _RequestVersions(threading.local):
    """The versions read during the current request (None outside requests)."""

    read = None


_request_versions = _RequestVersions()


def _start_request(**kwargs):
    _request_versions.read = {}


def _finish_request(**kwargs):
    _request_versions.read = None


request_started.connect(_start_request, dispatch_uid="entrepairs-cache-versions-start")
request_finished.connect(_finish_request, dispatch_uid="entrepairs-cache-versions-finish")


def _new_version():
    # A full cache may evict the version key while entries made under it remain: starting
    # again from the clock (in microseconds) never reuses their version, so never serves
    # them again, whereas starting again from 1 could.
    return time.time_ns() // 1000


def _version(key):
    read = _request_versions.read
    if read is not None and key in read:
        return read[key]
    version = cache.get(key)
    if version is None:
        cache.add(key, _new_version(), timeout=None)
        version = cache.get(key) or _new_version()
    if read is not None:
        read[key] = version
    return version


def _bump(key):
    if _request_versions.read is not None:
        _request_versions.read.pop(key, None)
    try:
        cache.incr(key)
    except ValueError:  # not set yet, or evicted
        cache.set(key, _new_version(), timeout=None)


def content_version():
    return _version(VERSION_KEY)


def bump_content_version(**kwargs):
    _bump(VERSION_KEY)


def roles_version():
    return _version(ROLES_VERSION_KEY)


def bump_roles_version(**kwargs):
    """Someone's role groups changed: every member's cached roles are read again."""
    _bump(ROLES_VERSION_KEY)


# Invalidation: what each app's saves make stale

CONTENT = "content"
ROLES = "roles"
_BUMPS = {CONTENT: bump_content_version, ROLES: bump_roles_version}
_invalidating = {CONTENT: set(), ROLES: set()}


def register_invalidation(*models, version=CONTENT):
    """Saving or deleting one of these models changes what cached pages show (``CONTENT``)
    or the roles members have (``ROLES``): the version is bumped, and what was cached under
    the old one is read again. Called by each app for its own models, from its
    ``signals.py`` (imported by its ``AppConfig.ready()``)."""
    bump = _BUMPS[version]
    for model in models:
        name = model._meta.label_lower
        post_save.connect(bump, sender=model, dispatch_uid=f"{version}-{name}-s")
        post_delete.connect(bump, sender=model, dispatch_uid=f"{version}-{name}-d")
        _invalidating[version].add(model)


def register_m2m_invalidation(*throughs, version=CONTENT):
    """The same for many-to-many links (``Model.field.through``): adding, removing, clearing."""
    bump = _BUMPS[version]
    for through in throughs:
        name = through._meta.label_lower
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"{version}-{name}-m2m")
        _invalidating[version].add(through)


def invalidating_models(version=CONTENT):
    """The models whose changes bump this version (what the apps registered)."""
    return frozenset(_invalidating[version])


def app_page_models(app_label):
    """The page types of one app: what its pages' saves and deletions make stale."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model._meta.app_label == app_label]


def versioned_key(name, *parts):
    """A cache key that holds until the content changes."""
    return ":".join(["entrepairs", name, str(content_version()), *map(str, parts)])


def cached(name, *parts, compute):
    """``compute()``'s value, kept until the content changes."""
    key = versioned_key(name, *parts)
    value = get_versioned(key)
    if value is None:
        value = compute()
        set_versioned(key, value)
    return value


def memoized(name, *parts, compute):
    """``compute()``'s value, kept in this process only until the content changes.

    For what the shared cache should not hold: model instances that are costly to pickle
    and cheap to read again once per process. The value is shared by the requests of this
    process, so it must never be changed.
    """
    key = versioned_key("memo", name, *parts)
    value = local_memory.get(key)
    if value is None:
        value = compute()
        local_memory.set(key, value)
    return value


def memoized_many(name, ids, compute):
    """{id: value} for each of ``ids``, like ``memoized``; ``compute(missing ids)`` returns
    the values this process does not hold yet, all at once."""
    keys = {pk: versioned_key("memo", name, pk) for pk in ids}
    values = {pk: local_memory.get(key) for pk, key in keys.items()}
    missing = [pk for pk, value in values.items() if value is None]
    if missing:
        for pk, value in compute(missing).items():
            local_memory.set(keys[pk], value)
            values[pk] = value
    return values


def shareable(request, page=None):
    """Whether what is rendered for this request (and page) may be kept for every reader: never
    in a preview, which shows unsaved content, nor for a page that is not live."""
    if request is None or getattr(request, "is_preview", False):
        return False
    from wagtail.models import Page

    return page is None or (isinstance(page, Page) and page.live and page.pk is not None)


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
    key = f"entrepairs:groups:{roles_version()}:{user.pk}"
    groups = get_versioned(key)
    if groups is None:
        groups = dict(user.groups.values_list("pk", "name"))
        set_versioned(key, groups)
    return groups
