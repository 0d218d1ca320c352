"""Training in the Wagtail admin: certificates, which trainers and coordinators may revoke,
cohorts with their progress reports, and lessons proposed by peers."""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from home import limits

from . import admin_views
from .certificates import learner_name
from .forms import CertificateRevocationForm
from .models import Certificate, Cohort, CoursePage


class CertificateViewSet(ModelViewSet):
    """Certificates: coordinators see every one; trainers those of their cohorts' learners
    for their cohorts' modules (``services.certificates_visible_to``), in every view."""

    model = Certificate
    index_view_class = admin_views.CertificateIndexView
    edit_view_class = admin_views.CertificateEditView
    inspect_view_class = admin_views.CertificateInspectView
    delete_view_class = admin_views.CertificateDeleteView
    history_view_class = admin_views.CertificateHistoryView
    usage_view_class = admin_views.CertificateUsageView
    icon = "doc-full-inverse"
    menu_label = _("Certificates")
    menu_order = 300
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "code",
        "learner_name",
        "course_title",
        DateColumn("issued_at", label=_("issued on")),
        DateColumn("revoked_at", label=_("revoked on")),
    ]
    search_fields = ["code", "learner_name", "course_title"]
    list_filter = ["issued_at"]
    inspect_view_fields = [
        "code",
        "learner_name",
        "course_title",
        "duration_minutes",
        "issued_at",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
    ]
    edit_handler = ObjectList(
        [FieldPanel("revoked"), FieldPanel("revocation_reason")],
        base_form_class=CertificateRevocationForm,
    )


admin_views.narrow_log_entries()


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificateViewSet("certificates")


class CohortForm(WagtailAdminModelForm):
    """Learners are chosen among peers, trainers among trainers, modules in French."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, role in [("members", "peer"), ("trainers", "trainer")]:
            chosen_among = Q(groups__name=role, is_active=True)
            if self.instance.pk:  # keep those already chosen, even without the role now
                chosen_among |= Q(pk__in=getattr(self.instance, name).values("pk"))
            field = self.fields[name]
            field.queryset = (
                field.queryset.filter(chosen_among)
                .distinct()
                .order_by("last_name", "first_name", "username")
            )
            field.label_from_instance = member_label
        self.fields["modules"].queryset = CoursePage.objects.filter(
            locale=Locale.get_default()
        ).order_by("path")
        limits.limit_length(self.fields["description"], limits.SHORT_TEXT)


def member_label(user):
    return f"{learner_name(user)} ({user.get_username()})"


class CohortViewSet(ModelViewSet):
    """Coordinators manage every cohort; trainers see and change the cohorts they train."""

    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 290
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = admin_views.CohortIndexView
    edit_view_class = admin_views.CohortEditView
    delete_view_class = admin_views.CohortDeleteView
    history_view_class = admin_views.CohortHistoryView
    usage_view_class = admin_views.CohortUsageView
    list_display = [
        "name",
        "start_date",
        "end_date",
        Column("learner_count", label=_("Learners"), sort_key="learner_count"),
    ]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("modules", widget=forms.CheckboxSelectMultiple),
            FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
            FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=CohortForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(report_url_name=self.get_url_name("report"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(report_url_name=self.get_url_name("report"), **kwargs)

    @property
    def report_view(self):
        return self.construct_view(
            admin_views.CohortReportView,
            export_url_name=self.get_url_name("report_export"),
            kind_word_url_name=self.get_url_name("kind_word"),
        )

    @property
    def kind_word_view(self):
        return self.construct_view(
            admin_views.KindWordView, report_url_name=self.get_url_name("report")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/report/", self.report_view, name="report"),
            path(
                "<int:pk>/report/<slug:export>/",
                admin_views.cohort_report_export,
                name="report_export",
            ),
            path("<int:pk>/kind-word/<int:learner>/", self.kind_word_view, name="kind_word"),
        ]


@hooks.register("register_admin_viewset")
def register_cohorts():
    return CohortViewSet("cohorts")


@hooks.register("before_create_page")
def modules_are_created_by_trainers(request, parent_page, page_class):
    """Peers may add pages under the catalogue to propose lessons inside a module; a new
    module is for those who may publish there (trainers)."""
    if not issubclass(page_class, CoursePage):
        return None
    if parent_page.permissions_for_user(request.user).can_publish_subpage():
        return None
    messages.warning(
        request,
        _(
            "Only the training team creates modules. To propose a lesson, open a module and "
            "add a lesson inside it."
        ),
    )
    return redirect("wagtailadmin_explore", parent_page.pk)
