"""Site-wide pages (home, standard pages, charter), site settings and crisis lines."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from privacy.fields import EncryptedJSONField

from .blocks import (
    RICH_TEXT_FEATURES,
    BaseStreamBlock,
    KeyPointsBlock,
    TestimonyBlock,
    VideoBlock,
)
from .cache import SITE, cached
from .guarded_forms import REASON_FIELD
from .page_forms import ContributionPageForm
from .pages import CachedViewRestrictionsMixin

INTRO_FEATURES = ["bold", "italic", "link"]


class HomePage(CachedViewRestrictionsMixin, Page):
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
        from .personal import panels_for
        from .services import navigation_pages

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = navigation_pages(request.user, self.locale_id)
        # A member's own home: what each app registered (home.personal); nothing for visitors.
        context["panels"] = panels_for(request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The public page may be kept by a browser or a proxy; a member's own never is, and
        # the page differs with the session.
        patch_vary_headers(response, ["Cookie"])
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


class StandardPage(CachedViewRestrictionsMixin, Page):
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


class CharterPage(CachedViewRestrictionsMixin, Page):
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


class ContributionIndexPage(CachedViewRestrictionsMixin, Page):
    """Resources and testimonies written by peers, published after review."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContributionPage"]
    max_count_per_parent = 1
    per_page = 12

    class Meta:
        verbose_name = _("contributions section")
        verbose_name_plural = _("contributions sections")

    def route(self, request, path_components):
        # The section is login-only: a visitor who is not logged in is sent to log in for any
        # address below it, whether a contribution is published there, a draft or nothing.
        if path_components and not request.user.is_authenticated:
            return RouteResult(self)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .services import contribution_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(contribution_listing(request, self))
        return context


class ContributionStreamBlock(BaseStreamBlock):
    """What a peer may put in a contribution: text, callouts, images, files, quotes, videos."""

    testimony = TestimonyBlock()
    key_points = KeyPointsBlock()
    video = VideoBlock()


class ContributionPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.ContributionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ContributionPage(CachedViewRestrictionsMixin, Page):
    """A text written by a peer (testimony, tip, event report, resource), published after review."""

    TESTIMONY, TIP, EVENT_REPORT, RESOURCE = "testimony", "tip", "event_report", "resource"
    KINDS = [
        (TESTIMONY, _("Testimony")),
        (TIP, _("Practical tip")),
        (EVENT_REPORT, _("Event report")),
        (RESOURCE, _("Resource")),
    ]
    BY_NAME, ANONYMOUS = "name", "anonymous"
    SIGNATURES = [
        (BY_NAME, _("Under my name")),
        (ANONYMOUS, _("As “a member”, without my name")),
    ]

    kind = models.CharField(max_length=20, choices=KINDS, default=TESTIMONY, verbose_name=_("kind"))
    summary = models.TextField(
        max_length=300,
        blank=True,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in the list of contributions."),
    )
    content_note = models.TextField(
        blank=True,
        verbose_name=_("content note"),
        help_text=_(
            "A gentle warning shown before the text when it touches difficult topics "
            "(for example suicide, violence, hospitalisation). Readers may choose “not now”."
        ),
    )
    body = StreamField(ContributionStreamBlock(), verbose_name=_("text"))
    signature = models.CharField(
        max_length=10,
        choices=SIGNATURES,
        default=BY_NAME,
        verbose_name=_("signature"),
        help_text=_(
            "Choose “a member” to publish without your name: it then appears nowhere on the "
            "page. Trainers reviewing your text still know who wrote it."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    tags = ClusterTaggableManager(
        through=ContributionPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("A few words to find the text again, for example: listening, self-care."),
    )

    # Words the anonymisation guard pointed out in the editing space and the writer kept,
    # with who, when and why (home.guarded_forms), encrypted.
    anonymisation_accepted = EncryptedJSONField(default=dict, blank=True, editable=False)

    base_form_class = ContributionPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("content_note"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("signature", widget=forms.RadioSelect),
        FieldPanel(REASON_FIELD),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("kind"),
        TranslatableField("summary"),
        TranslatableField("content_note"),
        TranslatableField("body"),
        SynchronizedField("signature"),
        SynchronizedField("author"),
        SynchronizedField("tags"),
    ]

    parent_page_types = ["home.ContributionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def save(self, *args, **kwargs):
        # The author is whoever created the text; a translation copies it from the source.
        if self.author_id is None and self.owner_id is not None:
            self.author_id = self.owner_id
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # With a content note, the text waits until the reader chooses to see it.
        context["show_text"] = not self.content_note or request.GET.get("show") == "1"
        return context

    @property
    def signed_by(self):
        """The name shown on the page, or None when the author asked to stay anonymous."""
        from privacy.services import public_author_name

        if self.signature != self.BY_NAME:
            return None
        return public_author_name(self.author)  # « ancien·ne membre » once erased


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
    def for_request(cls, request):
        """Wagtail's, read from the cache: every page's footer shows these settings."""
        attr_name = cls.get_cache_attr_name()
        site = Site.find_for_request(request)
        if site is None or hasattr(request, attr_name):
            return super().for_request(request)
        site_settings = cached(
            "site-settings", site.pk, compute=lambda: cls.for_site(site), versions=(SITE,)
        )
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings


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


def notification_kinds():
    """Every registered kind of notification, with its label (``Notification.kind``'s choices)."""
    from .notifications import kind_choices

    return kind_choices()


class Notification(models.Model):
    """Something that happened to a member's texts, entries, certificates or access.

    Only the kind and a few parameters are stored: the message is written at display time,
    in the reader's language. Parameters never hold the content of a text or an entry.
    Each app registers its kinds (``home.notifications.register_kind``); home's own are the
    page workflows' (``home/workflow_notifications.py``).
    """

    REVIEW_REQUESTED = "review_requested"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    KINDS = [
        (REVIEW_REQUESTED, _("A text to review")),
        (CHANGES_REQUESTED, _("Changes requested on a text")),
        (APPROVED, _("A text approved")),
    ]

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(max_length=30, choices=notification_kinds, verbose_name=_("kind"))
    params = models.JSONField(default=dict, blank=True, verbose_name=_("parameters"))
    link = models.CharField(max_length=500, blank=True, verbose_name=_("link"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("read at"))
    # Waiting for the member's daily or weekly digest ("" when it is not), then digested.
    digest = models.CharField(max_length=10, blank=True, default="", editable=False)
    digested_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(
                fields=["digest"],
                condition=models.Q(digested_at__isnull=True) & ~models.Q(digest=""),
                name="notification_digest_waiting",
            ),
        ]

    def __str__(self):
        return f"{self.recipient} — {self.kind}"

    @property
    def message(self):
        from .notifications import message_for

        return message_for(self.kind, self.params)


# The outbox and the schedule live in a module of their own (this one is long enough).
from .background import OutgoingEmail, ScheduledJob  # noqa: E402, F401
from .preference_models import NotificationPreferences  # noqa: E402, F401
