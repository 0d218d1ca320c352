"""Caching what every page shows (navigation, crisis lines, charter, language links, site
settings) and rendered fragments that are the same for everyone (page bodies, breadcrumbs,
the footer).

Cached values are per language and never per member: what depends on who is asking is
filtered after reading the cache. Every key carries the *versions* of what it shows, and a
change moves only the versions of what it changes, so it is visible on the next request
and nothing else is read again. Apps name their versions and say what their saves change,
from their own ``signals.py``::

    TRAINING = register_version("training")
    register_invalidation(*app_page_models("courses"), version=TRAINING)  # its section
    register_invalidation(Group, version=ROLES)                           # members' roles
    register_invalidation(ReflectiveEntry, version=None)                  # nothing cached

Home names ``SITE`` here (its own pages, the navigation, menus, settings, crisis lines,
locales, files) and ``ROLES`` (who belongs to which group), and its contributions'
section in its ``signals.py``. A page belongs to the *section* its type was registered
with; what is cached about a page (its route, view restrictions, breadcrumbs, rendered
body) reads the site version and its section's (``page_versions``). A publish, unpublish
or deletion moves its section's version, and the site version too for the pages the
header lists (the home pages and their children); a saved revision (a draft, a lock)
moves nothing. A move or a new slug changes addresses that pages of any section may link
to: every content version moves.

Within a section, pages may be cached object by object (``register_page_scope``): one
version per object of a family (``training-module:<key>``), read with its family's.

Two tiers keep the cost of a page low. The shared cache (files or Redis) holds every value
for all the workers, and the versions themselves, so servers sharing it stay coherent.
Each process also remembers the values it read, in a bounded memory of its own: a key
that carries its versions never changes meaning, so a value found there is as true as the
shared one. The versions are read from the shared cache once per request, all at once (a
publish by another worker is seen on the next request), and at every call outside
requests.
"""

import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save

from .local_memory import LocalMemory

TIMEOUT = 60 * 60


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
    """The versions read during the current request, and the members' own values
    (``home.member_cache``); None outside requests."""

    read = None
    members = None


_request_versions = _RequestVersions()


def _start_request(**kwargs):
    _request_versions.read = {}
    _request_versions.members = {}


def _finish_request(**kwargs):
    _request_versions.read = None
    _request_versions.members = None


request_started.connect(_start_request, dispatch_uid="entrepairs-cache-versions-start")
request_finished.connect(_finish_request, dispatch_uid="entrepairs-cache-versions-finish")


# Versions: named by the apps, kept in the shared cache

_versions = {}  # name: whether it follows page content (ROLES does not)
# Between a family's name and an object's: ``training-module:<key>`` (``scoped``).
SCOPE = ":"


def register_version(name, *, content=True):
    """Name a version (from an app's ``signals.py``); returns the name. ``content``: it
    follows pages and what they show, and what names no versions reads it too. A version
    may also name a family of objects, each with a version of its own (``scoped``)."""
    if SCOPE in name:
        raise ValueError(f"a version's name has no {SCOPE!r}: {name!r}")
    _versions[name] = content
    return name


SITE = register_version("site")
ROLES = register_version("roles", content=False)


def content_versions():
    """The names of the versions that follow content, in a fixed order."""
    return tuple(sorted(name for name, content in _versions.items() if content))


def version_key(name):
    return f"entrepairs:version:{name}"


def _new_version():
    # A full cache may evict a version key while entries made under it remain: starting
    # again from the clock (in microseconds) never reuses their version, so never serves
    # them again, whereas starting again from 1 could.
    return time.time_ns() // 1000


def scoped(family, parameter):
    """One object's version (``training-module:<key>``): holds until it or its family moves."""
    return f"{family}{SCOPE}{parameter}"


def _read_versions(names):
    """{name: version}: the request's, else the shared cache's (all the registered
    versions at once, on a request's first read; an object's version with its family's).
    The value of an object's version is read as its family's and its own, together."""
    read = _request_versions.read
    if read is not None:  # after the request's first read, most often all known
        for name in names:
            if name not in read or (SCOPE in name and name.split(SCOPE, 1)[0] not in read):
                break
        else:
            return _values(read, names)
    wanted = set(names)
    wanted |= {name.split(SCOPE, 1)[0] for name in names if SCOPE in name}  # families
    if read is not None:
        wanted |= set(_versions) - set(read)
    wanted -= set(read or ())
    keys = {version_key(name): name for name in wanted}
    found = {keys[key]: value for key, value in cache.get_many(list(keys)).items()}
    for name in wanted - set(found):
        cache.add(version_key(name), _new_version(), timeout=None)
        found[name] = cache.get(version_key(name)) or _new_version()
    if read is not None:
        read.update(found)
        found = read
    return _values(found, names)


