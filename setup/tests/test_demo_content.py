"""The demo modules' data files (``setup/demo/modules/``): every module reads in French and
English with the same structure and no missing text, Wagtail accepts each lesson as it is
written, and a slip in a file is refused with the file's name and the place of the mistake."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug

import pytest

from courses.content import raw_stream
from courses.models import THEMES, LessonPage
from setup.demo.content import FOLDER, LANGUAGES, DemoContentError, fold, load_modules, read
from setup.demo.courses import COHORT_MODULES, COHORT_PROGRESS

KEYS = read(FOLDER / "index.toml")["modules"]


@pytest.fixture(scope="module")
def modules():
    """The modules as seed_demo reads them (a file it cannot read fails each test here)."""
    return {module["key"]: module for module in load_modules()}


def version(value, language):
    """The module as one language sees it: each ``{"fr": …, "en": …}`` replaced by its text."""
    if isinstance(value, dict) and set(value) == set(LANGUAGES):
        return value[language]
    if isinstance(value, dict):
        return {name: version(item, language) for name, item in value.items()}
    if isinstance(value, list):
        return [version(item, language) for item in value]
    return value


def outline(stream):
    """A lesson stream as its block types, with the number of key points and, for a quiz,
    of answers to each question: what a translation must keep."""
    result = []
    for kind, value in stream or []:
        if kind == "key_points":
            kind = f"key_points({len(value['points'])})"
        elif kind == "quiz":
            kind = f"quiz{[len(question['options']) for question in value['questions']]}"
        result.append(kind)
    return result


def shape(value):
    """Everything but the wording: texts become ``str``, other values stay."""
    if isinstance(value, str):
        return str
    if isinstance(value, tuple):  # a block: its type counts
        return (value[0], shape(value[1]))
    if isinstance(value, dict):
        return {name: shape(item) for name, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return value


def texts(value, where=""):
    """Every text of a module in one language, with where it is."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, tuple):
        yield from texts(value[1], f"{where}({value[0]})")
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from texts(item, f"{where}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from texts(item, f"{where}[{index}]")


def test_every_module_file_is_listed_in_the_index_in_order(modules):
    files = {path.stem for path in FOLDER.glob("*.toml")} - {"index"}

    assert list(modules) == KEYS
    assert set(KEYS) == files
    for position, key in enumerate(KEYS):
        assert set(modules[key]["prerequisites"]) <= set(KEYS[:position])


@pytest.mark.parametrize("key", KEYS)
def test_french_and_english_have_the_same_structure(modules, key):
    french, english = (version(modules[key], language) for language in LANGUAGES)

    assert len(french["lessons"]) == len(english["lessons"])
    for lesson_fr, lesson_en in zip(french["lessons"], english["lessons"], strict=True):
        assert outline(lesson_fr["body"]) == outline(lesson_en["body"])
        assert outline(lesson_fr.get("easy_read")) == outline(lesson_en.get("easy_read"))
    assert len(french["objectives"]) == len(english["objectives"])
    assert shape(french) == shape(english)


OPTIONAL_TEXTS = ("content_note", "attribution", "explanation", "introduction")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", KEYS)
def test_no_required_text_is_empty(modules, key, language):
    module = version(modules[key], language)
    empty = [
        where
        for where, text in texts(module)
        if not text.strip() and not where.endswith(OPTIONAL_TEXTS)
    ]

    assert empty == []
    assert module["objectives"] and all(lesson["body"] for lesson in module["lessons"])
    # A content note is there in both languages or in neither.
    assert bool(modules[key]["content_note"]["fr"]) == bool(modules[key]["content_note"]["en"])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", KEYS)
def test_wagtail_accepts_every_lesson_as_written(modules, key, language):
    """Required fields, known block types and kinds, one right answer where one is asked:
    the lesson blocks' own rules, as an editor saving the page would meet them."""
    streams = {
        "body": LessonPage._meta.get_field("body").stream_block,
        "easy_read": LessonPage._meta.get_field("easy_read_body").stream_block,
    }

    refused = {}
    for number, lesson in enumerate(modules[key]["lessons"], start=1):
        for name, stream in streams.items():
            blocks = lesson.get(name, {}).get(language, [])
            try:
                stream.clean(stream.to_python(raw_stream(blocks, "test")))
            except ValidationError as error:
                refused[f"lesson {number} {name}"] = error.as_json_data()
    assert refused == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_have_valid_and_distinct_addresses(modules, language):
    slugs = [module["slug"][language] for module in modules.values()]
    for module in modules.values():
        lesson_slugs = [lesson["slug"][language] for lesson in module["lessons"]]
        assert len(set(lesson_slugs)) == len(lesson_slugs)
        slugs += lesson_slugs

    for slug in slugs:
        validate_unicode_slug(slug)
    assert len(set(slugs[: len(modules)])) == len(modules)


@pytest.mark.parametrize("key", KEYS)
def test_module_settings_are_ones_the_catalogue_knows(modules, key):
    module = modules[key]

    assert module["theme"] in dict(THEMES)
    assert 0 < module["pass_mark"] <= 100
    assert module["duration_minutes"] > 0
    assert module["max_quiz_attempts"] is None or module["max_quiz_attempts"] > 0
    assert all(lesson["estimated_minutes"] > 0 for lesson in module["lessons"])


def test_the_demo_cohort_names_modules_that_exist(modules):
    assert set(COHORT_MODULES) | {key for _, key, _, _ in COHORT_PROGRESS} <= set(modules)


# The loader ---------------------------------------------------------------------------------

MODULE = """\
title.fr = "Module"
title.en = "Module"
slug.fr = "module"
slug.en = "module"
theme = "recovery"
duration_minutes = 10
{prerequisites}
pass_mark = 70
issues_certificate = true
summary.fr = "<p>Résumé</p>"
summary.en = "<p>Summary</p>"
objectives.fr = ["Un objectif."]
objectives.en = ["One objective."]
audience.fr = "Tout le monde."
audience.en = "Everyone."
easy_read_summary.fr = "<p>Facile.</p>"
easy_read_summary.en = "<p>Easy.</p>"

[[lessons]]
title.fr = "Leçon"
title.en = "Lesson"
slug.fr = "lecon"
slug.en = "lesson"
estimated_minutes = 5

[[lessons.body]]
type = "paragraph"
{paragraph}
"""
PARAGRAPH = (
    'text.fr = """\n<p>Une ligne\net la suite.</p>\n<p>Puis.</p>\n"""\ntext.en = "<p>One</p>"'
)


def write(folder, modules, **files):
    (folder / "index.toml").write_text(f"modules = {modules!r}\n".replace("'", '"'))
    for name, text in files.items():
        (folder / f"{name}.toml").write_text(text)
    return folder


def module_file(paragraph=PARAGRAPH, prerequisites=""):
    return MODULE.format(paragraph=paragraph, prerequisites=prerequisites)


def test_a_minimal_module_reads_as_the_seeders_take_it(tmp_path):
    (module,) = load_modules(write(tmp_path, ["first"], first=module_file()))

    assert module["key"] == "first"
    assert module["content_note"] == {"fr": "", "en": ""}
    assert module["prerequisites"] == [] and module["max_quiz_attempts"] is None
    assert module["lessons"][0]["body"] == {
        "fr": [("paragraph", "<p>Une ligne et la suite.</p><p>Puis.</p>")],
        "en": [("paragraph", "<p>One</p>")],
    }
    assert "easy_read" not in module["lessons"][0]


@pytest.mark.parametrize(
    ("paragraph", "message"),
    [
        ('text.fr = "<p>Seul</p>"', "first.toml, lesson 1, body block 1 (paragraph): text needs"),
        (
            'txt.fr = "a"\ntxt.en = "b"',
            "first.toml, lesson 1, body block 1 (paragraph): unknown txt",
        ),
        ('text.fr = "a"\ntext.en = "b"\n[[lessons.body]]\ntype = "poem"', "block 2 (poem): type"),
        ('text.fr = "a"\ntext.en = "b\n', "first.toml: "),  # a quote left open
    ],
)
def test_a_mistake_is_refused_with_the_file_and_the_place(tmp_path, paragraph, message):
    folder = write(tmp_path, ["first"], first=module_file(paragraph))

    with pytest.raises(DemoContentError, match=re.escape(message)):
        load_modules(folder)


def test_a_field_with_the_wrong_kind_of_value_is_refused(tmp_path):
    folder = write(tmp_path, ["first"], first=module_file().replace("= 70", '= "70"'))

    message = "first.toml: pass_mark must be a whole number"
    with pytest.raises(DemoContentError, match=re.escape(message)):
        load_modules(folder)


def test_a_module_file_missing_from_the_index_is_refused(tmp_path):
    folder = write(tmp_path, ["first"], first=module_file(), second=module_file())

    with pytest.raises(DemoContentError, match=re.escape("index.toml: add second")):
        load_modules(folder)


def test_a_prerequisite_must_come_first(tmp_path):
    folder = write(
        tmp_path,
        ["first", "second"],
        first=module_file(prerequisites='prerequisites = ["second"]'),
        second=module_file(),
    )

    message = "first.toml: its prerequisites second must come before it"
    with pytest.raises(DemoContentError, match=re.escape(message)):
        load_modules(folder)


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("One line, as it is.", "One line, as it is."),
        ("\nA sentence\n  broken in two.\n", "A sentence broken in two."),
        ("\n<p>One.</p>\n\n<p>Two.</p>\n", "<p>One.</p><p>Two.</p>"),
        ("\n<ul>\n  <li>a\n      b</li>\n  <li>c</li>\n</ul>\n", "<ul><li>a b</li><li>c</li></ul>"),
        ("\n<p>Un <b>mot</b>\n<i>puis</i>\u00a0!</p>\n", "<p>Un <b>mot</b> <i>puis</i>\u00a0!</p>"),
    ],
)
def test_line_breaks_are_only_for_reading(written, read_as):
    assert fold(written) == read_as
