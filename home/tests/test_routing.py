"""Page routing gives Wagtail's answers in fewer queries, and caches never show stale content."""

from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

from courses.factories import lessons_of, make_course
from home.factories import UserFactory
from home.models import SiteSettings, StandardPage
from home.routing import route
from home.services import member_roles

pytestmark = pytest.mark.django_db


def wagtail_route(path, user, language):
    request = RequestFactory().get("/" + language + "/" + path)
    request.user = user
    with translation.override(language):
        return Page.route_for_request(request, path)


def fast_route(path, user, language):
    request = RequestFactory().get("/" + language + "/" + path)
    request.user = user
    with translation.override(language):
        try:
            return route(request, path)
        except Exception as error:
            return type(error)


def summary(result):
    if result is None or isinstance(result, type):
        return None
    page, args, kwargs = result
    view = args[0].__name__ if args else None
    return page.pk, type(page).__name__, view, tuple(args[1:]), kwargs


@pytest.fixture
def tree(section):
    catalogue = section("courses")
    course = make_course(catalogue, title="Routage")
    draft = StandardPage(title="Brouillon", slug="brouillon", live=False)
    section("home").add_child(instance=draft)
    return course


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_kind_of_address_routes_as_wagtail_routes_it(tree, section, peer, language):
    course = tree
    if language == "en":
        course = course.get_translation(Locale.objects.get(language_code="en"))
    home = section("home", language)
    lesson = lessons_of(course)[1]
    paths = [
        "",
        section("courses", language).url_path[len(home.url_path) :],
        course.url_path[len(home.url_path) :],
        lesson.url_path[len(home.url_path) :],
        course.url_path[len(home.url_path) :] + "enrol/",  # a routable page's own route
        lesson.url_path[len(home.url_path) :] + "complete/",
        course.url_path[len(home.url_path) :] + "no-such-lesson/",
        "brouillon/",  # a draft: not found
        "nowhere/at/all/",
        section("practice_analysis", language).url_path[len(home.url_path) :] + "a-group/",
    ]
    for user in (AnonymousUser(), peer):
        for path in paths:
            expected = summary(wagtail_route(path, user, language))
            assert summary(fast_route(path, user, language)) == expected, path


def test_a_lesson_costs_two_queries_to_route(tree, peer, django_assert_max_num_queries):
    lesson = lessons_of(tree)[2]
    home = lesson.get_ancestors().get(depth=2)
    path = lesson.url_path[len(home.url_path) :]
    fast_route(path, peer, "fr")  # the site and its home page are cached from now on
    with django_assert_max_num_queries(2):
        result = fast_route(path, peer, "fr")
    assert result[0].pk == lesson.pk and type(result[0]).__name__ == "LessonPage"


def test_a_published_change_shows_at_once(client, peer, section):
    client.force_login(peer)
    course = make_course(section("courses"), title="Avant", translate=False)
    lesson = lessons_of(course)[0]
    client.post(course.url + "enrol/")
    assert "Avant" in client.get(lesson.url).content.decode()
    course.title = "Après"
    course.save_revision().publish()
    lesson.title = "Nouvelle leçon"
    lesson.save_revision().publish()
    page = client.get(lesson.url).content.decode()
    assert "Après" in page and "Nouvelle leçon" in page


def test_a_moved_page_is_found_at_its_new_address_at_once(client, peer, section):
    client.force_login(peer)
    page = StandardPage(title="À déplacer", slug="a-deplacer")
    section("home").add_child(instance=page)
    page.save_revision().publish()
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.move(section("courses"), pos="last-child")
    page.refresh_from_db()
    assert client.get(page.url).status_code == 200
    # Wagtail leaves a permanent redirect at the old address.
    assert client.get(old_url).headers.get("Location") == page.url


def test_new_site_settings_show_at_once(client, section):
    assert client.get("/fr/").status_code == 200
    settings = SiteSettings.objects.get()
    settings.contact_email = "accueil@example.org"
    settings.save()
    assert "accueil@example.org" in client.get("/fr/").content.decode()


def test_a_new_role_counts_at_once(client, section):
    member = UserFactory()
    client.force_login(member)
    request = RequestFactory().get("/")
    request.user = member
    assert member_roles(request) == []
    member.groups.add(Group.objects.get(name="peer"))
    assert member_roles(request) == ["peer"]
    Group.objects.get(name="peer").user_set.remove(member)
    assert member_roles(request) == []


def test_members_never_see_each_others_roles(client, section):
    trainer = UserFactory(roles=["trainer"])
    member = UserFactory()
    client.force_login(trainer)
    assert reverse("wagtailadmin_home") in client.get("/fr/").content.decode()
    client.force_login(member)
    request = RequestFactory().get("/")
    request.user = member
    assert member_roles(request) == []
    # The editing-space link is for roles only: the trainer's cached roles do not leak.
    assert reverse("wagtailadmin_home") not in client.get("/fr/").content.decode()
