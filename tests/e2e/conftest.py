"""Browser tests: one live server and one Chromium for the whole run, fresh data for each test.

The server thread and the tests share the test database, so e2e tests use pytest-django's
``live_server`` and commit for real; pytest-django empties the database after each of them.
It is then put back exactly as the session's bootstrap left it (a snapshot taken once), so
the tests that follow, whatever their order, find the roles, workflows and page tree.
"""

import json
import re
import shutil
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

import pytest
from pytest_django.live_server_helper import LiveServer

from .helpers import Browser

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


_browser = Browser()
_snapshot = {}


@pytest.fixture(scope="session")
def bootstrap_snapshot(django_db_setup, django_db_blocker):
    """The database as bootstrap left it, serialised once (a few hundred rows)."""
    if not _snapshot:
        with django_db_blocker.unblock():
            data = json.loads(connection.creation.serialize_db_to_string())
        # Content types first: building some objects (Wagtail tasks, pages) looks them up,
        # which would create them again under other ids.
        data.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
        _snapshot["data"] = json.dumps(data)
        _snapshot["blocker"] = django_db_blocker
    return _snapshot


def restore_bootstrap_snapshot():
    """Empty the database (pytest-django's flush left Django's defaults) and reload the snapshot."""
    with _snapshot["blocker"].unblock():
        # Sequences keep counting (PostgreSQL): reset, they would hand out the ids reloaded.
        call_command(
            "flush",
            interactive=False,
            inhibit_post_migrate=True,
            reset_sequences=False,
            verbosity=0,
        )
        connection.creation.deserialize_db_from_string(_snapshot["data"])
    cache.clear()


@pytest.fixture(scope="session")
def live_server(django_db_setup, django_db_blocker):
    """pytest-django's live server, started once the test database exists.

    Started later than pytest-django's own, so that an in-memory SQLite test database
    shares its connection with the server's threads, as Django's LiveServerTestCase does.
    """
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def browser():
    return _browser.start()


@pytest.fixture
def new_page(request, browser, live_server, bootstrap_snapshot):
    """``new_page(language)``: a page in a fresh browser context (its own cookies, a trace).

    Each person of a journey has their own; the browser speaks ``language``, or the test's
    ``language`` parameter, or French.
    """
    params = getattr(request.node, "callspec", None)
    default = params.params.get("language", "fr") if params else "fr"
    contexts = []

    def open_page(language=None):
        context = browser.new_context(
            base_url=live_server.url,
            locale={"fr": "fr-FR", "en": "en-GB"}[language or default],
            viewport={"width": 1280, "height": 800},
            accept_downloads=True,
        )
        context.set_default_timeout(15_000)
        context.tracing.start(screenshots=True, snapshots=True, sources=False)
        contexts.append(context)
        return context.new_page()

    yield open_page
    report = getattr(request.node, "rep_call", None)
    folder = RESULTS / re.sub(r"[^\w.-]+", "-", request.node.nodeid).strip("-")
    if report is not None and report.failed:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for number, context in enumerate(contexts):
        if report is not None and report.failed:
            for page_number, page in enumerate(context.pages):
                page.screenshot(path=folder / f"person-{number}-page-{page_number}.png")
            context.tracing.stop(path=folder / f"person-{number}-trace.zip")
        else:
            context.tracing.stop()
        context.close()


@pytest.fixture
def page(new_page):
    """The page of the journey's main person."""
    return new_page()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures can tell a failure at teardown."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    # live_server's transactional database access ends with a flush that empties the
    # database; the tests after this one expect it bootstrapped.
    transactional = {"live_server", "transactional_db"} & set(item.fixturenames)
    # After the last test, the test database itself is gone.
    if transactional and _snapshot and nextitem is not None:
        restore_bootstrap_snapshot()
    # Chromium is shared by consecutive browser tests, and stopped before any other test:
    # Playwright's event loop would make Django refuse database access in later tests.
    if nextitem is None or not nextitem.path.is_relative_to(Path(__file__).parent):
        _browser.stop()
