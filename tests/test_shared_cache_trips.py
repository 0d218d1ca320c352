"""A returning member's pages ask the shared cache little: each call is a round trip to
Redis in production, and they cost more than the rest of the work of many values
(docs/performance.md). Counted here on the pages the benchmark measures, once the caches
are filled."""

import re
from contextlib import contextmanager

from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Site

import pytest

from courses.factories import lessons_of, make_course
from courses.services import enrol
from home.cache import _finish_request, _start_request
from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from home.member_cache import member_value
from home.notifications import forget_unread_count, unread_cache_key, unread_count
from home.routing import site_root_paths

pytestmark = pytest.mark.django_db

# Every method of Django's cache API that reaches the shared cache.
CALLS = (
    "get",
    "get_many",
    "set",
    "set_many",
    "add",
    "incr",
    "decr",
    "delete",
    "delete_many",
    "has_key",
    "touch",
    "get_or_set",
)


@contextmanager
def round_trips():
    """The calls made to the shared cache meanwhile, as ``[(method, key or keys)]``."""
    calls, inside = [], []

    def counting(name):
        original = getattr(cache, name)

        def call(*args, **kwargs):
            if not inside:  # the in-memory backend's get_many calls its own get
                calls.append((name, args[0] if args else None))
            inside.append(True)
            try:
                return original(*args, **kwargs)
            finally:
                inside.pop()

        return call

    for name in CALLS:
        setattr(cache, name, counting(name))
    try:
        yield calls
    finally:
        for name in CALLS:
            delattr(cache, name)


def trips_of(client, url):
    for _visit in range(2):  # the caches filled, as for a returning member
        assert client.get(url).status_code == 200
    with round_trips() as calls:
        assert client.get(url).status_code == 200
    return calls


@pytest.fixture
def learner(client, section):
    user = UserFactory(roles=["peer"])
    acknowledge(user, current_charter(), "fr")
    course = make_course(section("courses"), title="Écoute active", lessons=2)
    enrol(user, course)
    client.force_login(user)
    return user, course


def test_a_lesson_asks_the_shared_cache_little(client, learner):
    _user, course = learner
    calls = trips_of(client, lessons_of(course)[0].url)
    # The versions, the session, the module's version, the member's own values.
    assert len(calls) <= 4, calls


def test_my_learning_asks_the_shared_cache_little(client, learner):
    calls = trips_of(client, reverse("my_learning"))
    # The versions, the session, the modules' versions, the member's own values.
    assert len(calls) <= 4, calls


def test_the_personal_home_asks_the_shared_cache_little(client, learner, section):
    calls = trips_of(client, section("home").url)
    # The versions, the session, the modules' versions, the member's own values.
    assert len(calls) <= 4, calls


def test_page_urls_come_from_the_sites_root_paths_kept_by_each_worker(client, learner):
    """Wagtail reads the sites' root paths from the shared cache for each request, unless
    the request holds them (``Page._get_site_root_paths``): the routing middleware gives
    them from the worker's memory."""
    _user, course = learner
    calls = trips_of(client, lessons_of(course)[0].url)
    assert not [key for _name, key in calls if "site_root_paths" in str(key)]


def test_the_sites_root_paths_kept_by_each_worker_follow_a_site_change():
    assert site_root_paths() == Site.get_site_root_paths()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "entrepairs.example", 443
    site.save()
    assert {path.root_url for path in site_root_paths()} == {"https://entrepairs.example"}
    assert site_root_paths() == Site.get_site_root_paths()


def test_a_members_own_values_are_read_in_one_round_trip(client, learner):
    """The reading comfort, the unread count and the charter's acknowledgement, which every
    page shows (``home.member_cache.member_value``)."""
    user, course = learner
    calls = trips_of(client, lessons_of(course)[0].url)
    # The member's id as a whole part of a key (":2" is also the start of ":25790737-…").
    own = re.compile(rf":{user.pk}(:|$)")
    mine = [keys for _name, keys in calls if any(own.search(key) for key in keys)]
    assert len(mine) == 1, calls


def test_a_change_made_by_the_request_shows_in_what_it_read_of_the_members_values(client, learner):
    """A member's value read early in a request and changed later in it (a notification
    read, a charter acknowledged) is not shown as it was: the request sees its change."""
    user, _course = learner
    cache.set(unread_cache_key(user.pk), 3)
    _start_request()  # as at the start of a request (``request_started``)
    try:
        assert unread_count(user) == 3
        forget_unread_count(user.pk)
        assert member_value(user, unread_cache_key(user.pk)) is None
        assert unread_count(user) == 0  # read again from the database
    finally:
        _finish_request()
