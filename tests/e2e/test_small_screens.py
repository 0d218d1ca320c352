"""Every front-end page of the demo on a 375 px phone, as each role (issue 16): nothing
scrolls sideways, and every control is at least 24 x 24 px (WCAG 2.2, 2.5.8).

The pages: every live page of the demo in the role's language, the members' own spaces,
and every page those link to (entries, reviews, certificates…), found by following links.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import Error as PlaywrightError

from .helpers import login, url

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}
MOST_PAGES = 150  # a bound on the walk, far above the demo's pages of one role

# Roles as the demo's accounts hold them; None: a visitor.
ROLES = {
    "anonymous": (None, "fr"),
    "peer-fr": ("alice", "fr"),
    "peer-en": ("gabriel", "en"),
    "trainer": ("chloe", "fr"),
    "supervisor": ("david", "fr"),
    "coordinator": ("emma", "fr"),
}

# The members' own spaces, which no page of the tree lists for every role.
APP_PAGES = [
    "my_learning",
    "entry_list",
    "entry_create",
    "supervision_queue",
    "notification_list",
    "my_data",
    "account_security",
    "password_change",
    "search",
    "login",
    "password_reset",
]

# Not pages to look at: files, downloads, the editing spaces, logging out.
NOT_PAGES = ("/admin/", "/django-admin/", "/files/", "/media/", "/static/", "logout")
FILE_ENDINGS = (".pdf", ".ics", ".csv", ".xlsx", ".zip", ".png", ".jpg", ".svg")

# Measures the page as a phone shows it. A target smaller than 24 x 24 px passes when it
# is a link inside running text, or when a 24 px circle on its centre touches no other
# target (the exceptions of 2.5.8). A checkbox or radio button counts with its label.
# Every disclosure (the header's menu, the account menu, a review's sections) is opened
# first, so that what it holds is measured, and must fit too.
MEASURE = """() => {
    const MIN = 24;
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
        + '[role=button], [tabindex]:not([tabindex="-1"])';
    const blockOf = (element) => {
        let block = element.parentElement;
        while (block && getComputedStyle(block).display.startsWith('inline')) {
            block = block.parentElement;
        }
        return block;
    };
    const inText = (element) => {
        if (element.tagName !== 'A' || getComputedStyle(element).display !== 'inline') {
            return false;
        }
        const block = blockOf(element);
        const own = element.textContent.trim().length;
        return block && block.textContent.replace(/\\s+/g, ' ').trim().length > own + 1;
    };
    const rectOf = (element) => {
        let r = element.getBoundingClientRect();
        let box = {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
        if ((element.type === 'checkbox' || element.type === 'radio') && element.labels) {
            for (const label of element.labels) {
                const l = label.getBoundingClientRect();
                if (l.width && l.height) {
                    box = {left: Math.min(box.left, l.left), top: Math.min(box.top, l.top),
                           right: Math.max(box.right, l.right),
                           bottom: Math.max(box.bottom, l.bottom)};
                }
            }
        }
        box.width = box.right - box.left;
        box.height = box.bottom - box.top;
        return box;
    };
    // Menus and sections open: what they hold is measured too.
    for (const details of document.querySelectorAll('details')) details.open = true;
    const targets = [];
    for (const element of document.querySelectorAll(selector)) {
        const r = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden') continue;
        if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) continue;  // the skip link
        targets.push({element, box: rectOf(element)});
    }
    const small = targets.filter(
        (t) => (t.box.width < MIN - 0.5 || t.box.height < MIN - 0.5) && !inText(t.element));
    const centre = (b) => [(b.left + b.right) / 2, (b.top + b.bottom) / 2];
    const distance = (point, b) => Math.hypot(
        Math.max(b.left - point[0], 0, point[0] - b.right),
        Math.max(b.top - point[1], 0, point[1] - b.bottom));
    const apart = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    const crowded = small.filter((t) => {
        const c = centre(t.box);
        return targets.some((other) => other !== t && (
            other.element.contains(t.element) || t.element.contains(other.element) ? false :
            distance(c, other.box) < MIN / 2
            || (small.includes(other) && apart(c, centre(other.box)) < MIN)));
    });
    const describe = (t) => {
        const e = t.element;
        const name = (e.getAttribute('aria-label') || e.textContent || e.name || e.type || '')
            .replace(/\\s+/g, ' ').trim().slice(0, 40);
        const kind = e.className ? '.' + String(e.className).split(' ')[0] : '';
        return `${e.tagName.toLowerCase()}${kind} "${name}"`
            + ` ${Math.round(t.box.width)}x${Math.round(t.box.height)}`;
    };
    const links = [...document.querySelectorAll('a[href]')].map((a) => a.href);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        small: crowded.map(describe),
        links,
    };
}"""


def page_addresses(language):
    from wagtail.models import Page

    live = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    pages = [page.url for page in live.specific() if page.url]
    return [*pages, *(url(name, language) for name in APP_PAGES)]


def worth_visiting(address, origin, language):
    parts = urlsplit(address)
    return (
        f"{parts.scheme}://{parts.netloc}" == origin
        and parts.path.startswith(f"/{language}/")
        and not any(part in parts.path for part in NOT_PAGES)
        and not parts.path.lower().endswith(FILE_ENDINGS)
    )


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_fits_a_phone_with_targets_large_enough(page, live_server, role):
    from setup.demo import DemoSeeder

    DemoSeeder(settings.DEMO_PASSWORD).run()  # seed_demo, on the bootstrapped site
    username, language = ROLES[role]
    if username:
        user = get_user_model().objects.get(username=username)
        login(page, user, language, password=settings.DEMO_PASSWORD)
    page.set_viewport_size(PHONE)
    origin = live_server.url
    waiting = [
        origin + address
        for address in page_addresses(language)
        if worth_visiting(origin + address, origin, language)
    ]
    seen, measured, problems = set(waiting), set(), []
    while waiting and len(measured) < MOST_PAGES:
        address = waiting.pop(0)
        try:
            response = page.goto(address)
        except PlaywrightError as error:  # a download, not a page
            assert "Download is starting" in str(error), error
            continue
        landed = urlsplit(page.url)._replace(query="", fragment="").geturl()
        if landed in measured or response is None:
            continue
        measured.add(landed)
        found = page.evaluate(MEASURE)
        if found["scrollWidth"] > found["innerWidth"]:
            problems.append(
                f"{page.url}: {found['scrollWidth']} px wide in {found['innerWidth']} px"
            )
        problems.extend(f"{page.url}: {target}" for target in found["small"])
        for link in found["links"]:
            link = urlsplit(link)._replace(query="", fragment="").geturl()
            if link not in seen and worth_visiting(link, origin, language):
                seen.add(link)
                waiting.append(link)
    assert len(measured) > (3 if role == "anonymous" else 20), sorted(measured)
    assert not problems, f"{len(problems)} problem(s) on {len(measured)} pages:\n" + "\n".join(
        problems
    )
