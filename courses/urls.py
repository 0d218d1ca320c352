"""Front-end URLs of the training app, under the language prefix (translated paths)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import reminder_views, views

urlpatterns = [
    path(pgettext_lazy("URL", "my-learning/"), views.my_learning, name="my_learning"),
    path(
        pgettext_lazy("URL", "my-learning/record-of-training.pdf"),
        views.training_record,
        name="training_record",
    ),
    path(
        pgettext_lazy("URL", "my-learning/certificates/<str:code>.pdf"),
        views.certificate_download,
        name="certificate_download",
    ),
    path(
        pgettext_lazy("URL", "my-learning/reminders/<str:token>/not-now/"),
        reminder_views.not_now,
        name="reminder_not_now",
    ),
    path(
        pgettext_lazy("URL", "my-learning/reminders/<str:token>/stop/"),
        reminder_views.stop,
        name="reminders_stop",
    ),
    path(
        pgettext_lazy("URL", "my-learning/reminders/off/"),
        reminder_views.switch_off,
        name="reminders_off",
    ),
    path(
        pgettext_lazy("URL", "my-learning/reminders/resume/"),
        reminder_views.resume,
        name="reminders_resume",
    ),
    path(
        pgettext_lazy("URL", "certificates/<str:code>/"),
        views.certificate_verify,
        name="certificate_verify",
    ),
]
