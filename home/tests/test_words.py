"""Words the site writes by itself: page addresses without accents."""

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_a_page_address_is_made_without_accents(section):
    page = StandardPage(title="Séance d'écoute à Besançon")
    section("home").add_child(instance=page)
    assert page.slug == "seance-decoute-a-besancon"
