"""Live sessions in the editing space: every view reaches only the sessions the member may
schedule (``services.sessions_schedulable_by``); anything else is a 404, whatever exists
behind the id."""

from django.contrib.auth import get_user_model

from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies.base import BasePermissionPolicy

from . import services
from .models import LiveSession


class SchedulingPolicy(BasePermissionPolicy):
    """Who schedules is the services' rule, not a Django permission of a role."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "view"):
            return services.may_schedule_any(user)
        return False

    def users_with_any_permission(self, actions):
        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not set(actions) & {"add", "change", "delete", "view"}:
            return LiveSession.objects.none()
        return services.sessions_schedulable_by(user)


class ScheduledOnly:
    # No blanket permission check first: the queryset decides, so another's session is a
    # 404 for everyone, scheduler or not.
    permission_required = None

    def get_queryset(self):
        return services.sessions_schedulable_by(self.request.user)


class LiveSessionIndexView(IndexView):
    def get_base_queryset(self):
        return services.sessions_schedulable_by(self.request.user).select_related(
            "cohort", "group", "facilitator"
        )


class LiveSessionEditView(ScheduledOnly, EditView):
    pass


class LiveSessionDeleteView(ScheduledOnly, DeleteView):
    pass


class LiveSessionHistoryView(HistoryView):
    permission_required = None

    def get_base_object_queryset(self):
        return services.sessions_schedulable_by(self.request.user)


class LiveSessionUsageView(UsageView):
    permission_required = None

    def get_base_object_queryset(self):
        return services.sessions_schedulable_by(self.request.user)
