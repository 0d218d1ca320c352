"""Charter acknowledgement: which version is current, who has acknowledged it, and a guard.

Other apps protect a space with ``charter_required`` (views) or ``charter_redirect``
(a page's ``serve``): a member who has not acknowledged the current version is sent to
the charter, then brought back.
"""

from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import get_language

from wagtail.models import Locale

from .cache import SITE, cached
from .member_cache import member_value, register_member_value, set_member_value
from .models import CharterAcknowledgement, CharterPage


@dataclass(frozen=True)
class Charter:
    """What pages need to know of the current charter, in one language (cacheable)."""

    key: str
    version: str
    url: str
    title: str


def current_charter():
    """The live charter in the default language: its version is the one that counts."""
    return CharterPage.objects.live().filter(locale=Locale.get_default()).first()


def charter_for_reading(charter):
    """The current charter in the active language when its translation is up to date."""
    translation = charter.get_translation_or_none(Locale.get_active())
    if translation is not None and translation.live:
        translation = translation.specific
        if translation.version == charter.version:
            return translation
    return charter


def current_charter_info():
    """The current charter as the reader should read it, or None (cached per language)."""

    def compute():
        charter = current_charter()
        if charter is None:
            return False  # cached too: no charter published
        page = charter_for_reading(charter)
        return Charter(str(charter.translation_key), charter.version, page.url, page.title)

    return cached("charter", get_language(), compute=compute, versions=(SITE,)) or None


def acknowledged_key(user_id, charter_key, version):
    return f"entrepairs:charter-ack:{user_id}:{charter_key}:{version}"


def has_acknowledged(user, charter=None):
    """Whether the member acknowledged the current version (the answer is remembered).

    Recording or deleting an acknowledgement forgets the answer (``home.signals``).
    """
    charter = charter or current_charter_info()
    if charter is None:
        return True
    key = acknowledged_key(user.pk, charter.key, charter.version)
    acknowledged = member_value(user, key)
    if acknowledged is None:
        acknowledged = CharterAcknowledgement.objects.filter(
            user=user, charter_key=charter.key, version=charter.version
        ).exists()
        set_member_value(key, acknowledged, 60 * 60 * 24)
    return acknowledged


def _acknowledged_key_of(user):
    charter = current_charter_info()
    return None if charter is None else acknowledged_key(user.pk, charter.key, charter.version)


# Every page asks (the charter's notice): read with the member's other values.
register_member_value(_acknowledged_key_of)


def charter_to_acknowledge(user):
    """The charter the member still has to acknowledge, or None."""
    if not user.is_authenticated:
        return None
    charter = current_charter_info()
    if charter is None or has_acknowledged(user, charter):
        return None
    return charter


def acknowledge(user, charter, language):
    """Record that the member read this version; acknowledging twice keeps the first record."""
    acknowledgement, _created = CharterAcknowledgement.objects.get_or_create(
        user=user,
        charter_key=charter.translation_key,
        version=charter.version,
        defaults={"language": language},
    )
    return acknowledgement


def charter_redirect(request):
    """A redirect to the charter when the member must acknowledge it first, otherwise None."""
    charter = charter_to_acknowledge(request.user)
    if charter is None:
        return None
    return redirect(f"{charter.url}?{urlencode({'next': request.get_full_path()})}")


def charter_required(view):
    """Decorator for members-only views that also require the current charter."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return charter_redirect(request) or view(request, *args, **kwargs)

    return wrapped
