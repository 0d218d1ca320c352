"""The People area: list, add, change, (de)activate members; send links; reset a second factor.

Each view asks ``rules`` whether the actor may act on this account; a refusal is Wagtail's
(``PermissionDenied``: back to the dashboard with a message), as for any admin view.
"""

from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from home import outbox
from home.notifications import notify, preferred_language
from home.roles import ROLES, SUPERUSER, role_label
from privacy import audit
from privacy.models import AuditEvent
from privacy.services import end_sessions, erased_accounts

from .. import twofactor
from ..models import Person
from ..notifications import ACCOUNT_SECURITY, ADDRESS_CHANGED
from ..password_links import INVITATION, link_kind, not_yet_joined, send_password_link
from . import rules
from .forms import PersonForm


class PeoplePermissionPolicy(ModelPermissionPolicy):
    """``accounts.*_person`` permissions; nobody deletes an account here (see docs/roles.md)."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete":
            return False
        if action == "change":
            return rules.may_manage(user, instance)
        return super().user_has_permission_for_instance(user, action, instance)


def status(member):
    if not member.is_active:
        return _("Deactivated")
    if not_yet_joined(member):
        return _("Invited, not yet joined")
    return _("Active")


def roles_text(member):
    names = [str(ROLES[group.name].label) for group in member.groups.all() if group.name in ROLES]
    if member.is_superuser:
        names.append(str(role_label(SUPERUSER)))
    return ", ".join(names) or "—"


class PeopleFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(
        label=gettext_lazy("Role"), method="filter_role", empty_label=gettext_lazy("Any role")
    )
    practice_group = django_filters.ChoiceFilter(
        label=gettext_lazy("Practice group"),
        method="filter_practice_group",
        empty_label=gettext_lazy("Any group"),
    )
    is_active = django_filters.BooleanFilter(label=gettext_lazy("Active"))

    class Meta:
        model = Person
        fields = ["role", "practice_group", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["role"].extra["choices"] = [(name, role.label) for name, role in ROLES.items()]
        # A practice group's access group holds its members and supervisors.
        self.filters["practice_group"].extra["choices"] = list(
            Group.objects.filter(practice_group__isnull=False)
            .order_by("practice_group__name")
            .values_list("pk", "practice_group__name")
        )

    def filter_role(self, queryset, name, value):
        return queryset.filter(groups__name=value) if value else queryset

    def filter_practice_group(self, queryset, name, value):
        return queryset.filter(groups__pk=value) if value else queryset


class IndexView(generic.IndexView):
    page_title = gettext_lazy("People")
    add_item_label = gettext_lazy("Add a person")
    search_fields = ["first_name", "last_name", "username", "email"]
    default_ordering = "last_name"

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=gettext_lazy("Name"),
                accessor=lambda m: m.get_full_name() or m.get_username(),
                get_url=lambda m: self.get_edit_url(m),
                sort_key="last_name",
            ),
            Column("roles", label=gettext_lazy("Roles"), accessor=roles_text),
            Column("status", label=gettext_lazy("Status"), accessor=status),
            DateColumn("last_login", label=gettext_lazy("Last login"), sort_key="last_login"),
        ]

    def get_base_queryset(self):
        roles = Group.objects.filter(name__in=list(ROLES))
        # Erased accounts (docs/data-protection.md) hold nothing to manage.
        return (
            Person.objects.exclude(pk__in=erased_accounts())
            .select_related("wagtail_userprofile")
            .prefetch_related(Prefetch("groups", queryset=roles))
        )

    def get_edit_url(self, instance):
        if rules.may_manage(self.request.user, instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        return None

    def get_list_more_buttons(self, instance):
        return []


class PersonViewMixin:
    """The account being acted on, and whether the actor may."""

    def load_member(self, pk, allowed):
        member = get_object_or_404(Person, pk=pk)
        if not allowed(self.request.user, member):
            raise PermissionDenied
        return member


class CreateView(generic.CreateView):
    page_title = gettext_lazy("Add a person")
    success_message = gettext_lazy("%(object)s was added.")

    def save_instance(self):
        member = super().save_instance()
        if send_password_link(member, INVITATION, request=self.request):
            messages.info(
                self.request,
                _("An invitation to choose a password is on its way to %(email)s.")
                % {"email": member.email},
            )
        else:
            messages.warning(
                self.request,
                _("The invitation could not be sent now: send it again from the person's page."),
            )
        return member


class EditView(PersonViewMixin, generic.EditView):
    success_message = gettext_lazy("%(object)s's account was saved.")

    def get_object(self, queryset=None):
        return self.load_member(self.object_pk, rules.may_manage)

    def save_instance(self):
        old_email = Person.objects.values_list("email", flat=True).get(pk=self.object.pk)
        member = super().save_instance()
        if old_email and old_email.lower() != member.email.lower():
            tell_old_address(member, old_email)
        return member

    @cached_property
    def header_more_buttons(self):
        return []

    def get_page_subtitle(self):
        return self.object.get_full_name() or self.object.get_username()

    # No history, usage or delete views here (see PeopleViewSet.get_urlpatterns).
    def get_history_url(self):
        return None

    def get_usage_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member, actor = self.object, self.request.user
        context["actions"] = member_actions(actor, member, self.namespace)
        context["member_status"] = status(member)
        context["member_roles"] = roles_text(member)
        context["roles_locked"] = "roles" not in context["form"].fields
        context["has_two_factor"] = twofactor.has_two_factor(member)
        return context

    @property
    def namespace(self):
        return self.index_url_name.split(":")[0]


def tell_old_address(member, old_email):
    """A changed address is told to the old one: a link sent after that goes elsewhere."""
    with translation.override(preferred_language(member)):
        context = {"member": member}
        subject = _("Your e-mail address on Entrepairs was changed")
        body = render_to_string("accounts/email/address_changed_body.txt", context)
    outbox.send(old_email, subject, body, kind=ADDRESS_CHANGED, recipient=member)


def member_actions(actor, member, prefix):
    """The buttons of the person's page, each only where the rules allow it."""
    actions = []
    if rules.may_send_links(actor, member):
        label = (
            _("Send the invitation again")
            if link_kind(member) == INVITATION
            else _("Send a link to choose a new password")
        )
        actions.append((label, reverse(f"{prefix}:send_link", args=[member.pk])))
    if rules.may_deactivate(actor, member):
        if member.is_active:
            actions.append((_("Deactivate"), reverse(f"{prefix}:deactivate", args=[member.pk])))
        else:
            actions.append((_("Reactivate"), reverse(f"{prefix}:reactivate", args=[member.pk])))
    if rules.may_reset_two_factor(actor, member) and twofactor.has_two_factor(member):
        actions.append(
            (
                _("Reset two-step verification"),
                reverse(f"{prefix}:reset_two_factor", args=[member.pk]),
            )
        )
    return actions


