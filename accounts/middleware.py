"""Middleware: two-factor enforcement, session lifetime and the browser-protection headers."""

import time
from contextlib import suppress
from dataclasses import asdict
from http.client import INTERNAL_SERVER_ERROR, NOT_FOUND
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy, default_config
from django_otp.middleware import OTPMiddleware
from django_otp.models import Device

from .backends import row_by_pk
from .twofactor import HAS_DEVICE_SESSION_KEY, must_set_up_two_factor

SESSION_STARTED_KEY = "accounts_session_started"
LAST_ACTIVITY_KEY = "accounts_last_activity"
STAFF_SESSION_KEY = "accounts_staff_session"
# Writing the session on every request would cost a database write each time: the last
# activity is only refreshed when it is older than this (seconds).
ACTIVITY_RESOLUTION = 60

# Views a person may reach while a second factor is pending: logging in or out, giving the
# code, changing the language of the page.
TWO_FACTOR_PENDING_VIEWS = {"login", "logout", "two_factor_verify", "set_language"}
# And, for someone whose role requires two-step verification and who has no device yet,
# setting it up and seeing the recovery codes it makes.
TWO_FACTOR_SETUP_VIEWS = {"two_factor_setup", "recovery_codes"}


def is_static(request):
    """Static files (served by Django itself only in development)."""
    return bool(settings.STATIC_URL) and request.path_info.startswith(settings.STATIC_URL)


class VerifiedDeviceMiddleware(OTPMiddleware):
    """django-otp's ``OTPMiddleware``; the session's device is read as
    ``Device.from_persistent_id`` reads it, with SQL compiled once (``row_by_pk``), and
    django-otp still checks that it is this member's and confirmed."""

    def _device_from_persistent_id(self, persistent_id):
        persistent_id = self._normalize_persistent_id(persistent_id)
        with suppress(ValueError, LookupError):
            model_label, device_id = persistent_id.rsplit("/", 1)
            app_label, model_name = model_label.split(".")
            device_class = apps.get_model(app_label, model_name)
            if issubclass(device_class, Device):
                return row_by_pk(device_class, int(device_id))
        return None


