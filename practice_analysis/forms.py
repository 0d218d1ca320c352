"""The reflective-entry form: Gibbs sections, context, and the author's questions."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from home import limits

from .models import PracticeSessionPage, ReflectiveEntry
from .services import sessions_of_groups


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return value.strftime("%Y-%m")
        return value


class MonthField(forms.DateField):
    """A month of a year, stored as its first day: the day itself is never asked."""

    widget = MonthInput
    input_formats = ["%Y-%m"]

    def clean(self, value):
        date = super().clean(value)
        if date and date > timezone.localdate():
            raise forms.ValidationError(_("The month cannot be in the future."))
        return date.replace(day=1) if date else date


class ReflectiveEntryForm(forms.ModelForm):
    situation_month = MonthField(
        required=False,
        label=_("Month of the situation"),
        help_text=_("The month only, never the day."),
    )
    ethics_tags = forms.MultipleChoiceField(
        required=False,
        choices=ReflectiveEntry.ETHICS_TAGS,
        widget=forms.CheckboxSelectMultiple,
        label=_("Ethical questions this situation raises"),
    )

    class Meta:
        model = ReflectiveEntry
        fields = [
            "group",
            "title",
            "setting",
            "situation_month",
            *[name for name, _label, _help in ReflectiveEntry.GIBBS_SECTIONS],
            "ethics_tags",
            "question_for_supervisor",
            "wants_to_talk",
            "session",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name, _label, _help in ReflectiveEntry.GIBBS_SECTIONS
        } | {"question_for_supervisor": forms.Textarea(attrs={"rows": 3})}

    # The free texts, which the autosave needs in every request (see ``texts_missing``).
    TEXT_FIELDS = [
        "title",
        *[name for name, _label, _help in ReflectiveEntry.GIBBS_SECTIONS],
        "question_for_supervisor",
    ]

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the member's own groups: an id of another group is refused like a wrong one.
        self.fields["group"].queryset = groups
        self.fields["group"].empty_label = None
        # Sessions of the member's own groups only, as for the group itself.
        self.fields["session"].queryset = PracticeSessionPage.objects.live().filter(
            pk__in=sessions_of_groups(groups)
        )
        for name, label, help_text in ReflectiveEntry.GIBBS_SECTIONS:
            self.fields[name].label = label
            self.fields[name].help_text = help_text
            limits.limit_length(self.fields[name], limits.ENTRY_SECTION)
        limits.limit_length(self.fields["question_for_supervisor"], limits.ENTRY_QUESTION)
        # The title keeps its model limit (120); its message says it kindly too.
        limits.limit_length(self.fields["title"], self.fields["title"].max_length)

    def texts_missing(self):
        """Whether a request left out free texts: absent is not emptied, so nothing saved
        is overwritten by a truncated or malformed request."""
        return any(name not in self.data for name in self.TEXT_FIELDS)


class SubmitForm(forms.Form):
    """What the author confirms when sending an entry to the supervisors."""

    self_check = forms.BooleanField(
        label=_("I have re-read my entry: nobody can be recognised from it."),
        error_messages={"required": _("Please re-read your entry and tick this box.")},
    )


class PeopleCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes of people; the ones in ``locked`` are shown but cannot be ticked."""

    def __init__(self, *args, locked=(), locked_note="", **kwargs):
        super().__init__(*args, **kwargs)
        self.locked = {str(pk) for pk in locked}
        self.locked_note = locked_note

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.locked and not selected:
            option["attrs"]["disabled"] = True
            option["label"] = f"{label} {self.locked_note}"
        return option


