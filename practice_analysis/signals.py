"""Keep each practice group's page and access in step with the group, at once."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from .models import PracticeGroup
from .services import ensure_group_page, sync_access_group


@receiver(post_save, sender=PracticeGroup, dispatch_uid="practice-group-page")
def group_saved(sender, instance, **kwargs):
    ensure_group_page(instance)


@receiver(m2m_changed, sender=PracticeGroup.members.through, dispatch_uid="practice-members")
@receiver(m2m_changed, sender=PracticeGroup.supervisors.through, dispatch_uid="practice-sup")
def membership_changed(sender, instance, action, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, PracticeGroup):
        groups = [instance]
    elif pk_set:  # changed from the member's side: user.practice_groups.add(...)
        groups = PracticeGroup.objects.filter(pk__in=pk_set)
    else:  # the member's side cleared: every group they could reach
        groups = PracticeGroup.objects.filter(access_group__user=instance)
    for group in groups:
        if group.access_group_id:
            sync_access_group(group)
