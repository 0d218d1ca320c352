"""The Django side of the bench, run in a process set up for one scale: members' sessions,
the pages' paths, and one request of a page in-process (status, size, queries)."""

import tomllib
from pathlib import Path
from urllib.parse import quote

PAGES = Path(__file__).resolve().parent / "pages.toml"


def load_pages():
    return tomllib.loads(PAGES.read_text())["page"]


def session_cookie(username):
    """A logged-in session for this member, as the login view would have left it.

    Sessions are created directly (``SessionStore`` + cookie), not through the login form:
    the benchmark must not depend on the login flow (two-factor authentication for staff,
    rate limits), and measures the pages, not the password hasher.
    """
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.cached_db import SessionStore

    from accounts.twofactor import requires_two_factor

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend that logs members in (the first one, django-axes, only counts failures).
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if requires_two_factor(user):
        # Staff pass two-step verification as the code step would leave the session.
        from django_otp import DEVICE_ID_SESSION_KEY

        from accounts.testing import give_device
        from accounts.twofactor import HAS_DEVICE_SESSION_KEY

        session[DEVICE_ID_SESSION_KEY] = give_device(user).persistent_id
        session[HAS_DEVICE_SESSION_KEY] = True
    session.create()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def member_cookies(username):
    """The cookies a member's browser sends once it has opened one page: the session's and
    the CSRF cookie that page set (every member page has a form, the header's "Log out").
    Without the latter every measured request would make a new CSRF secret and send it back
    in a cookie, which a member's browser pays on its first page only."""
    from django.conf import settings
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    secret = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    return f"{session_cookie(username)}; {settings.CSRF_COOKIE_NAME}={secret}"


def targets(fixtures):
    """The {placeholders} that bench/pages.toml may use, from the generated data."""
    from django.urls import reverse
    from django.utils import translation

    from courses.models import LessonPage
    from home.models import HomePage
    from setup.site_tree import section_pages

    with translation.override("fr"):
        return {
            "lesson_url": LessonPage.objects.get(pk=fixtures["lesson_id"]).url,
            "catalogue_url": section_pages("courses")[0].url,
            "home_url": HomePage.objects.get(locale__language_code="fr").url,
            "cohort_report_url": reverse("cohorts:report", args=[fixtures["report_cohort_id"]]),
        }


def resolve(page, values):
    """The page's path, or raise LookupError saying why it cannot be measured here."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    if "url_name" in page:
        with translation.override("fr"):
            try:
                path = reverse(page["url_name"], args=page.get("args", []))
            except NoReverseMatch:
                raise LookupError(
                    f"not available: no URL named {page['url_name']!r} on this branch"
                ) from None
    else:
        path = page["path"].format(**values)
    if page.get("query"):
        # "q=écoute" as written in pages.toml, percent-encoded as a browser sends it.
        path += "?" + quote(page["query"], safe="=&")
    return path


def get(path, cookie):
    """(status, bytes, [SQL]) of one request to the page, in this process, caches warm."""
    from django.db import connection
    from django.http.cookie import parse_cookie
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    for name, value in parse_cookie(cookie or "").items():
        client.cookies[name] = value
    client.get(path)  # warm the caches, as they are for the server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(response.content), [query["sql"] for query in queries]
