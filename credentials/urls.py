"""Public addresses of the issuer, outside the language prefix: they are written into every
credential and must never change."""

from django.urls import path

from . import views

urlpatterns = [
    path("issuer/", views.issuer, name="credentials_issuer"),
    path("issuer/jwks.json", views.jwks, name="credentials_jwks"),
    path("status/<str:list_id>/", views.status_list, name="credentials_status_list"),
]
