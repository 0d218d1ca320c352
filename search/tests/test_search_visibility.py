"""Search chooses what the member may see: public content and their own groups' branches,
whatever the number of practice groups in the network."""

import json
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from home.charter import acknowledge, current_charter
from home.factories import UserFactory
from home.models import StandardPage
from practice_analysis.factories import PracticeGroupFactory, bulk_practice_groups
from practice_analysis.models import PracticeGroup, PracticeGroupPage
from search.services import pages_visible_to

pytestmark = pytest.mark.django_db


def search(client, query):
    with translation.override("fr"):
        url = reverse("search")
    return client.get(url, {"q": query})


def titles(response):
    assert response.status_code == 200
    return sorted(result["page"].title for result in response.context["found"])


def standard_page(parent, title, body):
    page = StandardPage(
        title=title, body=json.dumps([{"type": "paragraph", "value": f"<p>{body}</p>"}])
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def network(section):
    """A group with a searchable page in its branch (were a record type ever indexed,
    search must still keep it to the group), another group, and a public page."""
    member, supervisor, peer, other_member, other_supervisor = (
        UserFactory(roles=[role]) for role in ("peer", "supervisor", "peer", "peer", "supervisor")
    )
    group = PracticeGroupFactory(members=[member], supervisors=[supervisor])
    PracticeGroupFactory(members=[other_member], supervisors=[other_supervisor])
    group_page = PracticeGroupPage.objects.get(group=group)
    standard_page(group_page, "Compte rendu Zanzibar", "Un appel difficile, Tombouctou.")
    standard_page(section("about"), "Zanzibar public", "Une page pour tout le monde.")
    people = SimpleNamespace(
        member=member,
        supervisor=supervisor,
        peer=peer,
        other_member=other_member,
        other_supervisor=other_supervisor,
    )
    for user in vars(people).values():
        acknowledge(user, current_charter(), "fr")
    return people


def test_only_the_group_finds_what_is_in_its_branch(client, network):
    """By title or by text: outsiders, the supervisor of another group and anonymous
    visitors never find it; the group's member and supervisor do."""
    assert titles(search(client, "Zanzibar")) == ["Zanzibar public"]
    assert titles(search(client, "Tombouctou")) == []
    for outsider in (network.peer, network.other_member, network.other_supervisor):
        client.force_login(outsider)
        assert titles(search(client, "Zanzibar")) == ["Zanzibar public"]
        response = search(client, "Tombouctou")
        assert titles(response) == []
        assert "Compte rendu" not in response.content.decode()
    for insider in (network.member, network.supervisor):
        client.force_login(insider)
        assert titles(search(client, "Zanzibar")) == ["Compte rendu Zanzibar", "Zanzibar public"]
        assert titles(search(client, "Tombouctou")) == ["Compte rendu Zanzibar"]


def test_a_superuser_outside_the_group_does_not_find_it(client, network, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    assert titles(search(client, "Tombouctou")) == []


def test_a_password_inside_ones_own_group_still_counts(client, network):
    """The restrictions of one's own groups' pages are asked too, not waved through."""
    from wagtail.models import Page, PageViewRestriction

    record = Page.objects.get(title="Compte rendu Zanzibar")
    PageViewRestriction.objects.create(
        page=record, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    client.force_login(network.member)
    assert titles(search(client, "Tombouctou")) == []


def test_search_answers_with_a_member_outside_a_thousand_groups(client, network):
    """SQLite refused the old filter ("Expression tree is too large") past ~900 groups."""
    bulk_practice_groups(1200)
    assert PracticeGroup.objects.count() > 1200
    client.force_login(network.peer)
    assert titles(search(client, "Zanzibar")) == ["Zanzibar public"]
    client.force_login(network.member)
    assert titles(search(client, "Zanzibar")) == ["Compte rendu Zanzibar", "Zanzibar public"]
    client.logout()
    assert titles(search(client, "Zanzibar")) == ["Zanzibar public"]


def test_the_filter_and_its_queries_do_not_grow_with_the_network(client, network):
    def measure(user):
        client.force_login(user)
        search(client, "Zanzibar")  # warm the caches of the page chrome
        with CaptureQueriesContext(connection) as served:
            search(client, "Zanzibar")
        user = type(user).objects.get(pk=user.pk)  # a fresh user: nothing kept from before
        request = SimpleNamespace(user=user, session={})
        with CaptureQueriesContext(connection) as queries:
            sql = str(pages_visible_to(request).query)
        return len(sql), len(queries), len(served)

    people = (network.peer, network.member, network.supervisor)
    few = [measure(user) for user in people]
    bulk_practice_groups(1000)
    assert [measure(user) for user in people] == few


def test_the_visible_pages_of_a_member_in_many_groups(network):
    """A member of many groups sees each of their groups, and no other."""
    groups = bulk_practice_groups(300)
    mine = groups[::3]
    network.peer.practice_groups.add(*mine)
    request = SimpleNamespace(user=network.peer, session={})
    visible = pages_visible_to(request).type(PracticeGroupPage)
    assert set(visible.values_list("pk", flat=True)) == set(
        PracticeGroupPage.objects.filter(group__in=mine).values_list("pk", flat=True)
    )
    anonymous = SimpleNamespace(user=AnonymousUser(), session={})
    assert not pages_visible_to(anonymous).type(PracticeGroupPage).exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_restrictions_of_one_s_own_groups_are_read_by_their_pages(client, network):
    """The view restrictions in one's own groups' branches are read from the branches' pages
    (the path's index), then by their page (its index). Filtered on their page's path, on the
    bench's ten-times data SQLite read every restriction of the network (one per practice
    group) for each search; this small database does not show that plan."""
    bulk_practice_groups(50)
    client.force_login(network.member)
    with CaptureQueriesContext(connection) as queries:
        assert titles(search(client, "Zanzibar")) == ["Compte rendu Zanzibar", "Zanzibar public"]
    # The last: the first one is that of the sections outside the practice area, read once
    # per worker.
    sql = [q["sql"] for q in queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]][-1]
    with connection.cursor() as cursor:
        # With the tables' statistics, as a network's database has them (``ANALYZE``).
        cursor.execute("ANALYZE")
        plan = [row[-1] for row in cursor.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
    assert not [step for step in plan if step.startswith("SCAN")], plan
    assert any("wagtailcore_pageviewrestriction_page_id" in step for step in plan), plan
