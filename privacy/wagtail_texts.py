"""Texts Wagtail keeps in its own tables, encrypted there too, for every page type.

- What an editor types is kept for the live preview (``FormState.data``, the form's data
  as a URL-encoded string) until the preview goes stale: a group record's texts would
  otherwise sit there in the clear.
- A reviewer's comment when approving or requesting changes (``TaskState.comment``, and the
  copy Wagtail puts in the page's log entry, ``PageLogEntry.data["comment"]``) often quotes
  the text it is about.

Each is encrypted before it is saved and decrypted when it is loaded, so Wagtail's views
read them as before. None of them is ever filtered on.
"""

from django.apps import apps
from django.db.models.signals import post_init, post_save, pre_save

from wagtail.admin.models import FormState
from wagtail.models import PageLogEntry, TaskState

from . import encryption


def _opened(stored):
    try:
        return encryption.decrypt(stored)
    except encryption.DecryptionError:
        # Saved under a key since removed: shown empty rather than as ciphertext.
        return ""


def _sealed(text):
    return encryption.encrypt(text) if text and not encryption.is_encrypted(text) else text


def _preview_sealed(sender, instance, **kwargs):
    instance.data = _sealed(instance.data)


def _preview_opened(sender, instance, **kwargs):
    if encryption.is_encrypted(instance.data):
        instance.data = _opened(instance.data)


def _comment_sealed(sender, instance, **kwargs):
    instance.comment = _sealed(instance.comment)


def _comment_opened(sender, instance, **kwargs):
    if encryption.is_encrypted(instance.comment):
        instance.comment = _opened(instance.comment)


def _log_comment_sealed(sender, instance, **kwargs):
    if isinstance(instance.data, dict) and isinstance(instance.data.get("comment"), str):
        instance.data = {**instance.data, "comment": _sealed(instance.data["comment"])}


def _log_comment_opened(sender, instance, **kwargs):
    comment = instance.data.get("comment") if isinstance(instance.data, dict) else None
    if encryption.is_encrypted(comment):
        instance.data = {**instance.data, "comment": _opened(comment)}


def connect():
    """Called once the models are ready (``PrivacyConfig.ready``)."""
    pairs = [(FormState, _preview_sealed, _preview_opened)]
    pairs += [
        (model, _comment_sealed, _comment_opened)
        for model in apps.get_models()
        if issubclass(model, TaskState)
    ]
    pairs.append((PageLogEntry, _log_comment_sealed, _log_comment_opened))
    for model, seal, open_ in pairs:
        uid = f"encrypted-wagtail-text-{model._meta.label_lower}"
        pre_save.connect(seal, sender=model, dispatch_uid=f"{uid}-seal")
        post_save.connect(open_, sender=model, dispatch_uid=f"{uid}-open-after-save")
        post_init.connect(open_, sender=model, dispatch_uid=f"{uid}-open")


def rotate(dry_run=False):
    """Re-encrypt with the first key the reviewers' comments kept under an older one (the
    previews are short-lived and left to go stale). Returns how many rows."""
    stale = [
        (TaskState, "comment", pk)
        for pk, comment in TaskState.objects.exclude(comment="").values_list("pk", "comment")
        if encryption.needs_rotation(comment)
    ]
    stale += [
        (PageLogEntry, "data", pk)
        for pk, data in PageLogEntry.objects.filter(data__has_key="comment").values_list(
            "pk", "data"
        )
        if isinstance(data.get("comment"), str) and encryption.needs_rotation(data["comment"])
    ]
    if not dry_run:
        for model, field, pk in stale:
            # Loaded in the clear (post_init), saved under the first key (pre_save).
            model.objects.get(pk=pk).save(update_fields=[field])
    return len(stale)
