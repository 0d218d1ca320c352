"""A live session, members' answers, attendance and each member's private calendar feed."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort
from practice_analysis.models import PracticeGroup
from privacy.fields import EncryptedCharField, EncryptedTextField

AGENDA_MAX_LENGTH = 4000


def https_only(value):
    """A video link is an https address: nothing else opens from a calendar safely."""
    URLValidator(schemes=["https"], message=_("Give an address starting with https://."))(value)


class HttpsURLField(models.URLField):
    """A web address; typed without its scheme ("visio.example.org/room"), it is taken as
    https, not as http that ``https_only`` would then refuse (Django 6's default too)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class LiveSession(models.Model):
    """A session scheduled ahead, for one cohort or one practice group."""

    TRAINING, PRACTICE, CODEV = "training", "practice", "codev"
    KINDS = [
        (TRAINING, _("Cohort training")),
        (PRACTICE, _("Practice-analysis session")),
        (CODEV, _("Co-development workshop")),
    ]

    kind = models.CharField(max_length=12, choices=KINDS, verbose_name=_("kind"))
    cohort = models.ForeignKey(
        Cohort,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="live_sessions",
        verbose_name=_("cohort"),
        help_text=_("For a training day: the cohort it is for. Leave empty for a group."),
    )
    group = models.ForeignKey(
        PracticeGroup,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="live_sessions",
        verbose_name=_("practice group"),
        help_text=_("For a practice-analysis session or a workshop. Leave empty for a cohort."),
    )
    starts_at = models.DateTimeField(verbose_name=_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        default=120, verbose_name=_("duration (minutes)")
    )
    place = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("place"),
        help_text=_("Where it happens, if in person."),
    )
    video_link = HttpsURLField(
        blank=True,
        validators=[https_only],
        verbose_name=_("video link"),
        help_text=_("If online: an address starting with https://."),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_sessions",
        verbose_name=_("facilitator"),
    )
    agenda = models.TextField(
        blank=True,
        max_length=AGENDA_MAX_LENGTH,
        verbose_name=_("agenda"),
        help_text=_("Optional, plain text: what the session will be about."),
    )
    # Shown by the facilitator at the session; members type it to check in.
    checkin_code = models.CharField(max_length=8, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # The session log or co-development record started from the session
    # (``services.start_record``): a page of the group, in its own workflow.
    record = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # When the day-before reminder went out (``tasks.send_session_reminders``).
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(cohort__isnull=True) & Q(group__isnull=False))
                | (Q(cohort__isnull=False) & Q(group__isnull=True)),
                name="live_session_one_cohort_or_group",
            )
        ]
        indexes = [
            models.Index(fields=["group", "starts_at"]),
            models.Index(fields=["cohort", "starts_at"]),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at) if self.starts_at else None
        when = start.strftime("%Y-%m-%d %H:%M") if start else ""
        return f"{self.get_kind_display()} — {when}"

    def save(self, *args, **kwargs):
        if not self.checkin_code:
            self.checkin_code = new_checkin_code()
        super().save(*args, **kwargs)

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def audience(self):
        """The cohort or the group the session is for."""
        return self.cohort or self.group

    def clean(self):
        super().clean()
        if (self.cohort_id is None) == (self.group_id is None):
            raise ValidationError(_("Choose either a cohort or a practice group, not both."))
        if self.kind == self.TRAINING and self.cohort_id is None:
            raise ValidationError({"kind": _("A cohort training is for a cohort.")})
        if self.kind != self.TRAINING and self.group_id is None:
            raise ValidationError({"kind": _("This kind of session is for a practice group.")})
        if not self.place.strip() and not self.video_link:
            raise ValidationError(_("Give a place or a video link."))
        if self.starts_at and timezone.is_naive(self.starts_at):
            raise ValidationError({"starts_at": _("Give a date and a time.")})


def new_checkin_code():
    """Six characters easy to read aloud and type on a phone (no 0/O, 1/I/L)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class SessionAnswer(models.Model):
    """A member's "I'll come" or "Not this time": no reason asked, changeable."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="answers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_answers"
    )
    coming = models.BooleanField()
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_answer_per_member")
        ]

    def __str__(self):
        return f"{self.session} · {self.user}"


class Attendance(models.Model):
    """Whether a member came, with a late arrival or an early leave (local times)."""

    PRESENT, ABSENT = "present", "absent"
    STATUSES = [(PRESENT, _("Present")), (ABSENT, _("Absent"))]

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_attendance"
    )
    status = models.CharField(max_length=8, choices=STATUSES, verbose_name=_("status"))
    arrived_at = models.TimeField(null=True, blank=True, verbose_name=_("arrived late at"))
    left_at = models.TimeField(null=True, blank=True, verbose_name=_("left early at"))
    checked_in_at = models.DateTimeField(null=True, blank=True, editable=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_member")
        ]

    def __str__(self):
        return f"{self.session} · {self.user}"

    def minutes(self):
        """Minutes attended: the session's time less a late arrival and an early leave."""
        if self.status != self.PRESENT:
            return 0
        base = timezone.localtime(self.session.starts_at)
        start, end = base, timezone.localtime(self.session.ends_at)
        if self.arrived_at:
            start = max(
                start, base.replace(hour=self.arrived_at.hour, minute=self.arrived_at.minute)
            )
        if self.left_at:
            end = min(end, base.replace(hour=self.left_at.hour, minute=self.left_at.minute))
        return max(0, int((end - start).total_seconds() // 60))


class CalendarFeed(models.Model):
    """A member's private calendar address: a token that regenerating or revoking ends."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)


class SubjectProposal(models.Model):
    """A subject a member proposes before a co-development workshop: a short title and a
    few lines, encrypted at rest like the group's other writing. Withdrawn by deleting."""

    session = models.ForeignKey(
        LiveSession, on_delete=models.CASCADE, related_name="subject_proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subject_proposals"
    )
    title = EncryptedCharField(max_length=120, verbose_name=_("subject"))
    details = EncryptedTextField(blank=True, max_length=800, verbose_name=_("a few lines"))
    # Why words the anonymisation guard pointed out may stay, if the author said so.
    anonymisation_reason = EncryptedTextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("proposed subject")
        verbose_name_plural = _("proposed subjects")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.session} · {self.pk}"
