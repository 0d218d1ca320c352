"""Queries that depend on who is asking: views call these, never re-write the rules."""

from django.db.models import Q

from wagtail.models import PageViewRestriction

from filer.models import File, FolderPermission

from .cache import cached


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
    """Top-level sections for the header, without those the member may not open.

    ``locale`` is a Locale or its id. The sections of a language are cached with their
    view restrictions; the filter for this member runs on every request.
    """
    locale_id = getattr(locale, "pk", locale)
    sections = cached("navigation", locale_id, compute=lambda: _sections(locale_id))
    if any(section["groups"] for section in sections) and user.is_authenticated:
        group_ids = set(user.groups.values_list("pk", flat=True))
    else:
        group_ids = set()
    return [section for section in sections if _may_view(user, section, group_ids)]


def active_locale_id():
    """The id of the active language's Locale, without a query once cached."""
    from django.utils.translation import get_language

    from wagtail.models import Locale

    return cached("locale-id", get_language(), compute=lambda: Locale.get_active().pk)


def _sections(locale_id):
    from .models import HomePage

    home = HomePage.objects.live().filter(locale_id=locale_id).first()
    if home is None:
        return []
    pages = list(home.get_children().live().in_menu().specific())
    restrictions = PageViewRestriction.objects.filter(page__in=pages).prefetch_related("groups")
    by_page = {}
    for restriction in restrictions:
        by_page.setdefault(restriction.page_id, []).append(restriction)
    sections = []
    for page in pages:
        rules = by_page.get(page.pk, [])
        sections.append(
            {
                "title": page.title,
                "url": page.url,
                "url_path": page.url_path,
                "intro": getattr(page, "intro", ""),
                "public": not rules,
                "password": any(r.restriction_type == r.PASSWORD for r in rules),
                "groups": [
                    sorted(g.pk for g in r.groups.all())
                    for r in rules
                    if r.restriction_type == r.GROUPS
                ],
            }
        )
    return sections


def _may_view(user, section, group_ids):
    """Whether every view restriction of the section lets this member in."""
    if section["public"]:
        return True
    if not user.is_authenticated or section["password"]:
        return False
    if user.is_superuser:
        return True
    return all(group_ids & set(groups) for groups in section["groups"])


def member_roles(request):
    """The names of the member's role groups, read once per request."""
    if not request.user.is_authenticated:
        return []
    if not hasattr(request, "_member_roles"):
        request._member_roles = list(request.user.groups.values_list("name", flat=True))
    return request._member_roles
