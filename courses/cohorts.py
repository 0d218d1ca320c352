"""A cohort's progress report for its trainers, built in a fixed number of queries.

Only aggregate data leaves this module: states, dates and score counts. It never reads a
reflection note nor the answers a learner chose (only whether each question was right).
"""

import csv
import io
import json
from collections import defaultdict, namedtuple
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.db.models import CharField, Count, OuterRef, Subquery, TextField
from django.db.models.functions import Cast
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from home.cache import memoized_many
from home.spreadsheets import safe_rows

from .certificates import learner_name
from .models import (
    Cohort,
    CoursePage,
    Enrollment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
)
from .quiz import questions_of
from .services import (
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    pages_in_language,
    uuid_of,
)
from .structure import key_of_lessons_module, module_versions, required_lessons

INACTIVE_AFTER = timedelta(days=14)

# Chart geometry (SVG user units); colours are those of static/css/entrepairs.css.
CHART_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT = 640, 520, 56


# What the report reads of an enrollment (a tuple: hundreds per report, no model instances).
EnrollmentRow = namedtuple(
    "EnrollmentRow", ["user_id", "status", "completed_at", "last_activity_at"]
)


def as_text(field):
    """A UUID column read as text (32 hex digits on SQLite, the usual form on PostgreSQL)."""
    return Cast(field, output_field=CharField())


@dataclass(frozen=True)
class Cell:
    """One learner's state in one module, as a short sentence (a report shares the cells
    that are alike)."""

    status: str
    percent: int = 0
    completed_on: date | None = None

    def __str__(self):
        return cell_text(self.status, self.percent, self.completed_on, get_language())


@lru_cache(maxsize=4096)
def cell_text(status, percent, completed_on, language):
    """A cell's sentence: a report repeats the same few hundred times over."""
    if status == COMPLETED and completed_on is None:
        return _("Completed")
    if status == COMPLETED:
        completed_on = formats.date_format(completed_on, "SHORT_DATE_FORMAT")
        return _("Completed (%(date)s)") % {"date": completed_on}
    if status == IN_PROGRESS:
        return _("In progress (%(percent)s%%)") % {"percent": percent}
    return _("Not started")


@dataclass
class QuestionStats:
    """How the cohort's attempts answered one quiz question."""

    module: str
    lesson: str
    question: str
    answered: int
    right: int

    @property
    def percent_right(self):
        return round(100 * self.right / self.answered)


@dataclass
class ModuleCompletion:
    module: CoursePage
    completed: int
    percent: int
    # Position of the bar in the chart
    y: int = 0
    width: int = 0


@dataclass
class CohortReport:
    cohort: object
    modules: list
    rows: list = field(default_factory=list)  # [(learner, [Cell per module])]
    questions: list = field(default_factory=list)  # [QuestionStats], most missed first
    inactive: list = field(default_factory=list)  # [(learner, last activity or None)]
    completion: list = field(default_factory=list)  # [ModuleCompletion per module]

    @property
    def learner_count(self):
        return len(self.rows)

    @property
    def chart_height(self):
        return CHART_ROW_HEIGHT * len(self.completion) + 16

    def table(self):
        """The matrix of learners by modules as rows of text: a header row, then one per learner."""
        header = [_("Learner"), *(module.title for module in self.modules)]
        return [header] + [
            [learner_name(learner), *(str(cell) for cell in cells)] for learner, cells in self.rows
        ]


