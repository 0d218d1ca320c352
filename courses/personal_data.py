"""What training keeps about a member, and what erasure does with it.

Erasure deletes the learner's state (enrolments, completed lessons, quiz attempts, notes)
and takes them out of their cohorts: progress only means something about a person.
Certificates stay as a record that the training took place, without the name: the
verification page then says « ancien·ne membre ».
"""

from django.utils.translation import gettext_lazy as _

from privacy.registry import plain, register, register_model

from .certificates import learner_name
from .models import (
    Certificate,
    Cohort,
    CoursePage,
    Enrollment,
    KindWord,
    LessonCompletion,
    LessonPage,
    ModuleReminder,
    QuizAttempt,
    ReflectionNote,
    ReminderOptOut,
)
from .services import pages_in_language


def _titles(model, keys):
    return {key: page.title for key, page in pages_in_language(model, set(keys)).items()}


def _delete(model):
    def erase(user):
        model.objects.filter(user=user).delete()

    return erase


@register("enrolments", _("Modules followed"), erase=_delete(Enrollment), order=20)
def export_enrolments(user):
    rows = list(Enrollment.objects.filter(user=user).order_by("enrolled_at"))
    titles = _titles(CoursePage, [row.course_key for row in rows])
    return [
        {
            "module": titles.get(row.course_key, ""),
            "module_key": str(row.course_key),
            "status": row.get_status_display(),
            "enrolled_at": plain(row.enrolled_at),
            "last_activity_at": plain(row.last_activity_at),
            "completed_at": plain(row.completed_at),
        }
        for row in rows
    ]


@register("lesson_completions", _("Lessons completed"), erase=_delete(LessonCompletion), order=21)
def export_completions(user):
    rows = list(LessonCompletion.objects.filter(user=user).order_by("completed_at"))
    titles = _titles(LessonPage, [row.lesson_key for row in rows])
    return [
        {
            "lesson": titles.get(row.lesson_key, ""),
            "lesson_key": str(row.lesson_key),
            "completed_at": plain(row.completed_at),
        }
        for row in rows
    ]


@register("quiz_attempts", _("Quiz attempts"), erase=_delete(QuizAttempt), order=22)
def export_quiz_attempts(user):
    rows = list(QuizAttempt.objects.filter(user=user).order_by("submitted_at", "pk"))
    titles = _titles(LessonPage, [row.lesson_key for row in rows])
    return [
        {
            "lesson": titles.get(row.lesson_key, ""),
            "lesson_key": str(row.lesson_key),
            "submitted_at": plain(row.submitted_at),
            "score_percent": row.score,
            "passed": row.passed,
            "answers": plain(row.answers),
            "results": plain(row.results),
        }
        for row in rows
    ]


@register("reflection_notes", _("Your notes in lessons"), erase=_delete(ReflectionNote), order=23)
def export_notes(user):
    rows = list(ReflectionNote.objects.filter(user=user).order_by("updated_at"))
    titles = _titles(LessonPage, [row.lesson_key for row in rows])
    return [
        {
            "lesson": titles.get(row.lesson_key, ""),
            "lesson_key": str(row.lesson_key),
            "text": row.text,
            "updated_at": plain(row.updated_at),
        }
        for row in rows
    ]


def erase_certificates(user):
    Certificate.objects.filter(user=user).update(learner_name="")


register_model(
    "certificates",
    _("Certificates"),
    Certificate,
    user_field="user",
    fields=["code", "learner_name", "course_title", "issued_at", "revoked_at"],
    erase=erase_certificates,
    order=24,
)


def erase_cohorts(user):
    user.cohorts.clear()
    user.trained_cohorts.clear()


@register("cohorts", _("Cohorts"), erase=erase_cohorts, order=25)
def export_cohorts(user):
    return [
        {
            "cohort": cohort.name,
            "as": role,
            "start": plain(cohort.start_date),
            "end": plain(cohort.end_date),
        }
        for role, cohorts in (
            ("learner", Cohort.objects.filter(members=user)),
            ("trainer", Cohort.objects.filter(trainers=user)),
        )
        for cohort in cohorts
    ]


def erase_reminders(user):
    ModuleReminder.objects.filter(user=user).delete()
    ReminderOptOut.objects.filter(user=user).delete()
    KindWord.objects.filter(learner=user).delete()
    KindWord.objects.filter(sender=user).update(sender=None)


@register("reminders", _("Reminders and kind words"), erase=erase_reminders, order=26)
def export_reminders(user):
    """When the member was reminded of a module and their answers; the kind words they got
    or sent (who and when: the words themselves are in their notifications)."""
    rows = list(ModuleReminder.objects.filter(user=user).order_by("pk"))
    titles = _titles(CoursePage, [row.course_key for row in rows])
    stop = ReminderOptOut.objects.filter(user=user).first()
    received = KindWord.objects.filter(learner=user).select_related("sender", "cohort")
    sent = KindWord.objects.filter(sender=user).select_related("learner", "cohort")
    return {
        "modules": [
            {
                "module": titles.get(row.course_key, ""),
                "module_key": str(row.course_key),
                "last_reminded_at": plain(row.sent_at),
                "no_reminder_before": plain(row.snoozed_until),
            }
            for row in rows
        ],
        "stopped_at": plain(stop.stopped_at) if stop else None,
        "kind_words_received": [
            {
                "from": learner_name(word.sender) if word.sender else "",
                "cohort": word.cohort.name,
                "at": plain(word.sent_at),
            }
            for word in received.order_by("sent_at")
        ],
        "kind_words_sent": [
            {
                "to": learner_name(word.learner),
                "cohort": word.cohort.name,
                "at": plain(word.sent_at),
            }
            for word in sent.order_by("sent_at")
        ],
    }
