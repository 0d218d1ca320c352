"""Front-end URLs of « My data », under the language prefix (translated paths)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path(pgettext_lazy("URL", "my-data/"), views.my_data, name="my_data"),
    path(
        pgettext_lazy("URL", "my-data/download/"),
        views.my_data_download,
        name="my_data_download",
    ),
    path(
        pgettext_lazy("URL", "my-data/archive/"),
        views.my_data_archive,
        name="my_data_archive",
    ),
    path(pgettext_lazy("URL", "my-data/erasure/"), views.erasure_request, name="erasure_request"),
    path(
        pgettext_lazy("URL", "my-data/erasure/cancel/"),
        views.erasure_cancel,
        name="erasure_cancel",
    ),
]
