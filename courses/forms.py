"""Admin forms of the training app."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from credentials.services import revoke_achievement
from home import limits

from .badges import MODULE_CERTIFICATE
from .certificates import notify_certificate
from .notifications import CERTIFICATE_REVOKED


class CertificateRevocationForm(WagtailAdminModelForm):
    """Revoking (or restoring) a certificate records who did it and when."""

    revoked = forms.BooleanField(
        required=False,
        label=_("Revoked"),
        help_text=_(
            "The public verification page will say that the certificate is no longer valid."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked"].initial = self.instance.revoked_at is not None
        if "revocation_reason" in self.fields:
            limits.limit_length(self.fields["revocation_reason"], limits.SHORT_TEXT)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("revoked") and not cleaned.get("revocation_reason", "").strip():
            self.add_error("revocation_reason", _("Say why the certificate is revoked."))
        return cleaned

    def save(self, commit=True):
        certificate = self.instance
        newly_revoked = self.cleaned_data["revoked"] and certificate.revoked_at is None
        if newly_revoked:
            certificate.revoked_at = timezone.now()
            certificate.revoked_by = self.for_user
        elif not self.cleaned_data["revoked"]:
            certificate.revoked_at = None
            certificate.revoked_by = None
        saved = super().save(commit=commit)
        if newly_revoked:
            notify_certificate(certificate, CERTIFICATE_REVOKED)
            # Its Open Badges credentials too: their bits flip in the status list.
            revoke_achievement(MODULE_CERTIFICATE, certificate.code, by=self.for_user)
        return saved


class KindWordForm(forms.Form):
    """A kind word: plain text, short. ``submission`` is the form's token (one word per
    submit, however many times the button is pressed)."""

    text = forms.CharField(
        label=_("Your word"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Plain text, a few lines. The learner reads it in the site and, if they chose so, "
            "by e-mail: keep anything personal for a conversation."
        ),
    )
    submission = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, max_length, **kwargs):
        super().__init__(*args, **kwargs)
        limits.limit_length(self.fields["text"], max_length)
