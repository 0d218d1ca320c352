"""Queries that depend on who is asking: views call these, never re-write the rules."""

from django.db.models import Q

from filer.models import File, FolderPermission


def files_readable_by(user):
    """The library files a member may download: folder permissions decide, owners keep theirs."""
    if not user.is_authenticated or not user.is_active:
        return File.objects.none()
    if user.is_superuser:
        return File.objects.all()
    folder_ids = FolderPermission.objects.get_read_id_list(user)
    if folder_ids == "All":
        return File.objects.all()
    return File.objects.filter(Q(folder_id__in=folder_ids) | Q(owner=user))


def navigation_pages(user, locale):
    """Top-level sections for the header, without those the member may not open."""
    from .models import HomePage

    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None:
        return []
    pages = home.get_children().live().in_menu().specific()
    if not user.is_authenticated:
        return list(pages.public())
    return [page for page in pages if _may_view(user, page)]


def _may_view(user, page):
    """Whether every view restriction on the page lets this logged-in member in."""
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == restriction.LOGIN:
            continue
        in_groups = restriction.restriction_type == restriction.GROUPS and (
            user.is_superuser or user.groups.filter(pk__in=restriction.groups.values("pk")).exists()
        )
        if not in_groups:
            return False
    return True
