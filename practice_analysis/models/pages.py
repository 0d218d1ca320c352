"""Practice-analysis pages: the space, each group's members-only page, and its records."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from modelcluster.fields import ParentalManyToManyField

from home.charter import charter_redirect
from home.pages import CachedViewRestrictionsMixin
from privacy.fields import (
    EncryptedCharField,
    EncryptedJSONField,
    EncryptedRichTextField,
    EncryptedStreamField,
    EncryptedTextField,
)

from ..page_forms import REASON_FIELD, GroupRecordForm
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
    # Known only to its own people, records included (home.pages.confidential_page_models).
    confidential = True

    parent_page_types = ["practice_analysis.PracticeAnalysisIndexPage"]
    subpage_types = ["practice_analysis.PracticeSessionPage", "practice_analysis.CodevWorkshopPage"]

    class Meta:
        verbose_name = _("practice group page")
        verbose_name_plural = _("practice group pages")

    def serve(self, request, *args, **kwargs):
        return charter_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from practice_analysis.readers import access_changes, readers_of_group
        from practice_analysis.services import shared_entries

        context = super().get_context(request, *args, **kwargs)
        context["shared_entries"] = shared_entries(request.user, self.group)
        context["readers"] = readers_of_group(self.group)
        context["access_changes"] = access_changes(request.user, self.group)
        context["records"] = self.get_children().live().specific().order_by("-first_published_at")
        return context


ANONYMISED = _("Anonymised: name nobody, say “a member”, “a relative”; the month, not the day.")
RECORD_TEXT = ["bold", "italic", "ul", "ol"]


def record_title(pattern, date, language):
    """A record's title: its kind and date in a language ("Séance du 12 mars 2027")."""
    with translation.override(language):
        return str(pattern) % {"date": formats.date_format(date, "DATE_FORMAT")}


class RecordPanels(TabbedInterface):
    """The editing form of a group record, which notes in the audit log every time it shows
    a saved record to someone: the editor, a revision being reverted, the comparison of two
    revisions, and any Wagtail view to come that shows a page's fields (they all bind the
    page's panels to the request)."""

    class BoundPanel(TabbedInterface.BoundPanel):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.request is not None and getattr(self.instance, "pk", None):
                from practice_analysis.read_audit import record_read

                record_read(self.request, self.instance)


def record_panels(content_panels):
    return RecordPanels(
        [ObjectList(content_panels, heading=_("Content"))], base_form_class=GroupRecordForm
    )


