"""What the browser tests share: Chromium, logging in, the language switcher, axe-core."""

import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page as WagtailPage

from playwright.sync_api import Page, expect, sync_playwright

from home.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Debian's Chromium; the machine's closed network refuses its background connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError("Chromium is missing: run `make browser-deps` (Debian's chromium).")
    return path


class Browser:
    """One headless Chromium, started on first use and stopped by ``stop()``.

    Playwright's sync API keeps an asyncio loop running in the test thread, so Django must
    be told that synchronous database access is fine while it runs (tests only).
    """

    def __init__(self):
        self.playwright = None
        self.browser = None

    def start(self):
        if self.browser is None:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
            self.playwright = sync_playwright().start()
            # Playwright gives each launch a new, empty profile (user-data dir).
            self.browser = self.playwright.chromium.launch(
                executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
            )
        return self.browser

    def stop(self):
        if self.browser is not None:
            self.browser.close()
            self.playwright.stop()
            self.browser = self.playwright = None
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


# --- Words of the interface -------------------------------------------------------------


def t(message, language, **values):
    """``message`` as the interface shows it in ``language`` (from the compiled catalogues)."""
    with translation.override(language):
        text = gettext(message)
    return text % values if values else text


def url(name, language, **kwargs):
    """The path of a named view in ``language`` (paths are translated)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


# --- Logging in ------------------------------------------------------------------------


def login(page: Page, user, language="fr", password=PASSWORD):
    """Log ``user`` in through the login form, in ``language``; ends on the home page.

    Staff (supervisors, trainers, coordinators) also give their one-time code: see
    ``second_factor``.
    """
    page.goto(f"/{language}/accounts/login/")
    page.get_by_label(t("Username", language)).fill(user.username)
    page.get_by_label(t("Password", language), exact=True).fill(password)
    page.get_by_role("button", name=t("Log in", language)).click()
    second_factor(page, user, language)
    expect(page.get_by_role("button", name=t("Log out", language))).to_be_visible()


def second_factor(page: Page, user, language):
    """The code step of two-step verification, for those who have a device: the code their
    authenticator app shows now (the device is set up in ``tests/e2e/people.py``)."""
    from accounts.testing import app_code
    from accounts.twofactor import requires_two_factor

    if not requires_two_factor(user):
        return
    page.get_by_label(t("Code", language)).fill(app_code(user))
    page.get_by_role("button", name=t("Continue", language)).click()


def logout(page: Page, language="fr"):
    page.get_by_role("button", name=t("Log out", language)).click()


# --- The language switcher ---------------------------------------------------------------


def what_is_at(path):
    """What a path shows, independent of its language: a page's translation key or a view."""
    language = path.strip("/").split("/")[0]
    with translation.override(language):
        match = resolve(path)
        if match.url_name != "wagtail_serve":
            return ("view", match.view_name, tuple(sorted(match.kwargs.items())))
        request = RequestFactory().get(path)
        routed = WagtailPage.route_for_request(request, match.kwargs.get("path", ""))
    assert routed is not None, f"no page at {path}"
    page = routed[0]
    return ("page", page.specific_class.__name__, page.translation_key)


def other_language(language):
    return "en" if language == "fr" else "fr"


def check_language_switch(page: Page):
    """The language switcher leads to the same content in the other language.

    Fetched with the page's cookies, so what a logged-in member sees is compared. Call it
    once the page is there (a click does not wait for the next page to load).
    """
    page.wait_for_load_state()
    here = page.locator("html").get_attribute("lang")
    other = other_language(here)
    switcher = page.get_by_role("navigation", name=t("Language", here))
    link = switcher.get_by_role("link")
    expect(link).to_have_attribute("hreflang", other)
    response = page.request.get(link.get_attribute("href"))
    assert response.ok, f"{response.url}: {response.status}"
    html = response.text()
    found = re.search(r'<html lang="([\w-]+)"', html)
    assert found and found.group(1) == other, f"{response.url} is not in {other}"
    shown = unquote(urlsplit(page.url).path)
    translated = unquote(urlsplit(response.url).path)
    assert what_is_at(translated) == what_is_at(shown), f"{shown} -> {translated}"
    return translated


def follow(page: Page, link):
    """Click ``link`` and wait for the page it leads to (a click alone does not wait)."""
    with page.expect_navigation():
        link.click()


def visit(page: Page, path):
    """Go to ``path`` and check that the language switcher has a twin of it."""
    response = page.goto(path)
    assert response.ok, f"{path}: {response.status}"
    check_language_switch(page)
    return response


# --- Accessibility ---------------------------------------------------------------------


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page: Page, impacts=("serious", "critical")):
    """axe-core's violations of WCAG 2.1 A and AA (and best practices) on the current page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol: the site's Content-Security-
        # Policy (no inline script) rightly refuses a <script> tag, and stays on for the test.
        page.evaluate(AXE.read_text() + "\n;undefined")
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [v for v in results["violations"] if v["impact"] in impacts]


def assert_accessible(page: Page):
    violations = axe_violations(page)
    details = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in violations
    ]
    assert not violations, f"{page.url}:\n" + "\n".join(details)


# --- Screenshots for the README ------------------------------------------------------------

SCREENSHOTS = ROOT / "docs" / "screenshots"
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 812}}


def screenshot(page: Page, name):
    """With ENTREPAIRS_SCREENSHOTS=1 (``make screenshots``), save the page at both widths:
    ``name-desktop.png`` for the French site, ``name-en-desktop.png`` for the English one."""
    if not os.environ.get("ENTREPAIRS_SCREENSHOTS"):
        return
    language = page.evaluate("document.documentElement.lang")
    prefix = name if language == "fr" else f"{name}-{language}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for label, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        page.screenshot(path=SCREENSHOTS / f"{prefix}-{label}.png", full_page=False)
    page.set_viewport_size(size)
