"""The member's request for erasure: one box to tick, so that nobody asks by mistake."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureRequestForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand, and I ask for my account and my data to be erased."),
        error_messages={"required": _("Tick the box to confirm your request.")},
    )