def cohort_report(cohort, now=None):
    """The cohort's report in the active language; the same queries whatever its size."""
    now = now or timezone.now()
    learners = list(
        cohort.members.order_by("last_name", "first_name", "username").only(
            "id", "username", "first_name", "last_name", "is_active"
        )
    )
    member_ids = cohort.members.values("pk")
    # The cohort's modules (their default-language pages), shown in the reader's language.
    keys = list(
        cohort.modules.filter(live=True).order_by("path").values_list("translation_key", flat=True)
    )
    in_language = pages_in_language(CoursePage, keys)
    keys = [key for key in keys if key in in_language]
    report = CohortReport(cohort, [in_language[key] for key in keys])
    required = required_lessons(report.modules)

    # Module keys are read as text, and each distinct one made a UUID once: a report reads
    # hundreds of rows that share a few keys. With each enrolment, how many of its module's
    # required lessons the learner completed, counted by the database (in the same query):
    # a completion of a lesson since removed from its module does not count.
    required_keys = [lesson_key for lesson_keys in required.values() for lesson_key in lesson_keys]
    done_in_module = (
        LessonCompletion.objects.filter(
            user=OuterRef("user"), course_key=OuterRef("course_key"), lesson_key__in=required_keys
        )
        .order_by()
        .values("user")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # Each row goes straight to its learner's cell in its module's column: the columns are
    # found by the key's text as read (no UUID made nor hashed per row).
    column = {}
    for index, key in enumerate(keys):
        column[key.hex] = column[str(key)] = index
    lengths = [len(required[key]) for key in keys]
    cells = CellMaker()
    not_started = cells.of(None, 0, 0)
    states, enrollments = {}, []
    for user_id, course_key, status, completed_at, last_activity_at, count in (
        Enrollment.objects.filter(user__in=member_ids, course_key__in=keys)
        .order_by()
        .values_list(
            "user_id",
            as_text("course_key"),
            "status",
            "completed_at",
            "last_activity_at",
            Subquery(done_in_module),
        )
    ):
        index = column.get(course_key)
        if index is None:  # a key written in another form
            index = keys.index(uuid_of(course_key))
        enrollment = EnrollmentRow(user_id, status, completed_at, last_activity_at)
        enrollments.append(enrollment)
        row = states.get(user_id)
        if row is None:
            row = states[user_id] = [not_started] * len(keys)
        row[index] = cells.of(enrollment, lengths[index], count or 0)
    report.rows = [
        (learner, states.get(learner.pk) or [not_started] * len(keys)) for learner in learners
    ]
    report.inactive = inactive_learners(learners, enrollments, now - INACTIVE_AFTER)
    report.completion = completion_by_module(report)
    titles = {key: module.title for key, module in zip(keys, report.modules, strict=True)}
    report.questions = question_stats(member_ids, keys, titles)
    return report


def quiz_questions(lessons):
    """{lesson id: [(question id, question text)]} of these live lessons' quizzes, read at
    most once per process until their module changes."""
    module_of = {lesson.pk: key_of_lessons_module(lesson) for lesson in lessons}

    def read(missing):
        lessons = LessonPage.objects.filter(pk__in=missing).only("id", "body")
        return {
            lesson.pk: [
                (question_id, question["question"])
                for question_id, question, _options in questions_of(lesson.quiz)
            ]
            if lesson.quiz
            else []
            for lesson in lessons
        }

    return memoized_many(
        "quiz-questions", list(module_of), read, versions=lambda pk: module_versions(module_of[pk])
    )


class CellMaker:
    """``learner_cell``, each distinct cell made once: a report has a cell per learner and
    module, and most of them are alike ("Not started", "In progress (25%)")."""

    def __init__(self):
        self.made = {}

    def of(self, enrollment, required, done):
        if enrollment is None:
            key = NOT_STARTED
        elif enrollment.status == Enrollment.COMPLETED:
            key = (COMPLETED, enrollment.completed_at)
        else:
            key = (IN_PROGRESS, required, done)
        cell = self.made.get(key)
        if cell is None:
            cell = self.made[key] = learner_cell(enrollment, required, done)
        return cell


def learner_cell(enrollment, required, done):
    """The cell of a learner who completed ``done`` of the module's ``required`` lessons."""
    if enrollment is None:
        return Cell(NOT_STARTED)
    if enrollment.status == Enrollment.COMPLETED:
        completed_on = enrollment.completed_at and timezone.localdate(enrollment.completed_at)
        return Cell(COMPLETED, 100, completed_on)
    return Cell(IN_PROGRESS, round(100 * done / required) if required else 0)


def inactive_learners(learners, enrollments, since):
    """[(learner, last activity or None)] for those not active in the cohort's modules since."""
    last = {}
    for enrollment in enrollments:
        previous = last.get(enrollment.user_id)
        if previous is None or enrollment.last_activity_at > previous:
            last[enrollment.user_id] = enrollment.last_activity_at
    inactive = [(learner, last.get(learner.pk)) for learner in learners]
    inactive = [(learner, at) for learner, at in inactive if at is None or at <= since]
    # Those who never started first, then the longest silence first.
    return sorted(inactive, key=lambda item: item[1] or datetime.min.replace(tzinfo=since.tzinfo))


def completion_by_module(report):
    completion = []
    for index, module in enumerate(report.modules):
        completed = sum(1 for _learner, cells in report.rows if cells[index].status == COMPLETED)
        percent = round(100 * completed / report.learner_count) if report.learner_count else 0
        completion.append(
            ModuleCompletion(
                module,
                completed,
                percent,
                y=CHART_ROW_HEIGHT * index + 8,
                width=round(CHART_BAR_WIDTH * percent / 100),
            )
        )
    return completion


def question_stats(member_ids, keys, module_titles):
    """Per quiz question: how many attempts answered it and how many were right."""
    tally = defaultdict(lambda: [0, 0])
    course_of = {}
    attempts = QuizAttempt.objects.filter(user__in=member_ids, course_key__in=keys).order_by()
    # Only what was right or wrong: the options a learner chose are never read.
    # Counted under the lesson keys as read (text): hundreds of attempts, a few lessons.
    # Attempts with the same results are counted together by the database, and their
    # results read once: a quiz of a few questions has few outcomes.
    outcomes = attempts.values_list(
        as_text("course_key"), as_text("lesson_key"), Cast("results", TextField())
    ).annotate(attempts=Count("pk"))
    for course_key, lesson_key, results, count in outcomes:
        course_of[lesson_key] = course_key
        for question_id, right in json.loads(results).items():
            counts = tally[lesson_key, question_id]
            counts[0] += count
            counts[1] += count if right else 0
    text_of = {uuid_of(lesson_key): lesson_key for lesson_key in course_of}
    course_of = {uuid_of(lesson): uuid_of(course) for lesson, course in course_of.items()}
    stats = []
    lessons = pages_in_language(LessonPage, list(course_of)).values()
    lessons = sorted(lessons, key=lambda lesson: lesson.path)
    questions = quiz_questions(lessons)
    for lesson in lessons:
        # Questions since removed from the quiz are left out: there is nothing to revise.
        for question_id, question in questions.get(lesson.pk) or []:
            counted = (text_of[lesson.translation_key], question_id)
            answered, right = tally.get(counted, (0, 0))
            if answered:
                module = module_titles[course_of[lesson.translation_key]]
                stats.append(QuestionStats(module, lesson.title, question, answered, right))
    return sorted(stats, key=lambda stat: (stat.percent_right, -stat.answered))


def csv_separator():
    """What spreadsheet software expects between cells in the active language: where the
    decimal separator is a comma (French), Excel splits CSV lines on semicolons."""
    return ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","


def csv_export(report):
    """The matrix as CSV, with a byte-order mark so spreadsheet software reads it as UTF-8,
    and the separator of the active language's spreadsheets."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=csv_separator()).writerows(safe_rows(report.table()))
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_export(report):
    """The matrix as an Excel workbook: one sheet, a bold header row that stays in view."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Progress")[:31]
    for row in safe_rows(report.table()):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width, 12), 40) + 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# A learner of the cohort, as ``inactive_learners`` reads them.
