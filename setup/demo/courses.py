"""Create the demo modules (the data files of ``setup/demo/modules/``, read by
``setup.demo.content``) in French and English, and a demo cohort whose learners have made some
progress (idempotent)."""

import uuid
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import QueryDict

from wagtail.log_actions import log
from wagtail.models import Locale

from courses import services
from courses.content import publish_translation, raw_stream
from courses.models import Cohort, CoursePage, CoursePrerequisite, Enrollment, LessonPage
from courses.quiz import submit_attempt
from setup.site_tree import section_pages

from .content import load_modules

DEMO_COHORT = {
    "name": "Promotion automne 2026",
    "description": "Parcours d'accueil des nouvelles et nouveaux pair-aidant·e·s, "
    "le mardi après-midi au local de l'association.",
    "start_date": date(2026, 9, 15),
    "end_date": date(2026, 12, 15),
}
COHORT_CREATED_BY = "emma"
COHORT_TRAINERS = ["chloe"]
COHORT_MEMBERS = ["alice", "bruno", "gabriel"]  # gabriel has not started yet
COHORT_MODULES = ["recovery", "peer_role", "confidentiality"]
# (learner, module, lessons completed before the quiz, quiz attempts in order)
COHORT_PROGRESS = [
    ("alice", "recovery", 2, ["failed", "passed"]),
    ("alice", "peer_role", 1, []),
    ("bruno", "recovery", 2, []),
    ("bruno", "confidentiality", 1, []),
]


def objectives_html(objectives):
    return "<ul>" + "".join(f"<li>{objective}</li>" for objective in objectives) + "</ul>"


def course_fields(spec, language):
    return {
        "title": spec["title"][language],
        "slug": spec["slug"][language],
        "summary": spec["summary"][language],
        "objectives": objectives_html(spec["objectives"][language]),
        "audience": spec["audience"][language],
        "content_note": spec["content_note"][language],
        "easy_read_summary": spec["easy_read_summary"][language],
        "theme": spec["theme"],
        "duration_minutes": spec["duration_minutes"],
        "pass_mark": spec["pass_mark"],
        "max_quiz_attempts": spec["max_quiz_attempts"],
        "issues_certificate": spec["issues_certificate"],
    }


def lesson_fields(spec, module_key, index, language):
    prefix = f"{module_key}/{index}"
    easy_read = spec.get("easy_read", {}).get(language) or []
    return {
        "title": spec["title"][language],
        "slug": spec["slug"][language],
        "estimated_minutes": spec["estimated_minutes"],
        "body": raw_stream(spec["body"][language], f"{prefix}/body"),
        "easy_read_body": raw_stream(easy_read, f"{prefix}/easy"),
    }


class CourseSeeder:
    def __init__(self, note):
        self.note = note

    @transaction.atomic
    def run(self):
        catalogue = section_pages("courses")[0]
        en = Locale.objects.get(language_code="en")
        pages = {}
        # Modules come after their prerequisites (the loader checks it).
        for spec in load_modules():
            course = CoursePage.objects.child_of(catalogue).filter(slug=spec["slug"]["fr"]).first()
            if course is None:
                prerequisites = [pages[key] for key in spec["prerequisites"]]
                course = self.create_module(catalogue, spec, en, prerequisites)
            pages[spec["key"]] = course
        self.ensure_cohort(pages)

    def create_module(self, catalogue, spec, en, prerequisites):
        course = CoursePage(**course_fields(spec, "fr"))
        course.prerequisite_links = [CoursePrerequisite(prerequisite=p) for p in prerequisites]
        catalogue.add_child(instance=course)
        course.save_revision().publish()
        publish_translation(course, en, course_fields(spec, "en"), prerequisites)
        for index, lesson_spec in enumerate(spec["lessons"]):
            lesson = course.add_child(
                instance=LessonPage(**lesson_fields(lesson_spec, spec["key"], index, "fr"))
            )
            lesson.save_revision().publish()
            publish_translation(lesson, en, lesson_fields(lesson_spec, spec["key"], index, "en"))
        self.note(f"module {spec['key']} ({len(spec['lessons'])} lessons, fr and en)")
        return course

    def ensure_cohort(self, pages):
        """The demo cohort, created by a coordinator, with some progress for two learners."""
        if Cohort.objects.filter(name=DEMO_COHORT["name"]).exists():
            return
        names = [COHORT_CREATED_BY, *COHORT_TRAINERS, *COHORT_MEMBERS]
        users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
        cohort = Cohort.objects.create(**DEMO_COHORT)
        cohort.modules.set([pages[key] for key in COHORT_MODULES])
        cohort.trainers.set([users[name] for name in COHORT_TRAINERS])
        cohort.members.set([users[name] for name in COHORT_MEMBERS])
        log(cohort, "wagtail.create", user=users[COHORT_CREATED_BY], content_changed=True)
        self.note(f"cohort {cohort.name}")
        for username, key, lessons_done, attempts in COHORT_PROGRESS:
            self.make_progress(users[username], pages[key], lessons_done, attempts)

    def make_progress(self, user, course, lessons_done, attempts):
        """Progress made the way a learner makes it, unless they already started the module."""
        if Enrollment.objects.filter(user=user, course_key=course.translation_key).exists():
            return
        services.enrol(user, course)
        *lessons, last = LessonPage.objects.child_of(course).live().order_by("path")
        for lesson in lessons[:lessons_done]:
            services.complete_lesson(user, course, lesson)
        for outcome in attempts:
            submit_attempt(user, course, last, demo_answers(last.quiz, outcome == "passed"))
        self.note(f"progress of {user.username} in {course.slug}")


def demo_answers(quiz, passing):
    """Quiz form data: every answer right, or the first two questions answered wrongly."""
    post = QueryDict(mutable=True)
    for index, question in enumerate(quiz.value["questions"].bound_blocks):
        options = question.value["options"].bound_blocks
        wrong = not passing and index < 2
        chosen = [o.id for o in options if o.value["is_correct"] != wrong]
        post.setlist(f"q-{question.id}", chosen[:1] if wrong else chosen)
    post["submission"] = str(uuid.uuid4())
    return post
