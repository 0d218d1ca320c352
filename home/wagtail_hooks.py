"""Wagtail admin: the file-library chooser and menu item, crisis lines under Settings, and who
may copy a page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .filer_chooser import filer_file_chooser_viewset
from .models import CrisisLine


@hooks.register("register_admin_viewset")
def register_filer_file_chooser():
    return filer_file_chooser_viewset


class CrisisLineViewSet(SnippetViewSet):
    model = CrisisLine
    icon = "warning"
    add_to_settings_menu = True
    menu_label = _("Crisis lines")
    list_display = ["number", "name", "sort_order"]
    ordering = ["sort_order", "number"]


register_snippet(CrisisLineViewSet)


class FileLibraryMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("filer.view_folder")


@hooks.register("register_admin_menu_item")
def register_file_library_menu_item():
    return FileLibraryMenuItem(
        _("File library"),
        reverse("admin:filer_folder_changelist"),
        icon_name="folder-open-inverse",
        order=450,
    )


@hooks.register("before_copy_page")
def copy_only_what_you_may_edit(request, page):
    """Wagtail lets anyone who may add pages copy any page there, drafts included. A peer
    who proposes texts copies only their own (never another peer's draft, nor a module)."""
    parent = page.get_parent()
    if page.permissions_for_user(request.user).can_edit() or (
        parent is not None and parent.permissions_for_user(request.user).can_publish_subpage()
    ):
        return None
    messages.warning(request, _("You can only copy pages you may edit."))
    return redirect("wagtailadmin_explore", parent.pk if parent else page.pk)
