"""Training pages: the catalogue of short modules."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class CourseIndexPage(Page):
    """The training catalogue: every module peers can follow at their own pace."""

    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("Who the training is for and how it works, in a few sentences."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training catalogue")
        verbose_name_plural = _("training catalogues")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = self.get_children().live().specific()
        return context
