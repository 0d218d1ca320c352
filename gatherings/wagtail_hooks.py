"""Live sessions in the editing space, for those who schedule them."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .forms import LiveSessionAdminForm
from .models import LiveSession


class LiveSessionViewSet(ModelViewSet):
    """Trainers schedule their cohorts' sessions, supervisors their groups', coordinators any."""

    model = LiveSession
    icon = "date"
    menu_label = _("Live sessions")
    menu_order = 295
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = admin_views.LiveSessionIndexView
    edit_view_class = admin_views.LiveSessionEditView
    delete_view_class = admin_views.LiveSessionDeleteView
    history_view_class = admin_views.LiveSessionHistoryView
    usage_view_class = admin_views.LiveSessionUsageView
    list_display = ["starts_at", "kind", "cohort", "group", "facilitator"]
    list_filter = ["kind"]
    ordering = ["-starts_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("cohort"), FieldPanel("group")]),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
            FieldPanel("place"),
            FieldPanel("video_link"),
            FieldPanel("facilitator"),
            FieldPanel("agenda"),
        ],
        base_form_class=LiveSessionAdminForm,
    )

    @property
    def permission_policy(self):
        return admin_views.SchedulingPolicy(LiveSession)


@hooks.register("register_admin_viewset")
def register_live_sessions():
    return LiveSessionViewSet("live_sessions")
