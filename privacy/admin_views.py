"""Erasure requests in the editing space: the list, and carrying one out after a
confirmation. Who may do it is decided in ``services``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import ListingButton

from . import registry, services
from .models import ErasureRequest


class AuditEventIndexView(IndexView):
    """The log, newest first; the first column is the exact time, linked to the event."""

    @cached_property
    def columns(self):
        columns = super().columns
        title_column = self._get_title_column_class(TitleColumn)
        columns[0] = title_column(
            "at",
            label=gettext_lazy("When"),
            # Sortable and exact to the second, as logs are read.
            accessor=lambda event: f"{timezone.localtime(event.at):%Y-%m-%d %H:%M:%S}",
            get_url=self.get_inspect_url,
            sort_key="at",
        )
        return columns


def member_label(erasure_request):
    user = erasure_request.user
    name = user.get_full_name().strip()
    return f"{name} ({user.get_username()})" if name else user.get_username()


class ErasureRequestIndexView(IndexView):
    """Every request, waiting ones first, each waiting one with its "Carry out" button."""

    erase_url_name = None

    @cached_property
    def columns(self):
        # The first column carries each row's buttons: the member's name and username.
        columns = super().columns
        title_column = self._get_title_column_class(TitleColumn)
        columns[0] = title_column(
            "member",
            label=gettext_lazy("Member"),
            accessor=member_label,
            get_url=self.get_inspect_url,
        )
        return columns

    def get_base_queryset(self):
        return services.requests_for(self.request.user).order_by("-status", "requested_at")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == ErasureRequest.PENDING and self.request.user.has_perm(
            services.ERASE_PERMISSION
        ):
            buttons.append(
                ListingButton(
                    _("Carry out the erasure"),
                    url=reverse(self.erase_url_name, args=[instance.pk]),
                    icon_name="warning",
                    attrs={
                        "aria-label": _("Carry out the erasure of %(member)s")
                        % {"member": instance.user.get_username()}
                    },
                    priority=5,
                )
            )
        return buttons


class ErasureView(WagtailAdminTemplateMixin, TemplateView):
    """What will be erased, then, on confirmation, the erasure."""

    template_name = "privacy/admin/erasure_confirm.html"
    page_title = gettext_lazy("Carry out an erasure")
    header_icon = "warning"
    index_url_name = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Erasure requests")},
            {"url": "", "label": self.get_page_title()},
        ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.erasure_request = get_object_or_404(
            services.requests_for(request.user).filter(status=ErasureRequest.PENDING),
            pk=kwargs["pk"],
        )

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(services.ERASE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member = self.erasure_request.user
        refusal = None
        try:
            services.check_may_erase(self.request.user, member)
        except services.ErasureRefused as refused:
            refusal = str(refused)
        context.update(
            erasure_request=self.erasure_request,
            member=member,
            refusal=refusal,
            sections=[
                section.label for section in registry.sections() if section.erase is not None
            ],
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            services.erase_member(self.erasure_request, request.user, request=request)
        except services.ErasureRefused as refused:
            messages.error(request, str(refused))
            return redirect(self.index_url_name)
        messages.success(
            request,
            _("The erasure is done: the account is closed and anonymised, its data removed."),
        )
        return redirect(self.index_url_name)
