"""Who may manage whom in the People area. Views and forms call these; none re-writes them.

A coordinator manages members' accounts and their roles, except the coordinator role; she
never manages a superuser's, a staff account's or another coordinator's account, and never
changes her own roles. Superusers manage everyone and every role, and alone reset someone's
second factor.
"""

from django.contrib.auth.models import Group

from home.roles import ROLES, SUPERUSER_GRANTED_ROLES
from privacy.services import is_erased


def may_use_people_area(user):
    return user.is_active and user.has_perm("accounts.change_person")


def role_names(member):
    """The roles (by group name) a member holds, in the order of ``ROLES``."""
    held = {group.name for group in member.groups.all()}
    return [name for name in ROLES if name in held]


def is_protected(member):
    """Accounts only a superuser manages: they can widen other people's access."""
    if member.is_superuser or member.is_staff:
        return True
    return any(name in SUPERUSER_GRANTED_ROLES for name in role_names(member))


def may_manage(actor, member):
    """May the actor change this account's details, send it links, (de)activate it?"""
    if not may_use_people_area(actor) or is_erased(member):
        return False  # an erased account stays as it is: nobody brings it back
    if actor.is_superuser:
        return True
    return actor.pk == member.pk or not is_protected(member)


def may_change_address(actor, member=None):
    """Password links go to the address on record: once the member has chosen a password,
    only they (from their account settings) or a superuser change it. Otherwise a
    coordinator could point the address at herself, send a reset link and take the account
    over, with the entries it holds."""
    if member is None or actor.is_superuser or actor.pk == member.pk:
        return True
    return not member.has_usable_password()


def may_deactivate(actor, member):
    return may_manage(actor, member) and actor.pk != member.pk


def may_send_links(actor, member):
    """Invitations and reset links go to the address on record, never to the actor's own."""
    return may_manage(actor, member) and actor.pk != member.pk and member.is_active


def assignable_roles(actor, member=None):
    """The roles the actor may give or take away on this account (None: a new account)."""
    if not may_use_people_area(actor):
        return []
    if member is not None and member.pk == actor.pk:
        return []  # nobody widens or narrows their own access
    if actor.is_superuser:
        return list(ROLES)
    if member is not None and is_protected(member):
        return []
    return [name for name in ROLES if name not in SUPERUSER_GRANTED_ROLES]


def may_set_superuser(actor, member=None):
    return actor.is_active and actor.is_superuser and (member is None or member.pk != actor.pk)


def may_reset_two_factor(actor, member):
    return may_set_superuser(actor, member)


def role_groups(names):
    return list(Group.objects.filter(name__in=names))
