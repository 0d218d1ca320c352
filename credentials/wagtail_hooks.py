"""Editing space: the coordinators' list of verifiable credentials, under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import IssuedCredentialsView, RevokeCredentialView
from .services import may_manage_credentials


@hooks.register("register_admin_urls")
def register_credentials_urls():
    return [
        path("credentials/", IssuedCredentialsView.as_view(), name="issued_credentials"),
        path(
            "credentials/<uuid:pk>/revoke/",
            RevokeCredentialView.as_view(),
            name="issued_credential_revoke",
        ),
    ]


class CredentialsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_manage_credentials(request.user)


@hooks.register("register_reports_menu_item")
def register_credentials_menu_item():
    return CredentialsMenuItem(
        _("Verifiable credentials"),
        reverse("issued_credentials"),
        icon_name="tick-inverse",
        order=670,
    )
