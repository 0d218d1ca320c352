"""The demo training modules, read from their data files in ``setup/demo/modules/``.

One TOML file per module, written for an editor who does not program: each text in French
with its English just below, rich text as whole HTML over several lines (the comments at the
top of each file explain the fields); ``index.toml`` gives their order, prerequisites first.
``load_modules()`` (or ``MODULES``, read once on first use) gives them as the seeders take
them: texts as ``{"fr": …, "en": …}``, lesson streams as lists of ``(block type, value)`` per
language. A slip in a file fails seed_demo with the file's name and the place of the mistake,
rather than building half a module.
"""

import copy
import functools
import re
import tomllib
from pathlib import Path
from typing import NamedTuple

FOLDER = Path(__file__).with_name("modules")
LANGUAGES = ("fr", "en")
TEXT, TEXTS = "text", "texts"


class Optional(NamedTuple):
    """A field an editor may leave out: then an empty text, or the default given."""

    how: object
    default: object = None


# How each field is written: TEXT in both languages, TEXTS a list in both languages, a type
# (str, int, bool, list) one value for both languages, [schema] a list of [[tables]].
OPTION = {"text": TEXT, "is_correct": bool, "explanation": Optional(TEXT)}
QUESTION = {"kind": str, "question": TEXT, "options": [OPTION]}
TEXT_ONLY = ("heading", "paragraph")  # their value is their text alone
BLOCKS = {
    "heading": {"text": TEXT},
    "paragraph": {"text": TEXT},
    "callout": {"kind": str, "text": TEXT},
    "testimony": {"quote": TEXT, "attribution": Optional(TEXT)},
    "key_points": {"title": Optional(TEXT), "points": TEXTS},
    "reflection": {"prompt": TEXT},
    "quiz": {"title": Optional(TEXT), "introduction": Optional(TEXT), "questions": [QUESTION]},
}
LESSON = {"slug": TEXT, "title": TEXT, "estimated_minutes": int}
MODULE = {
    "slug": TEXT,
    "title": TEXT,
    "theme": str,
    "duration_minutes": int,
    "summary": TEXT,
    "objectives": TEXTS,
    "audience": TEXT,
    "content_note": Optional(TEXT),
    "easy_read_summary": TEXT,
    "prerequisites": Optional(list, []),
    "pass_mark": int,
    "max_quiz_attempts": Optional(int),
    "issues_certificate": bool,
}

KINDS = {str: "a text", int: "a whole number", bool: "true or false", list: "a list [ … ]"}
BLOCK_TAG = r"</?(?:p|ul|ol|li|h[1-6]|blockquote)\b[^>]*>"


class DemoContentError(ValueError):
    """A demo module file that cannot be read; the message says which file and where."""


def load_modules(folder=FOLDER):
    """Every module listed in ``index.toml``, in its order, as the seeders take them."""
    order = read(folder / "index.toml").get("modules")
    if not (isinstance(order, list) and all(isinstance(key, str) for key in order)):
        raise DemoContentError('index.toml: write modules = ["first", "second", …]')
    files = {path.stem for path in folder.glob("*.toml")} - {"index"}
    if unlisted := files - set(order):
        raise DemoContentError(f"index.toml: add {', '.join(sorted(unlisted))} to modules")
    modules = []
    for key in order:
        if key not in files or order.count(key) > 1:
            raise DemoContentError(f"index.toml: {key!r} must name one file of {folder.name}/")
        module = load_module(key, read(folder / f"{key}.toml"), f"{key}.toml")
        if later := set(module["prerequisites"]) - {done["key"] for done in modules}:
            raise DemoContentError(
                f"{key}.toml: its prerequisites {', '.join(sorted(later))} must come before it"
                " in index.toml"
            )
        modules.append(module)
    return modules


def __getattr__(name):
    # ``from setup.demo.content import MODULES`` reads the files once, when first asked.
    if name == "MODULES":
        return _modules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _modules():
    return load_modules()


def read(path):
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DemoContentError(f"{path.name}: {error}") from error


def load_module(key, data, where):
    data = dict(data)
    lessons = table_list(data.pop("lessons", None), f"{where}: lessons")
    if not lessons:
        raise DemoContentError(f"{where}: a module needs at least one [[lessons]]")
    return {
        "key": key,
        **fields(MODULE, data, where),
        "lessons": [
            load_lesson(lesson, f"{where}, lesson {number}")
            for number, lesson in enumerate(lessons, start=1)
        ],
    }


