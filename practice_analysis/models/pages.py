"""Practice-analysis pages: the space, each group's members-only page, and its records."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from modelcluster.fields import ParentalManyToManyField

from home.charter import charter_redirect
from home.pages import CachedViewRestrictionsMixin

from ..page_forms import GroupRecordForm
from .groups import PracticeGroup


class PracticeAnalysisIndexPage(CachedViewRestrictionsMixin, Page):
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
        from practice_analysis.services import groups_of, supervises_any_group

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = groups_of(request.user).select_related("page")
        context["supervises"] = supervises_any_group(request.user)
        return context


class PracticeGroupPage(CachedViewRestrictionsMixin, Page):
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
    subpage_types = ["practice_analysis.PracticeSessionPage", "practice_analysis.CodevWorkshopPage"]

    class Meta:
        verbose_name = _("practice group page")
        verbose_name_plural = _("practice group pages")

    def serve(self, request, *args, **kwargs):
        return charter_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from practice_analysis.services import access_changes, readers_of_group, shared_entries

        context = super().get_context(request, *args, **kwargs)
        context["shared_entries"] = shared_entries(request.user, self.group)
        context["readers"] = readers_of_group(self.group)
        context["access_changes"] = access_changes(request.user, self.group)
        context["records"] = self.get_children().live().specific().order_by("-first_published_at")
        return context


ANONYMISED = _("Anonymised: name nobody, say “a member”, “a relative”; the month, not the day.")
RECORD_TEXT = ["bold", "italic", "ul", "ol"]


class GroupRecordPage(CachedViewRestrictionsMixin, Page):
    """What session logs and co-development records share: their group, date and people."""

    date = models.DateField(verbose_name=_("date of the session"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    # Never indexed: nothing of a group's records may surface in search.
    search_fields = []
    base_form_class = GroupRecordForm
    parent_page_types = ["practice_analysis.PracticeGroupPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def group(self):
        return self.get_parent().specific.group

    def serve(self, request, *args, **kwargs):
        return charter_redirect(request) or super().serve(request, *args, **kwargs)


class PracticeSessionPage(GroupRecordPage):
    """The log of a practice-analysis session, written by a member and checked by a supervisor."""

    FORMATS = PracticeGroup.KINDS
    session_format = models.CharField(max_length=12, choices=FORMATS, verbose_name=_("format"))
    attendees = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("attendees")
    )
    situation = RichTextField(
        features=RECORD_TEXT, verbose_name=_("situation presented"), help_text=ANONYMISED
    )
    questions = RichTextField(features=RECORD_TEXT, blank=True, verbose_name=_("questions raised"))
    analysis = RichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("hypotheses and analysis")
    )
    learnings = RichTextField(features=RECORD_TEXT, blank=True, verbose_name=_("learnings"))
    follow_ups = RichTextField(features=RECORD_TEXT, blank=True, verbose_name=_("follow-ups"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("session_format"),
        FieldPanel("facilitator"),
        FieldPanel("attendees", widget=forms.CheckboxSelectMultiple),
        FieldPanel("situation"),
        FieldPanel("questions"),
        FieldPanel("analysis"),
        FieldPanel("learnings"),
        FieldPanel("follow_ups"),
    ]

    class Meta:
        verbose_name = _("session log")
        verbose_name_plural = _("session logs")


class ConsultantInputBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("experience", _("Experience")),
            ("hypothesis", _("Hypothesis")),
            ("idea", _("Idea")),
            ("resource", _("Resource")),
        ],
        label=_("Kind"),
    )
    text = blocks.TextBlock(label=_("What was offered"))

    class Meta:
        icon = "comment"
        label = _("Consultant input")


class ActionRowBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("Action"))
    objective = blocks.CharBlock(required=False, label=_("Objective"))
    resources = blocks.CharBlock(required=False, label=_("Resources"))
    due_date = blocks.DateBlock(required=False, label=_("Due date"))
    indicator = blocks.CharBlock(required=False, label=_("How we will know"))

    class Meta:
        icon = "tasks"
        label = _("Action")


class LearningBlock(blocks.StructBlock):
    who = blocks.CharBlock(
        label=_("Who"), help_text=_("“The client”, “a consultant”: a role, never a name.")
    )
    learning = blocks.TextBlock(label=_("What they learned"))

    class Meta:
        icon = "pick"
        label = _("Learning")


class CodevWorkshopPage(GroupRecordPage):
    """A co-development workshop record, following the six steps of the method."""

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("client"),
        help_text=_("The member who brought the situation."),
    )
    client_shown_as_member = models.BooleanField(
        default=True,
        verbose_name=_("show the client as “a member”"),
        help_text=_("The client's name is not shown on the record."),
    )
    consultants = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("consultants present"),
    )
    previous_plan_follow_up = RichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("follow-up of the previous action plan")
    )
    subject = models.CharField(
        max_length=200, verbose_name=_("subject"), help_text=_("A neutral title, without names.")
    )
    expose_summary = RichTextField(
        features=RECORD_TEXT, verbose_name=_("1. Exposé (summary)"), help_text=ANONYMISED
    )
    clarifications = RichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("2. Key clarifications")
    )
    contract = models.TextField(
        blank=True,
        verbose_name=_("3. Contract"),
        help_text=_("The help the client asks for: “How can I…?”"),
    )
    consultant_inputs = StreamField(
        [("input", ConsultantInputBlock())], blank=True, verbose_name=_("4. Consultation")
    )
    action_plan = StreamField(
        [("action", ActionRowBlock())], blank=True, verbose_name=_("5. Synthesis and action plan")
    )
    learnings = StreamField(
        [("learning", LearningBlock())], blank=True, verbose_name=_("6. Learnings")
    )
    steps_respected = models.BooleanField(default=True, verbose_name=_("the steps were respected"))
    climate = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(n, str(n)) for n in range(1, 6)],
        verbose_name=_("climate of the session (1 to 5)"),
    )
    regulation_notes = models.TextField(blank=True, verbose_name=_("process regulation"))
    next_follow_up = models.DateField(null=True, blank=True, verbose_name=_("next follow-up"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("facilitator"),
        FieldPanel("client"),
        FieldPanel("client_shown_as_member"),
        FieldPanel("consultants", widget=forms.CheckboxSelectMultiple),
        FieldPanel("previous_plan_follow_up"),
        FieldPanel("subject"),
        FieldPanel("expose_summary"),
        FieldPanel("clarifications"),
        FieldPanel("contract"),
        FieldPanel("consultant_inputs"),
        FieldPanel("action_plan"),
        FieldPanel("learnings"),
        FieldPanel("steps_respected"),
        FieldPanel("climate"),
        FieldPanel("regulation_notes"),
        FieldPanel("next_follow_up"),
    ]

    class Meta:
        verbose_name = _("co-development record")
        verbose_name_plural = _("co-development records")
