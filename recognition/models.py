"""What a peer says of their competences and what a supervisor confirms: both kept as a
history (rows are added, never changed). Keyed on the competence's ``translation_key``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from privacy.fields import EncryptedCharField, EncryptedTextField


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
    name_shown = models.BooleanField(
        default=False,
        verbose_name=_("my name may appear on this peer's record"),
        help_text=_("Otherwise the record names the role only: a supervisor of their group."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("confirmation of a competence")
        verbose_name_plural = _("confirmations of competences")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.peer_id}: {self.competence_key} {self.level}"


# The recognition record: what the peer chooses to show, and who may see it ------------


class RecordChoice(models.Model):
    """One item the peer chose to show on their recognition record, by a stable key
    (``module:<key>``, ``sessions:<section>``, ``practice``, ``competence:<key>``,
    ``charter``, ``status``): a title changed or translated keeps the choice."""

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="record_choices",
        verbose_name=_("peer"),
    )
    key = models.CharField(max_length=80, verbose_name=_("item shown"))
    chosen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("item shown on the record")
        verbose_name_plural = _("items shown on the record")
        constraints = [
            models.UniqueConstraint(fields=["peer", "key"], name="one_choice_per_record_item")
        ]

    def __str__(self):
        return f"{self.peer_id}: {self.key}"


class RecordLink(models.Model):
    """A verification link to the peer's record, revocable at any time.

    The token is found by its hash (a copy of the table opens no record) and kept
    encrypted for the peer alone, who sees the link and its QR code again on their page
    and in the PDF. Views are counted: a number and a day, never who looked."""

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="record_links",
        verbose_name=_("peer"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token = EncryptedCharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("withdrawn at"))
    views = models.PositiveIntegerField(default=0, verbose_name=_("views"))
    last_viewed_on = models.DateField(null=True, blank=True, verbose_name=_("last viewed on"))

    class Meta:
        verbose_name = _("verification link of a record")
        verbose_name_plural = _("verification links of records")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["peer"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_live_record_link_per_member",
            )
        ]

    def __str__(self):
        return f"{self.peer_id}: {self.created_at:%Y-%m-%d}"

    @property
    def is_live(self):
        return self.revoked_at is None


class AttestedStatus(models.Model):
    """A status a coordinator attests for a member: rows are added, never changed; the
    latest counts (an empty status ends the previous one)."""

    VOLUNTEER, EMPLOYEE, PEER_MEDIATOR = "volunteer", "employee", "peer_mediator"
    TRAINEE, MEMBER = "trainee", "member"
    STATUSES = [
        (VOLUNTEER, _("Volunteer peer supporter")),
        (EMPLOYEE, _("Employed peer supporter")),
        (PEER_MEDIATOR, _("Peer health mediator")),
        (TRAINEE, _("Peer supporter in training")),
        (MEMBER, _("Member of the association")),
    ]

    peer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attested_statuses",
        verbose_name=_("member"),
    )
    status = models.CharField(
        max_length=20,
        choices=STATUSES,
        blank=True,
        verbose_name=_("status"),
        help_text=_("Empty: no status attested any more."),
    )
    attested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("attested by"),
    )
    attested_at = models.DateTimeField(auto_now_add=True, verbose_name=_("attested at"))

    class Meta:
        verbose_name = _("attested status")
        verbose_name_plural = _("attested statuses")
        ordering = ["-attested_at", "-pk"]

    def __str__(self):
        return f"{self.peer_id}: {self.status or '-'}"
