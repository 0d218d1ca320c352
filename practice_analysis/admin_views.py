"""Admin views of practice analysis: aggregate figures for coordinators, never content."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import ReflectiveEntry
from .services import entry_figures

FIGURES_PERMISSION = "practice_analysis.view_practicegroup"


class EntryFiguresView(WagtailAdminTemplateMixin, TemplateView):
    """How many entries each group wrote per month, by state. Counts only."""

    template_name = "practice_analysis/admin/entry_figures.html"
    page_title = _("Reflective entries in figures")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(FIGURES_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = [s for s in ReflectiveEntry.STATES if s[0] != ReflectiveEntry.DRAFT]
        rows = {}
        for figure in entry_figures():
            key = (figure["group__name"], figure["month"])
            rows.setdefault(key, dict.fromkeys([s for s, _l in states], 0))
            rows[key][figure["state"]] = figure["count"]
        context["states"] = states
        context["rows"] = [
            {"group": group, "month": month, "counts": [counts[s] for s, _l in states]}
            for (group, month), counts in rows.items()
        ]
        return context
