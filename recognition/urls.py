"""Front-end URLs of competences and their recognition, under the language prefix."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    path(pgettext_lazy("URL", "competences/"), views.my_competences, name="my_competences"),
    path(
        pgettext_lazy("URL", "competences/<uuid:key>/"),
        views.my_competence,
        name="my_competence",
    ),
    path(pgettext_lazy("URL", "competences/peers/"), views.peers, name="competence_peers"),
    path(
        pgettext_lazy("URL", "competences/peers/<int:pk>/"),
        views.peer_competences,
        name="peer_competences",
    ),
    path(
        pgettext_lazy("URL", "competences/peers/<int:pk>/<uuid:key>/"),
        views.confirm,
        name="confirm_competence",
    ),
    path(
        pgettext_lazy("URL", "competences/cohorts/"),
        views.cohorts,
        name="competence_cohorts",
    ),
    path(
        pgettext_lazy("URL", "competences/cohorts/<int:pk>/"),
        views.cohort_aggregate,
        name="competence_cohort",
    ),
]
