"""``Person``: the member accounts as the People area manages them (a proxy of the user).

The proxy carries its own permissions (``accounts.add_person``, ``change_person``,
``view_person``), distinct from Django's ``auth.*_user``. Coordinators hold these; the
stock Wagtail user views, their bulk actions and the Django admin's user pages check
``auth.*_user`` and so stay for superusers. See docs/roles.md.
"""

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


class Person(User):
    """A member account seen from the People area: names, roles, language, active or not."""

    class Meta:
        proxy = True
        verbose_name = _("person")
        verbose_name_plural = _("people")
        default_permissions = ("add", "change", "view")

    def __str__(self):
        return self.get_full_name() or self.get_username()
