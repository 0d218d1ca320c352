"""What each app holds about a member: how to export it and how to erase it.

Each app declares its sections in its own ``personal_data.py`` (found at start-up)::

    from privacy.registry import register_model

    register_model("notifications", _("Notifications"), Notification, user_field="recipient",
                   fields=["created_at", "kind", "read_at"], erase="delete")

or, for anything that needs more than a list of rows, with ``register``::

    @register("entries", _("Reflective entries"), erase=erase_entries)
    def export_entries(user): ...

An exporter returns plain JSON-ready data (lists of dicts of str, numbers, booleans,
None; dates as ISO strings). An eraser takes the member and removes or anonymises what
the section holds; it runs inside the erasure's transaction.
"""

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import models


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    export: object
    erase: object = None
    order: int = 100


_sections = {}


def register(key, label, erase=None, order=100):
    """Decorator: the function exports one section of a member's data."""

    def decorator(export):
        _sections[key] = Section(key, label, export, erase, order)
        return export

    return decorator


def register_model(key, label, model, user_field, fields, erase=None, order=100):
    """One line for a model with a foreign key to the member: its rows, these fields.

    ``erase`` is "delete" (the rows go), a function, or None (rows are kept, tied to
    the anonymised account).
    """

    def export(user):
        rows = model._default_manager.filter(**{user_field: user}).values(*fields)
        return [{name: plain(value) for name, value in row.items()} for row in rows]

    def delete(user):
        model._default_manager.filter(**{user_field: user}).delete()

    register(key, label, erase=delete if erase == "delete" else erase, order=order)(export)


def sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def plain(value):
    """A value as JSON can hold it."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(item) for item in value]
    return value
