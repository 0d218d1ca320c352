"""Admin views of the site: the report of translations to do, updating translations
without publishing them unreviewed, and the e-mails not delivered."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from privacy import audit

from .models import OutgoingEmail
from .outbox import kind_label
from .services import may_see_undelivered_emails, undelivered_emails_for
from .translations import may_translate, translations_to_do

UNDELIVERED_SHOWN = 200


class TranslationsToDoView(WagtailAdminTemplateMixin, TemplateView):
    """Pages of the member's whose other-language version is missing, unpublished or older
    than the source, each with a link to start, update or review its translation."""

    template_name = "home/admin/translations_to_do.html"
    page_title = _("Translations to do")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not may_translate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lines"] = translations_to_do(self.request.user)
        return context


class ReviewedUpdateTranslationsForm(UpdateTranslationsForm):
    """wagtail-localize's form without "Publish immediately": updated translations become
    drafts, published once the page's workflow approves them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["publish_translations"] = False
        return cleaned_data


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def get_form(self):
        if self.request.method == "POST":
            return ReviewedUpdateTranslationsForm(self.request.POST)
        return ReviewedUpdateTranslationsForm()


class UndeliveredEmailsView(WagtailAdminTemplateMixin, TemplateView):
    """E-mails that failed and wait for another attempt, or were given up: to whom, what
    kind, when, the error. Never their subject or text."""

    template_name = "home/admin/undelivered_emails.html"
    page_title = _("E-mails not delivered")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_undelivered_emails(request.user):
            # Who received which e-mail is personal: a 404, and the attempt is recorded.
            audit.denied(request, (OutgoingEmail._meta.label_lower, "list"))
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        emails = list(undelivered_emails_for(self.request.user)[:UNDELIVERED_SHOWN])
        for email in emails:
            email.kind_label = kind_label(email.kind)
        context.update(emails=emails, given_up=OutgoingEmail.FAILED)
        return context
