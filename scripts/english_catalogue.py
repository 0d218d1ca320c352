"""Make the English catalogue say exactly what the source says.

English is the source language: every msgstr is its msgid. (msgen keeps msgmerge's fuzzy
guesses, which would put another sentence's English in place.)
"""

from pathlib import Path

import polib

PATH = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main():
    catalogue = polib.pofile(str(PATH), wrapwidth=79)
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    catalogue.metadata["Language"] = "en"
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalogue.save()


if __name__ == "__main__":
    main()
