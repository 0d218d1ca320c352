"""The Django admin site: used only for django-filer's file library."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class EntrepairsAdminSite(admin.AdminSite):
    """Lets in staff, and members whose role may manage the file library."""

    site_header = _("Entrepairs file library")
    site_title = _("Entrepairs file library")
    index_title = _("Files")
    site_url = "/"

    def has_permission(self, request):
        user = request.user
        return user.is_active and (user.is_staff or user.has_perm("filer.view_folder"))
