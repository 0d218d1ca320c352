"""The Locale rows of the active and the default language, read from the cache (Wagtail's
``Locale.get_active()`` and ``get_default()`` query them on every call)."""

from django.conf import settings
from django.utils.translation import get_language

from .cache import SITE, cached


def active_locale():
    """The Locale of the active language (Wagtail's ``Locale.get_active()``, remembered)."""
    from wagtail.models import Locale

    return cached("locale", get_language(), compute=Locale.get_active, versions=(SITE,))


def default_locale():
    """The Locale of the default language, the one translations follow."""
    from wagtail.models import Locale

    return cached("locale", settings.LANGUAGE_CODE, compute=Locale.get_default, versions=(SITE,))
