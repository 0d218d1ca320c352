"""What training's saves make stale in the caches: its pages (catalogue, modules, lessons)
are a section of their own, with its version (``home.cache``), and each module has a
version of its own within it (``structure``):

- a lesson's publish (or a new lesson, an unpublish, a deletion) moves its module's version
  alone: that module's lessons, and what is cached about its pages, are read again; a
  lesson of another module stays as it was;
- a module's moves its own version and training's: the catalogue lists the modules, and
  the modules, their prerequisites and their default-language versions are read again
  (one process-wide list, two queries);
- a prerequisite's moves training's alone; the catalogue's, or a page with no known module,
  training's and every module's; a move or a new slug, every content version
  (``home.cache``).

Nothing of the site's or of practice analysis moves."""

from home.cache import (
    app_page_models,
    register_invalidation,
    register_page_scope,
    register_version,
)

from .models import (
    Certificate,
    Cohort,
    CoursePage,
    CoursePrerequisite,
    Enrollment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    ReflectionNote,
)
from .structure import MODULE, TRAINING, key_of_lessons_module, key_of_module

register_version(TRAINING)
register_version(MODULE)
register_invalidation(*app_page_models("courses"), CoursePrerequisite, version=TRAINING)
register_page_scope(CoursePage, family=MODULE, parameter=key_of_module, listed=True)
register_page_scope(LessonPage, family=MODULE, parameter=key_of_lessons_module)
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
