"""A cohort's progress report for its trainers, built in a fixed number of queries.

Only aggregate data leaves this module: states, dates and score counts. It never reads a
reflection note nor the answers a learner chose (only whether each question was right).
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Exists, F, OuterRef
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .certificates import learner_name
from .models import CoursePage, Enrollment, LessonCompletion, LessonPage, QuizAttempt
from .quiz import questions_of
from .services import COMPLETED, IN_PROGRESS, NOT_STARTED, structure

INACTIVE_AFTER = timedelta(days=14)

# Chart geometry (SVG user units); colours are those of static/css/entrepairs.css.
CHART_WIDTH, CHART_BAR_WIDTH, CHART_ROW_HEIGHT = 640, 520, 56


@dataclass
class Cell:
    """One learner's state in one module, as a short sentence."""

    status: str
    percent: int = 0
    completed_on: date | None = None

    def __str__(self):
        if self.status == COMPLETED and self.completed_on is None:
            return _("Completed")
        if self.status == COMPLETED:
            completed_on = formats.date_format(self.completed_on, "SHORT_DATE_FORMAT")
            return _("Completed (%(date)s)") % {"date": completed_on}
        if self.status == IN_PROGRESS:
            return _("In progress (%(percent)s%%)") % {"percent": self.percent}
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
    language = get_language()
    learners = list(cohort.members.order_by("last_name", "first_name", "username"))
    member_ids = cohort.members.values("pk")
    # The cohort's modules (default language) and their translations, in one query.
    modules = list(
        translations(CoursePage, cohort.modules.values("translation_key")).annotate(
            in_cohort=Exists(cohort.modules.filter(pk=OuterRef("pk")))
        )
    )
    canonical = [module for module in modules if module.in_cohort]
    keys = [module.translation_key for module in canonical]
    in_language = choose_language(modules, language)
    report = CohortReport(cohort, [in_language[key] for key in keys])
    required_by_id = structure().required
    required = {module.translation_key: required_by_id.get(module.pk, []) for module in canonical}

    enrollments = {
        (e.user_id, e.course_key): e
        for e in Enrollment.objects.filter(user__in=member_ids, course_key__in=keys)
    }
    done = defaultdict(set)
    for user_id, lesson_key in LessonCompletion.objects.filter(
        user__in=member_ids, course_key__in=keys
    ).values_list("user_id", "lesson_key"):
        done[user_id].add(lesson_key)

    for learner in learners:
        cells = [
            learner_cell(enrollments.get((learner.pk, key)), required[key], done[learner.pk])
            for key in keys
        ]
        report.rows.append((learner, cells))
    report.inactive = inactive_learners(learners, enrollments.values(), now - INACTIVE_AFTER)
    report.completion = completion_by_module(report)
    titles = {key: module.title for key, module in zip(keys, report.modules, strict=True)}
    report.questions = question_stats(member_ids, keys, language, titles)
    return report


def translations(model, keys):
    """The live pages with these translation keys, in every language, in tree order."""
    return (
        model.objects.live()
        .filter(translation_key__in=keys)
        .annotate(language_code=F("locale__language_code"))
        .order_by("path")
    )


def choose_language(pages, language):
    """{translation_key: page} in ``language`` when translated, else the first in tree order.

    Like ``services.pages_in_language``, without a query for the locale: the report has a
    query budget. The first in tree order is the default language's, created first.
    """
    chosen = {}
    for page in pages:
        if page.translation_key not in chosen or page.language_code == language:
            chosen[page.translation_key] = page
    return chosen


def learner_cell(enrollment, required_keys, done_keys):
    if enrollment is None:
        return Cell(NOT_STARTED)
    if enrollment.status == Enrollment.COMPLETED:
        completed_on = enrollment.completed_at and timezone.localdate(enrollment.completed_at)
        return Cell(COMPLETED, 100, completed_on)
    done = sum(1 for key in required_keys if key in done_keys)
    return Cell(IN_PROGRESS, round(100 * done / len(required_keys)) if required_keys else 0)


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


def question_stats(member_ids, keys, language, module_titles):
    """Per quiz question: how many attempts answered it and how many were right."""
    tally = defaultdict(lambda: [0, 0])
    course_of = {}
    attempts = QuizAttempt.objects.filter(user__in=member_ids, course_key__in=keys)
    # Only what was right or wrong: the options a learner chose are never read.
    for course_key, lesson_key, results in attempts.values_list(
        "course_key", "lesson_key", "results"
    ):
        course_of[lesson_key] = course_key
        for question_id, right in results.items():
            tally[lesson_key, question_id][0] += 1
            tally[lesson_key, question_id][1] += bool(right)
    stats = []
    lessons = choose_language(translations(LessonPage, list(course_of)), language)
    for lesson_key, lesson in lessons.items():
        quiz = lesson.quiz
        if quiz is None:
            continue
        # Questions since removed from the quiz are left out: there is nothing to revise.
        for question_id, question, _options in questions_of(quiz):
            answered, right = tally.get((lesson_key, question_id), (0, 0))
            if answered:
                module = module_titles[course_of[lesson_key]]
                stats.append(
                    QuestionStats(module, lesson.title, question["question"], answered, right)
                )
    return sorted(stats, key=lambda stat: (stat.percent_right, -stat.answered))


def csv_export(report):
    """The matrix as CSV, with a byte-order mark so spreadsheet software reads it as UTF-8."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(report.table())
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_export(report):
    """The matrix as an Excel workbook: one sheet, a bold header row that stays in view."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Progress")[:31]
    for row in report.table():
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