def _values(read, names):
    values = {}
    for name in names:
        if SCOPE in name:
            values[name] = f"{read[name.split(SCOPE, 1)[0]]}-{read[name]}"
        else:
            values[name] = read[name]
    return values


def version(name):
    """The current value of one version."""
    return _read_versions((name,))[name]


def versions_part(names=None):
    """The part of a key that holds these versions (default: every content version)."""
    names = content_versions() if names is None else names
    return _part(names, _read_versions(names))


def _part(names, current):
    return ".".join(f"{name}{current[name]}" for name in names)


def bump(*names):
    """Move these versions on: what was cached under them is read again (a family's moves
    every object's of the family)."""
    read = _request_versions.read
    for name in dict.fromkeys(names):
        if read is not None:
            read.pop(name, None)
        try:
            cache.incr(version_key(name))
        except ValueError:  # not set yet, or evicted
            cache.set(version_key(name), _new_version(), timeout=None)


def roles_version():
    return version(ROLES)


def bump_roles_version(**kwargs):
    """Someone's role groups changed: every member's cached roles are read again."""
    bump(ROLES)


# Pages: each belongs to the section its type was registered with

# A revision saved, a lock taken: the page's row changes, not what readers see.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
    }
)
# The home pages (depth 2) and their children, which the header lists.
TOP_DEPTH = 3

_sections = {}  # page type: the version of its section
# What the registrations say of each page type met, found once in its bases (every page's
# key reads it): emptied when a registration adds to them.
_section_of_type = {}
_scope_of_type = {}


def _page_model(page):
    from wagtail.models import Page

    model = type(page)
    if model is Page:
        model = page.specific_class or Page
    return model


def section(page_or_model):
    """The version of the section a page (or page type) belongs to (``SITE`` unless its
    type, or one it derives from, was registered with another)."""
    model = page_or_model if isinstance(page_or_model, type) else _page_model(page_or_model)
    found = _section_of_type.get(model)
    if found is None:
        found = _section_of_type[model] = next(
            (_sections[klass] for klass in model.__mro__ if klass in _sections), SITE
        )
    return found


_scopes = {}  # page type: (family, parameter(page), whether its section lists them)


def register_page_scope(*models, family, parameter, listed=False):
    """Pages of these types are cached object by object within their section (from an
    app's ``signals.py``): ``parameter(page)`` names the page's object (a lesson's module
    key) or None; what is cached about the page reads ``scoped(family, parameter)``, and
    its changes move that version alone (and the section's when the section lists these
    pages: ``listed``). Other pages of the section, and those whose parameter is None, keep
    the section's version, and their changes move the section's families too."""
    _check(family)
    for model in models:
        _scopes[model] = (family, parameter, listed)
    _scope_of_type.clear()


_UNSCOPED = (None, None, None)


def _scope(page):
    """(family, the page's object version or None, listed) of a page, or None."""
    model = _page_model(page)
    found = _scope_of_type.get(model)
    if found is None:
        found = _scope_of_type[model] = next(
            (_scopes[klass] for klass in model.__mro__ if klass in _scopes), _UNSCOPED
        )
    family, parameter, listed = found
    if family is None:
        return None
    value = parameter(page)
    return family, None if value is None else scoped(family, value), listed


def page_version(page):
    """What is cached about a page reads, besides the site's: its object's, else its section's."""
    scope = _scope(page)
    return scope[1] if scope is not None and scope[1] is not None else section(page)


def page_versions(page):
    """What is cached about a page reads these: the site's (every page is under a site
    page) and its section's, or its object's."""
    return tuple(dict.fromkeys((SITE, page_version(page))))


def bump_page(page):
    """A page changed for readers: its object's version or its section's moves on (with
    the section's families), and the site's if the header lists it."""
    scope = _scope(page)
    page_section = section(page)
    if scope is not None and scope[1] is not None:
        names = [scope[1], *([page_section] if scope[2] else [])]
    else:
        names = [page_section, *_families(page_section)]
    if (page.depth or 0) <= TOP_DEPTH:
        names.append(SITE)
    bump(*names)


def _families(page_section):
    return [family for model, (family, *_rest) in _scopes.items() if section(model) == page_section]


def _page_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return  # a draft saved as a revision, a lock: readers see nothing new
    # A new page, even a draft, is a new node of the tree (what lists pages whatever their
    # state, such as the practice areas, must see it).
    bump_page(instance)


def _page_deleted(sender, instance, **kwargs):
    bump_page(instance)


def address_changed(**kwargs):
    """``post_page_move``, ``page_slug_changed``: the addresses of a page and of those under
    it changed, and pages of any section may link to them: every content version moves."""
    bump(*content_versions())


def page_changed(sender, instance, **kwargs):
    """``page_published``, ``page_unpublished``: the page's section (and the site's)."""
    bump_page(instance)


