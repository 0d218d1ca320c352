"""Model fields whose values are encrypted in the database and plain in Python.

The rest of the code reads and writes ``entry.description`` as before. What changes:
the database (and ``dumpdata``) holds only ciphertext, and these fields cannot be used
in queries (filter, order, search): a lookup on them is an error rather than a silent
miss. An empty value is stored empty: it says nothing.
"""

import contextlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from wagtail.fields import RichTextField, StreamField

from . import encryption


class EncryptedMixin:
    """Encrypt on the way to the database, decrypt on the way back."""

    def get_internal_type(self):
        # Ciphertext is longer than the text: always a text column, whatever the field.
        return "TextField"

    def get_lookup(self, lookup_name):
        # Ciphertext differs at every save: only "is it set at all" can be asked.
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def get_transform(self, lookup_name):
        return None

    def to_text(self, value):
        return value

    def from_text(self, text):
        return text

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return self.from_text(encryption.decrypt(value) if value else "")

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        text = self.to_text(value)
        return encryption.encrypt(text) if text != "" else ""

    def to_python(self, value):
        # A serialized (dumpdata) value arrives encrypted.
        if encryption.is_encrypted(value):
            with contextlib.suppress(encryption.DecryptionError):
                value = self.from_text(encryption.decrypt(value))
        return super().to_python(value)

    def value_to_string(self, obj):
        # dumpdata writes what the database holds: ciphertext, never the text.
        value = self.value_from_object(obj)
        return self.get_prep_value(value)


class EncryptedTextField(EncryptedMixin, models.TextField):
    """A ``TextField`` encrypted at rest."""


class EncryptedCharField(EncryptedMixin, models.CharField):
    """A ``CharField`` encrypted at rest: ``max_length`` limits the text, not the column."""


class EncryptedJSONField(EncryptedMixin, models.TextField):
    """A JSON value (dicts, lists) encrypted at rest, for structured confidential texts."""

    def __init__(self, *args, encoder=DjangoJSONEncoder, **kwargs):
        self.encoder = encoder
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.encoder is not DjangoJSONEncoder:
            kwargs["encoder"] = self.encoder
        return name, path, args, kwargs

    def to_text(self, value):
        return json.dumps(value, cls=self.encoder, ensure_ascii=False, sort_keys=True)

    def from_text(self, text):
        return json.loads(text) if text else self.get_default()

    def get_prep_value(self, value):
        if value is None:
            return None
        return encryption.encrypt(self.to_text(value))

    def to_python(self, value):
        if encryption.is_encrypted(value):
            try:
                return self.from_text(encryption.decrypt(value))
            except encryption.DecryptionError:
                return value
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    def formfield(self, **kwargs):
        from django import forms

        return super().formfield(**{"form_class": forms.JSONField, **kwargs})


class EncryptedRichTextField(EncryptedMixin, RichTextField):
    """A Wagtail ``RichTextField`` encrypted at rest (its editor and features unchanged).

    Page revisions hold what ``value_to_string`` gives, so they hold the ciphertext too.
    """


class EncryptedStreamField(StreamField):
    """A Wagtail ``StreamField`` whose JSON is encrypted at rest, in the page table and in
    revisions (``value_to_string``, which django-modelcluster uses to serialise a page).

    The column is a text column: the blocks cannot be queried, which no record needs.
    """

    def get_internal_type(self):
        return "TextField"

    def get_lookup(self, lookup_name):
        return models.Field.get_lookup(self, lookup_name) if lookup_name == "isnull" else None

    def get_transform(self, lookup_name):
        return None

    def get_prep_value(self, value):
        raw = super().get_prep_value(value)
        if raw is None:
            return None
        if raw in ([], "", "[]"):
            # An empty stream says nothing; kept as JSON so the column can go back to JSON.
            return "[]"
        if encryption.is_encrypted(raw):
            return raw
        text = raw if isinstance(raw, str) else json.dumps(raw, cls=DjangoJSONEncoder)
        return encryption.encrypt(text)

    def get_db_prep_value(self, value, connection, prepared=False):
        return value if prepared else self.get_prep_value(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        # A stored value or a revision's arrives encrypted; the decrypted text is the
        # stream's JSON, which the stream block reads. A missing key is an error, loud.
        if encryption.is_encrypted(value):
            value = encryption.decrypt(value)
        return super().to_python(value)

    def value_to_string(self, obj):
        # Revisions and dumpdata hold what the database holds: ciphertext.
        return self.get_prep_value(self.value_from_object(obj))


def encrypted_fields(model):
    """The encrypted fields of a model (for rotation and the data migration)."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedMixin | EncryptedStreamField)
    ]
