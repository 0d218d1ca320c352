"""Authenticated encryption of confidential texts at rest (Fernet: AES-128-CBC + HMAC-SHA256).

Keys come from ``settings.FIELD_ENCRYPTION_KEYS``: the first encrypts, every one of them
decrypts, so that a new key can be put first and the old ones kept until
``manage.py rotate_encryption_key`` has re-encrypted everything.
"""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

# Stored values start with this marker, so that an encrypted value is never mistaken for
# a text written before encryption was switched on (which the migration then encrypts).
PREFIX = "fernet:"


class DecryptionError(Exception):
    """A stored value that none of the configured keys opens (wrong or missing key)."""


def generate_key():
    return Fernet.generate_key().decode()


def parse_keys(value):
    """Keys from a comma-separated string or a list; refuses an empty or malformed one."""
    keys = [key.strip() for key in (value.split(",") if isinstance(value, str) else value)]
    keys = [key for key in keys if key]
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS holds no key.")
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError) as error:
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS: key {position} is not a Fernet key "
                "(32 url-safe base64-encoded bytes; `manage.py rotate_encryption_key "
                "--generate` prints a new one)."
            ) from error
    return keys


@lru_cache(maxsize=1)
def _keys():
    return tuple(parse_keys(getattr(settings, "FIELD_ENCRYPTION_KEYS", "")))


@lru_cache(maxsize=1)
def _fernet():
    return MultiFernet([Fernet(key) for key in _keys()])


@lru_cache(maxsize=1)
def _primary():
    return Fernet(_keys()[0])


@receiver(setting_changed)
def _forget_keys(setting, **kwargs):
    if setting == "FIELD_ENCRYPTION_KEYS":
        _keys.cache_clear()
        _fernet.cache_clear()
        _primary.cache_clear()


def is_encrypted(stored):
    return isinstance(stored, str) and stored.startswith(PREFIX)


def encrypt(text):
    """The stored form of a text: the marker and a Fernet token (new each time)."""
    return PREFIX + _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(stored):
    """The text of a stored value; a value without the marker is a text from before."""
    if not is_encrypted(stored):
        return stored
    try:
        return _fernet().decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise DecryptionError(
            "A confidential value cannot be decrypted with FIELD_ENCRYPTION_KEYS: is a key missing?"
        ) from error


def needs_rotation(stored):
    """Whether a stored value is plain text or encrypted with a key other than the first."""
    if stored in (None, ""):
        return False
    if not is_encrypted(stored):
        return True
    try:
        _primary().decrypt(stored[len(PREFIX) :].encode("ascii"))
    except InvalidToken:
        return True
    return False
