"""Keep each practice group's page and access in step with the group, at once; record and
tell every change of who can read the group's writing (``access.py``), from either side;
keep the caches true when the space's pages change, without touching the site's or
training's (``home.cache``)."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from wagtail.signals import task_approved, task_cancelled, task_rejected, task_submitted

from home.cache import (
    ROLES,
    app_page_models,
    register_invalidation,
    register_m2m_invalidation,
    register_version,
)

from .access import MEMBER, SUPERVISOR, access_changed
from .models import (
    EntryRead,
    EntryReview,
    EntryTransition,
    PracticeGroup,
    ReflectiveEntry,
    group_of_page,
)
from .services import PRACTICE, ensure_group_page, forget_supervision_waiting, sync_access_group

# The space's pages are in the site's tree (their routes, view restrictions, breadcrumbs
# are cached) but a section of their own: a session log or a workshop record published
# moves only the practice version, never the site's or training's. So does a group.
register_version(PRACTICE)
register_invalidation(*app_page_models("practice_analysis"), PracticeGroup, version=PRACTICE)
# Who belongs to a group or supervises it: members' cached roles and supervised groups.
register_m2m_invalidation(
    PracticeGroup.members.through, PracticeGroup.supervisors.through, version=ROLES
)
# Entries and what happens to them are read for each request, never kept under a version.
register_invalidation(ReflectiveEntry, EntryTransition, EntryReview, EntryRead, version=None)

# Django says which ids a ``remove`` asked for, not which were there, and nothing at all
# after a ``clear``: what was really there is read before and kept on the instance here.
PENDING = "_practice_access_pending"


@receiver(post_save, sender=PracticeGroup, dispatch_uid="practice-group-page")
def group_saved(sender, instance, **kwargs):
    ensure_group_page(instance)


@receiver(m2m_changed, sender=PracticeGroup.members.through, dispatch_uid="practice-members")
def members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    membership_changed(instance, action, reverse, pk_set, MEMBER)


@receiver(m2m_changed, sender=PracticeGroup.supervisors.through, dispatch_uid="practice-sup")
def supervisors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    membership_changed(instance, action, reverse, pk_set, SUPERVISOR)


def related_ids(instance, reverse, capacity):
    """Ids on the other side: the group's people, or the person's groups, in this capacity."""
    if reverse:
        relation = instance.practice_groups if capacity == MEMBER else instance.supervised_groups
    else:
        relation = instance.members if capacity == MEMBER else instance.supervisors
    return set(relation.values_list("pk", flat=True))


def membership_changed(instance, action, reverse, pk_set, capacity):
    """``reverse``: changed from the person's side (``user.practice_groups.add(group)``)."""
    pending = instance.__dict__.setdefault(PENDING, {})
    if action == "pre_remove":
        pending[capacity] = related_ids(instance, reverse, capacity) & set(pk_set or ())
        return
    if action == "pre_clear":
        pending[capacity] = related_ids(instance, reverse, capacity)
        return
    if not action.startswith("post_"):
        return
    changed = set(pk_set or ()) if action == "post_add" else pending.pop(capacity, set())
    if not changed:
        return
    added = action == "post_add"
    if reverse:  # one person, one or several groups
        for group in PracticeGroup.objects.filter(pk__in=changed):
            after_change(group, {instance.pk}, capacity, added)
    else:
        after_change(instance, changed, capacity, added)


def after_change(group, person_ids, capacity, added):
    if group.access_group_id:
        sync_access_group(group)
    access_changed(group, person_ids, capacity, added)


@receiver(task_submitted, dispatch_uid="practice-record-submitted")
@receiver(task_approved, dispatch_uid="practice-record-approved")
@receiver(task_rejected, dispatch_uid="practice-record-rejected")
@receiver(task_cancelled, dispatch_uid="practice-record-cancelled")
def record_approval_moved(instance, **kwargs):
    """A record entered or left its approval task: its group's supervisors' count of what
    waits is counted again (``services.supervision_waiting``)."""
    group = group_of_page(instance.workflow_state.content_object)
    if group is not None:
        transaction.on_commit(lambda: forget_supervision_waiting(group.pk))
