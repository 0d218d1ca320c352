"""Training: the catalogue, modules and lessons (pages), and each learner's state (models).

Learner state is keyed on the pages' ``translation_key``: progress made in French counts
in English and the other way round.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from .blocks import EasyReadStreamBlock, LessonStreamBlock

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
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training catalogue")
        verbose_name_plural = _("training catalogues")

    def get_context(self, request, *args, **kwargs):
        from .services import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        modules = CoursePage.objects.child_of(self).live().select_related("cover_image")
        context["modules"] = catalogue_for(request.user, list(modules))
        return context


class CoursePage(RoutablePageMixin, Page):
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
        help_text=_("The share of correct answers needed to pass this module's quizzes."),
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
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from .services import course_state, lessons_in_language

        context = super().get_context(request, *args, **kwargs)
        context["state"] = course_state(request.user, self)
        context["lessons"] = lessons_in_language(self)
        return context

    @path("enrol/", name="enrol")
    def enrol_view(self, request):
        from .views import enrol

        return enrol(request, self)

    @path("pause/", name="pause")
    def pause_view(self, request):
        from .views import pause

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


class LessonPage(RoutablePageMixin, Page):
    """One short lesson of a module (5 to 15 minutes), in the order of the page tree."""

    estimated_minutes = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1)],
        verbose_name=_("estimated minutes"),
    )
    body = StreamField(
        LessonStreamBlock(block_counts={"quiz": {"max_num": 1}}),
        verbose_name=_("lesson"),
        help_text=_("At most one quiz per lesson; the lesson is complete when it is passed."),
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
        return next((block for block in self.body if block.block_type == "quiz"), None)

    def get_context(self, request, *args, **kwargs):
        from .services import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request.user, self))
        return context

    @path("complete/", name="complete")
    def complete_view(self, request):
        from .views import complete_lesson

        return complete_lesson(request, self)

    @path("quiz/", name="quiz")
    def quiz_view(self, request):
        from .views import submit_quiz

        return submit_quiz(request, self)

    @path("notes/<str:block_id>/", name="note")
    def note_view(self, request, block_id):
        from .views import save_note

        return save_note(request, self, block_id)


class Enrollment(models.Model):
    """A learner following a module."""

    ACTIVE, PAUSED, COMPLETED = "active", "paused", "completed"
    STATUSES = [(ACTIVE, _("in progress")), (PAUSED, _("paused")), (COMPLETED, _("completed"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrollments",
        verbose_name=_("learner"),
    )
    course_key = models.UUIDField(verbose_name=_("module"), db_index=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=ACTIVE)
    enrolled_at = models.DateTimeField(auto_now_add=True, verbose_name=_("enrolled at"))
    last_activity_at = models.DateTimeField(auto_now=True, verbose_name=_("last activity"))
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed at"))

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrollment_per_module")
        ]

    def __str__(self):
        return f"{self.user} — {self.course_key} ({self.status})"


class LessonCompletion(models.Model):
    """A lesson a learner has finished (for a lesson with a quiz: the quiz is passed)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    course_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("completed lesson")
        verbose_name_plural = _("completed lessons")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_completion_per_lesson")
        ]

    def __str__(self):
        return f"{self.user} — {self.lesson_key}"


class QuizAttempt(models.Model):
    """One submitted attempt at a lesson's quiz, kept for the learner's history."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    course_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    quiz_id = models.CharField(max_length=64)
    # {question_id: [option_id, ...]} as submitted, and {question_id: bool} as graded.
    answers = models.JSONField()
    results = models.JSONField()
    score = models.PositiveSmallIntegerField(verbose_name=_("score (%)"))
    passed = models.BooleanField()
    # A random token of the form, so that a double submit records one attempt.
    submission = models.UUIDField(default=uuid.uuid4)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "submission"], name="one_attempt_per_submission"
            )
        ]
        indexes = [models.Index(fields=["user", "lesson_key"])]

    def __str__(self):
        return f"{self.user} — {self.lesson_key}: {self.score}%"


class ReflectionNote(models.Model):
    """What a learner wrote for a reflection prompt: private, only they can read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_notes"
    )
    course_key = models.UUIDField()
    lesson_key = models.UUIDField()
    block_id = models.CharField(max_length=64)
    text = models.TextField(verbose_name=_("your note"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reflection note")
        verbose_name_plural = _("reflection notes")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "block_id"], name="one_note_per_prompt"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.lesson_key}"


def new_certificate_code():
    """Twelve characters from an alphabet without look-alikes, grouped for reading aloud."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


class Certificate(models.Model):
    """A training certificate: what a learner completed, verifiable by anyone with its code.

    The learner's name and the module's title are kept as issued, so the certificate still
    says the same thing if the page is renamed or the account is anonymised.
    """

    code = models.CharField(
        max_length=14, unique=True, default=new_certificate_code, verbose_name=_("code")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("learner"),
    )
    learner_name = models.CharField(max_length=255, verbose_name=_("name on the certificate"))
    course_key = models.UUIDField(db_index=True)
    course_title = models.CharField(max_length=255, verbose_name=_("module"))
    duration_minutes = models.PositiveSmallIntegerField(verbose_name=_("duration (minutes)"))
    issued_at = models.DateTimeField(default=timezone.now, verbose_name=_("issued on"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked on"))
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(
        blank=True,
        verbose_name=_("reason for revoking"),
        help_text=_("Kept for the association's records; never shown on the public page."),
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="one_certificate_per_module"
            )
        ]

    def __str__(self):
        return f"{self.code} — {self.learner_name} — {self.course_title}"

    @property
    def is_valid(self):
        return self.revoked_at is None


class Cohort(models.Model):
    """A cohort (promotion): learners who follow the same modules together, with trainers.

    Modules are the default-language (French) pages; learner state is matched on their
    ``translation_key``, so progress made in English counts too.
    """

    name = models.CharField(max_length=255, verbose_name=_("name"))
    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("Optional: who the cohort is for, where and how it meets."),
    )
    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(verbose_name=_("end date"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="cohorts",
        verbose_name=_("learners"),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="trained_cohorts",
        verbose_name=_("trainers"),
        help_text=_("Trainers see and change this cohort and its progress report."),
    )
    modules = models.ManyToManyField(
        CoursePage,
        blank=True,
        related_name="cohorts",
        verbose_name=_("modules"),
        help_text=_("The modules the cohort follows (French versions; English counts too)."),
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot come before the start date.")}
            )
