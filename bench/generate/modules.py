"""Training modules: N modules of 8 lessons in French, with their English translations
(same translation keys, under the English catalogue, as ``copy_for_translation`` makes
them), from the demo modules' real texts; lessons 3 and 7 of each module have a quiz."""

from wagtail.models import Locale

from .pages import add_children


def numbered(fields, number):
    fields = dict(fields)
    fields["title"] = f"{fields['title']} ({number + 1})"
    fields["slug"] = f"{fields['slug']}-{number + 1}"
    return fields


def lesson_pools():
    """(lessons without a quiz, lessons with one) of the demo modules, as (spec, index)."""
    from setup.demo.content import MODULES

    def has_quiz(lesson):
        return any(block[0] == "quiz" for block in lesson["body"]["fr"])

    pairs = [(spec, i) for spec in MODULES for i, _lesson in enumerate(spec["lessons"])]
    plain = [(spec, i) for spec, i in pairs if not has_quiz(spec["lessons"][i])]
    with_quiz = [(spec, i) for spec, i in pairs if has_quiz(spec["lessons"][i])]
    return plain, with_quiz


def make_modules(scale, clock):
    """[(French module, [its French lessons])], all published in both languages."""
    from courses.models import CoursePage, LessonPage
    from setup.demo.content import MODULES
    from setup.demo.courses import course_fields, lesson_fields
    from setup.site_tree import section_pages

    catalogues = {page.locale.language_code: page for page in section_pages("courses")}
    locales = {code: Locale.objects.get(language_code=code) for code in ("fr", "en")}
    plain, with_quiz = lesson_pools()
    count = scale["modules"]
    specs = [MODULES[number % len(MODULES)] for number in range(count)]
    courses = {}
    for language in ("fr", "en"):
        pages = []
        for number, spec in enumerate(specs):
            page = CoursePage(**numbered(course_fields(spec, language), number))
            page.locale_id = locales[language].pk
            if language == "en":
                page.translation_key = courses["fr"][number].translation_key
            pages.append(page)
        courses[language] = add_children(catalogues[language], pages)
    clock.step(f"{count} modules (fr + en)")

    per_module = scale["lessons_per_module"]
    lessons = {"fr": [], "en": []}
    for number, _spec in enumerate(specs):
        key = f"bench-{number:02d}"
        for language in ("fr", "en"):
            pages = []
            for index in range(per_module):
                pool = with_quiz if index in scale["quiz_lessons"] else plain
                source, source_index = pool[(number * 8 + index) % len(pool)]
                fields = lesson_fields(source["lessons"][source_index], key, index, language)
                page = LessonPage(**numbered(fields, index))
                page.locale_id = locales[language].pk
                if language == "en":
                    page.translation_key = lessons["fr"][number][index].translation_key
                pages.append(page)
            lessons[language].append(add_children(courses[language][number], pages))
        if number % 50 == 49 or number == count - 1:
            clock.step(f"lessons of modules up to {number + 1} (fr + en, {per_module} each)")
    assert CoursePage.objects.live().count() == 2 * count
    assert LessonPage.objects.live().count() == 2 * count * per_module
    return list(zip(courses["fr"], lessons["fr"], strict=True))
