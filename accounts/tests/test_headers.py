"""Browser protections: the headers of front-end pages, the admins, and the preview exception."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

import pytest
from csp.constants import NONCE
from csp.exceptions import CSPNonceError
from csp.utils import build_policy, default_config

from accounts.middleware import ContentSecurityPolicyMiddleware
from home.tests.test_settings import SETUP_PRODUCTION, production_environment, run

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_front_end_pages_allow_no_inline_script_or_style(client, section):
    for response in (client.get(section("home").url), client.get(reverse("login"))):
        assert response.status_code == 200
        assert_common_headers(response)
        assert response["X-Frame-Options"] == "DENY"
        csp = directives(response)
        assert csp["script-src"] == ["'self'"]
        assert csp["style-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["form-action"] == ["'self'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_logged_in_front_end_pages_too(client, section):
    from home.factories import UserFactory

    client.force_login(UserFactory(roles=["trainer"]))
    response = client.get(section("home").url)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/admin/", "/django-admin/"])
def test_the_admins_get_the_relaxed_policy(client, url):
    from home.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(url)
    assert response.status_code == 200
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    csp = directives(response)
    assert "'unsafe-inline'" in csp["style-src"]
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


def test_page_preview_may_be_framed_by_the_editor_only(client, section):
    from home.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = section("about")
    response = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_production_sends_hsts_and_secure_cookies(tmp_path):
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "X_FRAME_OPTIONS",
        "PASSWORD_HASHERS",
    ]
    code = (
        f"{SETUP_PRODUCTION}; import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = run(["-c", code], production_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["PASSWORD_HASHERS"][0].endswith("Argon2PasswordHasher")


def policy_of(middleware, request, response=None):
    response = response or HttpResponse("<p>page</p>")
    middleware.process_request(request)
    return middleware.process_response(request, response).get("Content-Security-Policy")


@pytest.mark.parametrize("path", ["/fr/", "/en/formation/", "/admin/pages/", "/django-admin/"])
def test_each_policy_is_the_text_django_csp_itself_builds_on_every_response(rf, path):
    ours = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    admin = path.startswith(tuple(settings.ADMIN_PATH_PREFIXES))
    directives = (
        settings.CONTENT_SECURITY_POLICY_ADMIN if admin else settings.CONTENT_SECURITY_POLICY
    )["DIRECTIVES"]
    expected = build_policy(config=default_config(directives))
    first = policy_of(ours, rf.get(path))
    assert first == expected
    # Built once, the same text again, and the Permissions-Policy with it.
    response = ours.process_response(rf.get(path), HttpResponse())
    assert response["Content-Security-Policy"] == expected
    assert response["Permissions-Policy"] == settings.PERMISSIONS_POLICY
    preview = rf.get(path)
    preview.is_dummy = True
    if not admin:
        assert policy_of(ours, preview) == build_policy(
            config=default_config({**directives, "frame-ancestors": ["'self'"]})
        )


def test_a_nonce_asked_for_is_in_that_response_s_policy_only(rf, settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}
    ours = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    plain = policy_of(ours, rf.get("/fr/"))
    assert plain == build_policy()
    request = rf.get("/fr/")
    ours.process_request(request)
    nonce = str(request.csp_nonce)
    with_nonce = ours.process_response(request, HttpResponse())["Content-Security-Policy"]
    assert with_nonce == build_policy(nonce=nonce)
    assert f"script-src 'self' 'nonce-{nonce}'" in with_nonce
    assert policy_of(ours, rf.get("/fr/")) == plain
    # Asked for once the header is written: refused, as django-csp does.
    late = rf.get("/fr/")
    policy_of(ours, late)
    with pytest.raises(CSPNonceError):
        str(late.csp_nonce)


def test_a_view_s_own_policy_and_a_changed_setting_are_followed(rf, settings):
    ours = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    first = policy_of(ours, rf.get("/fr/"))
    response = HttpResponse()
    response._csp_update = {"img-src": ["https://example.org"]}
    assert "https://example.org" in policy_of(ours, rf.get("/fr/"), response)
    assert "https://example.org" not in policy_of(ours, rf.get("/fr/"))
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert policy_of(ours, rf.get("/fr/")) == build_policy() != first
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    response = ours.process_response(rf.get("/fr/"), HttpResponse())
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'self'"
    response = HttpResponse()
    response._csp_exempt = True
    assert policy_of(ours, rf.get("/fr/"), response) is None
