"""The form a member proposes a co-development subject with, under the anonymisation guard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.anonymisation import check_fields
from home.guarded_forms import plain_text


class SubjectForm(forms.Form):
    """A short title and a few lines. What looks identifying is pointed out before it is
    kept; the member rewrites it or says why it may stay, as in the group's records."""

    title = forms.CharField(
        max_length=120,
        label=_("Subject"),
        help_text=_("A short, neutral title, without names."),
    )
    details = forms.CharField(
        max_length=800,
        required=False,
        label=_("A few lines (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    anonymisation_reason = forms.CharField(
        max_length=300,
        required=False,
        label=_("Why these words may stay"),
        help_text=_("Only if the guard points out words that must stay: say why in a few words."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.names = list(names)

    def clean(self):
        cleaned = super().clean()
        texts = {
            name: plain_text(cleaned.get(name) or "")
            for name in ("title", "details")
            if cleaned.get(name)
        }
        remaining = check_fields(texts, self.names)
        if remaining and not (cleaned.get("anonymisation_reason") or "").strip():
            found = "; ".join(
                f"{finding.label}: {finding.context}"
                for findings in remaining.values()
                for finding in findings
            )
            self.add_error(
                "anonymisation_reason",
                _(
                    "These words may identify someone: %(found)s. Please rewrite them, or "
                    "say here why they may stay. What you wrote is still here."
                )
                % {"found": found},
            )
        return cleaned
