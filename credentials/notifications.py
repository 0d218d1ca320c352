"""Credentials' notification: a credential revoked by the training team, told to its holder
(the achievement's name is not secret). Registered when credentials is ready."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_category, register_kind

CREDENTIALS = "credentials"
CREDENTIAL_REVOKED = "credential_revoked"  # {"name": the achievement's name when issued}


def credential_revoked_message(params):
    return _(
        "Your verifiable credential “%(name)s” has been revoked by the training team: "
        "whoever checks it now sees it is no longer valid. The team can tell you why."
    ) % {"name": params.get("name", "")}


def my_credentials(recipient, params):
    return reverse("my_credentials")


def register():
    register_category(CREDENTIALS, gettext_lazy("Verifiable credentials"), order=35)
    register_kind(
        CREDENTIAL_REVOKED,
        label=gettext_lazy("A credential revoked"),
        category=CREDENTIALS,
        message=credential_revoked_message,
        link=my_credentials,
    )