# Invalidation: what each app's saves make stale

# The version of the page the object belongs to (its ``page``): view restrictions.
PAGE = "page"

_invalidating = {}  # version (or PAGE, or None): models
_bumpers = {}


def _bumper(name):
    """One receiver per version (kept here: signals hold their receivers weakly)."""
    if name not in _bumpers:
        if name == PAGE:

            def receiver(instance, **kwargs):
                page = getattr(instance, "page", None)
                if page is None:  # from the other side of a link: which page is unknown
                    bump(*content_versions())
                else:
                    bump_page(page)

        else:

            def receiver(**kwargs):
                bump(name)

        _bumpers[name] = receiver
    return _bumpers[name]


def _check(version):
    if version is not None and version != PAGE and version not in _versions:
        raise ValueError(f"unknown cache version {version!r}: register_version() it first")


def register_invalidation(*models, version):
    """Saving or deleting one of these models changes what is cached under ``version``:
    it moves on, and what was cached under the old one is read again. For page types,
    ``version`` is their section's (see ``bump_page``); ``PAGE``: the version of the page
    the object belongs to; ``None``: nothing cached shows them (recorded, nothing moves).
    Called by each app for its own models, from its ``signals.py`` (imported by its
    ``AppConfig.ready()``)."""
    from wagtail.models import Page

    _check(version)
    for model in models:
        _invalidating.setdefault(version, set()).add(model)
        if version is None:
            continue
        name = model._meta.label_lower
        if issubclass(model, Page):
            _sections[model] = version
            _section_of_type.clear()
            post_save.connect(_page_saved, sender=model, dispatch_uid=f"page-{name}-s")
            post_delete.connect(_page_deleted, sender=model, dispatch_uid=f"page-{name}-d")
        else:
            bump_one = _bumper(version)
            post_save.connect(bump_one, sender=model, dispatch_uid=f"{version}-{name}-s")
            post_delete.connect(bump_one, sender=model, dispatch_uid=f"{version}-{name}-d")


def register_m2m_invalidation(*throughs, version):
    """The same for many-to-many links (``Model.field.through``): adding, removing, clearing."""
    _check(version)
    for through in throughs:
        _invalidating.setdefault(version, set()).add(through)
        if version is None:
            continue
        name = through._meta.label_lower
        m2m_changed.connect(_bumper(version), sender=through, dispatch_uid=f"{version}-{name}-m2m")


def invalidating_models(version):
    """The models whose changes move this version (what the apps registered)."""
    return frozenset(_invalidating.get(version, ()))


def registered_models():
    """Every model some app said something about, whatever the version (None included)."""
    return frozenset().union(*_invalidating.values())


def app_page_models(app_label):
    """The page types of one app: what its pages' saves and deletions make stale."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model._meta.app_label == app_label]


def versioned_key(name, *parts, versions=None):
    """A cache key that holds until one of ``versions`` moves (default: every content
    version; a value that depends on less says so)."""
    return ":".join(["entrepairs", name, versions_part(versions), *map(str, parts)])


def cached(name, *parts, compute, versions=None):
    """``compute()``'s value, kept until one of ``versions`` moves (see ``versioned_key``)."""
    key = versioned_key(name, *parts, versions=versions)
    value = get_versioned(key)
    if value is None:
        value = compute()
        set_versioned(key, value)
    return value


def memoized(name, *parts, compute, versions=None):
    """``compute()``'s value, kept in this process only until one of ``versions`` moves.

    For what the shared cache should not hold: model instances that are costly to pickle
    and cheap to read again once per process. The value is shared by the requests of this
    process, so it must never be changed.
    """
    key = versioned_key("memo", name, *parts, versions=versions)
    value = local_memory.get(key)
    if value is None:
        value = compute()
        local_memory.set(key, value)
    return value


def memoized_many(name, ids, compute, versions=None):
    """{id: value} for each of ``ids``, like ``memoized``; ``compute(missing ids)`` returns
    the values this process does not hold yet, all at once. ``versions`` may be a function
    of an id (each value kept under its object's version: ``scoped``)."""
    if callable(versions):
        of = {pk: versions(pk) for pk in ids}
    else:
        of = dict.fromkeys(ids, content_versions() if versions is None else versions)
    # ``versioned_key("memo", name, pk, …)`` for each id, the versions read once for all.
    current = _read_versions(tuple({name for names in of.values() for name in names}))
    keys = {pk: f"entrepairs:memo:{_part(of[pk], current)}:{name}:{pk}" for pk in ids}
    values = {pk: local_memory.get(key) for pk, key in keys.items()}
    missing = [pk for pk, value in values.items() if value is None]
    if missing:
        for pk, value in compute(missing).items():
            local_memory.set(keys[pk], value)
            values[pk] = value
    return values
