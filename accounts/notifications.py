"""The account's notifications: roles changed, and changes to its security (a password link
sent, two-step verification reset, the account active again). Security: always told,
never something a member may switch off.

Registered with ``home.notifications`` when accounts is ready (``accounts/apps.py``).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.notifications import register_category, register_kind
from home.outbox import register_email_kind
from home.roles import role_label

SECURITY = "security"

ROLES_CHANGED = "roles_changed"  # {"added": [group names], "removed": [...]}
ACCOUNT_SECURITY = "account_security"  # {"what": "password_reset" | "two_factor_reset" | ...}
# E-mails that are not notifications (home.outbox names them in the list of undelivered).
PASSWORD_INVITATION, PASSWORD_RESET = "password_invitation", "password_reset"
ADDRESS_CHANGED = "address_changed"


def _role_names(names):
    return ", ".join(str(role_label(name)) for name in names)


def roles_changed_message(params):
    parts = []
    if params.get("added"):
        parts.append(
            _("You now have the role: %(roles)s.") % {"roles": _role_names(params["added"])}
        )
    if params.get("removed"):
        parts.append(
            _("You no longer have the role: %(roles)s.") % {"roles": _role_names(params["removed"])}
        )
    parts.append(_("If this seems wrong, tell the coordination team."))
    return " ".join(parts)


def account_security_message(params):
    if params.get("what") == "reactivated":
        return _(
            "Your account is active again: you can log in with your roles as they were. "
            "If you did not expect this, tell the coordination team."
        )
    if params.get("what") == "two_factor_reset":
        return _(
            "Your two-step verification was reset by an administrator: you will set it up "
            "again at your next login. If you did not ask for this, tell the coordination team."
        )
    return _(
        "A link to choose a new password was sent to your e-mail address at the request of "
        "the coordination team. If you did not expect it, tell them."
    )


def register():
    register_category(SECURITY, gettext_lazy("Security"), switchable=False, order=90)
    register_email_kind(PASSWORD_INVITATION, gettext_lazy("Invitation"))
    register_email_kind(PASSWORD_RESET, gettext_lazy("Link to choose a new password"))
    register_email_kind(ADDRESS_CHANGED, gettext_lazy("Address changed (to the old one)"))
    register_kind(
        ROLES_CHANGED,
        label=gettext_lazy("Your roles changed"),
        category=SECURITY,
        message=roles_changed_message,
        subject=gettext_lazy("Your roles on Entrepairs changed"),
    )
    register_kind(
        ACCOUNT_SECURITY,
        label=gettext_lazy("A change to your password or two-step verification"),
        category=SECURITY,
        message=account_security_message,
        subject=gettext_lazy("A change to your account's security"),
    )
