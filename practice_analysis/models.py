"""Practice analysis: groups, their members-only pages, and reflective entries.

What is written here is confidential. Who may see what is decided in ``services.py``
only; views and templates call it.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

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
    subpage_types = ["practice_analysis.PracticeGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice-analysis space")
        verbose_name_plural = _("practice-analysis spaces")

    def serve(self, request, *args, **kwargs):
        return charter_redirect(request) or super().serve(request, *args, **kwargs)

    def route(self, request, path_components):
        # A visitor who is not logged in is sent to log in for any address in this space,
        # whether a page exists there or not: nothing says which groups exist.
        if path_components and not request.user.is_authenticated:
            return RouteResult(self)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .services import groups_of, supervises_any_group

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = groups_of(request.user).select_related("page")
        context["supervises"] = supervises_any_group(request.user)
        return context


class PracticeGroup(models.Model):
    """A practice-analysis or co-development group: its members and its supervisors."""

    APP, GEASE, BALINT, CODEV, INDIVIDUAL = "app", "gease", "balint", "codev", "individual"
    KINDS = [
        (APP, _("Practice analysis (APP)")),
        (GEASE, _("GEASE")),
        (BALINT, _("Balint group")),
        (CODEV, _("Co-development")),
        (INDIVIDUAL, _("Individual supervision")),
    ]

    name = models.CharField(max_length=120, unique=True, verbose_name=_("name"))
    kind = models.CharField(max_length=12, choices=KINDS, verbose_name=_("kind"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="practice_groups",
        verbose_name=_("members"),
    )
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="supervised_groups",
        verbose_name=_("supervisors"),
        help_text=_("They review the group's entries and records, and only this group's."),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_groups",
        verbose_name=_("facilitator"),
    )
    # The Django group that Wagtail's view restriction of the group's page checks; kept
    # equal to members + supervisors by signals, so that a change applies at once.
    access_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="practice_group"
    )

    class Meta:
        verbose_name = _("practice group")
        verbose_name_plural = _("practice groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PracticeGroupPage(Page):
    """A practice group's members-only page: its session logs and co-development records."""

    group = models.OneToOneField(
        PracticeGroup,
        on_delete=models.PROTECT,
        related_name="page",
        verbose_name=_("practice group"),
    )

    content_panels = [*Page.content_panels]
    search_fields = []

    parent_page_types = ["practice_analysis.PracticeAnalysisIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice group page")
        verbose_name_plural = _("practice group pages")

    def serve(self, request, *args, **kwargs):
        return charter_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .services import shared_entries

        context = super().get_context(request, *args, **kwargs)
        context["shared_entries"] = shared_entries(request.user, self.group)
        return context


