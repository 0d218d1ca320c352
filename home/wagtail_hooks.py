"""Wagtail admin: the file-library chooser and menu item, crisis lines under Settings, the
report of translations to do, who may copy a page, and safe spreadsheet exports."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import Translation

from .admin_views import ReviewedUpdateTranslationsView, TranslationsToDoView
from .filer_chooser import filer_file_chooser_viewset
from .models import CrisisLine
from .spreadsheets import neutralise_wagtail_exports
from .translations import may_translate, submit_translation_for_review

# Wagtail's report and listing exports: no cell a spreadsheet would run as a formula.
neutralise_wagtail_exports()


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


@hooks.register("register_admin_urls")
def register_translations_to_do_url():
    return [
        path("translations-to-do/", TranslationsToDoView.as_view(), name="translations_to_do"),
    ]


@hooks.register("register_admin_urls", order=-1)
def register_reviewed_update_translations_url():
    # Answers wagtail-localize's own address (reverse("wagtail_localize:update_translations")),
    # as these URLs come before its own: updating translations never publishes them unreviewed.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="reviewed_update_translations",
        ),
    ]


class TranslationsToDoMenuItem(MenuItem):
    def is_shown(self, request):
        return may_translate(request.user)


@hooks.register("register_reports_menu_item")
def register_translations_to_do_menu_item():
    return TranslationsToDoMenuItem(
        _("Translations to do"), reverse("translations_to_do"), icon_name="globe", order=650
    )


@hooks.register("before_edit_page", order=-1)
def review_translations_before_publishing(request, page):
    """Runs before wagtail-localize's editor: its "Publish" submits the translation to the
    page's workflow instead of publishing it (DESIGN.md: translations are reviewed)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    return submit_translation_for_review(request, translation, page.specific)


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
