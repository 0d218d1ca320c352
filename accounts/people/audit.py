"""Every change of a member's roles, superuser status or activation is recorded and told.

Written at the model level (``m2m_changed`` on the user-group relation, ``pre_save`` and
``post_save`` of the user), so that every path is covered: the People area, Wagtail's and
Django's stock user editors, the shell, a management command. The actor and the address come
from the request being served (``privacy.audit.current_request``); outside a request the
actor is empty (a command, the shell).

Not recorded here: memberships of the technical per-practice-group access groups (the
practice-group audit records who joins or leaves a group, with the group named).

The member is told (a notification, and an e-mail in their language) once the change is
saved (a change rolled back is not told), whatever made it. Nobody is told of changes to an
inactive account (it cannot read them; its reactivation is recorded). ``unannounced()``
records without telling, for seeding demo data.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from home.roles import SUPERUSER, is_technical_group
from privacy import audit
from privacy.models import AuditEvent

from ..models import Person
from ..password_links import not_yet_joined

User = get_user_model()

IDENTITY_FIELDS = ("username", "first_name", "last_name", "email")
WATCHED_FIELDS = (*IDENTITY_FIELDS, "is_superuser", "is_active")

_quiet = ContextVar("accounts_people_quiet", default=False)
# While a form saves one account, role changes are told in one notification, not two.
_batch = ContextVar("accounts_people_batch", default=None)


@contextmanager
def unannounced():
    """Record changes without telling anyone (demo data being seeded)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


@contextmanager
def one_notification():
    """Role and superuser changes made inside are told to each member in one notification."""
    pending = {}
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    for member, (added, removed) in pending.values():
        _tell(member, added, removed)


def _announce(member, added, removed):
    pending = _batch.get()
    if pending is None:
        _tell(member, added, removed)
        return
    _member, (all_added, all_removed) = pending.setdefault(member.pk, (member, ([], [])))
    for name in added:
        if name in all_removed:
            all_removed.remove(name)
        else:
            all_added.append(name)
    for name in removed:
        if name in all_added:
            all_added.remove(name)
        else:
            all_removed.append(name)


def _tell(member, added, removed):
    if not (added or removed) or _quiet.get():
        return
    member_pk, added, removed = member.pk, sorted(added), sorted(removed)
    transaction.on_commit(lambda: _tell_now(member_pk, added, removed))


def _tell_now(member_pk, added, removed):
    from home.notifications import notify

    from ..notifications import ROLES_CHANGED

    member = User.objects.filter(pk=member_pk, is_active=True).first()
    if member is None:
        return
    notify(
        member,
        ROLES_CHANGED,
        {"added": added, "removed": removed},
        email=not not_yet_joined(member),
    )


def _tell_reactivated(member_pk):
    """An account open again reaches its roles and groups again: its owner is told."""
    from home.notifications import notify

    from ..notifications import ACCOUNT_SECURITY

    member = User.objects.filter(pk=member_pk, is_active=True).first()
    if member is not None:
        notify(
            member,
            ACCOUNT_SECURITY,
            {"what": "reactivated"},
            email=not not_yet_joined(member),
        )


# Roles (groups) -------------------------------------------------------------------------


def _group_changes(instance, action, reverse, pk_set):
    """(member, groups) pairs touched by one m2m signal, whichever side it came from."""
    if reverse:  # group.user_set.add(...): instance is the group
        if is_technical_group(instance.name):
            return []
        return [(member, [instance]) for member in User.objects.filter(pk__in=pk_set)]
    groups = [g for g in Group.objects.filter(pk__in=pk_set) if not is_technical_group(g.name)]
    return [(instance, groups)] if groups else []


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="accounts_people_role_changes")
def role_changes(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action == "pre_clear":
        # The relation is about to be emptied: remember what it held.
        if reverse:
            instance._people_cleared = set(instance.user_set.values_list("pk", flat=True))
        else:
            instance._people_cleared = set(instance.groups.values_list("pk", flat=True))
        return
    if action == "post_clear":
        action, pk_set = "post_remove", getattr(instance, "_people_cleared", set())
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    granted = action == "post_add"
    for member, groups in _group_changes(instance, action, reverse, pk_set):
        for group in groups:
            audit.record(
                AuditEvent.ROLE_GRANTED if granted else AuditEvent.ROLE_REMOVED,
                subject=member,
                obj=("auth.group", group.pk),
            )
        names = [group.name for group in groups]
        _announce(member, names if granted else [], [] if granted else names)


# Superuser status, activation, identity ---------------------------------------------------


# Saves of the user model and of its People-area proxy (sent under the proxy) are watched.
@receiver(pre_save, sender=User, dispatch_uid="accounts_people_before_save")
@receiver(pre_save, sender=Person, dispatch_uid="accounts_people_before_save_person")
def remember_before_save(sender, instance, update_fields=None, **kwargs):
    if instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(WATCHED_FIELDS):
        return  # a login (last_login), a password change: nothing watched here
    instance._people_before = (
        User.objects.filter(pk=instance.pk).values(*WATCHED_FIELDS).first() or None
    )


@receiver(post_save, sender=User, dispatch_uid="accounts_people_after_save")
@receiver(post_save, sender=Person, dispatch_uid="accounts_people_after_save_person")
def record_account_changes(sender, instance, created, **kwargs):
    if created:
        audit.record(AuditEvent.ACCOUNT_CREATED, subject=instance)
        if instance.is_superuser:
            audit.record(AuditEvent.SUPERUSER_GRANTED, subject=instance)
        return
    before = instance.__dict__.pop("_people_before", None)
    if not before:
        return
    if any(before[field] != getattr(instance, field) for field in IDENTITY_FIELDS):
        audit.record(AuditEvent.ACCOUNT_CHANGED, subject=instance)
    if before["is_active"] != instance.is_active:
        audit.record(
            AuditEvent.ACTIVATED if instance.is_active else AuditEvent.DEACTIVATED,
            subject=instance,
        )
        if instance.is_active and not _quiet.get():
            member_pk = instance.pk
            transaction.on_commit(lambda: _tell_reactivated(member_pk))
    if before["is_superuser"] != instance.is_superuser:
        granted = instance.is_superuser
        audit.record(
            AuditEvent.SUPERUSER_GRANTED if granted else AuditEvent.SUPERUSER_REMOVED,
            subject=instance,
        )
        _announce(instance, [SUPERUSER] if granted else [], [] if granted else [SUPERUSER])
