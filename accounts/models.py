"""The member accounts as the People area manages them (``Person``), and each member's
reading comfort (``ReadingPreferences``: text size, spacing, font, contrast, motion).

The proxy carries its own permissions (``accounts.add_person``, ``change_person``,
``view_person``), distinct from Django's ``auth.*_user``. Coordinators hold these; the
stock Wagtail user views, their bulk actions and the Django admin's user pages check
``auth.*_user`` and so stay for superusers. See docs/roles.md.
"""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Person(User):
    """A member account seen from the People area: names, roles, language, active or not."""

    class Meta:
        proxy = True
        verbose_name = _("person")
        verbose_name_plural = _("people")
        default_permissions = ("add", "change", "view")

    def __str__(self):
        return self.get_full_name() or self.get_username()


class ReadingPreferences(models.Model):
    """How one member likes pages to read: chosen once, applied on every page
    (classes on ``<html>``, ``accounts.reading``); no row means the site's defaults."""

    NORMAL = "normal"
    LARGE = "large"
    LARGER = "larger"
    WIDE = "wide"
    TEXT_SIZES = [
        (NORMAL, pgettext_lazy("text size", "Normal")),
        (LARGE, pgettext_lazy("text size", "Large")),
        (LARGER, pgettext_lazy("text size", "Larger")),
    ]
    LINE_SPACINGS = [
        (NORMAL, pgettext_lazy("line spacing", "Normal")),
        (WIDE, pgettext_lazy("line spacing", "Wide")),
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_preferences"
    )
    text_size = models.CharField(_("text size"), max_length=10, choices=TEXT_SIZES, default=NORMAL)
    line_spacing = models.CharField(
        _("line spacing"), max_length=10, choices=LINE_SPACINGS, default=NORMAL
    )
    readable_font = models.BooleanField(
        _("easy-to-read font"),
        default=False,
        help_text=_(
            "Atkinson Hyperlegible, with more space between letters and words. Made for "
            "people with low vision; many dyslexic readers find it easier too."
        ),
    )
    high_contrast = models.BooleanField(_("high contrast"), default=False)
    reduce_motion = models.BooleanField(_("less movement"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reading preferences")
        verbose_name_plural = _("reading preferences")

    def __str__(self):
        return str(self.user)
