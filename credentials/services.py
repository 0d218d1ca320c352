"""Who may have which credential: a member, their own achievements only; revocation by the
holder or by the training team (audited, and the holder is told)."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone, translation

from home.notifications import notify
from privacy import audit
from privacy.models import AuditEvent

from . import issuance, registry, status
from .models import IssuedCredential
from .notifications import CREDENTIAL_REVOKED, CREDENTIAL_REVOKED_REASON


def achievements_of(user):
    """Every achievement the member may export, all kinds together, in the active language."""
    if not user.is_authenticated:
        return []
    found = []
    for kind in registry.kinds():
        found.extend(a for a in kind.achievements_of(user) if a.valid)
    return found


def credentials_of(user):
    if not user.is_authenticated:
        return IssuedCredential.objects.none()
    return IssuedCredential.objects.filter(user=user)


def _taken(index):
    return IssuedCredential.objects.filter(status_index=index).exists()


def issue(user, kind, ref, identified_by):
    """The member's signed credential for their own achievement (``kind``, ``ref``), as
    ``(IssuedCredential, VC-JWT)``; None when it is not theirs, not valid, or the way of
    naming them is not available. Downloading again signs the same credential again."""
    achievement = registry.achievement(user, kind, ref)
    if achievement is None or not achievement.valid:
        return None
    if identified_by not in dict(IssuedCredential.IDENTIFIED_BY):
        return None
    if identified_by == IssuedCredential.EMAIL_HASH and not user.email:
        return None
    credential = (
        credentials_of(user)
        .filter(kind=kind, ref=ref, identified_by=identified_by, revoked_at__isnull=True)
        .first()
    )
    while credential is None:
        try:
            with transaction.atomic():
                credential = IssuedCredential.objects.create(
                    user=user,
                    kind=kind,
                    ref=ref,
                    name=achievement.name[:255],
                    identified_by=identified_by,
                    status_index=status.new_index(_taken),
                )
        except IntegrityError:  # the same index drawn at the same moment: draw again
            credential = None
    audit.record(AuditEvent.EXPORT, actor=user, subject=user, obj=credential)
    document = issuance.build(credential, achievement, user, translation.get_language())
    return credential, issuance.sign(document)


def revoke(credential, by, reason=""):
    """Flip the credential's bit in the status list. The holder may revoke their own; the
    training team revokes through the achievement (``revoke_achievement``), a coordinator
    one credential with a ``reason``. Audited; the holder is told when someone else revoked
    it (with the reason, also by e-mail as they chose, when there is one)."""
    if credential.revoked_at is not None:
        return False
    credential.revoked_at = timezone.now()
    credential.revoked_by = by
    credential.revocation_reason = reason
    credential.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    audit.record(
        AuditEvent.CREDENTIAL_REVOKED, actor=by, subject=credential.user_id, obj=credential
    )
    if credential.user is not None and (by is None or by.pk != credential.user_id):
        if reason:
            params = {"name": credential.name, "reason": reason}
            notify(credential.user, CREDENTIAL_REVOKED_REASON, params, email=True)
        else:
            notify(credential.user, CREDENTIAL_REVOKED, {"name": credential.name})
    return True


def revoke_achievement(kind, ref, by):
    """Revoke every credential issued for this achievement (a certificate revoked)."""
    credentials = IssuedCredential.objects.filter(kind=kind, ref=ref, revoked_at__isnull=True)
    return sum(revoke(credential, by) for credential in credentials.select_related("user"))


def revoked_indexes():
    return IssuedCredential.objects.filter(revoked_at__isnull=False).values_list(
        "status_index", flat=True
    )


# Coordinators: every credential issued, and revoking one ------------------------------

MANAGE_PERMISSION = "credentials.change_issuedcredential"


def may_manage_credentials(user):
    """Coordinators (and superusers) list the credentials issued and revoke one."""
    return user.is_authenticated and user.is_active and user.has_perm(MANAGE_PERMISSION)


def issued_credentials_for(user, *, search="", kind="", state=""):
    """Every credential issued, newest first, for who may manage them (none for others):
    ``search`` in the holder's names, username or e-mail address and the achievement's
    name; ``kind`` a registered kind; ``state`` "valid" or "revoked"."""
    if not may_manage_credentials(user):
        return IssuedCredential.objects.none()
    found = IssuedCredential.objects.select_related("user", "revoked_by")
    for word in search.split():
        found = found.filter(
            Q(name__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__username__icontains=word)
            | Q(user__email__icontains=word)
        )
    if kind:
        found = found.filter(kind=kind)
    if state == "valid":
        found = found.filter(revoked_at__isnull=True)
    elif state == "revoked":
        found = found.filter(revoked_at__isnull=False)
    return found.order_by("-issued_at", "pk")


def managed_credential(request, pk):
    """The credential with this id for a member who may manage credentials; 404 otherwise
    (whatever exists behind the id), the refusal audited."""
    credential = None
    if may_manage_credentials(request.user):
        credential = issued_credentials_for(request.user).filter(pk=pk).first()
    if credential is None:
        audit.denied(request, (IssuedCredential._meta.label_lower, pk))
        raise Http404
    return credential
