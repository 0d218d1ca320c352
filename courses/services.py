"""Learner state, scoped to the learner asking: catalogue states, progress, quizzes, notes.

Which lessons a module requires is decided by its version in the default language (the
one translations follow); learner state is keyed on translation keys, so what a learner
did in one language counts in the other.
"""

import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from home.cache import memoized
from home.locales import active_locale, default_locale
from home.member_cache import member_groups

from .certificates import issue_certificate
from .learner_rows import LearnerRows, learner_rows
from .models import (
    Certificate,
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    ReflectionNote,
)
from .structure import (
    TRAINING,
    lessons_by_key,
    lessons_of,
    live_modules,
    module_at,
    module_pages,
    modules,
    required_lessons,
)

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
PAUSED = "paused"
COMPLETED = "completed"
LOCKED = "locked"


@dataclass
class CourseState:
    course: CoursePage
    status: str = NOT_STARTED
    enrollment: Enrollment | None = None
    required_keys: list = field(default_factory=list)
    done_keys: set = field(default_factory=set)
    missing_prerequisites: list = field(default_factory=list)
    # The module's language when it is not the reader's (the catalogue's "all languages").
    language: str = ""

    @property
    def percent(self):
        if not self.required_keys:
            return 0
        done = sum(1 for key in self.required_keys if key in self.done_keys)
        return round(100 * done / len(self.required_keys))

    @property
    def next_lesson_key(self):
        return next((key for key in self.required_keys if key not in self.done_keys), None)

    @property
    def is_enrolled(self):
        return self.enrollment is not None

    @property
    def can_learn(self):
        """Whether the learner may record progress: enrolled and nothing left to do first."""
        return self.is_enrolled and not self.missing_prerequisites


def canonical_versions(courses):
    """{translation_key: course in the default language}, falling back to the course itself."""
    keys = [course.translation_key for course in courses]
    found = {
        course.translation_key: course
        for course in CoursePage.objects.live()
        .filter(translation_key__in=keys, locale=default_locale())
        .only("id", "path", "depth", "translation_key", "locale_id")
    }
    return {course.translation_key: found.get(course.translation_key, course) for course in courses}


def structure():
    """Every module, its prerequisites and its version in the default language
    (``structure.Modules``), kept until a module, a prerequisite or the catalogue changes."""
    return modules()


def _prerequisites(courses):
    """{course key: keys of the modules it needs}."""
    modules = structure()
    return {
        course.translation_key: modules.prerequisites.get(modules.canonical_id(course), [])
        for course in courses
    }


def course_states(user, courses, enrollments_of_user=None, done=None):
    """The learner's state for each course, in a fixed number of queries.

    ``enrollments_of_user``: all the learner's enrollments when the caller has read them
    (with ``done``, the lessons they did in these courses: then no query).
    """
    if not courses:
        return []
    required = required_lessons(courses)
    keys = [course.translation_key for course in courses]
    prerequisites = _prerequisites(courses)

    enrollments, completed_keys = {}, set()
    if not user.is_authenticated:
        done = set()
    else:
        prerequisite_keys = {k for ks in prerequisites.values() for k in ks}
        if enrollments_of_user is None:
            enrollments_of_user = Enrollment.objects.filter(
                user_id=user.pk, course_key__in=keys + list(prerequisite_keys)
            )
        for enrollment in enrollments_of_user:
            enrollments[enrollment.course_key] = enrollment
            if enrollment.status == Enrollment.COMPLETED:
                completed_keys.add(enrollment.course_key)
        if done is None:
            done = set(
                LessonCompletion.objects.filter(user_id=user.pk, course_key__in=keys).values_list(
                    "lesson_key", flat=True
                )
            )

    missing_keys = {key: [p for p in prerequisites[key] if p not in completed_keys] for key in keys}
    # Read module by module: a lesson does not read every module for these.
    missing = {k for ks in missing_keys.values() for k in ks}
    titles = _in_language(module_pages(missing), missing) if missing else {}
    states = []
    for course in courses:
        key = course.translation_key
        enrollment = enrollments.get(key)
        state = CourseState(
            course=course,
            enrollment=enrollment,
            required_keys=required[key],
            done_keys=done,
            missing_prerequisites=[titles[k] for k in missing_keys[key] if k in titles],
        )
        if enrollment and enrollment.status == Enrollment.COMPLETED:
            state.status = COMPLETED
        elif state.missing_prerequisites:
            state.status = LOCKED
        elif enrollment and enrollment.status == Enrollment.PAUSED:
            state.status = PAUSED
        elif enrollment:
            state.status = IN_PROGRESS
        states.append(state)
    return states


def live_pages(model):
    """{translation_key: [live modules in every language, in tree order]} (``CoursePage``:
    lessons are read module by module, ``structure.module_lessons``). Shared by the
    requests of the process: never modified."""
    if model is not CoursePage:
        raise ValueError("live_pages() lists modules; lessons: structure.module_lessons()")
    return live_modules()


