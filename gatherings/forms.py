"""The schedule form (front end and editing space alike) and the attendance and check-in forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from . import services
from .models import Attendance, LiveSession

SCHEDULE_FIELDS = [
    "kind",
    "cohort",
    "group",
    "starts_at",
    "duration_minutes",
    "place",
    "video_link",
    "facilitator",
    "agenda",
]


def person_label(user):
    return user.get_full_name() or user.get_username()


class ScheduleRules:
    """What a member may schedule: their cohorts and groups, a facilitator among the
    people who may see the session. Both forms below ask the same services."""

    def limit_to(self, user):
        self.scheduler = user
        self.fields["cohort"].queryset = services.schedulable_cohorts(user).order_by("name")
        self.fields["group"].queryset = services.schedulable_groups(user).order_by("name")
        facilitator = self.fields["facilitator"]
        facilitator.label_from_instance = person_label
        instance = self.instance
        if instance.pk:
            facilitator.queryset = services.facilitators_for(instance.cohort, instance.group)
        else:
            people = facilitator.queryset.model.objects.filter(is_active=True)
            facilitator.queryset = (
                people.filter(trained_cohorts__in=self.fields["cohort"].queryset)
                | people.filter(practice_groups__in=self.fields["group"].queryset)
                | people.filter(supervised_groups__in=self.fields["group"].queryset)
            ).distinct()

    def clean(self):
        cleaned = super().clean()
        cohort, group = cleaned.get("cohort"), cleaned.get("group")
        facilitator = cleaned.get("facilitator")
        if facilitator is not None and (cohort or group):
            allowed = services.facilitators_for(cohort=cohort, group=group)
            if not allowed.filter(pk=facilitator.pk).exists():
                self.add_error(
                    "facilitator",
                    _("The facilitator is one of the group's people or the cohort's trainers."),
                )
        if "starts_at" in self.changed_data:
            self.instance.reminder_sent_at = None  # a new time: a new reminder
        return cleaned


class ScheduleForm(ScheduleRules, forms.ModelForm):
    """The facilitator's small form on the front end."""

    class Meta:
        model = LiveSession
        fields = SCHEDULE_FIELDS
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "agenda": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to(user)


class LiveSessionAdminForm(ScheduleRules, WagtailAdminModelForm):
    """The editing space's form: the same choices and checks for the member at the keyboard."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.limit_to(self.for_user)


class AttendanceForm(forms.Form):
    """One line of the attendance page: came or not, and when if late or leaving early."""

    status = forms.ChoiceField(
        choices=[("", _("Not marked yet")), *Attendance.STATUSES], required=False
    )
    arrived_at = forms.TimeField(
        required=False, label=_("Arrived late at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    left_at = forms.TimeField(
        required=False, label=_("Left early at"), widget=forms.TimeInput(attrs={"type": "time"})
    )


class CheckInForm(forms.Form):
    code = forms.CharField(
        max_length=12,
        label=_("The code shown at the session"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
