"""Django admin configured for Entrepairs: it is the file library, nothing more."""

from django.contrib.admin.apps import AdminConfig


class EntrepairsAdminConfig(AdminConfig):
    default_site = "config.admin.EntrepairsAdminSite"
