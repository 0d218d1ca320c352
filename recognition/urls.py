"""Front-end URLs of competences and their recognition, under the language prefix."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import record_views, views

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
    path(pgettext_lazy("URL", "competences/record/"), record_views.my_record, name="my_record"),
    path(
        pgettext_lazy("URL", "competences/record.pdf"),
        record_views.record_pdf,
        name="my_record_pdf",
    ),
    path(
        pgettext_lazy("URL", "competences/record/link/"),
        record_views.create_link,
        name="my_record_link",
    ),
    path(
        pgettext_lazy("URL", "competences/record/links/<int:pk>/withdraw/"),
        record_views.revoke_link,
        name="my_record_link_revoke",
    ),
    # Public: a verification link, no login (the token is the proof).
    path(
        pgettext_lazy("URL", "record/<str:token>/"),
        record_views.record_public,
        name="record_public",
    ),
    path(
        pgettext_lazy("URL", "competences/statuses/"),
        record_views.statuses,
        name="attested_statuses",
    ),
    path(
        pgettext_lazy("URL", "competences/statuses/<int:pk>/"),
        record_views.attest_status,
        name="attest_status",
    ),
]
