"""The language switcher leads to the same page in the other language, or to its home page."""

from wagtail.models import Locale

import pytest
from bs4 import BeautifulSoup

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def switcher_link(response, language):
    """The href of the switcher's link to ``language`` (an anchor with that hreflang)."""
    assert response.status_code == 200
    links = BeautifulSoup(response.content, "html.parser").find_all("a", hreflang=language)
    assert len(links) == 1, f"expected one link with hreflang={language}, found {len(links)}"
    return links[0]["href"]


def html_lang(response):
    return BeautifulSoup(response.content, "html.parser").html["lang"]


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/fr/", "en", "/en/"),
        ("/en/", "fr", "/fr/"),
        ("/fr/charte/", "en", "/en/charter/"),
        ("/en/charter/", "fr", "/fr/charte/"),
        ("/fr/association/", "en", "/en/about-us/"),
        ("/en/about-us/", "fr", "/fr/association/"),
        ("/fr/accounts/login/", "en", "/en/accounts/login/"),
        ("/en/accounts/login/", "fr", "/fr/accounts/login/"),
    ],
)
def test_switcher_links_to_the_same_page_in_the_other_language(client, url, language, expected):
    assert switcher_link(client.get(url), language) == expected


def test_switcher_on_the_login_page_with_a_next_parameter(client):
    response = client.get("/fr/accounts/login/?next=/fr/association/")

    assert switcher_link(response, "en").startswith("/en/accounts/login/")


def test_page_without_translation_links_to_the_english_home(client, section):
    page = StandardPageFactory(parent=section("about"), title="Seulement en français")

    response = client.get(page.url)

    assert switcher_link(response, "en") == "/en/"


def test_draft_translation_is_not_linked(client, section):
    page = StandardPageFactory(parent=section("about"), title="Brouillon anglais")
    draft = page.copy_for_translation(Locale.objects.get(language_code="en"))
    assert not draft.live

    response = client.get(page.url)

    assert switcher_link(response, "en") == "/en/"


def test_published_translation_is_linked(client, section):
    page = StandardPageFactory(parent=section("about"), title="Traduite")
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title, translation.slug = "Translated", "translated"
    translation.save_revision().publish()

    response = client.get(page.url)

    assert switcher_link(response, "en") == "/en/about-us/translated/"


def test_switcher_on_a_404_page_links_to_the_other_home(client):
    response = client.get("/fr/cette-page-n-existe-pas/")
    assert response.status_code == 404

    links = BeautifulSoup(response.content, "html.parser").find_all("a", hreflang="en")

    assert [link["href"] for link in links] == ["/en/"]


@pytest.mark.parametrize(
    ("url", "language"),
    [("/fr/", "fr"), ("/en/", "en"), ("/fr/charte/", "fr"), ("/en/accounts/login/", "en")],
)
def test_html_lang_is_the_language_of_the_page(client, url, language):
    assert html_lang(client.get(url)) == language
