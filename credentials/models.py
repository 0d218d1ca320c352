"""Credentials issued: who holds them, where their bit is in the status list, revocation."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_salt():
    return secrets.token_hex(16)


class IssuedCredential(models.Model):
    """A signed credential handed to its holder. The credential itself is not kept: it is
    signed again from these facts when the member downloads it again."""

    NAME = "name"
    EMAIL_HASH = "email_hash"
    IDENTIFIED_BY = [
        (NAME, _("my name")),
        (EMAIL_HASH, _("a hash of my e-mail address")),
    ]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="issued_credentials",
        verbose_name=_("holder"),
    )
    kind = models.CharField(max_length=40, verbose_name=_("kind"))
    ref = models.CharField(max_length=64, verbose_name=_("reference"))
    name = models.CharField(max_length=255, verbose_name=_("achievement"))
    identified_by = models.CharField(
        max_length=20, choices=IDENTIFIED_BY, verbose_name=_("holder identified by")
    )
    salt = models.CharField(max_length=32, default=new_salt, editable=False)
    status_index = models.PositiveIntegerField(unique=True, verbose_name=_("status list index"))
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
        help_text=_("Written by a coordinator who revoked it; the holder reads it."),
    )

    class Meta:
        verbose_name = _("issued credential")
        verbose_name_plural = _("issued credentials")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["kind", "ref"])]

    def __str__(self):
        return self.name

    @property
    def is_revoked(self):
        return self.revoked_at is not None
