"""Queries that depend on who is asking: views call these, never re-write the rules."""

import unicodedata
from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import PageViewRestriction

from filer.models import File, FolderPermission

from .background import OutgoingEmail
from .cache import SITE, cached
from .member_cache import member_groups


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


# View restrictions ------------------------------------------------------------------------


@dataclass(frozen=True)
class ViewRule:
    """One view restriction of a page as plain values, fit for the shared cache."""

    pk: int
    kind: str
    group_ids: frozenset = frozenset()

    @classmethod
    def of(cls, restriction):
        """From a PageViewRestriction whose groups were prefetched (no query)."""
        return cls(
            restriction.pk,
            restriction.restriction_type,
            frozenset(group.pk for group in restriction.groups.all()),
        )


def passes_view_restriction(user, restriction, group_ids, passed=()):
    """Whether the member passes this view restriction: the one statement of that rule.

    It says what Wagtail decides before serving a page (``accept_request``; a test holds
    the two together), from values the caller reads once for many pages: ``group_ids``,
    the member's group ids; ``passed``, the ids of the password restrictions already
    answered in this session (none where there is no session: a listing never shows what
    asks for a password). A superuser passes group restrictions, never a password.
    ``restriction`` is a ``ViewRule`` or a PageViewRestriction with its groups prefetched.
    """
    if not isinstance(restriction, ViewRule):
        restriction = ViewRule.of(restriction)
    kind = restriction.kind
    if kind == PageViewRestriction.NONE:
        return True
    if kind == PageViewRestriction.PASSWORD:
        return restriction.pk in passed
    if not user.is_authenticated:
        return False
    if kind == PageViewRestriction.LOGIN:
        return True
    if kind == PageViewRestriction.GROUPS:
        return user.is_superuser or bool(restriction.group_ids & set(group_ids))
    return False  # a kind this code does not know: closed


def passed_passwords(request):
    """The ids of the page passwords this session has answered (Wagtail keeps them there)."""
    session = getattr(request, "session", None) or {}
    return frozenset(session.get(PageViewRestriction.passed_view_restrictions_session_key, []))


def navigation_pages(user, locale):
    """Top-level sections for the header, without those the member may not open.

    ``locale`` is a Locale or its id. The sections of a language are cached with their
    view restrictions; the filter for this member runs on every request. A section behind
    a password is left out (a header has no session to ask).
    """
    locale_id = getattr(locale, "pk", locale)
    sections = cached(
        "navigation-sections", locale_id, compute=lambda: _sections(locale_id), versions=(SITE,)
    )
    if user.is_authenticated and any(section["rules"] for section in sections):
        group_ids = set(member_groups(user))
    else:
        group_ids = set()
    return [
        section
        for section in sections
        if all(passes_view_restriction(user, rule, group_ids) for rule in section["rules"])
    ]


def _sections(locale_id):
    from .models import HomePage

    home = HomePage.objects.live().filter(locale_id=locale_id).first()
    if home is None:
        return []
    pages = list(home.get_children().live().in_menu().specific())
    restrictions = PageViewRestriction.objects.filter(page__in=pages).prefetch_related("groups")
    by_page = {}
    for restriction in restrictions:
        by_page.setdefault(restriction.page_id, []).append(ViewRule.of(restriction))
    return [
        {
            "title": page.title,
            "url": page.url,
            "url_path": page.url_path,
            "intro": getattr(page, "intro", ""),
            "rules": by_page.get(page.pk, []),
        }
        for page in pages
    ]


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
    group_ids = set(member_groups(user)) if user.is_authenticated else set()
    hidden = [
        restriction.page_id
        for restriction in restricted
        if not passes_view_restriction(user, restriction, group_ids)
    ]
    return contributions.exclude(pk__in=hidden)


def contribution_listing(request, index):
    """The contributions of a section for its page: filtered by kind and tag, paginated."""
    from django.core.paginator import Paginator

    from taggit.models import Tag

    from .models import ContributionPage, ContributionPageTag
    from .sharing import may_share

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
        "may_share": may_share(request.user, index),
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


# The e-mail outbox ------------------------------------------------------------------------

OUTBOX_PERMISSION = "home.view_outgoingemail"


def may_see_undelivered_emails(user):
    """Coordinators (and superusers) watch the e-mails that did not leave."""
    return user.is_authenticated and user.is_active and user.has_perm(OUTBOX_PERMISSION)


def undelivered_emails_for(user):
    """The e-mails not delivered, newest first, for who may see them; none for others."""
    from .outbox import undelivered

    if not may_see_undelivered_emails(user):
        return OutgoingEmail.objects.none()
    return undelivered().order_by("-created_at", "-pk")
