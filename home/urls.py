"""Front-end URLs of the home app, under the language prefix."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import preference_views, share_views, views

urlpatterns = [
    path("charter/acknowledge/", views.acknowledge_charter, name="charter_acknowledge"),
    path(
        pgettext_lazy("URL", "my-notifications/"),
        views.notification_list,
        name="notification_list",
    ),
    path(
        pgettext_lazy("URL", "my-notifications/<int:pk>/read/"),
        views.notification_read,
        name="notification_read",
    ),
    path(
        pgettext_lazy("URL", "my-notifications/read-all/"),
        views.notification_read_all,
        name="notification_read_all",
    ),
    path(
        pgettext_lazy("URL", "my-notifications/settings/"),
        preference_views.notification_settings,
        name="notification_settings",
    ),
    path(
        pgettext_lazy("URL", "my-notifications/stop/<str:token>/"),
        preference_views.stop_notifications,
        name="notifications_stop",
    ),
    path(pgettext_lazy("URL", "share/"), share_views.share_list, name="share_list"),
    path(pgettext_lazy("URL", "share/new/"), share_views.share_new, name="share_new"),
    path(pgettext_lazy("URL", "share/<int:pk>/"), share_views.share_detail, name="share_detail"),
    path(pgettext_lazy("URL", "share/<int:pk>/edit/"), share_views.share_edit, name="share_edit"),
]
