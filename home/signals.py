"""Keep caches true: filer's folder rights, and the content version of ``home.cache``.

filer caches each member's readable folders for minutes and only clears the cache of the
admin user who made a change; access must change at once for everyone concerned.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from filer.cache import clear_folder_permission_cache
from filer.models import File, Folder, FolderPermission
from filer.models import Image as FilerImage

from .cache import bump_content_version
from .models import CrisisLine, SiteSettings


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


page_published.connect(bump_content_version, dispatch_uid="content-version-published")
page_unpublished.connect(bump_content_version, dispatch_uid="content-version-unpublished")
post_page_move.connect(bump_content_version, dispatch_uid="content-version-moved")
# Files and images too: cached page bodies hold their links (``{% shared_fragment %}``).
for model in (
    Page,
    PageViewRestriction,
    CrisisLine,
    Locale,
    Site,
    File,
    FilerImage,
    get_image_model(),
):
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"content-{model}-s")
    post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"content-{model}-d")


@receiver(post_save, sender=SiteSettings, dispatch_uid="content-site-settings-s")
def site_settings_saved(sender, created=False, **kwargs):
    # Wagtail creates the row, with its defaults, the first time a page reads it: nothing
    # shown changes then, and emptying every cache on a first visit would only slow it down.
    if not created:
        bump_content_version()


post_delete.connect(bump_content_version, sender=SiteSettings, dispatch_uid="content-ss-d")
