"""Create the demo modules of ``courses.demo_content`` in French and English (idempotent)."""

from django.db import transaction

from wagtail.models import Locale

from home.site_tree import section_pages

from .content import publish_translation, raw_stream
from .demo_content import MODULES
from .models import CoursePage, CoursePrerequisite, LessonPage


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
        # Modules come after their prerequisites in MODULES.
        for spec in MODULES:
            course = CoursePage.objects.child_of(catalogue).filter(slug=spec["slug"]["fr"]).first()
            if course is None:
                prerequisites = [pages[key] for key in spec["prerequisites"]]
                course = self.create_module(catalogue, spec, en, prerequisites)
            pages[spec["key"]] = course

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
