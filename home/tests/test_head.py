"""Every page's head: a description for search engines and link previews, and an icon."""

import re

import pytest

pytestmark = pytest.mark.django_db


def description(html):
    return re.search(r'<meta name="description" content="([^"]*)">', html).group(1)


def test_a_page_describes_itself_from_what_its_editor_wrote(client, section):
    home = section("home")
    home.search_description = "Notre association, en quelques mots."
    home.save_revision().publish()
    assert description(client.get("/fr/").content.decode()) == home.search_description


def test_without_a_description_the_introduction_gives_one_in_plain_text(client, section):
    home = section("home")
    home.search_description = ""
    home.intro = "<p>Bienvenue <b>chez nous</b> &amp; entre pairs.</p>" + "x" * 300
    home.save_revision().publish()
    text = description(client.get("/fr/").content.decode())
    assert text.startswith("Bienvenue chez nous &amp; entre pairs.")
    assert "<" not in text and len(text) <= 170


def test_a_view_outside_pages_has_the_sites_description_in_its_language(client, peer):
    client.force_login(peer)
    french = description(client.get("/fr/mon-parcours/").content.decode())
    english = description(client.get("/en/my-learning/").content.decode())
    assert "pair-aidant" in french and "peer supporters" in english


def test_a_confidential_page_never_lends_its_words_to_the_description():
    from django.template import Context

    from home.templatetags.entrepairs_tags import meta_description
    from practice_analysis.models import PracticeGroupPage

    group_page = PracticeGroupPage(title="Groupe", search_description="Ce que Prénom a vécu")
    assert "Prénom" not in meta_description(Context({"page": group_page}))


def test_the_site_has_an_icon_and_old_browsers_find_it(client):
    html = client.get("/fr/").content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("favicon.svg")


def test_the_window_title_names_the_association_once(client, section, peer):
    assert "<title>Entrepairs</title>" in client.get("/fr/").content.decode()
    charter = section("charter")
    client.force_login(peer)
    html = client.get(charter.url).content.decode()
    assert f"<title>{charter.title} · Entrepairs</title>" in html
