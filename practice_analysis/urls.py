"""Front-end URLs of practice analysis, under the language prefix (translated paths)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import supervision, views

urlpatterns = [
    path(pgettext_lazy("URL", "my-entries/"), views.entry_list, name="entry_list"),
    path(pgettext_lazy("URL", "my-entries/new/"), views.entry_create, name="entry_create"),
    path(pgettext_lazy("URL", "my-entries/<int:pk>/"), views.entry_detail, name="entry_detail"),
    path(pgettext_lazy("URL", "my-entries/<int:pk>/edit/"), views.entry_edit, name="entry_edit"),
    path(
        pgettext_lazy("URL", "my-entries/<int:pk>/autosave/"),
        views.entry_autosave,
        name="entry_autosave",
    ),
    path(
        pgettext_lazy("URL", "my-entries/<int:pk>/withdraw/"),
        views.entry_withdraw,
        name="entry_withdraw",
    ),
    path(
        pgettext_lazy("URL", "my-entries/<int:pk>/reopen/"),
        views.entry_reopen,
        name="entry_reopen",
    ),
    path(pgettext_lazy("URL", "my-entries/<int:pk>/share/"), views.entry_share, name="entry_share"),
    path(pgettext_lazy("URL", "group-entries/<int:pk>/"), views.shared_entry, name="shared_entry"),
    path(pgettext_lazy("URL", "supervision/"), supervision.queue, name="supervision_queue"),
    path(
        pgettext_lazy("URL", "supervision/<int:pk>/"), supervision.entry, name="supervision_entry"
    ),
    path(
        pgettext_lazy("URL", "supervision/<int:pk>/take/"),
        supervision.take,
        name="supervision_take",
    ),
    path(
        pgettext_lazy("URL", "supervision/<int:pk>/review/"),
        supervision.review,
        name="supervision_review",
    ),
]
