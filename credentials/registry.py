"""Achievement kinds: what an app above lets its members export as a credential.

An app registers each kind once, from its ``AppConfig.ready()``::

    register_kind("module_certificate", label=…, achievements_of=certificates_of_member)

``achievements_of(user)`` returns the member's own achievements of that kind, as
``Achievement`` values written in the active language (the credential's language). Only
the member's rows are read; the credential is issued for one of them, found by ``ref``.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Achievement:
    """One achievement of a member, as a credential states it.

    ``ref`` names the member's own record (a certificate's code); ``key`` names the
    achievement every holder shares (the module), stable across languages.
    """

    kind: str
    ref: str
    key: str
    name: str
    description: str
    criteria: str
    issued_at: datetime
    recipient_name: str
    valid: bool = True
    achievement_type: str = "Certificate"


@dataclass(frozen=True)
class Kind:
    key: str
    label: object
    achievements_of: object


_kinds = {}


def register_kind(key, *, label, achievements_of):
    if key in _kinds:
        raise ValueError(f"The achievement kind {key!r} is registered twice.")
    if len(key) > 40:
        raise ValueError(f"The achievement kind {key!r} is too long to be stored.")
    _kinds[key] = Kind(key, label, achievements_of)


def kind(key):
    return _kinds.get(key)


def kinds():
    return list(_kinds.values())


def achievement(user, kind_key, ref):
    """The member's own achievement of this kind named ``ref``, or None."""
    registered = _kinds.get(kind_key)
    if registered is None or not user.is_authenticated:
        return None
    for found in registered.achievements_of(user):
        if found.ref == ref:
            return found
    return None