class ReflectiveEntry(models.Model):
    """A peer's written reflection on a situation (Gibbs cycle), reviewed by a supervisor."""

    DRAFT, SUBMITTED, IN_REVIEW = "draft", "submitted", "in_review"
    CHANGES_REQUESTED, VALIDATED, ARCHIVED, WITHDRAWN = (
        "changes_requested",
        "validated",
        "archived",
        "withdrawn",
    )
    STATES = [
        (DRAFT, _("draft")),
        (SUBMITTED, _("submitted")),
        (IN_REVIEW, _("in review")),
        (CHANGES_REQUESTED, _("changes requested")),
        (VALIDATED, _("validated")),
        (ARCHIVED, _("archived")),
        (WITHDRAWN, _("withdrawn")),
    ]
    SETTINGS = [
        ("gem_activity", _("A GEM activity")),
        ("one_to_one", _("A one-to-one conversation")),
        ("group", _("A group")),
        ("phone", _("A phone call")),
        ("other", _("Somewhere else")),
    ]
    ETHICS_TAGS = [
        ("confidentiality", _("Confidentiality")),
        ("self_disclosure", _("Self-disclosure")),
        ("power", _("Power")),
        ("role_limits", _("Limits of the role")),
        ("hand_over", _("Handing over")),
        ("conflict", _("Conflict")),
    ]
    GIBBS_SECTIONS = [
        ("description", _("Description"), _("What happened? Name nobody: say “a member”.")),
        ("feelings", _("Feelings"), _("What were you thinking and feeling?")),
        ("evaluation", _("Evaluation"), _("What was good and what was difficult?")),
        ("analysis", _("Analysis"), _("What sense can you make of the situation?")),
        ("conclusion", _("Conclusion"), _("What else could you have done?")),
        ("action_plan", _("Action plan"), _("If it happened again, what would you do?")),
    ]

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reflective_entries",
        verbose_name=_("author"),
    )
    group = models.ForeignKey(
        PracticeGroup,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name=_("practice group"),
        help_text=_("Its supervisors will read the entry."),
    )
    title = models.CharField(
        max_length=120,
        verbose_name=_("title"),
        help_text=_("A neutral title, without names: for example “A phone call that worried me”."),
    )
    description = models.TextField(blank=True, verbose_name=_("description"))
    feelings = models.TextField(blank=True, verbose_name=_("feelings"))
    evaluation = models.TextField(blank=True, verbose_name=_("evaluation"))
    analysis = models.TextField(blank=True, verbose_name=_("analysis"))
    conclusion = models.TextField(blank=True, verbose_name=_("conclusion"))
    action_plan = models.TextField(blank=True, verbose_name=_("action plan"))
    setting = models.CharField(
        max_length=20, choices=SETTINGS, blank=True, verbose_name=_("where it happened")
    )
    situation_month = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("month of the situation"),
        help_text=_("The month only, never the day."),
    )
    ethics_tags = models.JSONField(default=list, blank=True, verbose_name=_("ethical questions"))
    question_for_supervisor = models.TextField(
        blank=True, verbose_name=_("a question for the supervisor")
    )
    wants_to_talk = models.BooleanField(
        default=False, verbose_name=_("I would like to talk about it")
    )
    state = models.CharField(max_length=20, choices=STATES, default=DRAFT, db_index=True)
    shared_with_group = models.BooleanField(
        default=False,
        verbose_name=_("shared with my group"),
        help_text=_("After validation, the members of the group may read it."),
    )
    # Guard findings the author marked as not identifying: {key: {"by": id, "at": iso}}.
    accepted_findings = models.JSONField(default=dict, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries_in_review",
        verbose_name=_("supervisor reviewing"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reflective entry")
        verbose_name_plural = _("reflective entries")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    @property
    def is_editable(self):
        return self.state in (self.DRAFT, self.CHANGES_REQUESTED)

    def section_texts(self):
        return {name: getattr(self, name) for name, _label, _help in self.GIBBS_SECTIONS}


class EntryTransition(models.Model):
    """One change of state of an entry: from, to, who, when."""

    entry = models.ForeignKey(ReflectiveEntry, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=ReflectiveEntry.STATES)
    to_state = models.CharField(max_length=20, choices=ReflectiveEntry.STATES)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.entry_id}: {self.from_state} → {self.to_state}"


class EntryReview(models.Model):
    """A supervisor's feedback on an entry: per section, overall, and a decision."""

    VALIDATE, REQUEST_CHANGES = ReflectiveEntry.VALIDATED, ReflectiveEntry.CHANGES_REQUESTED
    DECISIONS = [(VALIDATE, _("Validate")), (REQUEST_CHANGES, _("Ask for changes"))]

    entry = models.ForeignKey(ReflectiveEntry, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # {section name: {"strengths": text, "questions": text, "suggestions": text}}
    section_comments = models.JSONField(default=dict, blank=True)
    overall_comment = models.TextField(blank=True, verbose_name=_("overall comment"))
    recommended_modules = models.JSONField(
        default=list, blank=True, verbose_name=_("recommended modules")
    )
    bring_to_session = models.BooleanField(
        default=False, verbose_name=_("Bring it to the next group session")
    )
    discuss_in_person = models.BooleanField(
        default=False,
        verbose_name=_("Let us talk about it in person"),
        help_text=_("Nothing more is written: you will talk about it together."),
    )
    decision = models.CharField(max_length=20, choices=DECISIONS, verbose_name=_("decision"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("supervisor review")
        verbose_name_plural = _("supervisor reviews")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.entry_id}: {self.decision}"


class EntryRead(models.Model):
    """A read of an entry by someone other than its author: the author can see who read it."""

    SUPERVISOR, GROUP_MEMBER, SUPERUSER = "supervisor", "group_member", "superuser"
    CAPACITIES = [
        (SUPERVISOR, _("supervisor")),
        (GROUP_MEMBER, _("member of the group")),
        (SUPERUSER, _("technical administrator")),
    ]

    entry = models.ForeignKey(ReflectiveEntry, on_delete=models.CASCADE, related_name="reads")
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    capacity = models.CharField(max_length=20, choices=CAPACITIES)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("read of an entry")
        verbose_name_plural = _("reads of entries")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.entry_id} read by {self.reader_id}"
