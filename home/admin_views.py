"""Admin views of the site: the report of translations to do, and updating translations
without publishing them unreviewed."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from .translations import may_translate, translations_to_do


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
