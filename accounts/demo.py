"""Demo two-step verification: the staff demo accounts share one documented TOTP secret.

Called by ``seed_demo`` (home.demo). Never used in production, where seed_demo refuses to run.
Anyone trying the site adds the secret to an authenticator app, or runs
``manage.py demo_totp chloe`` to print the current code.
"""

from base64 import b32encode
from binascii import hexlify

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .twofactor import APP_DEVICE_NAME, requires_two_factor

# Public on purpose (README, docs/security.md): it only protects demo data.
DEMO_TOTP_KEY = b"entrepairs-demo-totp"
DEMO_TOTP_SECRET = b32encode(DEMO_TOTP_KEY).decode()  # MVXHI4TFOBQWS4TTFVSGK3LPFV2G65DQ


def ensure_demo_device(user):
    """Give a staff demo account its confirmed TOTP device; True when one was created."""
    if not requires_two_factor(user):
        return False
    _, created = TOTPDevice.objects.get_or_create(
        user=user,
        confirmed=True,
        defaults={"name": APP_DEVICE_NAME, "key": hexlify(DEMO_TOTP_KEY).decode()},
    )
    return created


def current_code(device):
    """The code a device accepts now (what an authenticator app would show)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
