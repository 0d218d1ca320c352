"""A workflow task whose reviewers are the supervisors of the page's own practice group."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Task, TaskState

from ..branches import branch_q
from .pages import PracticeGroupPage


def pages_of_groups(group_pages, inclusive=True):
    """Every page under these group pages (and the group pages themselves if inclusive), as
    ranges of paths that the path's index answers (a LIKE reads every page on SQLite)."""
    paths = Q()
    for group_page in group_pages:
        paths |= branch_q(group_page.path, itself=inclusive)
    if not paths:
        return Page.objects.none()
    return Page.objects.filter(paths)


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
        # Imported here: the services read these models.
        from ..services import supervises

        if user.is_superuser:
            return True
        return supervises(user, group_of_page(obj))

    def approvers(self, obj):
        """The supervisors of the page's group: who is told that a record waits for them."""
        group = group_of_page(obj)
        return group.supervisors.all() if group is not None else get_user_model().objects.none()

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
        from ..services import supervised_groups

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        group_pages = list(PracticeGroupPage.objects.filter(group__in=supervised_groups(user)))
        ids = [str(pk) for pk in pages_of_groups(group_pages).values_list("pk", flat=True)]
        return states.filter(workflow_state__object_id__in=ids)

    @classmethod
    def get_description(cls):
        return _("The supervisors of the page's practice group approve it")

    class Meta:
        verbose_name = _("approval by the group's supervisors")
        verbose_name_plural = _("approvals by the group's supervisors")
