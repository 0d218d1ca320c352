"""What an editor types is kept for the live preview (Wagtail's ``FormState``, the form's
data as a URL-encoded string): it is encrypted there too, for every page type.

A group record's texts would otherwise sit in the clear in ``wagtailadmin_formstate`` for
as long as Wagtail keeps a preview (until it goes stale).
"""

from django.db.models.signals import post_init, post_save, pre_save
from django.dispatch import receiver

from wagtail.admin.models import FormState

from . import encryption


def _opened(stored):
    try:
        return encryption.decrypt(stored)
    except encryption.DecryptionError:
        # A preview saved under a key since removed: an empty form, a preview to redo.
        return ""


@receiver(pre_save, sender=FormState, dispatch_uid="preview-data-encrypt")
def encrypt_preview_data(sender, instance, **kwargs):
    if instance.data and not encryption.is_encrypted(instance.data):
        instance.data = encryption.encrypt(instance.data)


@receiver(post_save, sender=FormState, dispatch_uid="preview-data-decrypt-after-save")
@receiver(post_init, sender=FormState, dispatch_uid="preview-data-decrypt")
def decrypt_preview_data(sender, instance, **kwargs):
    if encryption.is_encrypted(instance.data):
        instance.data = _opened(instance.data)
