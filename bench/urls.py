"""The site's URLs plus the baseline view that every benchmark figure is compared with."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

from .views import baseline

urlpatterns = [path("bench/baseline/", baseline, name="bench_baseline"), *site_urlpatterns]
