"""The site's URLs plus the baseline view that every benchmark figure is compared with."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

from .views import baseline, whoami

urlpatterns = [
    path("bench/baseline/", baseline, name="bench_baseline"),
    path("bench/whoami/", whoami, name="bench_whoami"),
    *site_urlpatterns,
]
