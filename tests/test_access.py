"""Who may open what: public pages, the members-only practice-analysis space, errors."""

from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

import pytest

from setup.site_tree import SECTIONS, section_pages

pytestmark = pytest.mark.django_db

PRACTICE_ANALYSIS = {"fr": "/fr/analyse-de-pratiques/", "en": "/en/practice-analysis/"}


def login_url(language):
    with translation.override(language):
        return reverse("login")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_anonymous_visitor_is_asked_to_log_in_for_practice_analysis(client, language):
    url = PRACTICE_ANALYSIS[language]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{login_url(language)}?next={quote(url)}"


def test_french_practice_analysis_sends_to_the_french_login_page(client):
    response = client.get("/fr/analyse-de-pratiques/")

    assert response["Location"].startswith("/fr/accounts/login/?next=")


@pytest.mark.parametrize(
    "url",
    [
        "/fr/",
        "/en/",
        "/fr/charte/",
        "/en/charter/",
        "/fr/association/",
        "/en/about-us/",
        "/fr/accounts/login/",
        "/en/accounts/login/",
    ],
)
def test_anonymous_visitor_can_open_public_pages(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("spec", SECTIONS, ids=[spec.key for spec in SECTIONS])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_sections_are_public_unless_login_only(client, spec, language):
    page = next(p for p in section_pages(spec.key) if p.locale.language_code == language)

    response = client.get(page.url)

    if spec.login_only:
        assert response.status_code == 302
        assert response["Location"] == f"{login_url(language)}?next={quote(page.url)}"
    else:
        assert response.status_code == 200


def test_root_redirects_to_french(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_anonymous_navigation_hides_practice_analysis(client):
    content = client.get("/fr/").content.decode()

    assert 'href="/fr/charte/"' in content
    assert 'href="/fr/analyse-de-pratiques/"' not in content


def test_member_navigation_shows_practice_analysis(client, member):
    client.force_login(member)

    content = client.get("/fr/").content.decode()

    assert 'href="/fr/analyse-de-pratiques/"' in content


def test_member_must_acknowledge_the_charter_before_practice_analysis(client, member, section):
    client.force_login(member)
    url = PRACTICE_ANALYSIS["fr"]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/fr/charte/?next={quote(url, safe='')}"

    response = client.post(
        reverse("charter_acknowledge"), {"charter": section("charter").pk, "next": url}
    )
    assert response.status_code == 302
    assert response["Location"] == url

    response = client.get(url)
    assert response.status_code == 200
    assert section("practice_analysis").title in response.content.decode()


def test_english_member_is_sent_to_the_english_charter(client, member):
    client.force_login(member)
    url = PRACTICE_ANALYSIS["en"]

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/en/charter/?next={quote(url, safe='')}"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_unknown_page_shows_the_friendly_404(client, language):
    response = client.get(f"/{language}/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert f'href="/{language}/"' in response.content.decode()


def test_unknown_page_keeps_the_crisis_numbers(client):
    response = client.get("/fr/cette-page-n-existe-pas/")

    assert "3114" in response.content.decode()


def test_english_pages_show_the_crisis_lines_in_english(client):
    content = client.get("/en/").content.decode()

    assert 'href="tel:3114"' in content
    assert "National suicide prevention line" in content
    assert "Numéro national de prévention du suicide" not in content