class GroupRecordPage(CachedViewRestrictionsMixin, Page):
    """What session logs and co-development records share: their group, date and people.

    Their texts are encrypted at rest (``privacy.fields``), in the page table and in every
    revision. Their title is not a text anyone writes: it is made from the kind of record
    and its date ("Séance du 12 mars 2027"), so that nothing said in a session is ever
    stored in the clear, in ``wagtailcore_page``, its revisions or its log entries.
    """

    date = models.DateField(
        verbose_name=_("date of the session"),
        help_text=_("The record's title is made from it: nothing said in a session is in a title."),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    # Words the anonymisation guard pointed out and the writer kept, with who, when and why
    # (practice_analysis.page_forms): encrypted like the texts they come from.
    anonymisation_accepted = EncryptedJSONField(default=dict, blank=True, editable=False)
    # Never indexed: nothing of a group's records may surface in search.
    search_fields = []
    confidential = True
    # Nor in the reference index: the "usage" of a record is nobody's business.
    wagtail_reference_index_ignore = True
    # Records are never translated: wagtail-localize would copy their texts in the clear
    # into its strings and segments.
    translatable_fields = []
    # No free text outside the encrypted fields: no SEO title or search description, no
    # comments (Wagtail keeps them in the clear), no scheduled publishing.
    promote_panels = []
    settings_panels = []
    base_form_class = GroupRecordForm
    parent_page_types = ["practice_analysis.PracticeGroupPage"]
    subpage_types = []

    TITLE = _("Record of %(date)s")

    class Meta:
        abstract = True

    @property
    def group(self):
        return self.get_parent().specific.group

    def neutral_title(self):
        """The title: the kind of record and its date, in the language of the page."""
        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        return record_title(self.TITLE, self._meta.get_field("date").to_python(self.date), language)

    def full_clean(self, *args, **kwargs):
        # Every save and every revision goes through here (Page.save and save_revision
        # clean first): the title is always the neutral one.
        if self.date:
            self.title = self.neutral_title()
            self.draft_title = self.title
        super().full_clean(*args, **kwargs)

    def serve(self, request, *args, **kwargs):
        return charter_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from practice_analysis.read_audit import record_read

        # Every rendering goes through here: the front end, a preview, a revision, a
        # task's preview, a draft: each is a read.
        record_read(request, self)
        return super().get_context(request, *args, **kwargs)


class PracticeSessionPage(GroupRecordPage):
    """The log of a practice-analysis session, written by a member and checked by a supervisor."""

    FORMATS = PracticeGroup.KINDS
    session_format = models.CharField(max_length=12, choices=FORMATS, verbose_name=_("format"))
    attendees = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("attendees")
    )
    situation = EncryptedRichTextField(
        features=RECORD_TEXT, verbose_name=_("situation presented"), help_text=ANONYMISED
    )
    questions = EncryptedRichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("questions raised")
    )
    analysis = EncryptedRichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("hypotheses and analysis")
    )
    learnings = EncryptedRichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("learnings")
    )
    follow_ups = EncryptedRichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("follow-ups")
    )

    content_panels = [
        FieldPanel("date"),
        FieldPanel("session_format"),
        FieldPanel("facilitator"),
        FieldPanel("attendees", widget=forms.CheckboxSelectMultiple),
        FieldPanel("situation"),
        FieldPanel("questions"),
        FieldPanel("analysis"),
        FieldPanel("learnings"),
        FieldPanel("follow_ups"),
        FieldPanel(REASON_FIELD),
    ]
    edit_handler = record_panels(content_panels)
    TITLE = _("Session of %(date)s")

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
    previous_plan_follow_up = EncryptedRichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("follow-up of the previous action plan")
    )
    subject = EncryptedCharField(
        max_length=200, verbose_name=_("subject"), help_text=_("A neutral title, without names.")
    )
    expose_summary = EncryptedRichTextField(
        features=RECORD_TEXT, verbose_name=_("1. Exposé (summary)"), help_text=ANONYMISED
    )
    clarifications = EncryptedRichTextField(
        features=RECORD_TEXT, blank=True, verbose_name=_("2. Key clarifications")
    )
    contract = EncryptedTextField(
        blank=True,
        verbose_name=_("3. Contract"),
        help_text=_("The help the client asks for: “How can I…?”"),
    )
    consultant_inputs = EncryptedStreamField(
        [("input", ConsultantInputBlock())], blank=True, verbose_name=_("4. Consultation")
    )
    action_plan = EncryptedStreamField(
        [("action", ActionRowBlock())], blank=True, verbose_name=_("5. Synthesis and action plan")
    )
    learnings = EncryptedStreamField(
        [("learning", LearningBlock())], blank=True, verbose_name=_("6. Learnings")
    )
    steps_respected = models.BooleanField(default=True, verbose_name=_("the steps were respected"))
    climate = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(n, str(n)) for n in range(1, 6)],
        verbose_name=_("climate of the session (1 to 5)"),
    )
    regulation_notes = EncryptedTextField(blank=True, verbose_name=_("process regulation"))
    next_follow_up = models.DateField(null=True, blank=True, verbose_name=_("next follow-up"))

    content_panels = [
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
        FieldPanel(REASON_FIELD),
    ]
    edit_handler = record_panels(content_panels)
    TITLE = _("Co-development workshop of %(date)s")

    class Meta:
        verbose_name = _("co-development record")
        verbose_name_plural = _("co-development records")
