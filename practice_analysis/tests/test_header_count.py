"""The header's spaces: "My learning" and "My entries" for every member, "Supervision" with
what waits for supervisors, counted once and then kept until an entry of theirs moves."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from practice_analysis.factories import PracticeGroupFactory, ReflectiveEntryFactory
from practice_analysis.models import ReflectiveEntry
from practice_analysis.states import move

pytestmark = pytest.mark.django_db
E = ReflectiveEntry


def person(role):
    user = UserFactory(roles=[role])
    acknowledge(user, current_charter(), "fr")
    return user


def quick_links(page):
    start = page.index('<nav class="quick-links"')
    return page[start : page.index("</nav>", start)]


def test_a_member_has_their_spaces_one_tap_away_but_no_supervision(client):
    peer = person("peer")
    client.force_login(peer)
    links = quick_links(client.get("/fr/").content.decode())
    assert reverse("my_learning") in links and reverse("entry_list") in links
    assert reverse("supervision_queue") not in links


def test_a_visitor_has_no_spaces(client):
    assert 'class="quick-links"' not in client.get("/fr/").content.decode()


def test_a_supervisor_sees_what_waits_counted_once(client, django_capture_on_commit_callbacks):
    cache.clear()
    author, supervisor = person("peer"), person("supervisor")
    group = PracticeGroupFactory(members=[author], supervisors=[supervisor])
    for _ in range(2):
        move(ReflectiveEntryFactory(author=author, group=group), E.SUBMITTED, author)
    ReflectiveEntryFactory(author=author, group=group)  # a draft: not theirs to see
    other = PracticeGroupFactory(members=[person("peer")])
    ReflectiveEntryFactory(group=other)
    client.force_login(supervisor)
    links = quick_links(client.get("/fr/").content.decode())
    assert (
        reverse("supervision_queue") in links and "(2 écrits ou comptes rendus attendent)" in links
    )

    # Another page than the home (whose own panels read the member's own entries).
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/mon-parcours/")
    assert not [q for q in queries if "practice_analysis_reflectiveentry" in q["sql"]]

    # A new entry sent: the count is read again.
    with django_capture_on_commit_callbacks(execute=True):
        move(ReflectiveEntryFactory(author=author, group=group), E.SUBMITTED, author)
    assert "(3 écrits ou comptes rendus attendent)" in quick_links(
        client.get("/fr/").content.decode()
    )
