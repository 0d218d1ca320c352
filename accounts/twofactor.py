"""Two-factor rules and devices: who must use it, setting it up, checking a code.

Devices are django-otp's: a TOTP device (an authenticator app) and a static device holding
the single-use recovery codes. Views and middleware call these functions; nothing else
creates, confirms or deletes devices.
"""

from base64 import b32encode

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Set in the session at login and whenever the devices change, so that the middleware knows
# without a query on every request whether this person has two-factor verification.
HAS_DEVICE_SESSION_KEY = "accounts_has_2fa_device"
RECOVERY_CODES_SESSION_KEY = "accounts_new_recovery_codes"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"


def requires_two_factor(user):
    """Staff roles and superusers must verify a second factor before the protected areas."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    required = set(settings.TWO_FACTOR_REQUIRED_ROLES)
    return any(group.name in required for group in user.groups.all())


def must_set_up_two_factor(user):
    """``requires_two_factor`` for the middleware, on every request of someone who has not
    given a code, peers included: from the member's groups as each worker keeps them
    (``home.member_cache.member_groups``, read again once anyone's roles change), so that it costs
    neither a query nor a read of the shared cache. Staff and superuser status come with the
    user, read on each request."""
    from home.member_cache import member_groups

    if user.is_superuser or user.is_staff:
        return True
    required = set(settings.TWO_FACTOR_REQUIRED_ROLES)
    return any(name in required for name in member_groups(user).values())


def confirmed_app_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_two_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def remember_device_state(request, user):
    request.session[HAS_DEVICE_SESSION_KEY] = has_two_factor(user)


def pending_app_device(user):
    """The device being set up: created on the first visit, kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_humans(device):
    """The secret in base32, in groups of four, for people who type it instead of scanning."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def normalise_code(code):
    return "".join(code.split()).replace("-", "").lower()


def looks_like_app_code(code):
    return len(code) == 6 and code.isdigit()


class CodeCheck:
    """The outcome of checking a code: the device that accepted it, or why it was refused."""

    def __init__(self, device=None, throttled_until=None, used_recovery=False):
        self.device = device
        self.throttled_until = throttled_until
        self.used_recovery = used_recovery

    @property
    def ok(self):
        return self.device is not None

    @property
    def wait_seconds(self):
        if self.throttled_until is None:
            return 0
        return max(1, int((self.throttled_until - timezone.now()).total_seconds()) + 1)


def check_code(user, raw_code, devices=None):
    """Check a six-digit app code or a recovery code against the person's own devices.

    Recovery codes are deleted when used (django-otp's static device), so each works once.
    Wrong codes slow down further attempts (django-otp's throttling on each device).
    """
    code = normalise_code(raw_code)
    if devices is None:
        if looks_like_app_code(code):
            devices = TOTPDevice.objects.filter(user=user, confirmed=True)
        else:
            devices = StaticDevice.objects.filter(user=user, confirmed=True)
    with transaction.atomic():
        for device in devices:
            device = type(device).objects.select_for_update().get(pk=device.pk)
            allowed, details = device.verify_is_allowed()
            if not allowed:
                return CodeCheck(throttled_until=(details or {}).get("locked_until"))
            if device.verify_token(code):
                return CodeCheck(device=device, used_recovery=isinstance(device, StaticDevice))
    return CodeCheck()


def confirm_app_device(request, device):
    """The person proved their app works: the device counts, the session is verified."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    request.session[HAS_DEVICE_SESSION_KEY] = True


def new_recovery_codes(user):
    """Replace the person's recovery codes with ten new ones and return them (shown once)."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [format_recovery_code(code) for code in codes]


def format_recovery_code(code):
    return f"{code[:4]}-{code[4:]}"


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_two_factor(request, user):
    """Delete every device of the person (only offered when two-factor is optional for them)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    request.session[HAS_DEVICE_SESSION_KEY] = False
    request.session.pop("otp_device_id", None)


def reset_two_factor(user):
    """Delete every device of someone else (a lost phone): they set it up again at login.

    Only a superuser does this, from the People area, which records and tells it."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
