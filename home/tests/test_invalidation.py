"""Each app declares what its saves make stale (``home.cache.register_invalidation``), and
together they cover every page type: a page saved anywhere is seen on the next request,
and a change moves only the versions of what it changes."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, get_page_models

import pytest

from courses.services import TRAINING
from courses.structure import MODULE
from home import cache as home_cache
from home.cache import (
    PAGE,
    ROLES,
    SITE,
    app_page_models,
    content_versions,
    invalidating_models,
    page_versions,
    register_invalidation,
    section,
    version,
)
from home.factories import ContributionPageFactory, StandardPageFactory, UserFactory
from home.member_cache import member_groups
from home.models import ContributionPage, CrisisLine, SiteSettings
from home.signals import CONTRIBUTIONS
from practice_analysis.services import PRACTICE


def versions():
    return {name: version(name) for name in (*content_versions(), ROLES)}


def moved(before):
    """The names of the versions that moved since ``before``."""
    return {name for name, value in versions().items() if value != before[name]}


def test_every_page_type_is_registered_by_its_app():
    registered = set().union(*(invalidating_models(name) for name in content_versions()))
    assert set(get_page_models()) <= registered
    assert {model._meta.app_label for model in get_page_models()} >= {
        "home",
        "courses",
        "practice_analysis",
    }
    assert Page in invalidating_models(SITE)
    assert CrisisLine in invalidating_models(SITE)
    assert PageViewRestriction in invalidating_models(PAGE)


def test_each_app_s_pages_are_a_section_of_their_own():
    assert set(app_page_models("home")) <= invalidating_models(SITE) | invalidating_models(
        CONTRIBUTIONS
    )
    assert section(ContributionPage) == CONTRIBUTIONS
    assert set(app_page_models("courses")) <= invalidating_models(TRAINING)
    assert set(app_page_models("practice_analysis")) <= invalidating_models(PRACTICE)
    assert {section(model) for model in app_page_models("practice_analysis")} == {PRACTICE}
    assert set(content_versions()) == {SITE, TRAINING, MODULE, PRACTICE, CONTRIBUTIONS}


def test_roles_follow_groups_and_permissions():
    assert Group in invalidating_models(ROLES)
    assert Group.permissions.through in invalidating_models(ROLES)


def test_an_apps_page_models_are_its_own():
    assert app_page_models("courses")
    assert all(model._meta.app_label == "courses" for model in app_page_models("courses"))


def test_site_settings_keep_their_own_rule():
    """Created on a first read with its defaults: only a real change moves the version."""
    assert SiteSettings not in invalidating_models(SITE)


def test_a_version_must_be_named_before_it_is_used():
    with pytest.raises(ValueError):
        register_invalidation(CrisisLine, version="nowhere")


@pytest.mark.django_db
def test_a_registered_model_moves_its_version_alone_on_save_and_delete(monkeypatch):
    monkeypatch.setattr(home_cache, "_invalidating", {})
    register_invalidation(CrisisLine, version=SITE)  # the same receivers again: connected once
    before = version(SITE)
    training = version(TRAINING)
    line = CrisisLine.objects.create(name="Écoute", number="0800 000 000")
    after_save = version(SITE)
    line.delete()
    assert before < after_save < version(SITE)
    assert version(TRAINING) == training
    assert invalidating_models(SITE) == {CrisisLine}
    assert post_save.has_listeners(CrisisLine) and post_delete.has_listeners(CrisisLine)


@pytest.mark.django_db
def test_a_draft_moves_nothing_and_its_publish_moves_the_site_alone(section):
    page = StandardPageFactory(parent=section("about"), title="Nos partenaires")
    assert page_versions(page) == (SITE,)
    before = versions()
    page.title = "Nos partenaires locaux"
    revision = page.save_revision()
    assert moved(before) == set()
    revision.publish()
    assert moved(before) == {SITE}


@pytest.mark.django_db
def test_a_page_the_header_lists_moves_the_site_too(section):
    catalogue = section("courses")
    before = versions()
    catalogue.title = "Se former ensemble"
    catalogue.save_revision().publish()
    # Every module's version too: their pages' breadcrumbs show the catalogue.
    assert moved(before) == {TRAINING, MODULE, SITE}


@pytest.mark.django_db
def test_a_move_changes_addresses_that_any_section_may_link_to(section):
    about = section("about")
    page = StandardPageFactory(parent=about, title="Nos partenaires")
    sibling = StandardPageFactory(parent=about, title="Nos groupes")
    before = versions()
    page.move(sibling, pos="last-child")
    assert moved(before) == set(content_versions())


@pytest.mark.django_db
def test_a_view_restriction_moves_the_versions_of_its_page(section):
    lesson_parent = section("courses")
    before = versions()
    restriction = PageViewRestriction.objects.create(
        page=lesson_parent, restriction_type=PageViewRestriction.LOGIN
    )
    assert moved(before) == {TRAINING, MODULE, SITE}  # the catalogue is in the header
    page = StandardPageFactory(parent=section("about"), title="Réunion des coordinations")
    before = versions()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="coordinator"))
    assert moved(before) == {SITE}


@pytest.mark.django_db
def test_a_change_of_groups_reaches_the_member_at_once_and_moves_no_content():
    member = UserFactory()
    assert member_groups(member) == {}
    before = versions()
    peer = Group.objects.get(name="peer")
    member.groups.add(peer)
    assert member_groups(member) == {peer.pk: "peer"}
    assert moved(before) == {ROLES}


@pytest.mark.django_db
def test_a_peer_s_contribution_moves_its_section_alone(section):
    contributions, author = section("contributions"), UserFactory(roles=["peer"])
    before = versions()
    ContributionPageFactory(parent=contributions, owner=author)
    assert moved(before) == {CONTRIBUTIONS}
