"""The form of the People area: a member's names, address, language and roles.

It has no password field, no superuser field (except for superusers) and no group field:
roles are chosen among those ``rules.assignable_roles`` allows, by their translated names,
and applied as a difference, so that roles the actor may not change (and technical groups)
stay as they are. Anything else a forged request sends is ignored, or refused as an
invalid choice.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.models import UserProfile

from home.roles import ROLES, role_label

from ..models import Person
from .audit import one_notification
from .rules import (
    assignable_roles,
    may_change_address,
    may_set_superuser,
    role_groups,
    role_names,
)


def unique_username(first_name, last_name, email):
    """``camille.durand``, then ``camille.durand2``…: a username nobody has to invent."""
    base = slugify(f"{first_name} {last_name}").replace("-", ".") or slugify(email.split("@")[0])
    base = (base or "member")[:140]
    users = get_user_model()._default_manager
    candidate, number = base, 1
    while users.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


class PersonForm(WagtailAdminModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What this person can do on the site. A person can hold several roles."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("The language of the site and of the e-mails this person receives."),
    )

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "username"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = self.for_user
        member = self.instance if self.instance.pk else None
        self.assignable = assignable_roles(self.actor, member)
        self.held = role_names(member) if member else []
        self.locked = [name for name in self.held if name not in self.assignable]

        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["email"].help_text = _(
            "Invitations and links to choose a password are sent to this address."
        )
        if not may_change_address(self.actor, member):
            # A disabled field ignores what is posted: a forged address is never saved.
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _(
                "Links to choose a password are sent to this address, so once a person has "
                "joined, only they (in their account settings) or an administrator change it."
            )
        username = self.fields["username"]
        username.required = member is not None
        username.help_text = (
            _("What this person types to log in.")
            if member
            else _("What this person types to log in. Leave it empty: it is made from the name.")
        )
        roles = self.fields["roles"]
        roles.choices = [(name, ROLES[name].label) for name in self.assignable]
        roles.initial = [name for name in self.held if name in self.assignable]
        if self.locked:
            roles.help_text = _(
                "Kept as they are, as only an administrator changes them: %(roles)s."
            ) % {"roles": ", ".join(str(role_label(name)) for name in self.locked)}
        if not self.assignable:
            del self.fields["roles"]

        language = self.fields["language"]
        language.choices = list(settings.LANGUAGES)
        language.initial = (
            UserProfile.get_for_user(member).get_preferred_language()
            if member
            else settings.LANGUAGE_CODE
        )
        if may_set_superuser(self.actor, member):
            self.fields["is_superuser"] = forms.BooleanField(
                label=_("Administrator (technical)"),
                required=False,
                initial=bool(member and member.is_superuser),
                help_text=_(
                    "Every right on the site, the audit log included: for the hosting team only."
                ),
            )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        others = get_user_model()._default_manager.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Another account already uses this address: each person needs their own.")
            )
        return email

    def clean_username(self):
        username = self.cleaned_data.get("username", "")
        if not username:
            return username
        others = get_user_model()._default_manager.filter(username__iexact=username)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("This username is taken: please choose another."))
        return username

    def save(self, commit=True):
        member = super().save(commit=False)
        creating = member.pk is None
        if not member.username:
            data = self.cleaned_data
            member.username = unique_username(data["first_name"], data["last_name"], data["email"])
        if creating:
            member.set_unusable_password()  # the member chooses it from the invitation
        with one_notification():
            if "is_superuser" in self.fields:
                member.is_superuser = self.cleaned_data["is_superuser"]
            member.save()
            self.save_roles(member)
        profile = UserProfile.get_for_user(member)
        if profile.preferred_language != self.cleaned_data["language"]:
            profile.preferred_language = self.cleaned_data["language"]
            profile.save(update_fields=["preferred_language"])
        return member

    def save_roles(self, member):
        if "roles" not in self.fields:
            return
        chosen = set(self.cleaned_data["roles"]) & set(self.assignable)
        held = set(role_names(member)) & set(self.assignable)
        if added := chosen - held:
            member.groups.add(*role_groups(added))
        if removed := held - chosen:
            member.groups.remove(*role_groups(removed))
