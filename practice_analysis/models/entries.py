"""Reflective entries, their changes of state, supervisors' reviews and the log of reads."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from privacy.fields import EncryptedCharField, EncryptedJSONField, EncryptedTextField

from .groups import PracticeGroup


class ReflectiveEntry(models.Model):
    """A peer's written reflection on a situation (Gibbs cycle), reviewed by a supervisor.

    Every text is encrypted at rest (``privacy.fields``), the title too: it is meant to
    be neutral, but it is the author's words. They cannot be filtered or sorted on.
    """

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
    title = EncryptedCharField(
        max_length=120,
        verbose_name=_("title"),
        help_text=_("A neutral title, without names: for example “A phone call that worried me”."),
    )
    description = EncryptedTextField(blank=True, verbose_name=_("description"))
    feelings = EncryptedTextField(blank=True, verbose_name=_("feelings"))
    evaluation = EncryptedTextField(blank=True, verbose_name=_("evaluation"))
    analysis = EncryptedTextField(blank=True, verbose_name=_("analysis"))
    conclusion = EncryptedTextField(blank=True, verbose_name=_("conclusion"))
    action_plan = EncryptedTextField(blank=True, verbose_name=_("action plan"))
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
    question_for_supervisor = EncryptedTextField(
        blank=True, verbose_name=_("a question for the supervisor")
    )
    wants_to_talk = models.BooleanField(
        default=False, verbose_name=_("I would like to talk about it")
    )
    session = models.ForeignKey(
        "practice_analysis.PracticeSessionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related group session"),
        help_text=_("If the situation was talked about in a session of your group."),
    )
    state = models.CharField(max_length=20, choices=STATES, default=DRAFT, db_index=True)
    shared_with_group = models.BooleanField(
        default=False,
        verbose_name=_("shared with my group"),
        help_text=_("After validation, the members of the group may read it."),
    )
    # Guard findings the author marked as not identifying: {key: {"by": id, "at": iso}}.
    # Keys hold what was found (a name, a number): encrypted too.
    accepted_findings = EncryptedJSONField(default=dict, blank=True)
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
        # A supervisor's queue reads their own groups' entries by state: what it costs
        # follows their groups, not the network's entries.
        indexes = [models.Index(fields=["group", "state"], name="entry_group_state")]

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
    # What was decided, as read afterwards ("Validé"); the form offers the choice in the
    # imperative (``forms.ReviewForm.decision``).
    DECISIONS = [
        (VALIDATE, pgettext_lazy("review decision", "Validated")),
        (REQUEST_CHANGES, pgettext_lazy("review decision", "Changes suggested")),
    ]

    entry = models.ForeignKey(ReflectiveEntry, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # {section name: {"strengths": text, "questions": text, "suggestions": text}}
    section_comments = EncryptedJSONField(default=dict, blank=True)
    overall_comment = EncryptedTextField(blank=True, verbose_name=_("overall comment"))
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
