"""A Wagtail admin chooser for django-filer files, limited to what the editor may read."""

from django import forms
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from filer.models import File

from .services import files_readable_by


class FileSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(
                Q(name__icontains=query) | Q(original_filename__icontains=query)
            )
        return objects


class ReadableFilesMixin:
    filter_form_class = FileSearchForm

    def get_object_list(self):
        return files_readable_by(self.request.user).select_related("folder")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("folder", label=_("Folder"), accessor="folder"),
        ]


class FileChooseView(ReadableFilesMixin, chooser_views.ChooseView):
    pass


class FileChooseResultsView(ReadableFilesMixin, chooser_views.ChooseResultsView):
    pass


class FileChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        # An id the editor may not read is answered like an id that does not exist.
        return get_object_or_404(files_readable_by(self.request.user), pk=pk)


class FileChosenMultipleView(chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return files_readable_by(self.request.user).filter(pk__in=pks)


class FilerFileChooserViewSet(ChooserViewSet):
    model = File
    icon = "doc-full"
    choose_one_text = _("Choose a file from the library")
    choose_another_text = _("Choose another file")
    edit_item_text = _("Edit")
    choose_view_class = FileChooseView
    choose_results_view_class = FileChooseResultsView
    chosen_view_class = FileChosenView
    chosen_multiple_view_class = FileChosenMultipleView
    # Files are added through the file library, where folder permissions are enforced.
    creation_form_class = None
    form_fields = None
    per_page = 20


filer_file_chooser_viewset = FilerFileChooserViewSet("filer_file_chooser")
FilerFileChooserBlock = filer_file_chooser_viewset.get_block_class(
    name="FilerFileChooserBlock", module_path="home.filer_chooser"
)
