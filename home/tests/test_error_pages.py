"""Error pages are friendly and in the reader's language."""

from django.template.loader import render_to_string
from django.utils import translation

import pytest


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Un problème est survenu de notre côté"), ("en", "Something went wrong on our side")],
)
def test_the_500_page_speaks_the_readers_language_and_shows_crisis_lines(language, expected):
    with translation.override(language):
        html = render_to_string("500.html")
    assert expected in html and f'lang="{language}"' in html
    assert "3114" in html and "112" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [("/fr/nulle-part/", "Nous ne trouvons pas cette page"), ("/en/nowhere/", "We cannot find")],
)
def test_the_404_page_speaks_the_readers_language(client, url, expected):
    response = client.get(url)
    assert response.status_code == 404 and expected in response.content.decode()
