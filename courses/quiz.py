"""Grading a quiz attempt: strict about the input, gentle about the result.

The browser only ever receives question and answer ids and texts; which answers are
correct stays on the server until the learner has submitted.

The pass rule (``passes``): the module's pass mark (70 % unless it says otherwise), and in
any case one slip is allowed once a quiz has three questions or more. A quiz checks that
the lesson was understood, not that nothing was missed: with three questions a pass mark
of 70 % would fail one slip (2/3 is 67 %), which teaches nothing the explanations do not.
One or two questions must all be right (one slip would be half of the quiz).
"""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .blocks import MULTIPLE
from .models import Enrollment, QuizAttempt
from .services import LearningRefused, complete_lesson, require_learning


class InvalidAnswers(LearningRefused):
    """The submitted form does not match the quiz (tampered, stale or incomplete)."""


@dataclass
class Grade:
    answers: dict
    results: dict
    score: int


# From this many questions, one answer to review never fails the quiz.
ONE_SLIP_FROM = 3


def passes(right, total, pass_mark):
    """Whether ``right`` answers out of ``total`` pass, with the module's ``pass_mark`` (%)."""
    if total == 0:
        return False
    if total >= ONE_SLIP_FROM and total - right <= 1:
        return True
    return 100 * right >= pass_mark * total


def right_needed(total, pass_mark):
    """How many right answers out of ``total`` pass: what the quiz tells the learner."""
    return next((right for right in range(total + 1) if passes(right, total, pass_mark)), total)


def questions_of(quiz):
    """[(question id, question value, {option id: option value})] of a bound quiz block."""
    return [
        (
            question.id,
            question.value,
            {option.id: option.value for option in question.value["options"].bound_blocks},
        )
        for question in quiz.value["questions"].bound_blocks
    ]


def grade(quiz, submitted):
    """Check and grade ``submitted`` ({question id: [option ids]}) against the quiz."""
    questions = questions_of(quiz)
    unknown = set(submitted) - {question_id for question_id, _q, _o in questions}
    if unknown:
        raise InvalidAnswers(_("The form does not match this quiz any more. Please reload it."))
    answers, results = {}, {}
    for question_id, question, options in questions:
        chosen = submitted.get(question_id) or []
        if not chosen:
            raise InvalidAnswers(_("Please answer every question before checking."))
        if len(set(chosen)) != len(chosen) or not set(chosen) <= set(options):
            raise InvalidAnswers(_("The form does not match this quiz any more. Please reload it."))
        if question["kind"] != MULTIPLE and len(chosen) != 1:
            raise InvalidAnswers(_("Choose one answer for each single-choice question."))
        correct = {option_id for option_id, option in options.items() if option["is_correct"]}
        answers[question_id] = sorted(chosen)
        results[question_id] = set(chosen) == correct
    score = round(100 * sum(results.values()) / len(results)) if results else 0
    return Grade(answers=answers, results=results, score=score)


def submitted_answers(post, quiz):
    """Read {question id: [option ids]} from a POST, for the questions of this quiz only."""
    answers = {}
    for key in post:
        if key.startswith("q-"):
            answers[key[2:]] = post.getlist(key)
    return answers


def attempts_left(user, course, lesson):
    if course.max_quiz_attempts is None:
        return None
    used = QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key).count()
    return max(course.max_quiz_attempts - used, 0)


def submit_attempt(user, course, lesson, post):
    """Record one attempt and, when it passes, complete the lesson. Returns the attempt."""
    require_learning(user, course)
    quiz = lesson.quiz
    if quiz is None:
        raise InvalidAnswers(_("This lesson has no quiz."))
    submission = parse_uuid(post.get("submission"))
    if submission is None:
        raise InvalidAnswers(_("The form does not match this quiz any more. Please reload it."))
    existing = QuizAttempt.objects.filter(user=user, submission=submission).first()
    if existing is not None:  # the same form sent twice: one attempt only
        return existing
    if attempts_left(user, course, lesson) == 0:
        raise LearningRefused(
            _("You have used every attempt for this quiz. A trainer can help you go further.")
        )
    result = grade(quiz, submitted_answers(post, quiz))
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=user,
                course_key=course.translation_key,
                lesson_key=lesson.translation_key,
                quiz_id=quiz.id,
                answers=result.answers,
                results=result.results,
                score=result.score,
                passed=passes(sum(result.results.values()), len(result.results), course.pass_mark),
                submission=submission,
            )
    except IntegrityError:
        return QuizAttempt.objects.get(user=user, submission=submission)
    if attempt.passed:
        complete_lesson(user, course, lesson)
    else:  # trying counts as activity for the cohort report
        Enrollment.objects.filter(user=user, course_key=course.translation_key).update(
            last_activity_at=timezone.now()
        )
    return attempt


def parse_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
