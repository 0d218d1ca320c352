"""Page revisions hold a page's fields as JSON: its encrypted fields are encrypted there too.

A revision written since encryption was switched on already holds ciphertext (the fields'
``value_to_string``); these helpers bring older revisions in line (a data migration), put
them back in the clear (its reverse) and re-encrypt them with a new key (rotation).
"""

from django.db import transaction

from . import encryption
from .fields import encrypted_fields

BATCH = 200


def _encrypt(value):
    return encryption.encrypt(value) if not encryption.is_encrypted(value) else value


def _decrypt(value):
    return encryption.decrypt(value)


def _rotate(value):
    return (
        encryption.encrypt(encryption.decrypt(value)) if encryption.needs_rotation(value) else value
    )


def transform_content(content, names, change):
    """``content`` with ``change`` applied to the non-empty texts of these fields; and
    whether anything changed."""
    changed = False
    for name in names:
        value = content.get(name)
        if isinstance(value, str) and value:
            new = change(value)
            if new != value:
                content[name] = new
                changed = True
    return content, changed


def _revisions_of(revision_model, content_type_ids):
    return revision_model.objects.filter(content_type_id__in=content_type_ids).order_by("pk")


def change_revisions(revision_model, content_types, change):
    """Apply ``change`` to the encrypted fields of every revision of these content types.

    ``content_types`` maps a content type id to the names of its encrypted fields.
    Returns how many revisions changed."""
    count = 0
    revisions = _revisions_of(revision_model, list(content_types))
    for revision in revisions.only("pk", "content", "content_type_id").iterator(chunk_size=BATCH):
        content, changed = transform_content(
            revision.content, content_types[revision.content_type_id], change
        )
        if changed:
            revision_model.objects.filter(pk=revision.pk).update(content=content)
            count += 1
    return count


def encrypted_revision_fields(content_type_model, models):
    """{content type id: encrypted field names} for these (live or historical) models."""
    result = {}
    for model in models:
        names = [field.name for field in encrypted_fields(model)]
        if not names:
            continue
        content_type = content_type_model.objects.filter(
            app_label=model._meta.app_label, model=model._meta.model_name
        ).first()
        if content_type is not None:
            result[content_type.pk] = names
    return result


def encrypt_existing_revisions(app_label, *model_names):
    """A ``RunPython`` that encrypts these page models' existing revisions (and decrypts
    them on the way back)."""
    from django.db import migrations

    def run(apps, change):
        content_types = encrypted_revision_fields(
            apps.get_model("contenttypes", "ContentType"),
            [apps.get_model(app_label, name) for name in model_names],
        )
        if content_types:
            change_revisions(apps.get_model("wagtailcore", "Revision"), content_types, change)

    def forward(apps, schema_editor):
        run(apps, _encrypt)

    def backward(apps, schema_editor):
        run(apps, _decrypt)

    return migrations.RunPython(forward, backward)


def rotate_revisions(dry_run=False):
    """Re-encrypt with the first key the revisions of every model with encrypted fields."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Revision

    content_types = encrypted_revision_fields(ContentType, apps.get_models())
    if dry_run:
        return sum(
            1
            for revision in _revisions_of(Revision, list(content_types)).iterator()
            if any(
                encryption.needs_rotation(revision.content.get(name))
                for name in content_types[revision.content_type_id]
                if isinstance(revision.content.get(name), str)
            )
        )
    with transaction.atomic():
        return change_revisions(Revision, content_types, _rotate)
