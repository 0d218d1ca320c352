"""Credentials' notifications: a credential revoked by the training team (with a certificate)
or by a coordinator (with the reason they wrote, which the holder reads), told to its
holder (the achievement's name is not secret). Registered when credentials is ready."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_category, register_kind

CREDENTIALS = "credentials"
CREDENTIAL_REVOKED = "credential_revoked"  # {"name": the achievement's name when issued}
# A coordinator revoked one credential: {"name": …, "reason": the coordinator's words}
CREDENTIAL_REVOKED_REASON = "credential_revoked_reason"


def credential_revoked_message(params):
    return _(
        "Your verifiable credential “%(name)s” has been revoked by the training team: "
        "whoever checks it now sees it is no longer valid. The team can tell you why."
    ) % {"name": params.get("name", "")}


def credential_revoked_reason_message(params):
    return _(
        "Your verifiable credential “%(name)s” has been revoked by the association's "
        "coordination: whoever checks it now sees it is no longer valid. The reason given: "
        "“%(reason)s”. You can ask the coordination about it."
    ) % {"name": params.get("name", ""), "reason": params.get("reason", "")}


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
    register_kind(
        CREDENTIAL_REVOKED_REASON,
        label=gettext_lazy("A credential revoked by the coordination, with the reason"),
        category=CREDENTIALS,
        message=credential_revoked_reason_message,
        subject=gettext_lazy("A verifiable credential revoked"),
        link=my_credentials,
        quotes_words=True,
    )
