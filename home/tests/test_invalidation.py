"""Each app declares what its saves make stale (``home.cache.register_invalidation``), and
together they cover every page type: a page saved anywhere is seen on the next request."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, get_page_models

import pytest

from home import cache as home_cache
from home.cache import (
    CONTENT,
    ROLES,
    app_page_models,
    content_version,
    invalidating_models,
    register_invalidation,
)
from home.models import CrisisLine, SiteSettings


def test_every_page_type_is_registered_by_its_app():
    assert set(get_page_models()) <= invalidating_models(CONTENT)
    assert {model._meta.app_label for model in get_page_models()} >= {
        "home",
        "courses",
        "practice_analysis",
    }
    assert Page in invalidating_models(CONTENT)
    assert {PageViewRestriction, CrisisLine} <= invalidating_models(CONTENT)


def test_roles_follow_groups_and_permissions():
    from django.contrib.auth.models import Group

    assert Group in invalidating_models(ROLES)
    assert Group.permissions.through in invalidating_models(ROLES)


def test_an_apps_page_models_are_its_own():
    assert app_page_models("courses")
    assert all(model._meta.app_label == "courses" for model in app_page_models("courses"))


def test_site_settings_keep_their_own_rule():
    """Created on a first read with its defaults: only a real change bumps the version."""
    assert SiteSettings not in invalidating_models(CONTENT)


@pytest.mark.django_db
def test_a_registered_model_bumps_the_version_on_save_and_delete(monkeypatch):
    monkeypatch.setattr(home_cache, "_invalidating", {CONTENT: set(), ROLES: set()})
    register_invalidation(CrisisLine)  # the same receivers again: connected once
    before = content_version()
    line = CrisisLine.objects.create(name="Écoute", number="0800 000 000")
    after_save = content_version()
    line.delete()
    assert before < after_save < content_version()
    assert invalidating_models(CONTENT) == {CrisisLine}
    assert post_save.has_listeners(CrisisLine) and post_delete.has_listeners(CrisisLine)
