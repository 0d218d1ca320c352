"""Factories for training tests: a module with lessons (one with a quiz), in fr and en."""

from wagtail.models import Locale

from .content import publish_translation, raw_stream
from .models import CoursePage, CoursePrerequisite, LessonPage

QUIZ = (
    "quiz",
    {
        "title": "Vérifier",
        "introduction": "",
        "questions": [
            {
                "kind": "single",
                "question": "Que fait un·e pair-aidant·e face à un risque suicidaire ?",
                "options": [
                    {
                        "text": "Écoute et passe le relais",
                        "is_correct": True,
                        "explanation": "Oui.",
                    },
                    {"text": "Garde le secret", "is_correct": False, "explanation": "Non."},
                    {"text": "Pose un diagnostic", "is_correct": False, "explanation": "Non."},
                ],
            },
            {
                "kind": "multiple",
                "question": "Quels numéros appeler ?",
                "options": [
                    {"text": "3114", "is_correct": True, "explanation": "Prévention du suicide."},
                    {"text": "15", "is_correct": True, "explanation": "SAMU."},
                    {"text": "3615", "is_correct": False, "explanation": "Non."},
                ],
            },
            {
                "kind": "true_false",
                "question": "On peut réessayer ce quiz.",
                "options": [
                    {"text": "Vrai", "is_correct": True, "explanation": "Autant de fois."},
                    {"text": "Faux", "is_correct": False, "explanation": "Si, on peut."},
                ],
            },
        ],
    },
)


def lesson_body(with_quiz=False, reflection=True):
    blocks = [("heading", "Écouter"), ("paragraph", "<p>Écouter sans juger.</p>")]
    if reflection:
        blocks.append(("reflection", {"prompt": "Quand vous êtes-vous senti·e écouté·e ?"}))
    if with_quiz:
        blocks.append(QUIZ)
    return blocks


def make_course(
    catalogue,
    title="Module d'essai",
    lessons=3,
    quiz_on_last=True,
    translate=True,
    prerequisites=(),
    **fields,
):
    """A published module under ``catalogue`` with ``lessons`` lessons; English too if asked."""
    defaults = {
        "summary": "<p>Un module court.</p>",
        "objectives": "<ul><li>Comprendre</li></ul>",
        "audience": "Pair-aidant·e·s",
        "duration_minutes": 30,
        "theme": "role",
    }
    course = CoursePage(title=title, **{**defaults, **fields})
    course.prerequisite_links = [CoursePrerequisite(prerequisite=p) for p in prerequisites]
    catalogue.add_child(instance=course)
    course.save_revision().publish()
    en = Locale.objects.get(language_code="en")
    if translate:
        publish_translation(course, en, {"title": f"{title} (en)", "slug": f"{course.slug}-en"})
    for index in range(lessons):
        with_quiz = quiz_on_last and index == lessons - 1
        prefix = f"{course.slug}/{index}"
        lesson = LessonPage(
            title=f"Leçon {index + 1}",
            estimated_minutes=10,
            body=raw_stream(lesson_body(with_quiz), prefix),
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        if translate:
            publish_translation(
                lesson, en, {"title": f"Lesson {index + 1}", "slug": f"{lesson.slug}-en"}
            )
    return course


def lessons_of(course):
    return list(LessonPage.objects.child_of(course).live().order_by("path"))


def right_answers(lesson):
    """POST data answering the lesson's quiz correctly."""
    data = {}
    for question in lesson.quiz.value["questions"].bound_blocks:
        data[f"q-{question.id}"] = [
            option.id
            for option in question.value["options"].bound_blocks
            if option.value["is_correct"]
        ]
    return data


def wrong_answers(lesson):
    data = {}
    for question in lesson.quiz.value["questions"].bound_blocks:
        wrong = [
            option.id
            for option in question.value["options"].bound_blocks
            if not option.value["is_correct"]
        ]
        data[f"q-{question.id}"] = wrong[:1]
    return data
