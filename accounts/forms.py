"""Forms of the login, two-factor and password-link steps, and of reading comfort."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import ReadingPreferences

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


class PasswordResetRequestForm(auth_forms.PasswordResetForm):
    """The e-mail address of an account that forgot its password.

    Unlike Django's form, an account that never chose a password (an invitation lost in a
    mailbox) gets a link too; the sending itself is ``accounts.password_links``'s.
    """

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "autofocus": True}
        ),
        error_messages={
            "required": _("Please type your e-mail address."),
            "invalid": _("This does not look like an e-mail address: please check it."),
        },
    )

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return [user for user in users if user.email.lower() == email.lower()]


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Choosing one's password from an e-mailed link (invitation or reset)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Your new password")
        self.fields["new_password2"].label = _("The same password again")


class ReadingPreferencesForm(forms.ModelForm):
    """Reading comfort: sizes and spacing as choices shown side by side, the rest on/off."""

    class Meta:
        model = ReadingPreferences
        fields = ["text_size", "line_spacing", "readable_font", "high_contrast", "reduce_motion"]
        widgets = {
            "text_size": forms.RadioSelect,
            "line_spacing": forms.RadioSelect,
        }
        help_texts = {
            "text_size": _("Every page, menus included, grows with it."),
            "line_spacing": _("More space between lines and paragraphs."),
            "high_contrast": _("Black text on white, darker links and borders."),
            "reduce_motion": _(
                "No animations or transitions. Your device's own setting is followed too."
            ),
        }
