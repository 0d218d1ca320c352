"""Test helpers: log a person in with their second factor already verified.

The root ``conftest.py`` makes pytest-django's ``client`` fixture a :class:`VerifiedClient`,
so ``client.force_login(trainer)`` reaches the admin and the supervision views as a real,
verified trainer would. Pass ``verified=False`` to test what an unverified session meets.
"""

from django.test import Client

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from .demo import current_code
from .twofactor import APP_DEVICE_NAME, HAS_DEVICE_SESSION_KEY, requires_two_factor


def give_device(user):
    """The person's confirmed authenticator-app device (created if they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)


def mark_verified(client, user):
    """Record in the client's session that ``user`` gave a code from their device."""
    device = give_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[HAS_DEVICE_SESSION_KEY] = True
    session.save()
    return device


def login_verified(client, user):
    """Log ``user`` in with a verified second factor, whatever their role."""
    Client.force_login(client, user)
    return mark_verified(client, user)


def app_code(user):
    """The code the person's authenticator app shows now."""
    return current_code(TOTPDevice.objects.get(user=user, confirmed=True))


class VerifiedClient(Client):
    """A test client whose ``force_login`` also verifies the second factor of staff roles."""

    def force_login(self, user, backend=None, verified=True):
        super().force_login(user, backend)
        if verified and requires_two_factor(user):
            mark_verified(self, user)