class ConfirmView(PersonViewMixin, WagtailAdminTemplateMixin, TemplateView):
    """A question and a button (GET), the action (POST): nothing happens on a GET."""

    template_name = "accounts/people/confirm.html"
    header_icon = "user"
    allowed = None  # a rule of accounts.people.rules: may the actor do this to the member?
    prefix = ""
    serious = False  # a red button

    def dispatch(self, request, pk):
        if not rules.may_use_people_area(request.user):
            raise PermissionDenied
        self.member = self.load_member(pk, type(self).allowed)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.member.get_full_name() or self.member.get_username()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            member=self.member,
            question=self.question(),
            button=self.button(),
            serious=self.serious,
            back_url=self.edit_url(),
        )
        return context

    def edit_url(self):
        return reverse(f"{self.prefix}:edit", args=[self.member.pk])

    def post(self, request, pk):
        self.act()
        return redirect(self.edit_url())


class SendLinkView(ConfirmView):
    allowed = staticmethod(rules.may_send_links)
    page_title = gettext_lazy("Send a link")

    def question(self):
        if link_kind(self.member) == INVITATION:
            return _(
                "Send the invitation again to %(email)s? The person chooses their own "
                "password from it; earlier invitations keep working until they expire."
            ) % {"email": self.member.email}
        return _(
            "Send %(email)s a link to choose a new password? Their current password keeps "
            "working until they use the link. They will be told that the coordination team "
            "sent it."
        ) % {"email": self.member.email}

    def button(self):
        return _("Yes, send it")

    def act(self):
        member, kind = self.member, link_kind(self.member)
        if not send_password_link(member, kind, request=self.request, actor=self.request.user):
            messages.error(
                self.request,
                _(
                    "Several links were sent to this person in the last hour: please wait "
                    "before sending another."
                ),
            )
            return
        if kind != INVITATION:
            notify(member, ACCOUNT_SECURITY, {"what": "password_reset"})
        messages.success(
            self.request, _("The link is on its way to %(email)s.") % {"email": member.email}
        )


