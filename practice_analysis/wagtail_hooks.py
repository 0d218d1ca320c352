"""Practice analysis in Wagtail: groups managed by coordinators, group pages hidden."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from privacy import audit

from . import admin_access
from .admin_views import FIGURES_PERMISSION, EntryFiguresView
from .forms import PracticeGroupForm
from .models import PracticeGroup, PracticeGroupPage, group_of_page
from .models.pages import GroupRecordPage
from .services import may_see_group


class PracticeGroupViewSet(ModelViewSet):
    """Coordinators manage the groups: who is in them and who supervises them. The content
    of entries and records is never shown here."""

    model = PracticeGroup
    icon = "group"
    menu_label = _("Practice groups")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["name", "kind", "facilitator"]
    list_filter = ["kind"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("kind"),
            FieldPanel("facilitator"),
            FieldPanel("supervisors"),
            FieldPanel("members"),
        ],
        base_form_class=PracticeGroupForm,
    )


@hooks.register("register_admin_viewset")
def register_practice_groups():
    return PracticeGroupViewSet("practice_groups")


@hooks.register("before_serve_page")
def hide_group_pages_from_outsiders(page, request, serve_args, serve_kwargs):
    """Wagtail would send a logged-in outsider to the login page, which says the page
    exists; outsiders get the same 404 as for a page that does not exist."""
    if not isinstance(page, PracticeGroupPage | GroupRecordPage):
        return None
    if not request.user.is_authenticated:
        return None
    if not may_see_group(request.user, group_of_page(page)):
        audit.denied(request, page)
        raise Http404
    return None


@hooks.register("register_admin_urls")
def register_figures_url():
    return [path("entry-figures/", EntryFiguresView.as_view(), name="practice_entry_figures")]


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(FIGURES_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_figures_menu_item():
    return FiguresMenuItem(
        _("Reflective entries in figures"),
        reverse("practice_entry_figures"),
        icon_name="table",
        order=700,
    )


# The editing space is deny-by-default for other groups' pages (admin_access) -------------

admin_access.install()


@hooks.register("construct_page_chooser_queryset")
def hide_group_pages_in_choosers(pages, request):
    """Page choosers list every page by default: not the groups the user is not in."""
    return admin_access.without_hidden(request.user, pages)
