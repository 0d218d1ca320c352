""" "May this member pass this view restriction": one function, the rule Wagtail applies.

``home.services.passes_view_restriction`` answers for the header's sections, the
contributions' listing and site search; Wagtail answers with ``accept_request`` when it
serves a page. The two must never disagree, or a listing would show what the page refuses.
"""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser, Group

from wagtail.models import PageViewRestriction

import pytest

from home.factories import ContributionPageFactory, StandardPageFactory, UserFactory
from home.services import (
    ViewRule,
    contributions_visible_to,
    navigation_pages,
    passed_passwords,
    passes_view_restriction,
)

pytestmark = pytest.mark.django_db

KEY = PageViewRestriction.passed_view_restrictions_session_key


@pytest.fixture
def readers():
    circle = Group.objects.create(name="Cercle de lecture")
    insider = UserFactory(roles=["peer"])
    insider.groups.add(circle)
    return circle, {
        "anonymous": AnonymousUser(),
        "insider": insider,
        "outsider": UserFactory(roles=["peer"]),
        "superuser": UserFactory(is_superuser=True),
    }


def restrict(page, kind, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=password
    )
    restriction.groups.set(groups)
    return PageViewRestriction.objects.prefetch_related("groups").get(pk=restriction.pk)


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS, PageViewRestriction.PASSWORD]
)
@pytest.mark.parametrize("password_given", [False, True])
def test_the_rule_agrees_with_wagtail_for_everyone(section, readers, kind, password_given):
    circle, people = readers
    page = StandardPageFactory(parent=section("home"))
    restriction = restrict(page, kind, groups=[circle], password="secret")
    session = {KEY: [restriction.pk]} if password_given else {}
    for name, user in people.items():
        group_ids = set(user.groups.values_list("pk", flat=True)) if user.pk else set()
        served = restriction.accept_request(SimpleNamespace(user=user, session=session))
        ours = passes_view_restriction(
            user, restriction, group_ids, passed_passwords(SimpleNamespace(session=session))
        )
        assert ours == served, (name, kind, password_given)
        # The cached form of the restriction answers the same.
        cached = ViewRule.of(restriction)
        assert passes_view_restriction(user, cached, group_ids, session.get(KEY, ())) == served


def test_outsiders_and_visitors_are_refused_a_group_restriction(readers):
    circle, people = readers
    rule = ViewRule(1, PageViewRestriction.GROUPS, frozenset({circle.pk}))
    assert not passes_view_restriction(people["outsider"], rule, set())
    assert not passes_view_restriction(people["anonymous"], rule, {circle.pk})
    assert passes_view_restriction(people["insider"], rule, {circle.pk})


def test_a_password_is_never_passed_without_the_session_even_by_a_superuser(readers):
    _circle, people = readers
    rule = ViewRule(7, PageViewRestriction.PASSWORD)
    assert not passes_view_restriction(people["superuser"], rule, set())
    assert passes_view_restriction(people["superuser"], rule, set(), passed={7})


def test_an_unknown_kind_of_restriction_is_closed(readers):
    _circle, people = readers
    assert not passes_view_restriction(people["superuser"], ViewRule(1, "later"), set())


def test_the_header_leaves_out_a_section_the_member_may_not_open(section, readers):
    circle, people = readers
    home = section("home")
    page = StandardPageFactory(parent=home, title="Salle du cercle", show_in_menus=True)
    restrict(page, PageViewRestriction.GROUPS, groups=[circle])

    def titles(user):
        return [item["title"] for item in navigation_pages(user, home.locale_id)]

    assert "Salle du cercle" in titles(people["insider"])
    assert "Salle du cercle" in titles(people["superuser"])
    assert "Salle du cercle" not in titles(people["outsider"])
    assert "Salle du cercle" not in titles(people["anonymous"])


def test_a_contribution_behind_a_password_is_listed_to_nobody(section, readers):
    """Not even to a superuser (the listing's own copy of the rule let them see it): the
    page would ask them the password too."""
    circle, people = readers
    index = section("contributions")
    author = UserFactory(roles=["peer"])
    behind = ContributionPageFactory(parent=index, owner=author, author=author)
    restrict(behind, PageViewRestriction.PASSWORD, password="secret")
    for_circle = ContributionPageFactory(parent=index, owner=author, author=author)
    restrict(for_circle, PageViewRestriction.GROUPS, groups=[circle])

    def listed(user):
        return set(contributions_visible_to(user, index).values_list("pk", flat=True))

    assert behind.pk not in listed(people["superuser"])
    assert behind.pk not in listed(people["insider"])
    assert for_circle.pk in listed(people["insider"])
    assert for_circle.pk in listed(people["superuser"])
    assert for_circle.pk not in listed(people["outsider"])