def pages_in_language(model, keys, locale=None):
    """{translation_key: live page} in the given (default: active) language when it exists,
    under the keys as given (UUIDs or their text)."""
    if not keys:
        return {}
    if model is LessonPage:
        index = lessons_by_key({uuid for uuid in map(_as_uuid, keys) if uuid is not None})
    else:
        index = live_pages(model)
    return _in_language(index, keys, locale)


def _in_language(index, keys, locale=None):
    locale = locale or active_locale()
    pages = {}
    for key in keys:
        versions = index.get(_as_uuid(key))
        if versions:
            in_language = [page for page in versions if page.locale_id == locale.pk]
            pages[key] = (in_language or versions)[0]
    return pages


def _as_uuid(key):
    """A translation key as the pages hold it; keys kept in JSON are strings."""
    return key if isinstance(key, uuid.UUID) else uuid_of(str(key))


@lru_cache(maxsize=65536)
def uuid_of(text):
    """The UUID written in ``text`` (either form), made once per distinct text, or None."""
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def catalogue(locale=None):
    """The live training catalogue in the given (default: active) language, or None."""
    locale = locale or active_locale()

    def read():
        return CourseIndexPage.objects.live().filter(locale=locale).first() or 0

    return memoized("catalogue", locale.pk, compute=read, versions=(TRAINING,)) or None


def modules_under(catalogue):
    """The live modules of a catalogue, in order (shared, never modified)."""

    def read():
        pages = [
            page
            for versions in live_modules().values()
            for page in versions
            if page.depth == catalogue.depth + 1 and page.path.startswith(catalogue.path)
        ]
        return sorted(pages, key=lambda page: page.path)

    return memoized("modules-under", catalogue.pk, compute=read, versions=(TRAINING,))


def course_state(user, course):
    return course_states(user, [course])[0]


def continue_page(state):
    """Where "Continue" leads for a learner's state in a module: its next lesson to do, in
    the module's own language, or the module page once every lesson is done (or when that
    lesson is not live there). The one statement of that rule, for every "Continue" link and
    every redirection after enrolling or completing a lesson. No query once the module's
    lessons are read (``structure.module_lessons``)."""
    key = state.next_lesson_key
    course = state.course
    if key is not None:
        for lesson in lessons_of(course):
            if lesson.translation_key == _as_uuid(key):
                return lesson
    return course


def lessons_in_language(course):
    """The live lessons of a module as the learner reads it, in order (shared, never modified)."""
    return lessons_of(course)


def course_of(lesson):
    """The live module a lesson belongs to, or None (shared, never modified)."""
    return module_at(lesson.path[: -LessonPage.steplen])


def lesson_context(user, lesson):
    """What a lesson's page shows of its learner: one query (``learner_rows``)."""
    course = course_of(lesson)
    block_types = {raw["type"] for raw in lesson.body.raw_data}
    rows = LearnerRows()
    if user.is_authenticated:
        rows = learner_rows(
            user.pk,
            [course.translation_key, *_prerequisites([course])[course.translation_key]],
            lesson.translation_key,
            attempts="quiz" in block_types,
            notes="reflection" in block_types,
        )
    state = course_states(user, [course], rows.enrollments, rows.done)[0]
    lessons = lessons_in_language(course)
    keys = [item.translation_key for item in lessons]
    position = keys.index(lesson.translation_key) if lesson.translation_key in keys else 0
    context = {
        "course": course,
        "state": state,
        "lessons": lessons,
        "position": position + 1,
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
        "lesson_done": lesson.translation_key in state.done_keys,
        "attempts": [],
        # Whether the quiz can be tried now: its form is then the lesson's one form.
        "quiz_open": False,
        "notes": {},
        "submission": uuid.uuid4(),
    }
    if not user.is_authenticated:
        return context
    context["attempts"] = rows.attempts
    if "quiz" in block_types and state.can_learn and not context["lesson_done"]:
        limit = course.max_quiz_attempts
        context["quiz_open"] = limit is None or len(context["attempts"]) < limit
    # One note per prompt (a constraint).
    context["notes"] = {note.block_id: note for note in rows.notes}
    return context


# Actions ---------------------------------------------------------------------------------


class LearningRefused(Exception):
    """An action the learner may not take now; the message says why, in their language."""


def enrol(user, course):
    state = course_state(user, course)
    if state.missing_prerequisites:
        raise LearningRefused(_("Complete the modules listed on this page first."))
    try:
        with transaction.atomic():
            enrollment, _created = Enrollment.objects.get_or_create(
                user=user, course_key=course.translation_key
            )
    except IntegrityError:  # the same learner enrolling twice at the same moment
        enrollment = Enrollment.objects.get(user=user, course_key=course.translation_key)
    if enrollment.status == Enrollment.PAUSED:
        enrollment.status = Enrollment.ACTIVE
        enrollment.save(update_fields=["status", "last_activity_at"])
    return enrollment


