"""The Django admin site: used only for django-filer's file library."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# Apps whose models the file library's users may reach; every other model registered here
# (users and groups, two-factor devices, login attempts, tags, thumbnails…) is for
# superusers only, whatever permissions a role holds: accounts and roles are managed in
# the People area, where the rules of docs/roles.md apply.
FILE_LIBRARY_APPS = {"filer"}


def _superusers_only(request, obj=None):
    return request.user.is_active and request.user.is_superuser


class EntrepairsAdminSite(admin.AdminSite):
    """Lets in staff, and members whose role may manage the file library."""

    site_header = _("Entrepairs file library")
    site_title = _("Entrepairs file library")
    index_title = _("Files")
    site_url = "/"

    def has_permission(self, request):
        user = request.user
        return user.is_active and (user.is_staff or user.has_perm("filer.view_folder"))

    def get_urls(self):
        # Called once every app has registered its models: close what is not the library.
        for model, model_admin in self._registry.items():
            if model._meta.app_label not in FILE_LIBRARY_APPS:
                for check in ("module", "view", "add", "change", "delete"):
                    setattr(model_admin, f"has_{check}_permission", _superusers_only)
        return super().get_urls()
