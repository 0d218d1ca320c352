"""Login, the two-factor steps, choosing a password from a link, the "Security" and
"Reading comfort" pages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

import segno
from axes.utils import reset as reset_axes_lockout
from django_otp import login as otp_login

from privacy import audit
from privacy.models import AuditEvent
from privacy.services import end_sessions

from . import reading, twofactor
from .forms import CodeForm, PasswordResetRequestForm, ReadingPreferencesForm, SetPasswordForm
from .password_links import INVITATION, RESET, count_attempt, link_kind, send_password_link
from .throttling import client_ip
from .tokens import invitation_tokens, reset_tokens

# Requests for a reset link from one client address, per hour: enough for a typo or two.
RESET_REQUESTS_PER_ADDRESS = 5


def safe_next(request, default=None):
    """The ``next`` address if it stays on this site, otherwise the default (open redirects)."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or resolve_url(settings.LOGIN_REDIRECT_URL)


class LoginView(auth_views.LoginView):
    """The one login page of the site; the Wagtail and Django admin logins lead here.

    Someone already logged in who is sent back here with a ``next`` (a page their account
    may not open) sees the form with a note, rather than bouncing between the two pages.
    """

    template_name = "registration/login.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.GET.get(REDIRECT_FIELD_NAME):
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        """Where the member asked to go, otherwise the home page in the language of the
        login page they used (not the language their browser asks for)."""
        return self.get_redirect_url() or f"/{translation.get_language()}/"


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers once an account is locked: the login page, with the reason."""
    from .throttling import locked_by_address

    form = AuthenticationForm(request)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if locked_by_address(request, credentials):
        # Many usernames tried from this connection: nothing is said about any account.
        message = ngettext(
            "Too many unsuccessful attempts to log in from this connection. For your "
            "safety, logging in from here is paused for %(minutes)d minute. If you share "
            "this connection (an association's premises, for example) and need help, the "
            "coordination team can help.",
            "Too many unsuccessful attempts to log in from this connection. For your "
            "safety, logging in from here is paused for %(minutes)d minutes. If you share "
            "this connection (an association's premises, for example) and need help, the "
            "coordination team can help.",
            minutes,
        )
    else:
        message = ngettext(
            "Too many unsuccessful attempts to log in to this account. For your safety, "
            "logging in is paused for %(minutes)d minute. If you have forgotten your "
            "password, the coordination team can help.",
            "Too many unsuccessful attempts to log in to this account. For your safety, "
            "logging in is paused for %(minutes)d minutes. If you have forgotten your "
            "password, the coordination team can help.",
            minutes,
        )
    context = {
        "form": form,
        "next": safe_next(request, default=""),
        "locked_out": message % {"minutes": minutes},
    }
    return render(request, "registration/login.html", context, status=429)


def admin_login(request):
    """The Wagtail and Django admin login addresses lead to the site's own login page."""
    if request.user.is_authenticated:
        # Logged in but the admin sent them here: their account may not enter that area.
        raise PermissionDenied
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or request.path.rsplit("login/", 1)[0]
    return redirect(f"{reverse('login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")


@never_cache
@sensitive_post_parameters("code")
@login_required
def verify(request):
    """The second step of logging in: a code from the app, or a recovery code."""
    user = request.user
    next_url = safe_next(request)
    if user.is_verified():
        return redirect(next_url)
    if not twofactor.has_two_factor(user):
        twofactor.remember_device_state(request, user)
        return redirect(next_url)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = twofactor.check_code(user, form.cleaned_data["code"])
        if result.ok:
            otp_login(request, result.device)
            if result.used_recovery:
                left = twofactor.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code; it will not work again. You have %(count)d "
                        "code left: you can make new ones on your Security page.",
                        "You used a recovery code; it will not work again. You have %(count)d "
                        "codes left: you can make new ones on your Security page.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url)
        form.add_error("code", code_error(result))
    return render(request, "accounts/verify.html", {"form": form, "next": next_url})