Learner = namedtuple("Learner", ["pk"])


def cohorts_needing_attention(cohorts, now=None):
    """[(cohort, how many learners are inactive)] for the running ``cohorts`` that have some,
    by the report's rule (``inactive_learners``): four queries whatever the number of
    cohorts, learners or modules."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cohorts = list(cohorts.filter(start_date__lte=today, end_date__gte=today).only("id", "name"))
    if not cohorts:
        return []
    ids = [cohort.pk for cohort in cohorts]
    learners, keys = defaultdict(list), defaultdict(set)
    for cohort_id, user_id in Cohort.members.through.objects.filter(cohort_id__in=ids).values_list(
        "cohort_id", "user_id"
    ):
        learners[cohort_id].append(Learner(user_id))
    for cohort_id, key in Cohort.modules.through.objects.filter(
        cohort_id__in=ids, coursepage__live=True
    ).values_list("cohort_id", as_text("coursepage__translation_key")):
        keys[cohort_id].add(uuid_of(key))
    activity = defaultdict(list)
    member_ids = Cohort.members.through.objects.filter(cohort_id__in=ids).values("user_id")
    all_keys = {key for module_keys in keys.values() for key in module_keys}
    for user_id, course_key, last_activity_at in Enrollment.objects.filter(
        user__in=member_ids, course_key__in=all_keys
    ).values_list("user_id", as_text("course_key"), "last_activity_at"):
        activity[uuid_of(course_key)].append(EnrollmentRow(user_id, None, None, last_activity_at))
    since = now - INACTIVE_AFTER
    needing = []
    for cohort in cohorts:
        rows = [row for key in keys[cohort.pk] for row in activity[key]]
        members = {learner.pk for learner in learners[cohort.pk]}
        rows = [row for row in rows if row.user_id in members]
        inactive = inactive_learners(learners[cohort.pk], rows, since)
        if inactive:
            needing.append((cohort, len(inactive)))
    return needing
