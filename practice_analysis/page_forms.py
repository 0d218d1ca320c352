"""Admin forms of the group records: people are chosen among the group's own, every free
text is finite, and the anonymisation guard reads them before they are saved."""

import json

from django import forms
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue

from home import limits

from .anonymisation import check_fields

PEOPLE_FIELDS = ("attendees", "consultants", "facilitator", "client")


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


class GroupRecordForm(AnonymisationGuardMixin, WagtailAdminPageForm):
    """Attendees, consultants, client and facilitator come from the record's group only:
    the form never lists the other members of the association."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group_page = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        group = getattr(group_page.specific, "group", None) if group_page else None
        people = get_user_model().objects.none()
        if group is not None:
            people = (
                get_user_model()
                .objects.filter(Q(practice_groups=group) | Q(supervised_groups=group))
                .distinct()
                .order_by("last_name", "first_name")
            )
        self.people = people
        for name in PEOPLE_FIELDS:
            if name in self.fields:
                self.fields[name].queryset = people
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and name not in ("title", "slug"):
                # Formatting included for rich text: what the database and pages carry.
                field.validators = [*field.validators, limits.TextTooLong(limits.RECORD_TEXT)]

    def names_to_avoid(self):
        """The full names of the group's people: named in a record's text, they identify."""
        names = (person.get_full_name().strip() for person in self.people)
        return [name for name in names if name]

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if not isinstance(value, StreamValue) or name in self.errors:
                continue
            size = len(json.dumps(value.get_prep_value(), cls=DjangoJSONEncoder))
            if size > limits.RECORD_BLOCKS:
                self.add_error(
                    name,
                    _(
                        "This part is a little too long: %(limit)s characters at most, "
                        "formatting included. Please shorten it; what you wrote is still here."
                    )
                    % {"limit": limits.shown(limits.RECORD_BLOCKS)},
                )
        return cleaned
