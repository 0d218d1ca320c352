"""Page addresses worked out once per process (``home.addresses.page_url``) are Wagtail's,
and follow a page that moves or a site that changes."""

from unittest import mock

from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest

from courses.factories import lessons_of, make_course
from home import addresses
from home.addresses import page_url
from home.routing import site_root_paths

pytestmark = pytest.mark.django_db


def request_for(path="/fr/"):
    request = RequestFactory().get(path)
    request._wagtail_cached_site_root_paths = site_root_paths()  # as the middleware does
    return request


@pytest.fixture
def lesson(section):
    course = make_course(section("courses"), title="Écoute active", lessons=1, quiz_on_last=True)
    return lessons_of(course)[0]


def tags(source, **values):
    return Template(
        "{% load wagtailcore_tags wagtailroutablepage_tags entrepairs_tags %}" + source
    ).render(Context({"request": request_for(), **values}))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_addresses_are_wagtails(lesson, language):
    page = lesson.get_translation(Locale.objects.get(language_code=language))
    course = page.get_parent().specific
    with translation.override(language):
        for _twice in range(2):  # worked out, then kept
            assert tags("{% page_address p %}", p=page) == tags("{% pageurl p %}", p=page)
            assert tags("{% page_address p %}", p=course) == tags("{% pageurl p %}", p=course)
            assert tags("{% route_address p 'quiz' %}", p=page) == tags(
                "{% routablepageurl p 'quiz' %}", p=page
            )
            assert tags("{% route_address p 'note' 'b1' %}", p=page) == tags(
                "{% routablepageurl p 'note' 'b1' %}", p=page
            )
            assert tags("{% route_address p 'enrol' %}", p=course) == tags(
                "{% routablepageurl p 'enrol' %}", p=course
            )


def test_an_address_is_worked_out_once_per_page_and_language(lesson):
    addresses._page_urls.clear()  # an earlier test's lesson may have had the same path
    request = request_for()
    with mock.patch.object(Page, "get_url", autospec=True, side_effect=Page.get_url) as wagtail:
        for _request in range(3):
            page_url(lesson, request)
            with translation.override("en"):
                page_url(lesson, request)
    assert wagtail.call_count == 2


def test_a_moved_page_has_its_new_address(lesson):
    before = page_url(lesson, request_for())
    lesson.slug = "ecoute-deplacee"
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    after = page_url(lesson, request_for())
    assert after != before and after.endswith("/ecoute-deplacee/")
    assert after == lesson.get_url(request=request_for())


def test_a_changed_site_gives_new_addresses(lesson):
    before = page_url(lesson, request_for())
    site = Site.objects.get(is_default_site=True)
    root = site.root_page
    other = Site.objects.create(hostname="autre.example", port=80, root_page=root)
    request = request_for()
    assert page_url(lesson, request) == lesson.get_url(request=request)
    other.delete()
    assert page_url(lesson, request_for()) == before


def test_a_route_is_reversed_once_per_page_type_and_arguments(lesson):
    addresses._routes.clear()
    with mock.patch.object(
        type(lesson), "reverse_subpage", autospec=True, side_effect=type(lesson).reverse_subpage
    ) as wagtail:
        for _request in range(3):
            assert addresses.route_url(lesson, "note", ("b1",)) == "notes/b1/"
            assert addresses.route_url(lesson, "note", ("b2",)) == "notes/b2/"
    assert wagtail.call_count == 2