class DeactivateView(ConfirmView):
    allowed = staticmethod(rules.may_deactivate)
    page_title = gettext_lazy("Deactivate an account")
    serious = True

    def question(self):
        return _(
            "Deactivate this account? The person is logged out at once and can no longer log "
            "in. Nothing they wrote is deleted, and you can reactivate the account later. "
            "(To erase someone's data, use their request for erasure.)"
        )

    def button(self):
        return _("Yes, deactivate")

    def act(self):
        if self.member.is_active:
            self.member.is_active = False
            self.member.save(update_fields=["is_active"])
            end_sessions(self.member)
        messages.success(self.request, _("The account is deactivated."))


class ReactivateView(ConfirmView):
    allowed = staticmethod(rules.may_deactivate)
    page_title = gettext_lazy("Reactivate an account")

    def question(self):
        return _(
            "Reactivate this account? The person can log in again with their roles as they "
            "are shown on their page."
        )

    def button(self):
        return _("Yes, reactivate")

    def act(self):
        if not self.member.is_active:
            self.member.is_active = True
            self.member.save(update_fields=["is_active"])
        messages.success(self.request, _("The account is active again."))


class ResetTwoFactorView(ConfirmView):
    allowed = staticmethod(rules.may_reset_two_factor)
    page_title = gettext_lazy("Reset two-step verification")
    serious = True

    def question(self):
        return _(
            "Reset this person's two-step verification? Their authenticator app and recovery "
            "codes stop working, their sessions end, and they set it up again at their next "
            "login. Do this only after checking, by phone or in person, that they are the one "
            "asking."
        )

    def button(self):
        return _("Yes, reset it")

    def act(self):
        twofactor.reset_two_factor(self.member)
        end_sessions(self.member)
        audit.record(AuditEvent.TWO_FACTOR_RESET, subject=self.member, request=self.request)
        notify(
            self.member,
            ACCOUNT_SECURITY,
            {"what": "two_factor_reset"},
            email=True,
        )
        messages.success(self.request, _("Two-step verification was reset."))


class PeopleViewSet(ModelViewSet):
    """The People area (``/admin/people/``), in the main menu of those who may manage people."""

    model = Person
    icon = "group"
    menu_label = gettext_lazy("People")
    menu_order = 150
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["first_name", "last_name", "email", "username"]
    filterset_class = PeopleFilterSet
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    edit_template_name = "accounts/people/edit.html"
    list_per_page = 30

    @cached_property
    def permission_policy(self):
        return PeoplePermissionPolicy(self.model)

    def get_form_class(self, for_update=False):
        return PersonForm

    def get_urlpatterns(self):
        actions = [
            ("send_link", SendLinkView),
            ("deactivate", DeactivateView),
            ("reactivate", ReactivateView),
            ("reset_two_factor", ResetTwoFactorView),
        ]
        # An account is never deleted here (erasure has its own path); its history and
        # "usage" (where it is referenced: pages it owns, confidential ones included) are
        # not for this area either.
        kept = [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in ("delete", "history", "usage")
        ]
        return kept + [
            path(
                f"<int:pk>/{name.replace('_', '-')}/",
                view.as_view(prefix=self.name),
                name=name,
            )
            for name, view in actions
        ]


people_viewset = PeopleViewSet("people")
