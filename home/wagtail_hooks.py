"""Wagtail admin: the file-library chooser and menu item, crisis lines under Settings."""

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
