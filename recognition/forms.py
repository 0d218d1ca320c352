"""A level chosen among a competence's own levels, and a few words."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AttestedStatus


class LevelForm(forms.Form):
    level = forms.TypedChoiceField(
        coerce=int, widget=forms.RadioSelect, label=_("Where I am today")
    )
    text = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("A private note (only you read it)"),
    )

    def __init__(self, *args, competence, text_label=None, level_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [
            (lvl.rank, f"{lvl.name} — {lvl.descriptor}") for lvl in competence.levels.all()
        ]
        if text_label:
            self.fields["text"].label = text_label
        if level_label:
            self.fields["level"].label = level_label


class ConfirmForm(LevelForm):
    """A supervisor's confirmation: their name on the peer's record only if they say so."""

    name_shown = forms.BooleanField(
        required=False,
        label=_("My name may appear on this peer's record"),
        help_text=_("Otherwise their record says “a supervisor of their practice group”."),
    )


class AttestForm(forms.Form):
    status = forms.ChoiceField(
        required=False, widget=forms.RadioSelect, label=_("Status attested by the coordination")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            *AttestedStatus.STATUSES,
            ("", _("No status attested (ends the current one)")),
        ]
