"""What the site keeps about a member: roles, charter acknowledgements, notifications and
how the member chose to be told.

Contributions stay published after an erasure, signed « ancien·ne membre »."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import register, register_model

from .models import CharterAcknowledgement, Notification, NotificationPreferences, OutgoingEmail
from .roles import ROLES, role_label

register_model(
    "charter_acknowledgements",
    _("Charter acknowledgements"),
    CharterAcknowledgement,
    user_field="user",
    fields=["version", "language", "acknowledged_at"],
    erase="delete",
    order=10,
)

register_model(
    "notifications",
    _("Notifications"),
    Notification,
    user_field="recipient",
    fields=["created_at", "kind", "params", "link", "read_at"],
    erase="delete",
    order=90,
)


@register("roles", _("Roles"), order=1)
def export_roles(user):
    # Practice groups' own access groups are technical: groups are exported on their own.
    names = user.groups.filter(name__in=ROLES).values_list("name", flat=True)
    return [str(role_label(name)) for name in names]


register_model(
    "emails",
    _("E-mails to you"),
    OutgoingEmail,
    user_field="recipient",
    fields=["created_at", "kind", "status", "sent_at"],
    erase="delete",
    order=91,
)


register_model(
    "notification_preferences",
    _("How you are told"),
    NotificationPreferences,
    user_field="user",
    fields=["deliveries", "quiet_hours", "quiet_from", "quiet_until", "updated_at"],
    erase="delete",
    order=92,
)
