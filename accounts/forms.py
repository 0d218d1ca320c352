"""Forms of the login and two-factor steps: one field each, plain messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

CODE_HELP = _("The six-digit code shown in your authenticator app, or one of your recovery codes.")


class CodeForm(forms.Form):
    """A code from the authenticator app (or, on the login step, a recovery code)."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Please type the code.")},
    )

    def __init__(self, *args, accepts_recovery=True, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        if accepts_recovery:
            field.help_text = CODE_HELP
        else:
            field.help_text = _("The six-digit code now shown in your authenticator app.")
            field.widget.attrs["inputmode"] = "numeric"
            # The set-up page explains first: focus stays at its top.
            field.widget.attrs.pop("autofocus", None)
