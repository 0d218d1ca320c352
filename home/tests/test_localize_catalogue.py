"""wagtail-localize speaks French: our override catalogue (locale_overrides/) is read before
the package's, for the Python strings and for the JavaScript catalogue of its editor."""

import json
import re

from django.conf import settings
from django.utils import translation

import polib
import pytest

from scripts.check_catalogues import override_problems

# Not called by their usual names: makemessages must not copy wagtail-localize's strings
# into the project's catalogue.
translated = translation.gettext
translated_plural = translation.ngettext


def test_the_override_catalogue_comes_first_in_locale_paths():
    assert [path.name for path in settings.LOCALE_PATHS] == ["locale_overrides", "locale"]


def test_the_override_catalogue_is_complete_and_matches_the_installed_package():
    assert override_problems() == []


@pytest.mark.parametrize(
    ("source", "french"),
    [
        ("Locales", "Langues"),
        ("Why would I sync my page?", "Pourquoi synchroniser ma page ?"),
        ("Start Synced translation", "Commencer une traduction synchronisée"),
        (
            "Cannot import PO file that was created for a different translation.",
            "Impossible d'importer ce fichier PO : il a été créé pour une autre traduction.",
        ),
        # Untouched by the overrides: the package's own French still answers.
        ("Sync translated pages", "Synchroniser les pages traduites"),
    ],
)
def test_wagtail_localize_strings_are_french(source, french):
    with translation.override("fr"):
        assert translated(source) == french


def test_plural_strings_of_wagtail_localize_are_french():
    with translation.override("fr"):
        assert translated_plural("Include subtree ({} page)", "Include subtree ({} pages)", 3) == (
            "Inclure le sous-arbre ({} pages)"
        )


def test_overrides_do_not_leak_into_english():
    with translation.override("en"):
        assert translated("Locales") == "Locales"


def served_catalogue(client, user):
    client.force_login(user)
    response = client.get("/admin/localize/jsi18n/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    catalogue = re.search(r"const newcatalog = (\{.*?\});", response.text, re.S).group(1)
    return json.loads(catalogue)


def test_the_editor_javascript_catalogue_is_french_with_our_overrides(client, trainer):
    with translation.override("fr"):
        catalogue = served_catalogue(client, trainer)
    # From locale_overrides/: the package's French lost this trailing space.
    assert catalogue["Publish in "] == "Publier en "
    assert catalogue["Upload PO file"] == "Envoyer un fichier PO"
    assert catalogue["Stop Synced translation"] == "Arrêter la traduction synchronisée"
    # From the package's own catalogue.
    assert catalogue["Translate"] == "Traduire"
    assert catalogue["segments translated"] == "segments traduits"


def test_the_check_reports_a_string_wagtail_localize_no_longer_has(tmp_path, monkeypatch):
    catalogue = polib.POFile()
    catalogue.append(polib.POEntry(msgid="Locales", msgstr="Langues"))
    catalogue.append(polib.POEntry(msgid="A string renamed upstream", msgstr="Renommée"))
    catalogue.append(polib.POEntry(msgid="Sync translated pages", msgstr=""))
    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    catalogue.save(str(tmp_path / "fr" / "LC_MESSAGES" / "django.po"))
    monkeypatch.setattr("scripts.check_catalogues.OVERRIDES_DIR", tmp_path)
    monkeypatch.setattr("scripts.check_catalogues.ROOT", tmp_path)
    problems = override_problems()
    assert len(problems) == 2
    assert any("not a wagtail-localize string" in problem for problem in problems)
    assert any("untranslated" in problem for problem in problems)
