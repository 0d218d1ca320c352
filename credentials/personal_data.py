"""What credentials holds about a member, for "My data" and erasure (privacy.registry).

A credential handed out is the holder's file: erasure unlinks the rows from the account and
blanks a coordinator's reason for revoking (the status list keeps their bits, so a revoked
one stays revoked)."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import register_model

from .models import IssuedCredential


def erase_credentials(user):
    IssuedCredential.objects.filter(user=user).update(user=None, revocation_reason="")


register_model(
    "issued_credentials",
    _("Verifiable credentials"),
    IssuedCredential,
    user_field="user",
    fields=["name", "kind", "identified_by", "issued_at", "revoked_at", "revocation_reason"],
    erase=erase_credentials,
    order=27,
)
