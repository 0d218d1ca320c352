"""Cohorts and certificates in the Wagtail admin: every view reaches only those the member
may see.

``services.cohorts_visible_to`` and ``services.certificates_visible_to`` are the rules; an
object outside them is a 404 here, whatever exists behind its id.
"""

import uuid

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from home.downloads import attachment
from privacy import audit
from privacy.models import AuditEvent

from . import kind_words
from .certificates import learner_name
from .cohorts import CHART_BAR_WIDTH, CHART_WIDTH, cohort_report, csv_export, xlsx_export
from .forms import KindWordForm
from .models import Certificate, Cohort
from .services import certificates_visible_to, cohorts_visible_to

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORTS = {
    "csv": (csv_export, "text/csv; charset=utf-8"),
    "xlsx": (xlsx_export, XLSX),
}


class CohortIndexView(IndexView):
    """The cohorts the member may see, each with a button to its progress report."""

    report_url_name = None

    def get_base_queryset(self):
        return cohorts_visible_to(self.request.user).annotate(learner_count=Count("members"))

    def get_list_more_buttons(self, instance):
        report = ListingButton(
            _("Report"),
            url=reverse(self.report_url_name, args=[instance.pk]),
            icon_name="table",
            attrs={"aria-label": _("Progress report of %(cohort)s") % {"cohort": instance}},
            priority=5,
        )
        return [report, *super().get_list_more_buttons(instance)]


class CohortEditView(EditView):
    """Editing a cohort, with a button to its progress report."""

    report_url_name = None

    def get_queryset(self):
        return cohorts_visible_to(self.request.user)

    @property
    def header_buttons(self):
        url = reverse(self.report_url_name, args=[self.object.pk])
        return [HeaderButton(_("Progress report"), url=url, icon_name="table")]


class CohortDeleteView(DeleteView):
    def get_queryset(self):
        return cohorts_visible_to(self.request.user)


class CohortHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return cohorts_visible_to(self.request.user)


class CohortUsageView(UsageView):
    def get_base_object_queryset(self):
        return cohorts_visible_to(self.request.user)


class CohortReportView(WagtailAdminTemplateMixin, TemplateView):
    """A cohort's progress report: learners by modules, quiz questions, quiet learners, chart."""

    template_name = "courses/cohort_report.html"
    header_icon = "table"
    index_url_name = None
    edit_url_name = None
    export_url_name = None
    kind_word_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cohort = visible_cohort_or_404(request, kwargs["pk"])

    def get_page_title(self):
        return _("Progress report")

    def get_page_subtitle(self):
        return self.cohort.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Cohorts")},
            {"url": "", "label": self.get_header_title()},
        ]

    @property
    def header_buttons(self):
        url = reverse(self.edit_url_name, args=[self.cohort.pk])
        return [HeaderButton(_("Edit the cohort"), url=url, icon_name="edit")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            cohort=self.cohort,
            report=cohort_report(self.cohort),
            exports={
                name: reverse(self.export_url_name, args=[self.cohort.pk, name]) for name in EXPORTS
            },
            chart_width=CHART_WIDTH,
            chart_bar_width=CHART_BAR_WIDTH,
            kind_word_url_name=self.kind_word_url_name,
            sends_kind_words=kind_words.cohorts_trained_by(self.request.user)
            .filter(pk=self.cohort.pk)
            .exists(),
        )
        return context


def visible_cohort_or_404(request, pk):
    """The cohort, if the member may read its report; otherwise a 404, and the attempt goes
    to the audit log (a report holds learners' progress)."""
    cohort = cohorts_visible_to(request.user).filter(pk=pk).first()
    if cohort is None:
        audit.denied(request, (Cohort._meta.label_lower, pk))
        raise Http404
    return cohort


