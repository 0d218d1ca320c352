"""Forms of the coordinators' credentials screen: finding a credential, revoking one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home import limits

from . import registry

VALID, REVOKED = "valid", "revoked"


class CredentialFilterForm(forms.Form):
    """What the list shows: words to find, a kind, valid or revoked (a GET form)."""

    q = forms.CharField(
        required=False,
        label=_("Find"),
        help_text=_("A holder's name, username or e-mail address, or an achievement's name."),
        max_length=200,
    )
    kind = forms.ChoiceField(required=False, label=_("Kind"))
    state = forms.ChoiceField(
        required=False,
        label=_("Status"),
        choices=[("", _("All")), (VALID, _("Valid")), (REVOKED, _("Revoked"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All"))] + [
            (kind.key, kind.label) for kind in registry.kinds()
        ]

    def criteria(self):
        """The search, kind and state to apply; none for values not understood."""
        if not self.is_valid():
            return {}
        return {
            "search": self.cleaned_data["q"],
            "kind": self.cleaned_data["kind"],
            "state": self.cleaned_data["state"],
        }


class RevocationForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is revoked"),
        help_text=_(
            "The holder reads it in their notification: say it plainly and kindly (for "
            "example: issued for a module that was not completed)."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why the credential is revoked.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits.limit_length(self.fields["reason"], limits.SHORT_TEXT)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the credential is revoked."))
        return reason
