"""The form a peer writes a contribution with on the site: plain fields, the text in plain
words with a few conventions (``share_text``), limits checked on the server."""

import json
import uuid

from django import forms
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _

from . import limits
from .models import ContributionPage
from .share_text import text_to_html

KEY_SALT = "home.share.form-key"
KEY_MAX_AGE = 60 * 60 * 24 * 30
TEXT_LIMIT = limits.CONTRIBUTION_BODY // 2


def form_key(user):
    """A fresh identifier for a new contribution's form, signed for this member."""
    return signing.dumps({"k": str(uuid.uuid4()), "u": user.pk}, salt=KEY_SALT)


def read_form_key(value, user):
    """The identifier a form carries, if this site made it for this member; None otherwise."""
    try:
        data = signing.loads(value or "", salt=KEY_SALT, max_age=KEY_MAX_AGE)
        if data.get("u") != user.pk:
            return None
        return uuid.UUID(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None


class ShareForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you sharing?"),
        choices=ContributionPage.KINDS,
        widget=forms.RadioSelect,
        initial=ContributionPage.TESTIMONY,
    )
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences shown in the list of contributions."),
    )
    text = forms.CharField(
        label=_("Your text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Leave an empty line between paragraphs. Start a line with “- ” for a list. "
            "**Two stars** make bold, _underscores_ italics. Web addresses become links."
        ),
    )
    content_note = forms.CharField(
        label=_("Content note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "If your text touches difficult topics (for example suicide, violence, "
            "hospitalisation), say so in a few words: readers may choose “not now”."
        ),
    )
    signature = forms.ChoiceField(
        label=_("Signature"),
        choices=ContributionPage.SIGNATURES,
        widget=forms.RadioSelect,
        initial=ContributionPage.BY_NAME,
        help_text=_("Trainers who read your text before it is published know who wrote it."),
    )
    key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, author_name="", **kwargs):
        super().__init__(*args, **kwargs)
        limits.limit_length(self.fields["summary"], 300)
        limits.limit_length(self.fields["text"], TEXT_LIMIT)
        limits.limit_length(self.fields["content_note"], limits.SHORT_TEXT)
        if author_name:
            self.fields["signature"].choices = [
                (ContributionPage.BY_NAME, _("Under my name (%(name)s)") % {"name": author_name}),
                (ContributionPage.ANONYMOUS, _("As “a member”, without my name")),
            ]
        for name in ("summary", "text", "content_note"):
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-help"

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give your text a title."))
        return title

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        stored = json.dumps(
            [{"type": "paragraph", "value": text_to_html(text)}], cls=DjangoJSONEncoder
        )
        if len(stored) > limits.CONTRIBUTION_BODY:
            raise forms.ValidationError(
                _(
                    "This text is too long for one contribution (%(limit)s characters "
                    "at most, formatting included). Could it become two contributions?"
                )
                % {"limit": limits.shown(limits.CONTRIBUTION_BODY)}
            )
        return text