def load_lesson(data, where):
    """A lesson's fields, then its page body and, when written, its easy-read version."""
    data = dict(data)
    streams = {"body": data.pop("body", None), "easy_read": data.pop("easy_read", None)}
    lesson = fields(LESSON, data, where)
    for name, blocks in streams.items():
        if blocks is not None or name == "body":
            lesson[name] = stream(table_list(blocks, f"{where}: {name}"), f"{where}, {name}")
    return lesson


def stream(blocks, where):
    """Blocks written with both languages side by side, as a list of ``(type, value)`` per
    language."""
    values = {language: [] for language in LANGUAGES}
    for number, data in enumerate(blocks, start=1):
        data = dict(data)
        kind = data.pop("type", None)
        here = f"{where} block {number} ({kind})"
        if kind not in BLOCKS:
            raise DemoContentError(f"{here}: type must be one of {', '.join(BLOCKS)}")
        value = fields(BLOCKS[kind], data, here)
        for language in LANGUAGES:
            picked = in_language(BLOCKS[kind], value, language)
            values[language].append((kind, picked["text"] if kind in TEXT_ONLY else picked))
    return values


def fields(schema, data, where):
    """The fields of one table, in the schema's order; texts as ``{"fr": …, "en": …}``."""
    if unknown := set(data) - set(schema):
        raise DemoContentError(
            f"{where}: unknown {', '.join(sorted(unknown))} (expected {', '.join(schema)})"
        )
    result = {}
    for name, how in schema.items():
        value, here = data.get(name), f"{where}: {name}"
        if isinstance(how, Optional):
            if value is None:
                blank = dict.fromkeys(LANGUAGES, "")
                result[name] = blank if how.how == TEXT else copy.deepcopy(how.default)
                continue
            how = how.how
        if value is None:
            raise DemoContentError(f"{where}: {name} is missing")
        if how == TEXT:
            result[name] = text(value, here)
        elif how == TEXTS:
            result[name] = texts(value, here)
        elif isinstance(how, list):
            result[name] = [
                fields(how[0], item, f"{where}, {name[:-1]} {number}")
                for number, item in enumerate(table_list(value, here), start=1)
            ]
        elif type(value) is how:
            result[name] = value
        else:
            raise DemoContentError(f"{here} must be {KINDS[how]}, not {value!r}")
    return result


def in_language(schema, value, language):
    """One language's version of ``fields()``'s result: texts picked, other values as they
    are."""
    picked = {}
    for name, how in schema.items():
        how = how.how if isinstance(how, Optional) else how
        if how in (TEXT, TEXTS):
            picked[name] = value[name][language]
        elif isinstance(how, list):
            picked[name] = [in_language(how[0], item, language) for item in value[name]]
        else:
            picked[name] = value[name]
    return picked


def text(value, where):
    if not (isinstance(value, dict) and set(value) == set(LANGUAGES)):
        raise DemoContentError(f"{where} needs a French (fr) and an English (en) text")
    if not all(isinstance(value[language], str) for language in LANGUAGES):
        raise DemoContentError(f"{where}: write each text between quotes")
    return {language: fold(value[language]) for language in LANGUAGES}


def texts(value, where):
    if not (isinstance(value, dict) and set(value) == set(LANGUAGES)):
        raise DemoContentError(f"{where} needs a French (fr) and an English (en) list")
    for language in LANGUAGES:
        items = value[language]
        if not (isinstance(items, list) and all(isinstance(item, str) for item in items)):
            raise DemoContentError(f"{where}.{language} must be a list of texts between quotes")
    return {language: [fold(item) for item in value[language]] for language in LANGUAGES}


def table_list(value, where):
    if not (isinstance(value, list) and all(isinstance(item, dict) for item in value)):
        raise DemoContentError(f"{where}: expected [[tables]], one per item")
    return value


def fold(value):
    """A text written over several lines, as one line. The line breaks are only there to make
    it readable: each counts as a space, or as nothing next to an HTML block tag (``<p>``,
    ``<li>``…), which is how a browser reads them too."""
    if "\n" not in value:
        return value
    result = ""
    for line in value.splitlines():
        line = line.strip(" \t")
        if not line:
            continue
        at_block = re.search(BLOCK_TAG + "$", result) or re.match(BLOCK_TAG, line)
        result += line if not result or at_block else " " + line
    return result
