"""What the site keeps about a member: their acknowledgements of the charter."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import register_model

from .models import CharterAcknowledgement

register_model(
    "charter_acknowledgements",
    _("Charter acknowledgements"),
    CharterAcknowledgement,
    user_field="user",
    fields=["version", "language", "acknowledged_at"],
    erase="delete",
    order=10,
)
