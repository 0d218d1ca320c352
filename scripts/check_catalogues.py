"""Fail when the fr or en catalogue has an untranslated, fuzzy or missing entry.

Also checks locale_overrides/ (our French for wagtail-localize): each entry is translated,
not fuzzy, and still a string of the installed wagtail-localize, so that an upgrade renaming
a string is noticed instead of leaving it in English.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
OVERRIDES_DIR = ROOT / "locale_overrides"
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


def override_problems():
    import wagtail_localize

    package_dir = Path(wagtail_localize.__file__).resolve().parent
    problems = []
    for path in sorted(OVERRIDES_DIR.glob("*/LC_MESSAGES/*.po")):
        language, domain = path.parent.parent.name, path.stem
        catalogue = polib.pofile(str(path))
        known = set()
        for package_po in package_dir.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
            known |= {entry.msgid for entry in polib.pofile(str(package_po))}
        name = path.relative_to(ROOT)
        problems += [f"{name}: untranslated: {e.msgid!r}" for e in catalogue.untranslated_entries()]
        problems += [f"{name}: fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
        problems += [
            f"{name}: not a wagtail-localize string (any more?): {e.msgid!r}"
            for e in catalogue
            if e.msgid not in known
        ]
        if language not in LANGUAGES:
            problems.append(f"{name}: unexpected language {language!r}")
    return problems


def main():
    problems = [problem for language in LANGUAGES for problem in catalogue_problems(language)]
    problems += override_problems()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} catalogue problem(s); run `make messages` and translate.")
        return 1
    print("catalogues: fr and en complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
