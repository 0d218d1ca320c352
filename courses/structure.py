"""Training's structure, cached so that a change reads again only what it changed.

- The modules (``modules()``): every module page, its prerequisites and its version in the
  default language, kept under ``TRAINING``, which a module's publish moves (the catalogue
  lists it) and a lesson's does not.
- A module's lessons (``module_lessons``): the live lessons of each of its versions, one
  query for the modules asked for, each kept under the module's own version
  (``training-module:<its translation key>``, ``home.cache.scoped``), which its lessons'
  changes and its own move: a lesson of another module stays as it was.

``courses/signals.py`` registers both (``home.cache.register_page_scope``), with
``key_of_module`` and ``key_of_lessons_module`` saying which module a page
belongs to. Every value is shared by the
requests of a process and must never be modified.
"""

from collections import namedtuple
from dataclasses import dataclass

from django.db.models import Q

from home.cache import memoized, memoized_many, scoped
from home.locales import default_locale

from .models import CoursePage, CoursePrerequisite, LessonPage

# Training's version, and the family of its modules' own versions.
TRAINING = "training"
MODULE = "training-module"

# The lessons' columns that lists, links and progress need (not their bodies).
LESSON_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "translation_key",
    "estimated_minutes",
    "locale_id",
    "content_type_id",
)
# Modules whose lessons one query reads (each adds a condition: SQLite limits them).
MODULES_PER_QUERY = 50


# What lists of modules filter and page through before reading the modules shown.
ModuleRow = namedtuple(
    "ModuleRow", ["pk", "path", "depth", "translation_key", "locale_id", "theme"]
)


@dataclass(frozen=True)
class Modules:
    """Where the modules are and what decides progress, in two queries of a few columns.

    ``key_at``: path -> translation key and ``paths``: key -> paths, of every module, live
    or not; ``live_at``: path -> key of the live ones; ``canonical``: key -> id and
    ``canonical_paths``: key -> path of its live version in the default language;
    ``prerequisites``: module id -> the translation keys of the modules to complete first;
    ``live``: a ``ModuleRow`` of each live module, in tree order.
    """

    live: list
    key_at: dict
    paths: dict
    live_at: dict
    canonical: dict
    canonical_paths: dict
    prerequisites: dict

    def canonical_id(self, course):
        return self.canonical.get(course.translation_key, course.pk)

    def canonical_path(self, course):
        return self.canonical_paths.get(course.translation_key, course.path)


def _read_modules():
    default = default_locale()
    rows, key_at, paths, live_at, canonical, canonical_paths = [], {}, {}, {}, {}, {}
    columns = ("id", "path", "depth", "translation_key", "locale_id", "theme", "live")
    for *row, live in CoursePage.objects.order_by("path").values_list(*columns):
        page_id, path, _depth, key, locale_id, _theme = row
        key_at[path] = key
        paths.setdefault(key, []).append(path)
        if not live:
            continue
        rows.append(ModuleRow(*row))
        live_at[path] = key
        if locale_id == default.pk:
            canonical[key], canonical_paths[key] = page_id, path
    prerequisites = {}
    for course_id, key in CoursePrerequisite.objects.values_list(
        "course_id", "prerequisite__translation_key"
    ):
        prerequisites.setdefault(course_id, []).append(key)
    return Modules(rows, key_at, paths, live_at, canonical, canonical_paths, prerequisites)


def modules():
    """Where every module is, kept in this process until training's version moves."""
    return memoized("training-modules", compute=_read_modules, versions=(TRAINING,))


def live_modules():
    """{translation key: [its live versions, in tree order]} of every module, whole (the
    catalogue lists them), kept in this process until training's version moves."""

    def read():
        index = {}
        for page in CoursePage.objects.live().order_by("path"):
            index.setdefault(page.translation_key, []).append(page)
        return index

    return memoized("live-modules", compute=read, versions=(TRAINING,))


def module_pages(keys):
    """{module key: [its live versions, in tree order]} for these module keys, each kept
    in this process until its module's version moves: what a lesson shows of its module
    without reading every module."""

    def read(missing):
        found = {key: [] for key in missing}
        for page in CoursePage.objects.live().filter(translation_key__in=missing).order_by("path"):
            found[page.translation_key].append(page)
        return found

    return memoized_many("module-pages", list(dict.fromkeys(keys)), read, versions=module_versions)


def rows_under(catalogue):
    """The ``ModuleRow`` of each live module of a catalogue, in order."""

    def read():
        depth = catalogue.depth + 1
        return [
            row
            for row in modules().live
            if row.depth == depth and row.path.startswith(catalogue.path)
        ]

    return memoized("module-rows", catalogue.pk, compute=read, versions=(TRAINING,))


