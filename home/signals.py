"""Keep caches true (filer's folder rights, members' roles, charter acknowledgements, the
versions of ``home.cache`` for home's own models and Wagtail's), and tell members
what happens in the page workflows (``home.workflow_notifications``).

Other apps declare what their own saves make stale in their own ``signals.py``
(``home.cache.register_invalidation``); home knows none of their models.

filer caches each member's readable folders for minutes and only clears the cache of the
admin user who made a change; access must change at once for everyone concerned.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from filer.cache import clear_folder_permission_cache
from filer.models import File, Folder, FolderPermission
from filer.models import Image as FilerImage

from . import notifications, workflow_notifications
from .cache import (
    PAGE,
    ROLES,
    SITE,
    address_changed,
    app_page_models,
    bump,
    bump_roles_version,
    page_changed,
    register_invalidation,
    register_m2m_invalidation,
    register_version,
)
from .charter import acknowledged_key
from .member_cache import forget_member_value
from .models import (
    CharterAcknowledgement,
    ContributionIndexPage,
    ContributionPage,
    CrisisLine,
    Notification,
    SiteSettings,
)


def clear_folder_permissions_cache(**kwargs):
    # filer's cache keys hold every member's folders, whatever the user given.
    clear_folder_permission_cache(user=None)


for model in (FolderPermission, Folder):
    post_save.connect(clear_folder_permissions_cache, sender=model, dispatch_uid=f"filer-{model}-s")
    post_delete.connect(
        clear_folder_permissions_cache, sender=model, dispatch_uid=f"filer-{model}-d"
    )


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="filer-groups")
def groups_changed(**kwargs):
    clear_folder_permissions_cache()
    bump_roles_version()


# Permissions given to a group or to one member change what their menus show.
register_m2m_invalidation(
    Group.permissions.through, get_user_model().user_permissions.through, version=ROLES
)
# Deleting a group removes its members' links without an m2m_changed signal.
register_invalidation(Group, version=ROLES)


# Any page's publish or unpublish moves its section's version (and the site's for the pages
# the header lists); a move or a new slug changes addresses any page may link to.
page_published.connect(page_changed, dispatch_uid="versions-published")
page_unpublished.connect(page_changed, dispatch_uid="versions-unpublished")
post_page_move.connect(address_changed, dispatch_uid="versions-moved")
page_slug_changed.connect(address_changed, dispatch_uid="versions-slug-changed")
# Home's page types and Wagtail's own are the site's section: a page saved outside a
# publish (a script, a migration) changes it too, a saved draft does not. Each app
# registers its own page types (tests check that every page type is registered:
# home/tests/test_invalidation.py). Files and images too: cached page bodies of every
# section hold their links (``{% shared_fragment %}``), and all of them read the site's.
CONTRIBUTIONS_SECTION = (ContributionIndexPage, ContributionPage)
register_invalidation(
    Page,
    *(model for model in app_page_models("home") if model not in CONTRIBUTIONS_SECTION),
    CrisisLine,
    Locale,
    Site,
    File,
    FilerImage,
    get_image_model(),
    version=SITE,
)
# Peers' contributions are a section of their own (their listing is read for each request):
# one published moves neither the site's caches nor training's.
CONTRIBUTIONS = register_version("contributions")
register_invalidation(*CONTRIBUTIONS_SECTION, version=CONTRIBUTIONS)
# A view restriction and the groups it lets in (cached with the restrictions of the page
# and those under it, ``home.pages``, and in the header's sections): the page's versions.
register_invalidation(PageViewRestriction, version=PAGE)
register_m2m_invalidation(PageViewRestriction.groups.through, version=PAGE)


@receiver(post_save, sender=CharterAcknowledgement, dispatch_uid="charter-ack-s")
@receiver(post_delete, sender=CharterAcknowledgement, dispatch_uid="charter-ack-d")
def acknowledgement_changed(instance, **kwargs):
    forget_member_value(acknowledged_key(instance.user_id, instance.charter_key, instance.version))


@receiver(post_save, sender=Notification, dispatch_uid="notification-unread-count")
@receiver(post_delete, sender=Notification, dispatch_uid="notification-unread-count-d")
def notification_changed(sender, instance, **kwargs):
    notifications.forget_unread_count(instance.recipient_id)


# Workflow notifications replace Wagtail's own e-mails instead of doubling them: they are
# registered under the dispatch_uids Wagtail uses, and a signal keeps the first receiver of
# a uid. This module is imported by home's ready(), which runs before wagtail.admin's (home
# comes first in INSTALLED_APPS), so Wagtail's receivers are never connected.
# WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False silences the one left (submissions
# to superusers). home/tests/test_notifications.py checks that each event sends one e-mail.
task_submitted.connect(
    workflow_notifications.review_requested,
    sender=TaskState,
    dispatch_uid="group_approval_task_submitted_email_notification",
)
workflow_rejected.connect(
    workflow_notifications.changes_requested,
    sender=WorkflowState,
    dispatch_uid="workflow_state_rejected_email_notification",
)
workflow_approved.connect(
    workflow_notifications.approved,
    sender=WorkflowState,
    dispatch_uid="workflow_state_approved_email_notification",
)


@receiver(post_save, sender=SiteSettings, dispatch_uid="content-site-settings-s")
def site_settings_saved(sender, created=False, **kwargs):
    # Wagtail creates the row, with its defaults, the first time a page reads it: nothing
    # shown changes then, and emptying every cache on a first visit would only slow it down.
    if not created:
        bump(SITE)


@receiver(post_delete, sender=SiteSettings, dispatch_uid="content-ss-d")
def site_settings_deleted(**kwargs):
    bump(SITE)
