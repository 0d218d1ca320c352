"""The audit log (append-only), members' requests for erasure and their "My data" archives."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import EncryptedTextField


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnly

    def purge(self):
        """Delete these events: only retention does this, for events past their time."""
        return models.QuerySet.delete(self)

    def delete(self):
        raise AuditLogIsAppendOnly


class AuditLogIsAppendOnly(Exception):
    """An event of the audit log was about to be changed or deleted outside retention."""


class AuditEvent(models.Model):
    """Something that happened to personal data: who, when, what, on which object, outcome.

    Never holds confidential text nor names: people by their account id, objects by type
    and id, the network address as a keyed hash. Written once, never changed (the model,
    its queryset and a database trigger refuse it); deleted after
    ``RETENTION["audit_log_purge_after_days"]``.
    """

    LOGIN, LOGIN_FAILED, LOCKED_OUT, LOGOUT = "login", "login_failed", "locked_out", "logout"
    DENIED, READ, EXPORT = "denied", "read", "export"
    ERASURE_REQUESTED, ERASURE_CANCELLED, ERASURE = (
        "erasure_requested",
        "erasure_cancelled",
        "erasure",
    )
    RETENTION = "retention"
    # Changes to who may reach what (issue 13): each is shown to the member concerned too.
    ACCOUNT_CREATED, ACCOUNT_CHANGED = "account_created", "account_changed"
    ACTIVATED, DEACTIVATED = "account_activated", "account_deactivated"
    ROLE_GRANTED, ROLE_REMOVED = "role_granted", "role_removed"
    SUPERUSER_GRANTED, SUPERUSER_REMOVED = "superuser_granted", "superuser_removed"
    MEMBER_ADDED, MEMBER_REMOVED = "group_member_added", "group_member_removed"
    SUPERVISOR_ADDED, SUPERVISOR_REMOVED = "group_supervisor_added", "group_supervisor_removed"
    INVITATION_SENT, PASSWORD_RESET_SENT = "invitation_sent", "password_reset_sent"
    PASSWORD_SET, TWO_FACTOR_RESET = "password_set", "two_factor_reset"
    CREDENTIAL_REVOKED = "credential_revoked"
    STATUS_ATTESTED = "status_attested"
    ACTIONS = [
        (LOGIN, _("login")),
        (LOGIN_FAILED, _("failed login")),
        (LOCKED_OUT, _("locked out")),
        (LOGOUT, _("logout")),
        (DENIED, _("access refused")),
        (READ, _("read of confidential content")),
        (EXPORT, _("export")),
        (ERASURE_REQUESTED, _("erasure requested")),
        (ERASURE_CANCELLED, _("erasure request cancelled")),
        (ERASURE, _("erasure carried out")),
        (RETENTION, _("retention applied")),
        (ACCOUNT_CREATED, _("member account created")),
        (ACCOUNT_CHANGED, _("account details changed")),
        (ACTIVATED, _("account activated")),
        (DEACTIVATED, _("account deactivated")),
        (ROLE_GRANTED, _("role granted")),
        (ROLE_REMOVED, _("role removed")),
        (SUPERUSER_GRANTED, _("administrator status granted")),
        (SUPERUSER_REMOVED, _("administrator status removed")),
        (MEMBER_ADDED, _("added to a practice group")),
        (MEMBER_REMOVED, _("removed from a practice group")),
        (SUPERVISOR_ADDED, _("made supervisor of a practice group")),
        (SUPERVISOR_REMOVED, _("no longer supervisor of a practice group")),
        (INVITATION_SENT, _("invitation sent")),
        (PASSWORD_RESET_SENT, _("password reset link sent")),
        (PASSWORD_SET, _("password chosen through a link")),
        (TWO_FACTOR_RESET, _("two-step verification reset")),
        (CREDENTIAL_REVOKED, _("verifiable credential revoked")),
        (STATUS_ATTESTED, _("status attested by a coordinator")),
    ]
    SUCCESS, FAILURE = "success", "failure"
    OUTCOMES = [(SUCCESS, _("done")), (FAILURE, _("refused or failed"))]

    at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("when"))
    # Plain ids without a database constraint: the log outlives the rows it mentions and
    # is never rewritten when an account or an object goes.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("who"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("member concerned"),
        help_text=_("Whose data it was: the author of an entry read, the member exported."),
    )
    action = models.CharField(
        max_length=24, choices=ACTIONS, db_index=True, verbose_name=_("action")
    )
    object_type = models.CharField(max_length=100, blank=True, verbose_name=_("object type"))
    object_id = models.CharField(max_length=64, blank=True, verbose_name=_("object id"))
    outcome = models.CharField(
        max_length=10, choices=OUTCOMES, default=SUCCESS, verbose_name=_("outcome")
    )
    ip_hash = models.CharField(
        max_length=16,
        blank=True,
        verbose_name=_("network address (hashed)"),
        help_text=_("A keyed hash: tells whether two events came from the same address."),
    )

    objects = AuditEventQuerySet.as_manager()
    # Wagtail's reference index would add rows for every event (it has foreign keys): the
    # log is read by its own filters, never through "usage" views.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditLogIsAppendOnly
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly


class ErasureRequest(models.Model):
    """A member's request that their account and data be erased, until a coordinator
    carries it out (or the member changes their mind)."""

    PENDING, DONE, CANCELLED = "pending", "done", "cancelled"
    STATUSES = [
        (PENDING, _("waiting")),
        (DONE, _("carried out")),
        (CANCELLED, _("cancelled by the member")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="erasure_requests",
        verbose_name=_("member"),
    )
    status = models.CharField(
        max_length=10, choices=STATUSES, default=PENDING, db_index=True, verbose_name=_("status")
    )
    requested_at = models.DateTimeField(auto_now_add=True, verbose_name=_("asked on"))
    handled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("handled on"))
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("carried out by"),
    )

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["requested_at", "pk"]
        default_permissions = ("view",)
        permissions = [("carry_out_erasure", _("Can carry out a member's erasure"))]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="one_pending_erasure_request",
            )
        ]

    def __str__(self):
        return f"{self.user_id} — {self.status}"


class DataArchive(models.Model):
    """A member's "My data" archive: built by a task, kept a few days for them to download
    (``RETENTION["data_archives_purge_after_days"]``), encrypted at rest like what it holds."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_archive",
        verbose_name=_("member"),
    )
    language = models.CharField(max_length=10, verbose_name=_("language"))
    requested_at = models.DateTimeField(verbose_name=_("asked on"))
    ready_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ready on"))
    filename = models.CharField(max_length=200, blank=True)
    # The zip file in base64.
    content = EncryptedTextField(blank=True)

    class Meta:
        verbose_name = _("data archive")
        verbose_name_plural = _("data archives")
        default_permissions = ()

    def __str__(self):
        return f"{self.user_id} — {self.requested_at:%Y-%m-%d %H:%M}"
