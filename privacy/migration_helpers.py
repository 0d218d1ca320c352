"""Data migrations that switch existing rows to (or back from) encryption at rest."""

from django.db import migrations
from django.db.models import TextField
from django.db.models.functions import Cast

from . import encryption
from .fields import encrypted_fields

BATCH = 500


def _raw_values(model, fields):
    """(pk, {field name: stored value}) as the database holds them, not decrypted."""
    annotations = {f"raw_{field.name}": Cast(field.attname, TextField()) for field in fields}
    rows = model._default_manager.order_by("pk").annotate(**annotations)
    for row in rows.values_list("pk", *annotations).iterator():
        yield row[0], dict(zip([field.name for field in fields], row[1:], strict=True))


def encrypt_rows(model):
    """Re-save every row through its encrypted fields: plain texts come out encrypted."""
    fields = encrypted_fields(model)
    batch = []
    for instance in model._default_manager.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(instance)
        if len(batch) == BATCH:
            model._default_manager.bulk_update(batch, [f.name for f in fields])
            batch = []
    if batch:
        model._default_manager.bulk_update(batch, [f.name for f in fields])


def decrypt_rows(model, connection):
    """Write every value back as plain text (what the unencrypted columns expect)."""
    fields = encrypted_fields(model)
    table = connection.ops.quote_name(model._meta.db_table)
    pk_column = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        for pk, values in _raw_values(model, fields):
            changes = {
                field.column: encryption.decrypt(values[field.name])
                for field in fields
                if encryption.is_encrypted(values[field.name])
            }
            if not changes:
                continue
            assignments = ", ".join(f"{connection.ops.quote_name(c)} = %s" for c in changes)
            cursor.execute(
                f"UPDATE {table} SET {assignments} WHERE {pk_column} = %s",
                [*changes.values(), pk],
            )


def encrypt_existing(app_label, *model_names):
    """A ``RunPython`` that encrypts these models' rows, and decrypts them on the way back."""

    def forward(apps, schema_editor):
        for name in model_names:
            encrypt_rows(apps.get_model(app_label, name))

    def backward(apps, schema_editor):
        for name in model_names:
            decrypt_rows(apps.get_model(app_label, name), schema_editor.connection)

    return migrations.RunPython(forward, backward)
