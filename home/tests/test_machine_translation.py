"""Machine translation: off by default, switched on by the environment, never called in tests."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation

import pytest

from config.settings.environment import machine_translator
from courses.factories import make_course

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator", "OPTIONS": {}}


def test_off_by_default(monkeypatch):
    monkeypatch.delenv("MACHINE_TRANSLATION", raising=False)
    assert machine_translator() is None
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


def test_deepl_with_its_key(monkeypatch):
    monkeypatch.setenv("MACHINE_TRANSLATION", "DeepL")
    monkeypatch.setenv("DEEPL_API_KEY", "key-for-tests:fx")
    assert machine_translator() == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "key-for-tests:fx"},
    }


def test_libretranslate_with_its_address(monkeypatch):
    monkeypatch.setenv("MACHINE_TRANSLATION", "libretranslate")
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://translate.example")
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "key")
    options = machine_translator()["OPTIONS"]
    assert options == {"LIBRETRANSLATE_URL": "https://translate.example", "API_KEY": "key"}


def test_a_missing_key_or_an_unknown_service_stops_the_start(monkeypatch):
    monkeypatch.setenv("MACHINE_TRANSLATION", "deepl")
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="DEEPL_API_KEY"):
        machine_translator()
    monkeypatch.setenv("MACHINE_TRANSLATION", "babelfish")
    with pytest.raises(ImproperlyConfigured, match="babelfish"):
        machine_translator()


def editor_props(client, trainer, section):
    course = make_course(section("courses"), lessons=0, translate=False)
    client.force_login(trainer)
    english = Locale.objects.get(language_code="en")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [english.pk]},
    )
    page = course.get_translation(english)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.content.decode(), Translation.objects.get(
        target_locale=english, source__object_id=course.translation_key
    )


@pytest.mark.django_db
def test_the_editor_offers_no_machine_translation_when_off(client, trainer, section):
    props, translation = editor_props(client, trainer, section)
    assert reverse("wagtail_localize:machine_translate", args=[translation.pk]) not in props
    assert "&quot;machineTranslator&quot;: null" in props


@pytest.mark.django_db
@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY)
def test_the_editor_offers_the_configured_translator(client, trainer, section):
    """The dummy translator only checks the wiring: nothing leaves the machine."""
    props, translation = editor_props(client, trainer, section)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert url.replace("/", "\\/") in props or url in props
