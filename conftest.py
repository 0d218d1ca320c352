"""Shared fixtures: the database is bootstrapped once per session, tests roll back their changes."""

import io

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone, translation

import pytest

from accounts.testing import VerifiedClient, login_verified
from home import preferences
from home.cache import local_memory
from home.factories import UserFactory
from home.tests.locking import NullableLockGuard
from home.tests.mail import RequestMailGuard
from setup.site_tree import section_pages


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("bootstrap", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _isolated_state():
    """Each test starts in French with an empty cache (filer caches folder rights per user id)."""
    cache.clear()
    local_memory.clear()
    with translation.override(settings.LANGUAGE_CODE):
        yield
    cache.clear()
    local_memory.clear()


@pytest.fixture(autouse=True)
def _no_e_mail_sent_by_a_request(monkeypatch):
    """Every test fails if a request reaches the mail transport other than through the
    outbox's task (home/tests/mail.py). ``send_mail`` goes through the outbox, as in
    production (pytest-django would make it the in-memory backend directly). Set on the
    settings themselves: an override would hide ``SETTINGS_MODULE``."""
    monkeypatch.setattr(settings, "EMAIL_BACKEND", "home.outbox.OutboxBackend")
    guard = RequestMailGuard(monkeypatch)
    yield guard
    assert guard.breaches == [], guard.breaches


@pytest.fixture(autouse=True)
def _locks_postgresql_accepts(monkeypatch):
    """Every test fails if a query locks rows over a nullable outer join, which PostgreSQL
    refuses and SQLite ignores (home/tests/locking.py)."""
    guard = NullableLockGuard(monkeypatch)
    yield guard
    assert guard.breaches == [], guard.breaches


@pytest.fixture(autouse=True)
def _midday(monkeypatch):
    """Quiet hours see midday, whatever the hour the tests run (tests of quiet hours pass
    their own time)."""
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    monkeypatch.setattr(preferences, "current_time", lambda: noon)


@pytest.fixture
def client():
    """pytest-django's client, except that ``force_login`` verifies staff's second factor.

    Staff roles need two-step verification for the admin and supervision (accounts app):
    ``client.force_login(trainer)`` logs in a verified trainer, as most tests want;
    ``client.force_login(trainer, verified=False)`` a trainer who has not given a code.
    """
    return VerifiedClient()


@pytest.fixture
def verified_login():
    """``verified_login(client, user)``: log anyone in with a verified second factor."""
    return login_verified


@pytest.fixture
def section():
    """``section("charter", "en")``: the root page of a section in one language, as specific."""

    def get(key, language="fr"):
        if key == "home":
            from home.models import HomePage

            return HomePage.objects.get(locale__language_code=language)
        pages = [p for p in section_pages(key) if p.locale.language_code == language]
        assert len(pages) == 1, f"section {key} has {len(pages)} page(s) in {language}"
        return pages[0].specific

    return get


@pytest.fixture
def member(db):
    """A logged-in-able member with no role."""
    return UserFactory()


@pytest.fixture
def peer(db):
    return UserFactory(roles=["peer"])


@pytest.fixture
def trainer(db):
    return UserFactory(roles=["trainer"])


@pytest.fixture
def supervisor(db):
    return UserFactory(roles=["supervisor"])


@pytest.fixture
def coordinator(db):
    return UserFactory(roles=["coordinator"])
