"""Practice-analysis pages: the members-only space of practice groups."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.charter import charter_redirect


class PracticeAnalysisIndexPage(Page):
    """The practice-analysis space: login-only, entered after acknowledging the charter."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("What practice analysis is and the confidentiality rule, in plain words."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Nothing of this section is indexed for search: its existence is all anyone sees.
    search_fields = []

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice-analysis space")
        verbose_name_plural = _("practice-analysis spaces")

    def serve(self, request, *args, **kwargs):
        return charter_redirect(request) or super().serve(request, *args, **kwargs)
