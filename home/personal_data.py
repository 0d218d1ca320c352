"""What the site keeps about a member: charter acknowledgements and notifications.

Contributions stay published after an erasure, signed « ancien·ne membre »."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import register_model

from .models import CharterAcknowledgement, Notification

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
