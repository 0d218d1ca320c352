"""Queries that depend on who is asking: views call these, never re-write the rules."""

import unicodedata

from django.db.models import Q

from wagtail.models import PageViewRestriction

from filer.models import File, FolderPermission

from .cache import cached, member_groups


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
        group_ids = set(member_groups(user))
    else:
        group_ids = set()
    return [section for section in sections if _may_view(user, section, group_ids)]


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
    """The names of the member's role groups."""
    if not request.user.is_authenticated:
        return []
    return list(member_groups(request.user).values())


def contributions_visible_to(user, index):
    """The published contributions of a contributions section that the member may open."""
    from .models import ContributionPage

    contributions = ContributionPage.objects.child_of(index).live()
    # The section itself is login-only; a contribution with a stricter rule of its own
    # (a group, a password) is left out rather than shown as a title that leads nowhere.
    restricted = PageViewRestriction.objects.filter(page__in=contributions).prefetch_related(
        "groups"
    )
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    hidden = [
        restriction.page_id
        for restriction in restricted
        if not _passes(user, restriction, group_ids)
    ]
    return contributions.exclude(pk__in=hidden)


def _passes(user, restriction, group_ids):
    if user.is_superuser:
        return True
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return user.is_authenticated and bool(
            group_ids & {group.pk for group in restriction.groups.all()}
        )
    return False  # a password: never listed


def contribution_listing(request, index):
    """The contributions of a section for its page: filtered by kind and tag, paginated."""
    from django.core.paginator import Paginator

    from taggit.models import Tag

    from .models import ContributionPage, ContributionPageTag

    visible = contributions_visible_to(request.user, index)
    kinds = dict(ContributionPage.KINDS)
    kind = request.GET.get("kind", "")
    kind = kind if kind in kinds else ""
    tag = request.GET.get("tag", "").strip()[:100]
    contributions = visible
    if kind:
        contributions = contributions.filter(kind=kind)
    if tag:
        contributions = contributions.filter(tags__name=tag)
    contributions = (
        contributions.order_by("-first_published_at", "-pk")
        .select_related("author")
        .prefetch_related("tags")
    )
    page = Paginator(contributions, index.per_page).get_page(request.GET.get("page"))
    tags = sorted(
        Tag.objects.filter(
            pk__in=ContributionPageTag.objects.filter(content_object__in=visible).values("tag_id")
        ),
        key=lambda tag: _sort_key(tag.name),
    )
    return {
        "contributions": page,
        "kinds": ContributionPage.KINDS,
        "current_kind": kind,
        "tags": tags,
        "current_tag": tag,
        "filtered": bool(kind or tag),
    }


def _sort_key(text):
    """Alphabetical order as readers expect it: "écoute" between "draw" and "entraide"."""
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore")


def notifications_of(user):
    """The member's own notifications, newest first; nobody else's."""
    from .models import Notification

    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)
