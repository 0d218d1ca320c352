"""What a peer says of their competences and what a supervisor confirms: both kept as a
history (rows are added, never changed). Keyed on the competence's ``translation_key``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from privacy.fields import EncryptedTextField


class SelfAssessment(models.Model):
    """A peer's own view of a competence: a level and, for them alone, a note."""

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="self_assessments",
        verbose_name=_("peer"),
    )
    competence_key = models.UUIDField(db_index=True)
    level = models.PositiveSmallIntegerField(verbose_name=_("level"))
    note = EncryptedTextField(blank=True, verbose_name=_("private note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.peer_id}: {self.competence_key} {self.level}"


class Confirmation(models.Model):
    """A supervisor of one of the peer's groups confirms a level after talking with them."""

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="competence_confirmations",
        verbose_name=_("peer"),
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("supervisor"),
    )
    competence_key = models.UUIDField(db_index=True)
    level = models.PositiveSmallIntegerField(verbose_name=_("level"))
    comment = EncryptedTextField(blank=True, verbose_name=_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("confirmation of a competence")
        verbose_name_plural = _("confirmations of competences")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.peer_id}: {self.competence_key} {self.level}"
