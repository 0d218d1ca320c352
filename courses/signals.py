"""What training's saves make stale in the caches: its pages (catalogue, modules, lessons)
are a section of their own, with its version (``home.cache``): the training structure,
the live modules and lessons (``courses.services``), the routes, restrictions and rendered
bodies of its pages read it, and nothing of the site's or of practice analysis does."""

from home.cache import app_page_models, register_invalidation, register_version

from .models import (
    Certificate,
    Cohort,
    CoursePrerequisite,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    ReflectionNote,
)
from .services import TRAINING

register_version(TRAINING)
register_invalidation(*app_page_models("courses"), CoursePrerequisite, version=TRAINING)
# Learners' own rows and cohorts are read for each request, never kept under a version.
register_invalidation(
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    ReflectionNote,
    Certificate,
    Cohort,
    version=None,
)
