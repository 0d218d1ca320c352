"""Editing space: the People area, for those who manage member accounts."""

from wagtail import hooks

from .people.views import people_viewset


@hooks.register("register_admin_viewset")
def register_people_viewset():
    return people_viewset
