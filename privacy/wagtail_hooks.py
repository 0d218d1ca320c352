"""Data protection in the editing space: erasure requests for coordinators, and the audit
log for technical administrators, read-only (nobody adds, changes or deletes here)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from . import admin_views
from .models import AuditEvent, ErasureRequest


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Listing and inspecting only; for the audit log, superusers only."""

    superusers_only = False

    def user_has_permission(self, user, action):
        if action not in ("view",) or not user.is_active:
            return False
        if self.superusers_only:
            return user.is_superuser
        return user.is_superuser or user.has_perm(self._get_permission_name(action))


class SuperusersOnlyPolicy(ReadOnlyPolicy):
    superusers_only = True


class ReadOnlyViewSet(ModelViewSet):
    """No add, edit, copy or delete view at all: a listing and an inspect view."""

    copy_view_enabled = False
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class AuditEventViewSet(ReadOnlyViewSet):
    model = AuditEvent
    icon = "history"
    menu_label = _("Audit log")
    add_to_settings_menu = True
    index_view_class = admin_views.AuditEventIndexView
    list_display = [
        "at",  # the exact time, linked to the event (admin_views)
        "action",
        "outcome",
        Column("actor_id", label=_("Who (account number)")),
        Column("subject_id", label=_("Member concerned (account number)")),
        "object_type",
        "object_id",
        "ip_hash",
    ]
    list_filter = ["action", "outcome", "object_type"]
    inspect_view_fields = [
        "at",
        "action",
        "outcome",
        "actor_id",
        "subject_id",
        "object_type",
        "object_id",
        "ip_hash",
    ]

    @property
    def permission_policy(self):
        return SuperusersOnlyPolicy(self.model)


class ErasureRequestViewSet(ReadOnlyViewSet):
    """Coordinators see the requests and carry them out, with a confirmation step."""

    model = ErasureRequest
    icon = "warning"
    menu_label = _("Erasure requests")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = admin_views.ErasureRequestIndexView
    list_display = [
        "user",  # replaced by the member's name, with the buttons (admin_views)
        DateColumn("requested_at", label=_("Asked on")),
        "status",
        DateColumn("handled_at", label=_("Handled on")),
    ]
    list_filter = ["status"]
    inspect_view_fields = ["user", "status", "requested_at", "handled_at", "handled_by"]

    @property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(erase_url_name=self.get_url_name("erase"), **kwargs)

    @property
    def erase_view(self):
        return self.construct_view(admin_views.ErasureView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/erase/", self.erase_view, name="erase"),
        ]


@hooks.register("register_admin_viewset")
def register_privacy_viewsets():
    return [AuditEventViewSet("audit_log"), ErasureRequestViewSet("erasure_requests")]
