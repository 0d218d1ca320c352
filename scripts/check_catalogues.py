"""Fail when the fr or en catalogue has an untranslated, fuzzy or missing entry."""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["fr", "en"]


def catalogue_problems(language):
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    if not path.exists():
        return [f"{path}: missing"]
    catalogue = polib.pofile(str(path))
    problems = [f"{language}: untranslated: {e.msgid!r}" for e in catalogue.untranslated_entries()]
    problems += [f"{language}: fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
    if language == "en":  # the source language: each string translates to itself
        problems += [
            f"en: differs from the source: {e.msgid!r}"
            for e in catalogue.translated_entries()
            if (e.msgstr_plural.get(0), e.msgstr_plural.get(1)) != (e.msgid, e.msgid_plural)
            and e.msgstr != e.msgid
        ]
    return problems


def main():
    problems = [problem for language in LANGUAGES for problem in catalogue_problems(language)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} catalogue problem(s); run `make messages` and translate.")
        return 1
    print("catalogues: fr and en complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
