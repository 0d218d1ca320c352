"""Cached fragments: a publish shows at once, and nobody ever sees another member's page.

The fragments of ``{% shared_fragment %}`` (page bodies, breadcrumbs, the footer) and the
cached site settings are rendered once and reused for everyone; these tests hold them to
that promise with the real cache of the test settings.
"""

from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import Site

import pytest

from courses.factories import lessons_of, make_course
from courses.services import enrol
from home.cache import VERSION_KEY, bump_content_version, content_version, fragment_key
from home.factories import FileFactory, StandardPageFactory, UserFactory
from home.models import CrisisLine, SiteSettings
from home.routing import PageRoutingMiddleware

pytestmark = pytest.mark.django_db


def publish(page, **fields):
    page = page.specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_a_publish_shows_on_the_home_page_at_once(client, section):
    home = section("home")
    assert client.get(home.url).status_code == 200
    assert cache.get(fragment_key("home-intro", "fr", home)) is not None
    publish(home, intro="<p>Bienvenue à la nouvelle saison des groupes.</p>")
    assert escape("Bienvenue à la nouvelle saison") in client.get(home.url).text


def test_a_publish_shows_on_a_standard_page_and_in_the_breadcrumbs_of_its_children(client, section):
    about = section("about")
    child = StandardPageFactory(parent=about, title="Nos partenaires")
    assert "Nos partenaires" in client.get(about.url).text
    client.get(child.url)
    publish(child, title="Nos partenaires locaux", body=[("paragraph", "<p>Le GEM du quai</p>")])
    assert "Nos partenaires locaux" in client.get(about.url).text  # the list of children
    assert "Le GEM du quai" in client.get(child.url).text
    publish(about, title="L'association, en bref")
    assert escape("L'association, en bref") in client.get(child.url).text  # breadcrumbs


def test_a_draft_is_not_shown_and_does_not_replace_what_is_cached(client, section):
    home = section("home")
    live = publish(home, intro="<p>Texte publié</p>")
    live.intro = "<p>Brouillon pas encore relu</p>"
    live.save_revision()
    page = client.get(home.url).text
    assert "Texte publié" in page
    assert "Brouillon" not in page


def test_settings_and_crisis_lines_show_in_the_footer_at_once(client, section):
    home = section("home")
    client.get(home.url)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "accueil@gem-des-tilleuls.example"
    settings.save()
    line = CrisisLine.objects.filter(locale__language_code="fr").first()
    line.description = "Jour et nuit, gratuit et anonyme."
    line.save()
    page = client.get(home.url).text
    assert "accueil@gem-des-tilleuls.example" in page
    assert "Jour et nuit, gratuit et anonyme." in page


def test_the_english_fragment_is_not_the_french_one(client, section):
    assert client.get(section("home", "fr").url).status_code == 200
    publish(section("home", "en"), intro="<p>Welcome to the new season.</p>")
    assert "Welcome to the new season." in client.get(section("home", "en").url).text
    assert "Welcome to the new season." not in client.get(section("home", "fr").url).text


def test_two_learners_on_the_same_lesson_each_see_only_their_own_page(client, section):
    """Same lesson, same cached breadcrumbs and footer: names, notes and progress stay apart."""
    course = make_course(section("courses"), title="Écoute active", lessons=2)
    lesson = lessons_of(course)[0]
    alice = UserFactory(roles=["peer"], first_name="Alice", last_name="Martin")
    bruno = UserFactory(roles=["peer"], first_name="Bruno", last_name="Petit")
    enrol(alice, course)
    enrol(bruno, course)
    client.force_login(alice)
    reflection = next(block for block in lesson.body if block.block_type == "reflection")
    client.post(lesson.url + f"notes/{reflection.id}/", {"text": "Note secrète d'Alice"})
    client.post(lesson.url + "complete/")
    seen_by_alice = client.get(lesson.url).text
    client.force_login(bruno)
    seen_by_bruno = client.get(lesson.url).text
    assert escape("Note secrète d'Alice") in seen_by_alice
    assert "Alice" in seen_by_alice
    assert "Alice" not in seen_by_bruno
    assert "Bruno" in seen_by_bruno
    assert escape("secrète") not in seen_by_bruno
    assert "badge--done" in seen_by_alice
    assert "badge--done" not in seen_by_bruno


def test_the_home_page_menu_stays_filtered_for_each_member(client, section, peer):
    """The training section is for members only: the cached page never carries it to others."""
    home = section("home")
    training = section("courses").title
    client.force_login(peer)
    assert training in client.get(home.url).text
    client.logout()
    anonymous = client.get(home.url).text
    assert training not in anonymous
    assert peer.get_short_name() not in anonymous


def test_a_fragment_holding_a_form_token_is_never_kept():
    """A member's CSRF token must never reach another member: such a fragment is not cached."""
    template = Template(
        "{% load entrepairs_tags %}{% shared_fragment 'form' %}{% csrf_token %}"
        "{% endshared_fragment %}"
    )
    first, second = "a" * 64, "b" * 64
    for token in (first, second):
        context = Context({"request": RequestFactory().get("/"), "csrf_token": token})
        assert token in template.render(context)


def test_my_learning_is_never_served_from_another_member(client, section):
    course = make_course(section("courses"), title="Passer le relais", lessons=1)
    alice = UserFactory(roles=["peer"])
    bruno = UserFactory(roles=["peer"])
    enrol(alice, course)
    client.force_login(alice)
    assert "Passer le relais" in client.get(reverse("my_learning")).text
    client.force_login(bruno)
    assert "Passer le relais" not in client.get(reverse("my_learning")).text


def test_the_site_is_read_from_the_cache_and_a_change_is_seen_at_once(
    rf, django_assert_num_queries
):
    middleware = PageRoutingMiddleware(lambda request: request)
    site = Site.objects.get(is_default_site=True)
    assert middleware(rf.get("/"))._wagtail_site == site
    with django_assert_num_queries(0):
        assert middleware(rf.get("/"))._wagtail_site == site
    site.site_name = "Entrepairs — réseau national"
    site.save()
    assert middleware(rf.get("/"))._wagtail_site.site_name == "Entrepairs — réseau national"


def test_an_unknown_host_is_refused_before_reaching_the_cache(client):
    response = client.get("/fr/", HTTP_HOST="invented.example")
    assert response.status_code == 400


def test_a_new_or_changed_file_refreshes_the_cached_bodies_that_link_to_it():
    before = content_version()
    document = FileFactory()
    assert content_version() > before
    before = content_version()
    document.name = "Guide de l'écoute, version 2"
    document.save()
    assert content_version() > before


def test_an_evicted_content_version_never_brings_back_what_was_cached_before(client, section):
    """A full cache may drop the version key and keep older entries: they must stay unused."""
    home = section("home")
    client.get(home.url)
    for _publish in range(3):
        bump_content_version()
    old = content_version()
    cache.delete(VERSION_KEY)
    assert content_version() not in range(1, old + 1)
