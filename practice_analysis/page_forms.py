"""Admin forms of the group records: people are chosen among the group's own, every free
text is finite, and the anonymisation guard reads them before they are saved."""

import json

from django import forms
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue

from home import limits
from home.guarded_forms import REASON_FIELD, AnonymisationGuardMixin

__all__ = ["REASON_FIELD", "GroupRecordForm"]

PEOPLE_FIELDS = ("attendees", "consultants", "facilitator", "client")


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
