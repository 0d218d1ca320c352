"""The coordinators' screen in the editing space: every credential issued (holder, kind,
achievement, dates), found by words, kind or status, and revoking one with a reason.
Anyone else gets a 404, audited (``services.managed_credential``)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from privacy import audit

from . import registry, services
from .forms import CredentialFilterForm, RevocationForm
from .models import IssuedCredential

PER_PAGE = 50


def holder_name(user):
    if user is None:
        return _("An erased account")
    return user.get_full_name().strip() or user.get_username()


def kind_label(key):
    found = registry.kind(key)
    return found.label if found is not None else key


class IssuedCredentialsView(WagtailAdminTemplateMixin, TemplateView):
    """Every credential issued, newest first, with a link to revoke a valid one."""

    template_name = "credentials/admin/issued_credentials.html"
    page_title = gettext_lazy("Verifiable credentials")
    header_icon = "tick-inverse"

    def get_breadcrumbs_items(self):
        # Wagtail's default is "Home" alone, which the header then shows instead of the title.
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_header_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not services.may_manage_credentials(request.user):
            audit.denied(request, (IssuedCredential._meta.label_lower, "list"))
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CredentialFilterForm(self.request.GET or None)
        found = services.issued_credentials_for(self.request.user, **form.criteria())
        page = Paginator(found, PER_PAGE).get_page(self.request.GET.get("p"))
        for credential in page:
            credential.holder_name = holder_name(credential.user)
            credential.kind_label = kind_label(credential.kind)
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(form=form, page=page, query=query.urlencode())
        return context


class RevokeCredentialView(WagtailAdminTemplateMixin, FormView):
    """A confirmation page with the reason to write; the POST revokes the credential."""

    template_name = "credentials/admin/revoke.html"
    form_class = RevocationForm
    page_title = gettext_lazy("Revoke a verifiable credential")
    header_icon = "tick-inverse"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.credential = services.managed_credential(request, kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if self.credential.is_revoked:
            messages.info(request, _("This credential was already revoked."))
            return redirect("issued_credentials")
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.credential.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("issued_credentials"), "label": IssuedCredentialsView.page_title},
            {"url": "", "label": self.get_header_title()},
        ]

    def form_valid(self, form):
        services.revoke(self.credential, self.request.user, reason=form.cleaned_data["reason"])
        messages.success(
            self.request,
            _("The credential is revoked: it no longer verifies. %(name)s is told.")
            % {"name": holder_name(self.credential.user)},
        )
        return redirect("issued_credentials")

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "credential": self.credential,
            "holder": holder_name(self.credential.user),
            "kind": kind_label(self.credential.kind),
            "cancel_url": reverse("issued_credentials"),
        }
