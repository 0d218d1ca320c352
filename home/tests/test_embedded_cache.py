"""The embedded cache (diskcache) keeps what home.cache relies on: versions, many keys, expiry."""

import time

from django.core.cache import cache
from django.test import override_settings

import pytest
from diskcache import DjangoCache

from config.settings.base import embedded_cache
from home import cache as site_cache


@pytest.fixture
def embedded(tmp_path):
    with override_settings(CACHES={"default": embedded_cache(tmp_path / "cache")}):
        yield cache
        cache.close()


def test_a_version_moves_on_and_is_shared(embedded, tmp_path):
    before = site_cache.version(site_cache.SITE)
    site_cache.bump(site_cache.SITE)
    after = site_cache.version(site_cache.SITE)
    assert after != before
    # Another process (a second worker, the task worker) opening the folder sees the bump.
    settings = embedded_cache(tmp_path / "cache")
    other = DjangoCache(settings["LOCATION"], settings)
    assert other.get(site_cache.version_key(site_cache.SITE)) == after
    other.close()


def test_many_keys_and_expiry(embedded):
    embedded.set_many({"a": 1, "b": 2}, timeout=60)
    assert embedded.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    assert embedded.add("a", 3) is False
    embedded.set("short", "gone", timeout=1)
    time.sleep(1.2)
    assert embedded.get("short") is None
    embedded.set("n", 1)
    assert embedded.incr("n") == 2
