"""The framework in the editing space: trainers and coordinators edit it (home.roles)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competence, Domain


class DomainViewSet(SnippetViewSet):
    model = Domain
    icon = "folder-open-1"
    menu_label = _("Domains")
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "pk"]


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "tick-inverse"
    menu_label = _("Competences")
    list_display = ["name", "domain", "sort_order"]
    list_filter = ["domain"]
    ordering = ["domain__sort_order", "sort_order", "pk"]


class FrameworkViewSetGroup(SnippetViewSetGroup):
    items = (DomainViewSet, CompetenceViewSet)
    menu_icon = "tick-inverse"
    menu_label = _("Competences")
    menu_order = 260


register_snippet(FrameworkViewSetGroup)
