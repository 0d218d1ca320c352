"""Editing space: the People area, and Wagtail's stock user editor kept for superusers.

No role holds Django's ``auth.*_user`` or ``auth.*_group`` permissions (``bootstrap`` takes
away any added by hand), so Wagtail's user and group views are closed to everyone but
superusers already; these hooks keep the user editor and its bulk actions closed even if
such a permission were ever given, as the stock editor sets superuser status and passwords.
"""

from django.contrib.auth import get_user_model

from wagtail import hooks
from wagtail.admin.auth import permission_denied

from .people.views import people_viewset


@hooks.register("register_admin_viewset")
def register_people_viewset():
    return people_viewset


def _superusers_only(request, *args):
    if not request.user.is_superuser:
        return permission_denied(request)
    return None


for hook_name in ("before_create_user", "before_edit_user", "before_delete_user"):
    hooks.register(hook_name, _superusers_only)


@hooks.register("before_bulk_action")
def user_bulk_actions_for_superusers_only(request, action_type, objects, action_class_instance):
    if get_user_model() in getattr(action_class_instance, "models", []):
        return _superusers_only(request)
    return None
