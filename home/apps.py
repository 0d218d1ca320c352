"""Site-wide pages, settings, roles, charter acknowledgement and files."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from . import personal, schedule, signals, workflow_notifications  # noqa: F401

        # Home's notification kinds (the page workflows); its signals keep caches true.
        workflow_notifications.register()
        # The scheduled jobs: the outbox's sweep, the nightly retention.
        schedule.register_site_jobs()
        # Its own panels on the member's home: contributions to change, unread notifications.
        personal.register_home_panels()
