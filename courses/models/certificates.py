"""Training certificates, verifiable by their code."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_certificate_code():
    """Twelve characters from an alphabet without look-alikes, grouped for reading aloud."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


class Certificate(models.Model):
    """A training certificate: what a learner completed, verifiable by anyone with its code.

    The learner's name and the module's title are kept as issued, so the certificate still
    says the same thing if the page is renamed or the account is anonymised.
    """

    code = models.CharField(
        max_length=14, unique=True, default=new_certificate_code, verbose_name=_("code")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("learner"),
    )
    learner_name = models.CharField(max_length=255, verbose_name=_("name on the certificate"))
    course_key = models.UUIDField(db_index=True)
    course_title = models.CharField(max_length=255, verbose_name=_("module"))
    duration_minutes = models.PositiveSmallIntegerField(verbose_name=_("duration (minutes)"))
    issued_at = models.DateTimeField(default=timezone.now, verbose_name=_("issued on"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked on"))
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(
        blank=True,
        verbose_name=_("reason for revoking"),
        help_text=_("Kept for the association's records; never shown on the public page."),
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course_key"], name="one_certificate_per_module"
            )
        ]

    def __str__(self):
        return f"{self.code} — {self.learner_name} — {self.course_title}"

    @property
    def is_valid(self):
        return self.revoked_at is None
