"""The interface is fully translated: no untranslated or fuzzy entry in fr or en."""

import polib
import pytest

from scripts.check_catalogues import LOCALE_DIR, catalogue_problems


@pytest.mark.parametrize("language", ["fr", "en"])
def test_catalogue_is_complete(language):
    assert catalogue_problems(language) == []


def test_the_check_catches_untranslated_and_fuzzy_entries(tmp_path, monkeypatch):
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="Log in", msgstr=""))
    catalogue.append(polib.POEntry(msgid="Log out", msgstr="Se connecter", flags=["fuzzy"]))
    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    catalogue.save(str(tmp_path / "fr" / "LC_MESSAGES" / "django.po"))
    monkeypatch.setattr("scripts.check_catalogues.LOCALE_DIR", tmp_path)
    problems = catalogue_problems("fr")
    assert any("untranslated" in p for p in problems)
    assert any("fuzzy" in p for p in problems)


def test_the_english_catalogue_repeats_the_source():
    catalogue = polib.pofile(str(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"))
    assert all(e.msgstr == e.msgid for e in catalogue if not e.msgid_plural)
