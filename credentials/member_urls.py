"""The member's own credentials, under the language prefix (translated paths)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path(pgettext_lazy("URL", "my-credentials/"), views.my_credentials, name="my_credentials"),
    path(
        pgettext_lazy("URL", "my-credentials/download/"),
        views.download,
        name="credential_download",
    ),
    path(
        pgettext_lazy("URL", "my-credentials/<uuid:pk>/revoke/"),
        views.revoke,
        name="credential_revoke",
    ),
]
