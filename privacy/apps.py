"""Data protection across the site: encryption at rest, the audit log, the rights of the
people concerned (their data, erasure) and retention.

A domain of its own because it cuts across every other app: each app keeps its models,
and says here what it holds about a member and how it is erased (``personal_data.py``),
and how long it keeps it (``retention.py``).
"""

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Data protection")

    def ready(self):
        from . import signals, wagtail_texts  # noqa: F401

        # Wagtail's own copies of page texts (previews, reviewers' comments): encrypted.
        wagtail_texts.connect()

        # Each app's personal_data.py registers what it holds about a member, its
        # retention.py the steps of the retention schedule (privacy/retention.py).
        autodiscover_modules("personal_data", "retention")
