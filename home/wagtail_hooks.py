"""Wagtail admin: the file-library chooser and menu item, crisis lines under Settings, the
reports of translations to do and of e-mails not delivered, who may copy a page, and safe
spreadsheet exports."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.documents.permissions import permission_policy as document_permissions
from wagtail.documents.views import documents as document_views
from wagtail.documents.views import multiple as multiple_document_views
from wagtail.documents.views.bulk_actions import (
    AddTagsBulkAction,
    AddToCollectionBulkAction,
    DeleteBulkAction,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import Translation

from .admin_views import (
    ReviewedUpdateTranslationsView,
    TranslationsToDoView,
    UndeliveredEmailsView,
)
from .filer_chooser import filer_file_chooser_viewset
from .models import CrisisLine
from .services import may_see_undelivered_emails
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


@hooks.register("register_admin_urls")
def register_undelivered_emails_url():
    return [
        path("undelivered-emails/", UndeliveredEmailsView.as_view(), name="undelivered_emails"),
    ]


class UndeliveredEmailsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_undelivered_emails(request.user)


@hooks.register("register_reports_menu_item")
def register_undelivered_emails_menu_item():
    return UndeliveredEmailsMenuItem(
        _("E-mails not delivered"), reverse("undelivered_emails"), icon_name="mail", order=660
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


# Documents in the editing space: each person sees the documents of the collections they
# work in (Wagtail's collection permissions), in the listing, the chooser and bulk actions.


def documents_seen_by(user):
    """The documents a member may see in the editing space: those they may change or
    choose, i.e. of the collections their roles work in."""
    return document_permissions.instances_user_has_any_permission_for(user, ["change", "choose"])


class UnseenDocumentsStayUnseen:
    """Wagtail's document bulk actions list, by title, the chosen documents one may not act
    on; a document of a collection one does not work in is left out instead, and asking
    only for such documents is a 404, as for ids that do not exist."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        refused = extra["items_with_no_access"]
        seen = set(
            documents_seen_by(self.request.user)
            .filter(pk__in=[document.pk for document in refused])
            .values_list("pk", flat=True)
        )
        extra["items_with_no_access"] = [document for document in refused if document.pk in seen]
        if not objects and not extra["items_with_no_access"]:
            raise Http404
        return objects, extra


class DocumentDeleteBulkAction(UnseenDocumentsStayUnseen, DeleteBulkAction):
    pass


class DocumentAddTagsBulkAction(UnseenDocumentsStayUnseen, AddTagsBulkAction):
    pass


class DocumentAddToCollectionBulkAction(UnseenDocumentsStayUnseen, AddToCollectionBulkAction):
    pass


# Registered after Wagtail's own (higher order): the same action names, so these replace them.
for _action in (
    DocumentDeleteBulkAction,
    DocumentAddTagsBulkAction,
    DocumentAddToCollectionBulkAction,
):
    hooks.register("register_bulk_action", _action, order=100)


def seen_document_or_404(view, id_name):
    """Wagtail sends a member who opens a document of another collection back to the
    dashboard, which says that it exists; here it is the same 404 as a wrong id."""

    def wrapped(request, *args, **kwargs):
        if not documents_seen_by(request.user).filter(pk=kwargs[id_name]).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@hooks.register("register_admin_urls", order=-1)
def register_checked_document_urls():
    # The same addresses as Wagtail's document views, found first (order -1).
    return [
        path(
            "documents/edit/<int:document_id>/",
            seen_document_or_404(document_views.EditView.as_view(), "document_id"),
            name="checked_document_edit",
        ),
        path(
            "documents/delete/<int:document_id>/",
            seen_document_or_404(document_views.DeleteView.as_view(), "document_id"),
            name="checked_document_delete",
        ),
        path(
            "documents/usage/<int:document_id>/",
            seen_document_or_404(document_views.UsageView.as_view(), "document_id"),
            name="checked_document_usage",
        ),
        path(
            "documents/multiple/<int:doc_id>/",
            seen_document_or_404(multiple_document_views.EditView.as_view(), "doc_id"),
            name="checked_document_edit_multiple",
        ),
        path(
            "documents/multiple/<int:doc_id>/delete/",
            seen_document_or_404(multiple_document_views.DeleteView.as_view(), "doc_id"),
            name="checked_document_delete_multiple",
        ),
    ]


@hooks.register("insert_global_admin_css")
def admin_css():
    """Small fixes of the editing space for phones (long buttons, names in listings)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_log_actions")
def register_contribution_log_actions(actions):
    # "Share": what the author marked as not identifying shows in the page's history.
    from .sharing import FINDINGS_CONFIRMED

    actions.register_action(
        FINDINGS_CONFIRMED,
        _("Marked as not identifying"),
        _("The author marked passages as not identifying before sending the text"),
    )
