"""Front-end URLs of the home app, under the language prefix."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path("charter/acknowledge/", views.acknowledge_charter, name="charter_acknowledge"),
    path(_("search/"), views.search, name="search"),
]
