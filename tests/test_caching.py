"""Cached fragments: a publish shows at once, and nobody ever sees another member's page.

The fragments of ``{% shared_fragment %}`` (page bodies, breadcrumbs, the footer) and the
cached site settings are rendered once and reused for everyone; these tests hold them to
that promise with the real cache of the test settings.
"""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import PageViewRestriction, Site

import pytest

from courses.factories import lessons_of, make_course, right_answers
from courses.services import TRAINING, enrol
from courses.structure import MODULE
from home.cache import SITE, LocalMemory, bump, scoped, version, version_key
from home.factories import FileFactory, StandardPageFactory, UserFactory
from home.fragments import fragment_key
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
    """Files move the site's version, which every cached page body reads."""
    before = version(SITE)
    document = FileFactory()
    assert version(SITE) > before
    before = version(SITE)
    document.name = "Guide de l'écoute, version 2"
    document.save()
    assert version(SITE) > before


def test_an_evicted_version_never_brings_back_what_was_cached_before(client, section):
    """A full cache may drop the version key and keep older entries: they must stay unused."""
    home = section("home")
    client.get(home.url)
    for _publish in range(3):
        bump(SITE)
    old = version(SITE)
    cache.delete(version_key(SITE))
    assert version(SITE) not in range(1, old + 1)


# Each process's own memory (home.cache.local_memory) and the cached routes, restrictions
# and lesson blocks.


def test_a_change_made_by_another_worker_is_seen_on_the_next_request(client, section, peer):
    """Another worker's publish only bumps the shared version: this process must follow."""
    course = make_course(section("courses"), title="Écoute active", lessons=1)
    lesson = lessons_of(course)[0]
    client.force_login(peer)
    assert lesson.title in client.get(lesson.url).text
    # What another worker's publish leaves here: the rows changed, the shared version
    # bumped, and nothing of this process's memory forgotten.
    type(lesson).objects.filter(pk=lesson.pk).update(title="Écouter sans conseiller")
    type(course).objects.filter(pk=course.pk).update(title="Écoute active, saison 2")
    # A lesson's publish moves its module's version, a module's training's too.
    cache.incr(version_key(scoped(MODULE, course.translation_key)))
    cache.incr(version_key(TRAINING))
    page = client.get(lesson.url).text
    assert "Écouter sans conseiller" in page
    assert "Écoute active, saison 2" in page


def test_a_published_change_to_a_lesson_block_shows_at_once(client, section, peer):
    course = make_course(section("courses"), title="Écoute active", lessons=1)
    lesson = lessons_of(course)[0]
    client.force_login(peer)
    client.get(lesson.url)
    added = {"type": "paragraph", "value": "<p>Reformuler avant de répondre.</p>", "id": "new"}
    lesson.body = [added, *lesson.body.raw_data]
    lesson.save_revision().publish()
    assert "Reformuler avant de répondre." in client.get(lesson.url).text


def test_quiz_feedback_stays_with_the_learner_who_answered(client, section):
    course = make_course(section("courses"), title="Écoute active", lessons=1)
    lesson = lessons_of(course)[0]
    alice, bruno = UserFactory(roles=["peer"]), UserFactory(roles=["peer"])
    for learner in (alice, bruno):
        enrol(learner, course)
    client.force_login(alice)
    answers = {**right_answers(lesson), "submission": "9f1c0c3e-3f0e-4a53-9d0e-2b4b9d1f0a11"}
    client.post(lesson.url + "quiz/", answers)
    assert "quiz-feedback" in client.get(lesson.url).text
    client.force_login(bruno)
    assert "quiz-feedback" not in client.get(lesson.url).text


def test_a_new_view_restriction_and_its_groups_apply_at_once(client, section, peer):
    page = StandardPageFactory(parent=section("about"), title="Réunion des coordinations")
    client.force_login(peer)
    assert client.get(page.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="coordinator")])
    assert client.get(page.url).status_code == 302  # to the login page, as Wagtail does
    restriction.groups.add(Group.objects.get(name="peer"))
    assert client.get(page.url).status_code == 200
    restriction.delete()
    client.logout()
    assert client.get(page.url).status_code == 200


def test_a_moved_page_answers_at_its_new_address(client, section):
    about = section("about")
    page = StandardPageFactory(parent=about, title="Nos partenaires")
    sibling = StandardPageFactory(parent=about, title="Nos groupes")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.move(sibling, pos="last-child")
    page.refresh_from_db()
    assert client.get(page.url).status_code == 200
    moved = client.get(old_url)  # Wagtail leaves a redirect behind
    assert (moved.status_code, moved["Location"]) == (301, page.url)


def test_each_process_forgets_its_least_recently_used_values_first():
    memory = LocalMemory(size=2)
    memory.set("a", 1)
    memory.set("b", 2)
    assert memory.get("a") == 1  # "b" is now the least recently used
    memory.set("c", 3)
    assert memory.get("b") is None
    assert (memory.get("a"), memory.get("c")) == (1, 3)


def test_within_a_request_the_shared_versions_are_read_once_all_together(client, section, peer):
    course = make_course(section("courses"), title="Écoute active", lessons=1)
    lesson = lessons_of(course)[0]
    client.force_login(peer)
    client.get(lesson.url)
    reads, inside = [], []
    original_get, original_get_many = cache.get, cache.get_many

    def counting_get(key, *args, **kwargs):
        if not inside:  # the local-memory backend's get_many calls get
            reads.append(key)
        return original_get(key, *args, **kwargs)

    def counting_get_many(keys, *args, **kwargs):
        reads.extend(keys)
        inside.append(True)
        try:
            return original_get_many(keys, *args, **kwargs)
        finally:
            inside.pop()

    cache.get, cache.get_many = counting_get, counting_get_many
    try:
        client.get(lesson.url)
    finally:
        del cache.get, cache.get_many
    for name in (SITE, "training", "roles"):
        assert reads.count(version_key(name)) == 1
