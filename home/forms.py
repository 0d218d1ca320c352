"""Base forms of the Wagtail image and document upload views, with Entrepairs' upload rules."""

from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import DOCUMENT_KINDS, IMAGE_KINDS, check_upload


def _checked(file, kinds):
    # An edit form without a new file carries the stored file: it was checked on upload.
    if isinstance(file, UploadedFile):
        check_upload(file, file.name, kinds)
    return file


class CheckedImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: raster images only, checked by content."""

    def clean_file(self):
        return _checked(self.cleaned_data.get("file"), IMAGE_KINDS)


class CheckedDocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: documents of the allow-list, checked by content."""

    def clean_file(self):
        return _checked(self.cleaned_data.get("file"), DOCUMENT_KINDS)

    def _post_clean(self):
        # A refused file never reaches the instance; Wagtail's model check of the extension
        # would then add a second, confusing message about a file without a name.
        if self.has_error("file"):
            return
        super()._post_clean()
