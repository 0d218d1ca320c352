"""Training pages: the catalogue, modules (with their prerequisites) and lessons."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from competences.models import in_default_locale
from courses.blocks import EasyReadStreamBlock, LessonStreamBlock
from home.pages import CachedViewRestrictionsMixin

THEMES = [
    ("recovery", _("Recovery")),
    ("role", _("The peer role")),
    ("relationship", _("The helping relationship")),
    ("ethics", _("Ethics and confidentiality")),
    ("crisis", _("Crisis and handing over")),
    ("rights", _("Rights and empowerment")),
    ("groups", _("Groups and co-development")),
    ("self_care", _("Self-care")),
    ("partnership", _("Working with professionals")),
    ("data", _("Data protection")),
]

PAGE_TEXT_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
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
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training catalogue")
        verbose_name_plural = _("training catalogues")

    def get_context(self, request, *args, **kwargs):
        from courses.catalogue import STATUSES, catalogue_page

        context = super().get_context(request, *args, **kwargs)
        modules, filters = catalogue_page(request.user, self, request.GET)
        context.update(modules=modules, filters=filters, themes=THEMES, statuses=STATUSES)
        return context


class CoursePage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """A short training module: a summary, objectives and an ordered list of lessons."""

    summary = RichTextField(
        features=["bold", "italic", "link", "ul"],
        verbose_name=_("summary"),
        help_text=_("What the module is about, in two to four sentences."),
    )
    objectives = RichTextField(
        features=["ul", "bold", "italic"],
        verbose_name=_("learning objectives"),
        help_text=_("A bulleted list: what the learner will be able to do afterwards."),
    )
    audience = models.CharField(max_length=255, verbose_name=_("who it is for"))
    duration_minutes = models.PositiveSmallIntegerField(
        verbose_name=_("estimated duration (minutes)"),
        validators=[MinValueValidator(1)],
    )
    theme = models.CharField(max_length=20, choices=THEMES, verbose_name=_("theme"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    content_note = models.TextField(
        blank=True,
        verbose_name=_("content note"),
        help_text=_(
            "A gentle warning shown before starting when the module touches difficult "
            "topics. Learners may answer “not now” and come back later."
        ),
    )
    easy_read_summary = RichTextField(
        features=["bold", "ul"],
        blank=True,
        verbose_name=_("easy-read summary"),
        help_text=_("Easy-read (FALC) version of the summary: short sentences, one idea each."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        verbose_name=_("pass mark (%)"),
        help_text=_(
            "The share of correct answers needed to pass this module's quizzes. A quiz of "
            "three questions or more is always passed with one answer to review."
        ),
    )
    max_quiz_attempts = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        verbose_name=_("maximum attempts per quiz"),
        help_text=_("Leave empty for unlimited attempts (recommended)."),
    )
    issues_certificate = models.BooleanField(
        default=True,
        verbose_name=_("issues a certificate"),
        help_text=_("A certificate is issued when the learner completes the module."),
    )
    # Named in the site's default language: a translation of the module keeps the same.
    competences = ParentalManyToManyField(
        "competences.Competence",
        blank=True,
        related_name="modules",
        limit_choices_to=in_default_locale,
        verbose_name=_("competences it develops"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("theme"), FieldPanel("duration_minutes"), FieldPanel("cover_image")],
            heading=_("Presentation"),
        ),
        FieldPanel("content_note"),
        FieldPanel("easy_read_summary"),
        FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
        InlinePanel("prerequisite_links", label=_("Prerequisites")),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_quiz_attempts"),
                FieldPanel("issues_certificate"),
            ],
            heading=_("Quizzes and certificate"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("theme"),
    ]
    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        TranslatableField("summary"),
        TranslatableField("objectives"),
        TranslatableField("audience"),
        TranslatableField("content_note"),
        TranslatableField("easy_read_summary"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("theme"),
        SynchronizedField("cover_image"),
        SynchronizedField("pass_mark"),
        SynchronizedField("max_quiz_attempts"),
        SynchronizedField("issues_certificate"),
        SynchronizedField("prerequisite_links"),
        SynchronizedField("competences"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.follow_source_competences()
        return super().save(*args, **kwargs)

    def follow_source_competences(self):
        """A translation names the competences of its module in the default language.

        wagtail-localize copies a synchronised many-to-many field only when the source has
        values (``copy_synchronised_fields``: ``if values:``), so a translation would keep
        the competences removed from its source. Every full save of a translation (a sync,
        a publish) takes them from the source as saved, as wagtail-localize reads it."""
        default = Locale.get_default()
        if self.locale_id in (None, default.pk):
            return
        source = (
            CoursePage.objects.filter(translation_key=self.translation_key, locale=default)
            .prefetch_related("competences")
            .first()
        )
        if source is not None:
            self.competences.set(source.competences.all())

    def get_context(self, request, *args, **kwargs):
        from courses.completion import module_end
        from courses.services import course_state, lessons_in_language

        context = super().get_context(request, *args, **kwargs)
        context["state"] = course_state(request.user, self)
        context["module_end"] = module_end(request.user, context["state"])
        context["lessons"] = lessons_in_language(self)
        return context

    @path("enrol/", name="enrol")
    def enrol_view(self, request):
        from courses.views import enrol

        return enrol(request, self)

    @path("pause/", name="pause")
    def pause_view(self, request):
        from courses.views import pause

        return pause(request, self)


class CoursePrerequisite(Orderable):
    """Another module to complete before this one."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisite_links")
    prerequisite = models.ForeignKey(
        CoursePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("module to complete first"),
    )

    panels = [FieldPanel("prerequisite")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")
        verbose_name_plural = _("prerequisites")


class LessonPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """One short lesson of a module (5 to 15 minutes), in the order of the page tree."""

    estimated_minutes = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1)],
        verbose_name=_("estimated minutes"),
    )
    body = StreamField(
        LessonStreamBlock(block_counts={"quiz": {"max_num": 1}}),
        verbose_name=_("lesson"),
        help_text=_(
            "At most one quiz per lesson; the lesson is complete when it is passed: with the "
            "module's pass mark, and always with one answer to review when it has three "
            "questions or more."
        ),
    )
    easy_read_body = StreamField(
        EasyReadStreamBlock(),
        blank=True,
        verbose_name=_("easy-read version"),
        help_text=_("Optional easy-read (FALC) version of the lesson."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        FieldPanel("easy_read_body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        SynchronizedField("estimated_minutes"),
        TranslatableField("body"),
        TranslatableField("easy_read_body"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def quiz(self):
        """The lesson's quiz block (a bound block with its id), or None."""
        # Found in the raw data: only the quiz is turned into blocks, not the whole lesson.
        for position, raw in enumerate(self.body.raw_data):
            if raw["type"] == "quiz":
                return self.body[position]
        return None

    def get_context(self, request, *args, **kwargs):
        from courses.services import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request.user, self))
        return context

    @path("complete/", name="complete")
    def complete_view(self, request):
        from courses.views import complete_lesson

        return complete_lesson(request, self)

    @path("quiz/", name="quiz")
    def quiz_view(self, request):
        from courses.views import submit_quiz

        return submit_quiz(request, self)

    @path("notes/<str:block_id>/", name="note")
    def note_view(self, request, block_id):
        from courses.views import save_note

        return save_note(request, self, block_id)
