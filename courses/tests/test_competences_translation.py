"""A module's declared competences follow its French source into the English translation
(wagtail-localize's sync): the same snippets, named in the default language."""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

import pytest

from competences.models import Competence, Domain
from courses.factories import make_course

pytestmark = pytest.mark.django_db


def competence(name):
    fr = Locale.objects.get(language_code="fr")
    domain = Domain.objects.create(name="Écouter", locale=fr)
    return Competence.objects.create(domain=domain, name=name, description="…", locale=fr)


def sync(page, locale):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    source.create_or_update_translation(locale, fallback=True)
    return page.get_translation(locale).get_latest_revision_as_object()


def test_the_english_module_keeps_and_follows_the_french_competences(section):
    en = Locale.objects.get(language_code="en")
    listening, relay = competence("Écoute active"), competence("Passer le relais")
    module = make_course(section("courses"), lessons=1, translate=False)
    module.competences.set([listening])
    module.save_revision().publish()
    assert set(sync(module, en).competences.all()) == {listening}

    module.competences.set([listening, relay])
    module.save_revision().publish()
    assert set(sync(module, en).competences.all()) == {listening, relay}


def test_removing_every_competence_reaches_the_english_module(section):
    en = Locale.objects.get(language_code="en")
    listening = competence("Écoute active")
    module = make_course(section("courses"), lessons=1, translate=False)
    module.competences.set([listening])
    module.save_revision().publish()
    sync(module, en)
    module.competences.set([])
    module.save_revision().publish()
    assert set(sync(module, en).competences.all()) == set()
    module.get_translation(en).save_revision().publish()
    assert not module.get_translation(en).competences.exists()


def test_an_english_module_saved_alone_keeps_the_french_competences(section):
    en = Locale.objects.get(language_code="en")
    listening, relay = competence("Écoute active"), competence("Passer le relais")
    module = make_course(section("courses"), lessons=1, translate=False)
    module.competences.set([listening, relay])
    module.save_revision().publish()
    english = sync(module, en)
    english.competences.set([relay])
    english.save_revision().publish()
    assert set(module.get_translation(en).competences.all()) == {listening, relay}
