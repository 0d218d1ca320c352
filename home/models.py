"""Site-wide pages (home, standard pages, charter), site settings and crisis lines."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock

INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(Page):
    """The intranet's front door: who we are, where to start, help one click away."""

    intro = RichTextField(
        features=INTRO_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("One or two welcoming sentences shown under the title."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.CharterPage",
        "home.ContributionIndexPage",
        "courses.CourseIndexPage",
        "practice_analysis.PracticeAnalysisIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from .services import navigation_pages

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = navigation_pages(request.user, self.locale_id)
        return context


class StandardPage(Page):
    """A page of information: the association, its partners, how things work."""

    intro = RichTextField(
        features=INTRO_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("A short summary shown at the top of the page and in listings."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class CharterPage(Page):
    """The association's charter; members acknowledge each version before entering shared spaces."""

    version = models.CharField(
        max_length=20,
        verbose_name=_("version"),
        help_text=_(
            "Change the version when the charter changes in substance: every member will "
            "be asked to read and acknowledge it again. Leave it as it is for typo fixes."
        ),
    )
    effective_date = models.DateField(verbose_name=_("in force since"))
    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("introduction"))
    body = RichTextField(features=RICH_TEXT_FEATURES, verbose_name=_("text of the charter"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("version"), FieldPanel("effective_date")], heading=_("Version")
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("version"),
        SynchronizedField("effective_date"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("charter")
        verbose_name_plural = _("charters")

    def get_context(self, request, *args, **kwargs):
        from .charter import current_charter, has_acknowledged

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        current = current_charter()
        context["current_charter"] = current
        context["outdated"] = current is not None and current.version != self.version
        context["acknowledged"] = user.is_authenticated and has_acknowledged(user)
        return context


class ContributionIndexPage(Page):
    """Resources and testimonies written by peers, published after review."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contributions section")
        verbose_name_plural = _("contributions sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contributions"] = self.get_children().live().public().specific()
        return context


class CharterAcknowledgement(models.Model):
    """A member's statement that they have read one version of the charter."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="charter_acknowledgements",
        verbose_name=_("member"),
    )
    # The charter is identified across languages: acknowledging in English counts in French.
    charter_key = models.UUIDField(verbose_name=_("charter"))
    version = models.CharField(max_length=20, verbose_name=_("version"))
    language = models.CharField(max_length=10, verbose_name=_("language read"))
    acknowledged_at = models.DateTimeField(auto_now_add=True, verbose_name=_("acknowledged at"))

    class Meta:
        verbose_name = _("charter acknowledgement")
        verbose_name_plural = _("charter acknowledgements")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "charter_key", "version"], name="one_acknowledgement_per_version"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.version}"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """How to reach the association; shown in every page's footer."""

    association_name = models.CharField(
        max_length=120, default="Entrepairs", verbose_name=_("association name")
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("contact e-mail"))
    contact_phone = models.CharField(max_length=30, blank=True, verbose_name=_("contact phone"))
    postal_address = models.TextField(blank=True, verbose_name=_("postal address"))

    panels = [
        FieldPanel("association_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("postal_address"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Read from the cache (every page shows them); saving them bumps the content version."""
        from .cache import cached

        parent = super()
        return cached(
            "site-settings", getattr(site, "pk", None), compute=lambda: parent.for_site(site)
        )


class CrisisLine(TranslatableMixin, models.Model):
    """A number to call in a crisis, shown in every page's footer in the reader's language."""

    number = models.CharField(max_length=20, verbose_name=_("number"))
    name = models.CharField(
        max_length=120,
        verbose_name=_("name"),
        help_text=_("For example: National suicide prevention line"),
    )
    description = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("description"),
        help_text=_("When to call, and when the line is open."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("order"))

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        SynchronizedField("number"),
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "number"]
        verbose_name = _("crisis line")
        verbose_name_plural = _("crisis lines")

    def __str__(self):
        return f"{self.number} — {self.name}"
