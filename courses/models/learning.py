"""A learner's state: enrolments, completed lessons, quiz attempts, private notes."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from privacy.fields import EncryptedTextField


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
        # A learner's completions in some modules: My learning, the catalogue, cohort reports.
        indexes = [models.Index(fields=["user", "course_key"])]

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
        indexes = [
            models.Index(fields=["user", "lesson_key"]),
            models.Index(fields=["user", "course_key"]),  # cohort reports
        ]

    def __str__(self):
        return f"{self.user} — {self.lesson_key}: {self.score}%"


class ReflectionNote(models.Model):
    """What a learner wrote for a reflection prompt: private, only they can read it
    (encrypted at rest)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_notes"
    )
    course_key = models.UUIDField()
    lesson_key = models.UUIDField()
    block_id = models.CharField(max_length=64)
    text = EncryptedTextField(verbose_name=_("your note"))
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