def pages_of(rows):
    """The live module pages of these rows, in their order (read module by module)."""
    pages = module_pages([row.translation_key for row in rows])
    by_id = {page.pk: page for versions in pages.values() for page in versions}
    return [by_id[row.pk] for row in rows if row.pk in by_id]


def module_at(path):
    """The live module page at this path, or None."""
    key = modules().live_at.get(path)
    if key is None:
        return None
    return next((page for page in module_pages([key])[key] if page.path == path), None)


def key_of_module(page):
    """The translation key of a module page (``register_page_scope``'s parameter, in
    ``courses/signals.py``): the routing's pages hold their path, not their key, and a
    module just created is not among ``modules()`` yet."""
    if page.path is None:
        return None
    return modules().key_at.get(page.path) or page.__dict__.get("translation_key")


def key_of_lessons_module(page):
    """The translation key of the module a lesson page belongs to, or None."""
    if page.path is None:
        return None
    return modules().key_at.get(page.path[: -LessonPage.steplen])


@dataclass(frozen=True)
class ModuleLessons:
    """The live lessons of one module: ``by_path``: module path -> its lessons in order, for
    each of its versions; ``by_key``: lesson key -> its versions."""

    by_path: dict
    by_key: dict


def _read_lessons(keys):
    known = modules()
    parents = {path: key for key in keys for path in known.paths.get(key, ())}
    found = {key: ModuleLessons({}, {}) for key in keys}
    steplen = LessonPage.steplen
    ordered = sorted(parents)
    for start in range(0, len(ordered), MODULES_PER_QUERY):
        condition = Q()
        for path in ordered[start : start + MODULES_PER_QUERY]:
            condition |= Q(path__startswith=path, depth=len(path) // steplen + 1)
        lessons = LessonPage.objects.live().filter(condition).order_by("path")
        for lesson in lessons.only(*LESSON_FIELDS):
            parent = lesson.path[:-steplen]
            module = found[parents[parent]]
            module.by_path.setdefault(parent, []).append(lesson)
            module.by_key.setdefault(lesson.translation_key, []).append(lesson)
    return found


def module_lessons(keys):
    """{module key: ModuleLessons} for these module keys, each kept in this process until
    its module's version moves; the modules not held are read in one query."""
    return memoized_many(
        "module-lessons", list(dict.fromkeys(keys)), _read_lessons, versions=module_versions
    )


def module_versions(key):
    """What is cached about one module reads: its own version (training's when the module
    is not known)."""
    return (TRAINING,) if key is None else (scoped(MODULE, key),)


def lessons_of(course):
    """The live lessons of a module page, in order."""
    module = module_lessons([course.translation_key])[course.translation_key]
    return module.by_path.get(course.path, [])


def required_lessons(courses):
    """{module key: the translation keys of the lessons it requires, in order}: those of
    its version in the default language (else of the page itself)."""
    known = modules()
    lessons = module_lessons([course.translation_key for course in courses])
    return {
        course.translation_key: [
            lesson.translation_key
            for lesson in lessons[course.translation_key].by_path.get(
                known.canonical_path(course), []
            )
        ]
        for course in courses
    }


def lessons_by_key(keys):
    """{lesson key: [its live versions]} for these lesson keys (UUIDs): through the modules
    the lessons were in when training's version last moved (``lesson_modules``), one query
    for the keys not among them."""
    hint = lesson_modules()
    module_of = {key: hint.get(key) for key in keys}
    unknown = [key for key, module in module_of.items() if module is None]
    if unknown:
        known = modules().key_at
        steplen = LessonPage.steplen
        rows = LessonPage.objects.live().filter(translation_key__in=unknown)
        for path, key in rows.values_list("path", "translation_key"):
            module_of[key] = known.get(path[:-steplen])
    lessons = module_lessons({module for module in module_of.values() if module is not None})
    return {
        key: lessons[module].by_key.get(key, [])
        for key, module in module_of.items()
        if module is not None
    }


def lesson_modules():
    """{lesson key: module key} of the live lessons, as they were when training's version
    last moved: where to look for a lesson. A lesson published since is found by a query,
    one unpublished since is not among its module's lessons any more."""

    def read():
        known = modules().key_at
        steplen = LessonPage.steplen
        rows = LessonPage.objects.live().values_list("path", "translation_key")
        return {key: known.get(path[:-steplen]) for path, key in rows}

    return memoized("lesson-modules", compute=read, versions=(TRAINING,))
