"""A workflow task whose reviewers are the supervisors of the page's own practice group."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Task, TaskState

from .pages import PracticeGroupPage


def group_of_page(page):
    """The practice group a page belongs to (its own group page or an ancestor's), or None."""
    if not isinstance(page, Page):
        return None
    group_page = (
        PracticeGroupPage.objects.ancestor_of(page, inclusive=True).select_related("group").first()
    )
    return group_page.group if group_page else None


class GroupSupervisorApprovalTask(Task):
    """Only a supervisor of the practice group a page belongs to may approve it: no one from
    another group, whatever their role."""

    def _is_reviewer(self, obj, user):
        if user.is_superuser:
            return True
        group = group_of_page(obj)
        return group is not None and group.supervisors.filter(pk=user.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self._is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self._is_reviewer(obj, user)

    def user_can_lock(self, obj, user):
        return self._is_reviewer(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self._is_reviewer(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        group_pages = PracticeGroupPage.objects.filter(group__supervisors=user)
        if not group_pages:
            return TaskState.objects.none()
        page_ids = Page.objects.none()
        for group_page in group_pages:
            page_ids |= Page.objects.descendant_of(group_page, inclusive=True)
        ids = [str(pk) for pk in page_ids.values_list("pk", flat=True)]
        return states.filter(workflow_state__object_id__in=ids)

    @classmethod
    def get_description(cls):
        return _("The supervisors of the page's practice group approve it")

    class Meta:
        verbose_name = _("approval by the group's supervisors")
        verbose_name_plural = _("approvals by the group's supervisors")