class TwoFactorMiddleware:
    """Sends people to the code step or to the set-up page before they go any further.

    - Anyone who has set up two-step verification gives a code after their password,
      before any page (peers who chose it get the same protection as staff).
    - Anyone whose role requires it (``requires_two_factor``: ``TWO_FACTOR_REQUIRED_ROLES``,
      staff and superusers) and who has no device yet is sent to the set-up page right
      after login, whatever page they ask for: only logging out, the set-up page, the
      recovery codes it shows, the language switch and static files come before it.
      Once it is set up they continue to the page they asked for (``next``).

    Must come after django-otp's ``OTPMiddleware`` (``VerifiedDeviceMiddleware``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if view_name in TWO_FACTOR_PENDING_VIEWS or is_static(request):
            return None
        if user.is_verified():
            return None
        if request.session.get(HAS_DEVICE_SESSION_KEY):
            return self._redirect(request, "two_factor_verify")
        if view_name in TWO_FACTOR_SETUP_VIEWS:
            return None
        if must_set_up_two_factor(user):
            return self._redirect(request, "two_factor_setup")
        return None

    @staticmethod
    def _redirect(request, url_name):
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        target = request.get_full_path() if request.method == "GET" else "/"
        with translation.override(interface_language(request)):
            url = reverse(url_name)
        return redirect(f"{url}?{urlencode({'next': target})}")


def interface_language(request):
    """The language of the page, or in the admins (no prefix) the person's own language."""
    if get_language_from_path(request.path_info):
        return translation.get_language()
    from wagtail.users.models import UserProfile

    preferred = UserProfile.get_for_user(request.user).get_preferred_language()
    return preferred if preferred in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class SessionTimeoutMiddleware:
    """Ends a session after a period without activity, and in any case after a fixed time.

    Staff sessions (which open confidential spaces) end sooner when left idle:
    ``SESSION_IDLE_TIMEOUT_STAFF`` against ``SESSION_IDLE_TIMEOUT``; every session ends
    ``SESSION_ABSOLUTE_TIMEOUT`` seconds after the login. The login page then says why.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if getattr(request, "is_dummy", False):  # Wagtail's preview of a page
            return self.get_response(request)
        if user is not None and user.is_authenticated:
            expired = self._expired(request)
            if expired:
                return self._end(request)
        return self.get_response(request)

    @staticmethod
    def _expired(request):
        session = request.session
        now = int(time.time())
        started = session.get(SESSION_STARTED_KEY)
        last = session.get(LAST_ACTIVITY_KEY)
        if started is None or last is None:
            # A session from before these rules: start counting now.
            session[SESSION_STARTED_KEY] = started or now
            session[LAST_ACTIVITY_KEY] = now
            return False
        idle_limit = (
            settings.SESSION_IDLE_TIMEOUT_STAFF
            if session.get(STAFF_SESSION_KEY)
            else settings.SESSION_IDLE_TIMEOUT
        )
        if now - last > idle_limit or now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
            return True
        if now - last >= ACTIVITY_RESOLUTION:
            session[LAST_ACTIVITY_KEY] = now
        return False

    @staticmethod
    def _end(request):
        next_url = return_address(request)
        logout(request)
        message = _(
            "Your session has ended because it was inactive for a while or open for a "
            "long time. This protects the information on this site. Please log in again; "
            "nothing you had saved is lost."
        )
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Autosave and other scripts show the message; the text stays in the page.
            return JsonResponse({"saved": False, "message": message}, status=401)
        messages.info(request, message)
        return redirect_to_login(next_url)


def return_address(request):
    """Where to come back after logging in again: the page asked for or, when a form was
    sent, the page it was sent from (same site only), where ``static/js/autosave.js`` puts
    back what was typed."""
    if request.method == "GET":
        return request.get_full_path()
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/"


# The policies' header texts, built once per process for each kind of page and each header
# (django-csp builds them again on every response); forgotten when a setting changes (tests).
_policy_texts = {}


@receiver(setting_changed)
def _forget_policy_texts(**kwargs):
    _policy_texts.clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the relaxed admin policy under the admin areas, and the
    Permissions-Policy header (which Django does not set itself).

    The front end gets ``CONTENT_SECURITY_POLICY`` (no inline script or style); the Wagtail
    and Django admins, which need inline styles and scripts, get
    ``CONTENT_SECURITY_POLICY_ADMIN``; Wagtail's preview the front end's, framed by us only.
    A policy with neither a nonce nor a view's own changes (django-csp's decorators) is the
    same text on every response: it is built once per process (``_policy_texts``), by
    django-csp's own ``build_policy``.
    """

    def process_response(self, request, response):
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # django-csp's process_response, with the policies' texts built once.
        if response.status_code in (NOT_FOUND, INTERNAL_SERVER_ERROR) and settings.DEBUG:
            return response
        for report_only, header, exempt, setting in (
            (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            policy = self._policy_text(request, response, report_only)
            if not policy or header in response or getattr(response, exempt, False) is not False:
                continue
            excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES")
            if not request.path_info.startswith(tuple(excluded or ())):
                response[header] = policy
        # After the header is written, a nonce asked for could not be in it: django-csp
        # then raises, as it does itself.
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _policy_text(self, request, response, report_only):
        parts = self.get_policy_parts(request, response, report_only)
        kind = getattr(parts, "kind", None)
        if kind is None or parts.update is not None or parts.replace is not None or parts.nonce:
            return build_policy(**asdict(parts), report_only=report_only)
        key = (kind, report_only)
        if key not in _policy_texts:
            _policy_texts[key] = build_policy(**asdict(parts), report_only=report_only)
        return _policy_texts[key]

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is not None:  # a view's own policy (django-csp's decorators)
            return parts
        if report_only:
            parts.kind = "settings"
        elif request.path_info.startswith(tuple(settings.ADMIN_PATH_PREFIXES)):
            parts.kind = "admin"
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        elif getattr(request, "is_dummy", False):
            # Wagtail's preview renders the front-end page through a simulated request and
            # shows it in a frame of the editor: the front-end policy, framed by us only.
            parts.kind = "preview"
            parts.config = default_config(
                {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": ["'self'"]}
            )
        else:
            parts.kind = "settings"
        return parts