class PracticeGroupForm(WagtailAdminModelForm):
    """Members are chosen among peers, supervisors among supervisors; nobody widens their
    own access.

    A supervisor reads the group's entries and records, a member its records and shared
    entries: only people who hold the role may be given it here, and a member of staff
    (anyone but a superuser) cannot add themselves to a group, so that managing groups never
    opens what members write to the person managing them. People already in the group stay
    listed (and may be kept) even if they no longer hold the role.
    """

    ROLES = {"members": "peer", "supervisors": "supervisor"}
    INVALID_CHOICE = {
        "members": _("Only people who hold the peer supporter role can be members of a group."),
        "supervisors": _("Only people who hold the supervisor role can supervise a group."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")
        editor = self.for_user
        self.self_locked = (
            editor is not None and editor.is_authenticated and not editor.is_superuser
        )
        for name, role in self.ROLES.items():
            current = self.initial.get(name) or []
            current_ids = [getattr(person, "pk", person) for person in current]
            field = self.fields[name]
            field.queryset = users.filter(Q(groups__name=role) | Q(pk__in=current_ids)).distinct()
            field.error_messages["invalid_choice"] = self.INVALID_CHOICE[name]
            locked = [editor.pk] if self.self_locked and editor.pk not in current_ids else []
            field.widget = PeopleCheckboxes(
                choices=field.choices, locked=locked, locked_note=_("(you cannot add yourself)")
            )
        self.fields["facilitator"].queryset = users.filter(
            groups__name__in=["supervisor", "peer", "coordinator"]
        ).distinct()

    def _refuse_self(self, name):
        people = self.cleaned_data.get(name)
        if people is None or not self.self_locked:
            return people
        already = {getattr(person, "pk", person) for person in self.initial.get(name) or []}
        if self.for_user.pk not in already and any(p.pk == self.for_user.pk for p in people):
            raise forms.ValidationError(
                _(
                    "You cannot add yourself to a group: this would let you read what its "
                    "members write. Another coordinator can add you, and the group's members "
                    "will be told."
                ),
                code="self_assignment",
            )
        return people

    def clean_members(self):
        return self._refuse_self("members")

    def clean_supervisors(self):
        return self._refuse_self("supervisors")


class ReviewForm(forms.Form):
    """A supervisor's review: comments per section, overall comment, recommendations."""

    KINDS = [
        ("strengths", _("Strengths")),
        ("questions", _("Questions")),
        ("suggestions", _("Suggestions")),
    ]

    overall_comment = limits.limit_length(
        forms.CharField(
            required=False, widget=forms.Textarea(attrs={"rows": 5}), label=_("Overall comment")
        ),
        limits.REVIEW_OVERALL,
    )
    recommended_modules = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Training modules to recommend"),
    )
    bring_to_session = forms.BooleanField(
        required=False, label=_("Bring it to the next group session")
    )
    discuss_in_person = forms.BooleanField(
        required=False,
        label=_("Let us talk about it in person"),
        help_text=_("Nothing more is written: you will talk about it together."),
    )
    decision = forms.ChoiceField(
        choices=[
            (ReflectiveEntry.VALIDATED, _("Validate the entry")),
            (ReflectiveEntry.CHANGES_REQUESTED, _("Ask the author for changes")),
        ],
        widget=forms.RadioSelect,
        label=_("Decision"),
    )

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommended_modules"].choices = [
            (str(module.translation_key), module.title) for module in modules
        ]
        for section, label, _help in ReflectiveEntry.GIBBS_SECTIONS:
            for kind, kind_label in self.KINDS:
                self.fields[f"{section}__{kind}"] = limits.limit_length(
                    forms.CharField(
                        required=False,
                        widget=forms.Textarea(attrs={"rows": 2}),
                        label=f"{label} — {kind_label}",
                    ),
                    limits.REVIEW_COMMENT,
                )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == ReflectiveEntry.CHANGES_REQUESTED and not (
            cleaned.get("overall_comment", "").strip()
        ):
            self.add_error(
                "overall_comment", _("Say what you would like the author to look at again.")
            )
        return cleaned

    def section_groups(self):
        """[(section label, [bound fields])] for the template."""
        return [
            (label, [self[f"{section}__{kind}"] for kind, _k in self.KINDS])
            for section, label, _help in ReflectiveEntry.GIBBS_SECTIONS
        ]

    def section_comments(self):
        comments = {}
        for section, _label, _help in ReflectiveEntry.GIBBS_SECTIONS:
            texts = {
                kind: self.cleaned_data[f"{section}__{kind}"].strip()
                for kind, _k in self.KINDS
                if self.cleaned_data[f"{section}__{kind}"].strip()
            }
            if texts:
                comments[section] = texts
        return comments
