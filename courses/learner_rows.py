"""What a lesson shows of its learner — enrolments, lessons done, quiz attempts, notes —
and what the catalogue shows (``catalogue_rows``), read in one query (the tables' rows,
UNION ALL) instead of one per table: each query costs the ORM's work and, on PostgreSQL,
a round trip with its parse and plan.

Every branch gives the same columns, typed alike (an empty one is a NULL cast to the
column's type, which PostgreSQL's UNION needs; the first branch's types convert the values
of all); each row says which table it comes from, and becomes the instance the
plain query would have given (``Model.from_db``).
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Value
from django.db.models.functions import Cast

from home.prepared import Prepared
from privacy.fields import EncryptedTextField

from .models import Enrollment, LessonCompletion, QuizAttempt, ReflectionNote

ENROLLMENT, DONE, ATTEMPT, NOTE = range(4)

# The columns of every branch, in order, and how the first branch types the empty ones.
COLUMNS = {
    "kind": models.IntegerField(),
    "pk": models.IntegerField(),
    "key": models.UUIDField(),
    "course_key": models.UUIDField(),
    "label": models.CharField(),
    "text": EncryptedTextField(),
    "number": models.IntegerField(),
    "flag": models.BooleanField(),
    "at": models.DateTimeField(),
    "at_2": models.DateTimeField(),
    "at_3": models.DateTimeField(),
    "json": models.JSONField(),
    "json_2": models.JSONField(),
    "token": models.UUIDField(),
}

# For each table, its fields in the columns above (the others are empty).
SOURCES = {
    ENROLLMENT: (
        Enrollment,
        {
            "pk": "id",
            "key": "course_key",
            "label": "status",
            "at": "enrolled_at",
            "at_2": "last_activity_at",
            "at_3": "completed_at",
        },
    ),
    DONE: (LessonCompletion, {"pk": "id", "key": "lesson_key", "course_key": "course_key"}),
    ATTEMPT: (
        QuizAttempt,
        {
            "pk": "id",
            "key": "lesson_key",
            "course_key": "course_key",
            "label": "quiz_id",
            "number": "score",
            "flag": "passed",
            "at": "submitted_at",
            "json": "answers",
            "json_2": "results",
            "token": "submission",
        },
    ),
    NOTE: (
        ReflectionNote,
        {
            "pk": "id",
            "key": "lesson_key",
            "course_key": "course_key",
            "label": "block_id",
            "text": "text",
            "at": "updated_at",
        },
    ),
}


@dataclass
class LearnerRows:
    """A learner's rows for one lesson: as the four plain queries would give them."""

    enrollments: list = field(default_factory=list)
    done: set = field(default_factory=set)  # lesson keys
    attempts: list = field(default_factory=list)  # latest first
    notes: list = field(default_factory=list)


def _branch(kind, queryset):
    names = SOURCES[kind][1]
    columns = []
    for column, output_field in COLUMNS.items():
        if column == "kind":
            columns.append(Value(kind, output_field=output_field))
        elif column in names:
            columns.append(names[column])
        else:
            columns.append(Cast(Value(None), output_field))
    return queryset.order_by().values_list(*columns)


def _query(attempts, notes):
    """The learner's rows: enrolments in some modules, lessons done in the first, and for
    one lesson, quiz attempts and notes when asked."""

    def build(user_id, course_keys, lesson_key=None):
        done = LessonCompletion.objects.filter(user_id=user_id, course_key=course_keys[0])
        branches = [_branch(DONE, done)]
        if attempts:
            query = QuizAttempt.objects.filter(user_id=user_id, lesson_key=lesson_key)
            branches.append(_branch(ATTEMPT, query))
        if notes:
            query = ReflectionNote.objects.filter(user_id=user_id, lesson_key=lesson_key)
            branches.append(_branch(NOTE, query))
        enrollments = Enrollment.objects.filter(user_id=user_id, course_key__in=course_keys)
        return _branch(ENROLLMENT, enrollments).union(*branches, all=True)

    return Prepared(build)


# Written by the ORM once per process (``home.prepared``): the four combinations.
QUERIES = {
    (attempts, notes): _query(attempts, notes)
    for attempts in (False, True)
    for notes in (False, True)
}


def learner_rows(user_id, course_keys, lesson_key=None, *, attempts=False, notes=False):
    """The learner's enrolments in ``course_keys``, the lessons they did in the first of
    them, and, for ``lesson_key``, their quiz attempts and notes (when asked): one query."""
    query = QUERIES[bool(attempts), bool(notes)]
    lesson = [lesson_key] if attempts or notes else []
    return _learner_rows(user_id, query.rows(user_id, list(course_keys), *lesson))


def _catalogue_query(user_id):
    under_way = Enrollment.objects.filter(
        user_id=user_id, status__in=[Enrollment.ACTIVE, Enrollment.PAUSED]
    ).values("course_key")
    done = LessonCompletion.objects.filter(user_id=user_id, course_key__in=under_way)
    enrollments = Enrollment.objects.filter(user_id=user_id)
    return _branch(ENROLLMENT, enrollments).union(_branch(DONE, done), all=True)


CATALOGUE_QUERY = Prepared(_catalogue_query)


def catalogue_rows(user_id):
    """Every enrolment of the learner and the lessons they did in the modules under way
    (active or paused: the only ones whose progress the catalogue shows), in one query
    whatever the page shown (the status filter needs the enrolments before the page)."""
    return _learner_rows(user_id, CATALOGUE_QUERY.rows(user_id))


def _learner_rows(user_id, query_rows):
    """The union's rows as the instances (and lesson keys) the plain queries would give."""
    alias = Enrollment.objects.db
    rows = LearnerRows()
    names = list(COLUMNS)
    for row in query_rows:
        values = dict(zip(names, row, strict=True))
        kind = values["kind"]
        if kind == DONE:
            rows.done.add(values["key"])
            continue
        model, columns = SOURCES[kind]
        fields = {"user_id": user_id} | {name: values[column] for column, name in columns.items()}
        attnames = [item.attname for item in model._meta.concrete_fields]
        instance = model.from_db(alias, attnames, [fields[name] for name in attnames])
        {ENROLLMENT: rows.enrollments, ATTEMPT: rows.attempts, NOTE: rows.notes}[kind].append(
            instance
        )
    # The plain query's order (QuizAttempt.Meta.ordering).
    rows.attempts.sort(key=lambda attempt: (attempt.submitted_at, attempt.pk), reverse=True)
    return rows
