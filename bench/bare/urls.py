from django.urls import path

from bench.views import baseline, whoami

urlpatterns = [path("bench/baseline/", baseline), path("bench/whoami/", whoami)]
