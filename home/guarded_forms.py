"""The anonymisation guard in the page editor (Wagtail's page forms): what looks identifying
in a page's free texts is pointed out before it is saved; the writer rewrites it, or says
why it may stay. Used by group records (practice_analysis) and contributions (home)."""

from django import forms
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.blocks import StreamValue

from .anonymisation import check_fields

REASON_FIELD = "anonymisation_reason"


def plain_text(value):
    """The words of a field's value as a reader sees them: rich text without its markup,
    every text of a stream's blocks; None for what is not text (people, dates, choices)."""
    if isinstance(value, StreamValue):
        value = " \n".join(_texts(value.get_prep_value()))
    if not isinstance(value, str):
        return None
    return " ".join(strip_tags(value).split())


def _texts(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, item in data.items():
            if key not in ("type", "id"):
                yield from _texts(item)
    elif isinstance(data, list):
        for item in data:
            yield from _texts(item)


class AnonymisationGuardMixin(forms.Form):
    """The anonymisation guard in the page editor, as on the entry form: what looks
    identifying in a free text (a name, an address, a phone number…) is pointed out before
    the page is saved. The writer rephrases it, or says in a few words why it may stay: the
    reason, who gave it and when are kept with the page (encrypted, ``anonymisation_accepted``)
    and the same words are not pointed out again.
    """

    anonymisation_reason = forms.CharField(
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Why these words may stay"),
        help_text=_(
            "Only if the guard points out words that must stay (for example a public "
            "place or a published author): say why in a few words. It is kept with the page."
        ),
    )

    guarded_exclude = ("title", "slug", "seo_title", "search_description", REASON_FIELD)

    def names_to_avoid(self):
        return []

    def clean(self):
        cleaned = super().clean()
        texts = {}
        for name, value in cleaned.items():
            text = plain_text(value) if name not in self.guarded_exclude else None
            if text:
                texts[name] = text
        accepted = dict(getattr(self.instance, "anonymisation_accepted", None) or {})
        remaining = check_fields(texts, self.names_to_avoid(), frozenset(accepted))
        if not remaining:
            return cleaned
        reason = (cleaned.get(REASON_FIELD) or "").strip()
        if not reason:
            found = "; ".join(
                f"{finding.label}: {finding.context}"
                for findings in remaining.values()
                for finding in findings
            )
            self.add_error(
                REASON_FIELD,
                _(
                    "These words may identify someone: %(found)s. Please rewrite them, or "
                    "say here why they may stay. What you wrote is still here."
                )
                % {"found": found},
            )
            return cleaned
        user = getattr(self, "for_user", None)
        mark = {"by": getattr(user, "pk", None), "at": timezone.now().isoformat(), "why": reason}
        for findings in remaining.values():
            for finding in findings:
                accepted[finding.key] = mark
        self.instance.anonymisation_accepted = accepted
        return cleaned
