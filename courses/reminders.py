"""Gentle reminders of a module left idle: one kind message, never more than one in a
period, an easy "not now" and a one-click stop.

A learner is reminded of a module they started (in progress: a paused module is the
learner's own "not now") when it has seen no progress for ``ENTREPAIRS_IDLE_REMINDER_DAYS``
days, once for that quiet stretch, and at most once in that many days whatever the number
of their modules. A module some cohort follows is the cohort's: only its current learners
are reminded of it (a learner who left the cohort is not). "Not now" holds the module's
reminders for another period, after which one more may come; "stop" ends them all.

The daily job (``send_idle_reminders``, scheduled in ``courses/apps.py``) reads the due
learners in batches, with the rule in the query: a fixed number of queries per batch,
plus the sending of each reminder.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

from django_tasks import task

from home.batches import in_batches
from home.locales import active_locale
from home.notifications import notify

from .models import (
    Cohort,
    CoursePage,
    Enrollment,
    LessonCompletion,
    ModuleReminder,
    ReminderOptOut,
)
from .notifications import IDLE_MODULE
from .services import CourseState, continue_page, pages_in_language, structure, uuid_of
from .structure import required_lessons

BATCH = 200
SALT = "courses.reminders"
# A reminder's links work for as long as a learner might keep the e-mail.
TOKEN_MAX_AGE = datetime.timedelta(days=180)
# What the link of a reminder carries: the lesson then offers "not now" and "stop".
TOKEN_PARAMETER = "reminder"


def period():
    return datetime.timedelta(days=settings.ENTREPAIRS_IDLE_REMINDER_DAYS)


# Signed links ------------------------------------------------------------------------


def token_for(user, course_key):
    """A link's token naming the learner and the module: nobody can make one for another."""
    return signing.dumps([user.pk, course_key.hex], salt=SALT, compress=True)


def read_token(token, user):
    """The module key a token names, if it was made for this member; else None."""
    try:
        user_id, key = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return uuid_of(key) if user_id == user.pk else None


# Who is due ---------------------------------------------------------------------------


def due_enrollments(now):
    """The enrolments whose learner should be reminded of them now (the whole rule)."""
    quiet_since = now - period()
    reminders = ModuleReminder.objects.filter(user_id=OuterRef("user_id"))
    this_module = reminders.filter(course_key=OuterRef("course_key"))
    # Reminded since the last progress, and no "not now" since that reminder.
    answered = this_module.filter(sent_at__gte=OuterRef("last_activity_at")).filter(
        Q(snoozed_until__isnull=True) | Q(snoozed_until__lte=F("sent_at"))
    )
    in_cohort = Cohort.objects.filter(
        members=OuterRef("user_id"), modules__translation_key=OuterRef("course_key")
    )
    cohort_module = CoursePage.objects.filter(
        translation_key=OuterRef("course_key"), cohorts__isnull=False
    )
    return (
        Enrollment.objects.filter(
            status=Enrollment.ACTIVE,
            user__is_active=True,
            last_activity_at__lte=quiet_since,
            course_key__in=list(structure().canonical),
        )
        .filter(Q(Exists(in_cohort)) | ~Q(Exists(cohort_module)))
        .exclude(Exists(answered))
        .exclude(Exists(this_module.filter(snoozed_until__gt=now)))
        .exclude(Exists(reminders.filter(sent_at__gt=quiet_since)))
        .exclude(Exists(ReminderOptOut.objects.filter(user_id=OuterRef("user_id"))))
    )


def send_due_reminders(now=None):
    """Remind every learner due, a batch at a time; returns how many were reminded."""
    now = now or timezone.now()
    sent = 0
    for batch in in_batches(due_enrollments(now).select_related("user"), BATCH):
        sent += _remind_batch(batch, now)
    return sent


def _remind_batch(batch, now):
    user_ids = {enrollment.user_id for enrollment in batch}
    keys = {enrollment.course_key for enrollment in batch}
    done = {}
    for user_id, course_key, lesson_key in LessonCompletion.objects.filter(
        user_id__in=user_ids, course_key__in=keys
    ).values_list("user_id", "course_key", "lesson_key"):
        done.setdefault((user_id, course_key), set()).add(lesson_key)
    languages = dict(
        UserProfile.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "preferred_language"
        )
    )
    reminded = set()
    for enrollment in batch:
        if enrollment.user_id in reminded:  # one module at a time
            continue
        language = languages.get(enrollment.user_id)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        done_keys = done.get((enrollment.user_id, enrollment.course_key), set())
        if remind(enrollment, language, done_keys, now):
            reminded.add(enrollment.user_id)
    return len(reminded)


def remind(enrollment, language, done_keys, now):
    """Send one reminder, with a link to where the learner stopped, in their language."""
    user, key = enrollment.user, enrollment.course_key
    with translation.override(language):
        course = pages_in_language(CoursePage, [key], active_locale()).get(key)
        if course is None:
            return False
        state = CourseState(
            course=course,
            enrollment=enrollment,
            required_keys=required_lessons([course])[course.translation_key],
            done_keys=done_keys,
        )
        if state.next_lesson_key is None:  # nothing left to do: nothing to remind
            return False
        query = urlencode({TOKEN_PARAMETER: token_for(user, key)})
        link = f"{continue_page(state).get_url()}?{query}"
        with transaction.atomic():
            ModuleReminder.objects.update_or_create(
                user=user, course_key=key, defaults={"sent_at": now}
            )
            notify(user, IDLE_MODULE, {"course": course.title}, link=link, email=True)
    return True


@task()
def send_idle_reminders():
    """The daily job: remind the learners whose module has been idle (returns how many)."""
    return send_due_reminders()


# The learner's answers -----------------------------------------------------------------


def not_now(user, course_key, now=None):
    """No reminder of this module for another period; then one more may come."""
    until = (now or timezone.now()) + period()
    ModuleReminder.objects.update_or_create(
        user=user, course_key=course_key, defaults={"snoozed_until": until}
    )
    return until


def stop(user):
    ReminderOptOut.objects.get_or_create(user=user)


def resume(user):
    ReminderOptOut.objects.filter(user=user).delete()


def stopped(user):
    return ReminderOptOut.objects.filter(user=user).exists()