@require_safe
def cohort_report_export(request, pk, export):
    """The report's table of learners by modules as a CSV or XLSX file."""
    if export not in EXPORTS:
        raise Http404
    cohort = visible_cohort_or_404(request, pk)
    build, content_type = EXPORTS[export]
    audit.record(AuditEvent.EXPORT, obj=cohort, request=request)
    suffix = slugify(_("progress"))
    filename = f"{slugify(cohort.name)}-{suffix}.{export}"
    return attachment(build(cohort_report(cohort)), filename, content_type)


class KindWordView(WagtailAdminTemplateMixin, FormView):
    """A kind word to a learner of the cohort, from one of its trainers
    (``kind_words.kind_word_recipient``); anyone else gets a 404."""

    template_name = "courses/kind_word.html"
    form_class = KindWordForm
    header_icon = "mail"
    report_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        pk, learner_pk = kwargs["pk"], kwargs["learner"]
        found = kind_words.kind_word_recipient(request.user, pk, learner_pk)
        if found is None:
            audit.denied(request, (Cohort._meta.label_lower, pk), subject=learner_pk)
            raise Http404
        self.cohort, self.learner = found

    def get_page_title(self):
        return _("A kind word")

    def get_page_subtitle(self):
        return learner_name(self.learner)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.report_url(), "label": self.cohort.name},
            {"url": "", "label": self.get_header_title()},
        ]

    def report_url(self):
        return reverse(self.report_url_name, args=[self.cohort.pk])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "max_length": kind_words.MAX_LENGTH}

    def get_initial(self):
        text = kind_words.prefilled_text(self.request.user, self.learner)
        return {"text": text, "submission": uuid.uuid4()}

    def form_valid(self, form):
        kind_words.send_kind_word(
            self.request.user,
            self.cohort,
            self.learner,
            form.cleaned_data["text"],
            form.cleaned_data["submission"],
        )
        # The same answer for a second press of the button: the word left once.
        messages.success(
            self.request,
            _("Your word is on its way to %(name)s.") % {"name": learner_name(self.learner)},
        )
        return redirect(self.report_url())

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "learner": self.learner,
            "cancel_url": self.report_url(),
        }


# Certificates: trainers reach those of their cohorts only (see certificates_visible_to).


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        return certificates_visible_to(self.request.user)


class CertificateEditView(EditView):
    def get_queryset(self):
        return certificates_visible_to(self.request.user)


class CertificateInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            certificates_visible_to(self.request.user), pk=unquote(str(self.pk))
        )


class CertificateDeleteView(DeleteView):
    def get_queryset(self):
        return certificates_visible_to(self.request.user)


class CertificateHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return certificates_visible_to(self.request.user)


class CertificateUsageView(UsageView):
    def get_base_object_queryset(self):
        return certificates_visible_to(self.request.user)


# Log entries (the site history report, its export and filters, each object's history):
# Wagtail shows every entry of a model to anyone with a permission on that model. The
# entries of certificates and cohorts are narrowed to those the member may see.

NARROWED_LOG_MODELS = {Certificate: certificates_visible_to, Cohort: cohorts_visible_to}


def narrow_log_entries():
    """Wrap ``ModelLogEntryManager.viewable_by_user`` once, at start-up."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast

    from wagtail.models.audit_log import ModelLogEntryManager

    if getattr(ModelLogEntryManager, "_narrowed_by_courses", False):
        return

    def viewable_by_user(self, user):
        entries = super(ModelLogEntryManager, self).viewable_by_user(user)
        if user.is_superuser:
            return entries
        for model, visible_to in NARROWED_LOG_MODELS.items():
            visible = visible_to(user).annotate(text_pk=Cast("pk", CharField())).values("text_pk")
            entries = entries.exclude(
                Q(content_type=ContentType.objects.get_for_model(model)) & ~Q(object_id__in=visible)
            )
        return entries

    ModelLogEntryManager.viewable_by_user = viewable_by_user
    ModelLogEntryManager._narrowed_by_courses = True
