"""A member's own values in the shared cache: each under its own key, all read at once.

The reading comfort, the unread count, the charter's acknowledgement and the member's
groups are read on almost every page. Each is kept under its own key (never inside a
cached fragment: cached values are the same for everyone, ``home.cache``); within a
request the first read of one reads them all in one round trip, and the request's own
changes go through ``set_member_value`` / ``forget_member_value`` so that what it read
stays true.
"""

from django.core.cache import cache

from .cache import _request_versions, get_versioned, roles_version, set_versioned

_member_keys = []  # functions of a member giving the key of one of their values, or None


def register_member_value(key_of):
    """A value kept for each member under its own key, ``key_of(user)`` (None: none for
    this member), forgotten with ``forget_member_value`` when it changes: the reading
    comfort, the unread count, the charter's acknowledgement. Within a request, the first
    read of one of them reads them all in one round trip (``member_value``)."""
    _member_keys.append(key_of)


def member_value(user, key):
    """The value under ``key`` in the shared cache (None if none), one of the member's own.
    Within a request, the member's registered values are read together on the first read
    of any of them and kept until the request ends (a change this request makes goes
    through ``set_member_value`` or ``forget_member_value``); outside requests, read."""
    read = _request_versions.members
    if read is None:
        return cache.get(key)
    values = read.get(user.pk)
    if values is None:
        keys = dict.fromkeys([key, *(key_of(user) for key_of in _member_keys)])
        keys.pop(None, None)
        found = cache.get_many(list(keys))
        values = read[user.pk] = {name: found.get(name) for name in keys}
    elif key not in values:
        values[key] = cache.get(key)
    return values[key]


def set_member_value(key, value, timeout):
    cache.set(key, value, timeout)
    _still_true(key, value)


def forget_member_value(key):
    cache.delete(key)
    _still_true(key, None)


def _still_true(key, value):
    """What the current request read of a member's values follows its own changes."""
    for values in (_request_versions.members or {}).values():
        if key in values:
            values[key] = value


def member_groups(user):
    """``{group id: name}`` of the member's groups, kept until someone's groups change."""
    key = f"entrepairs:groups:{roles_version()}:{user.pk}"
    groups = get_versioned(key)
    if groups is None:
        groups = dict(user.groups.values_list("pk", "name"))
        set_versioned(key, groups)
    return groups