def code_error(result):
    if result.throttled_until is not None:
        return ngettext(
            "Too many wrong codes in a row. Please wait %(seconds)d second, then try again.",
            "Too many wrong codes in a row. Please wait %(seconds)d seconds, then try again.",
            result.wait_seconds,
        ) % {"seconds": result.wait_seconds}
    return _(
        "That code did not work. Codes change every 30 seconds: type the one your app shows "
        "now. If your phone's clock is wrong, the codes will be too."
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
def setup(request):
    """Set up an authenticator app: scan or type the secret, confirm with a code."""
    user = request.user
    next_url = safe_next(request, default=reverse("account_security"))
    if twofactor.has_two_factor(user):
        if not user.is_verified():
            return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': next_url})}")
        messages.info(request, _("Two-step verification is already set up on your account."))
        return redirect("account_security")
    device = twofactor.pending_app_device(user)
    form = CodeForm(request.POST or None, accepts_recovery=False)
    if request.method == "POST" and form.is_valid():
        result = twofactor.check_code(user, form.cleaned_data["code"], devices=[device])
        if result.ok:
            twofactor.confirm_app_device(request, result.device)
            request.session[twofactor.RECOVERY_CODES_SESSION_KEY] = twofactor.new_recovery_codes(
                user
            )
            messages.success(request, _("Two-step verification is now on. Well done."))
            return redirect(f"{reverse('recovery_codes')}?{urlencode({'next': next_url})}")
        form.add_error("code", code_error(result))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": next_url,
        "qr_code": mark_safe(
            qr.svg_inline(scale=5, border=3, light="#fff", title=_("QR code to scan"))
        ),
        "secret": twofactor.secret_for_humans(device),
        "required": twofactor.requires_two_factor(user),
    }
    return render(request, "accounts/setup.html", context)


@never_cache
@login_required
def recovery_codes(request):
    """New recovery codes, shown once (GET); making a new set replaces the old one (POST)."""
    user = request.user
    if request.method == "POST":
        if not (user.is_verified() and twofactor.has_two_factor(user)):
            raise PermissionDenied
        codes = twofactor.new_recovery_codes(user)
        request.session[twofactor.RECOVERY_CODES_SESSION_KEY] = codes
        return redirect("recovery_codes")
    codes = request.session.pop(twofactor.RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        messages.info(
            request,
            _(
                "Recovery codes are shown only once. If you have lost yours, make new ones "
                "below: the old ones will stop working."
            ),
        )
        return redirect("account_security")
    next_url = safe_next(request, default=reverse("account_security"))
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url})


@never_cache
@login_required
def security(request):
    """The "Security" page of one's account: two-step verification and password."""
    user = request.user
    context = {
        "has_two_factor": twofactor.has_two_factor(user),
        "required": twofactor.requires_two_factor(user),
        "codes_left": twofactor.recovery_codes_left(user),
        "idle_minutes": (
            settings.SESSION_IDLE_TIMEOUT_STAFF
            if twofactor.requires_two_factor(user)
            else settings.SESSION_IDLE_TIMEOUT
        )
        // 60,
    }
    return render(request, "accounts/security.html", context)


@never_cache
@login_required
def reading_comfort(request):
    """Reading comfort: text size, spacing, font, contrast and motion, for every page."""
    form = ReadingPreferencesForm(
        request.POST or None, instance=reading.preferences_of(request.user)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved. Every page now follows your choices."))
        return redirect("reading_comfort")
    return render(request, "accounts/reading_comfort.html", {"form": form})


@require_POST
@login_required
def disable(request):
    """Turn two-step verification off: only for people who are not required to use it."""
    user = request.user
    if twofactor.requires_two_factor(user):
        messages.error(
            request, _("Your role needs two-step verification: it cannot be turned off.")
        )
        return redirect("account_security")
    if twofactor.has_two_factor(user) and not user.is_verified():
        raise PermissionDenied
    twofactor.remove_two_factor(request, user)
    messages.success(request, _("Two-step verification is off."))
    return redirect("account_security")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's password; every other session of the account ends (Django's session hash)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account_security")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _(
                "Your password has been changed. You stay logged in here; any other device "
                "where you were logged in will ask for the new password."
            ),
        )
        return response


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    """ "Forgot your password?": a link by e-mail, with the same answer for any address.

    Limited per client address (``RESET_REQUESTS_PER_ADDRESS`` an hour) and, in
    ``send_password_link``, per account: nobody can flood a mailbox or probe addresses.
    """

    template_name = "registration/password_reset_form.html"
    form_class = PasswordResetRequestForm
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        key = f"entrepairs:password-reset:address:{audit.hash_address(client_ip(request))}"
        if count_attempt(key, 60 * 60) > RESET_REQUESTS_PER_ADDRESS:
            context = self.get_context_data(form=self.get_form(), throttled=True)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        for user in form.get_users(form.cleaned_data["email"]):
            send_password_link(user, link_kind(user), request=self.request)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordLinkView(auth_views.PasswordResetConfirmView):
    """Choose one's password from an e-mailed link; the link then stops working.

    Every session of the account ends (on another device, someone may have used the old
    password), a lockout of the username is lifted, and the change is recorded.
    """

    template_name = "registration/password_set.html"
    form_class = SetPasswordForm
    token_generator = reset_tokens
    kind = RESET
    success_url = reverse_lazy("password_reset_complete")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitation"] = self.kind == INVITATION
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.user
        end_sessions(user)
        reset_axes_lockout(username=user.get_username())
        audit.record(AuditEvent.PASSWORD_SET, actor=user, subject=user, request=self.request)
        return response


class InvitationView(PasswordLinkView):
    token_generator = invitation_tokens
    kind = INVITATION


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"