def pause(user, course):
    updated = Enrollment.objects.filter(
        user=user, course_key=course.translation_key, status=Enrollment.ACTIVE
    ).update(status=Enrollment.PAUSED, last_activity_at=timezone.now())
    if not updated:
        raise LearningRefused(_("This module is not in progress."))


def require_learning(user, course):
    state = course_state(user, course)
    if state.missing_prerequisites:
        raise LearningRefused(_("This module is locked: complete the modules it needs first."))
    if not state.is_enrolled:
        raise LearningRefused(_("Start the module first: your progress will then be saved."))
    return state


def complete_lesson(user, course, lesson):
    """Record the lesson as done, and the module when it was the last one."""
    require_learning(user, course)
    LessonCompletion.objects.get_or_create(
        user=user,
        lesson_key=lesson.translation_key,
        defaults={"course_key": course.translation_key},
    )
    state = course_state(user, course)
    enrollment = state.enrollment
    if state.next_lesson_key is None and enrollment.status != Enrollment.COMPLETED:
        enrollment.status = Enrollment.COMPLETED
        enrollment.completed_at = timezone.now()
        enrollment.save(update_fields=["status", "completed_at", "last_activity_at"])
        issue_certificate(user, course, canonical_versions([course])[course.translation_key])
    elif enrollment.status == Enrollment.PAUSED:
        enrollment.status = Enrollment.ACTIVE
        enrollment.save(update_fields=["status", "last_activity_at"])
    else:
        enrollment.save(update_fields=["last_activity_at"])
    return state


def save_note(user, course, lesson, block_id, text):
    require_learning(user, course)
    if not any(b.block_type == "reflection" and b.id == block_id for b in lesson.body):
        raise LearningRefused(_("This question no longer exists in the lesson."))
    text = text.strip()
    if not text:
        ReflectionNote.objects.filter(
            user=user, lesson_key=lesson.translation_key, block_id=block_id
        ).delete()
        return None
    note, _created = ReflectionNote.objects.update_or_create(
        user=user,
        lesson_key=lesson.translation_key,
        block_id=block_id,
        defaults={"text": text, "course_key": course.translation_key},
    )
    return note


def completed_modules(user):
    """[(module title, completed on, minutes)] of the learner's completed modules, by date."""
    return [row[1:] for row in completed_modules_keyed(user)]


def completed_modules_keyed(user):
    """[(module translation key, title, completed on, minutes)]: ``completed_modules`` with
    the key that names a module in every language (a record's choices keep it)."""
    enrollments = list(
        Enrollment.objects.filter(user=user, status=Enrollment.COMPLETED).order_by("completed_at")
    )
    pages = pages_in_language(CoursePage, [e.course_key for e in enrollments])
    canonical = canonical_versions(list(pages.values()))
    rows = []
    for enrollment in enrollments:
        page = pages.get(enrollment.course_key)
        if page is None:  # the module was unpublished: its certificate keeps the record
            continue
        completed_on = timezone.localtime(enrollment.completed_at).date()
        minutes = canonical[page.translation_key].duration_minutes
        rows.append((page.translation_key, page.title, completed_on, minutes))
    return rows


def cohorts_visible_to(user):
    """Cohorts a member may see and report on: all for coordinators, trained ones for trainers."""
    if not user.is_authenticated or not user.is_active:
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    # The roles come from what each worker keeps of the member's groups (``member_groups``,
    # moved whenever someone's groups change): a learner's pages, which ask this for the
    # sessions they may see, build no subquery for roles they do not hold.
    # Being named a cohort's trainer counts only while the member holds the trainer role.
    roles = set(member_groups(user).values())
    if "coordinator" in roles:
        return Cohort.objects.all()
    if "trainer" in roles:
        trained = Cohort.trainers.through.objects.filter(user=user).values("cohort_id")
        return Cohort.objects.filter(pk__in=trained)
    return Cohort.objects.none()


def certificates_visible_to(user):
    """Certificates a member may see and revoke in the editing space: all for coordinators;
    for trainers, those of the learners of a cohort they train, for a module of that
    cohort. A certificate earned outside the trainer's cohorts is the coordinators'."""
    if not user.is_authenticated or not user.is_active:
        return Certificate.objects.none()
    if user.is_superuser or user.groups.filter(name="coordinator").exists():
        return Certificate.objects.all()
    trained = cohorts_visible_to(user).filter(
        members=OuterRef("user_id"), modules__translation_key=OuterRef("course_key")
    )
    return Certificate.objects.filter(Exists(trained))


# The learner's own records: nobody else's are ever read through these.


def enrollments_of(user):
    return list(Enrollment.objects.filter(user=user))


def notes_of(user):
    return ReflectionNote.objects.filter(user=user)


def certificates_of(user):
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(user=user)
