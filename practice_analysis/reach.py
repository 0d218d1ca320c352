"""Which practice pages are hidden from whom: the practice area less one's own groups.

A practice group's page and everything under it are seen by the group's members and
supervisors only (``services.groups_of``), superusers included. The rule is written once
here, as a filter whose size does not grow with the number of groups in the network, and
asked by the editing space (``admin_access``) and by site search (``search.services``).
"""

from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import Page

from home.cache import memoized
from home.prepared import Prepared

from .branches import branch_q
from .models import (
    CodevWorkshopPage,
    PracticeAnalysisIndexPage,
    PracticeGroupPage,
    PracticeSessionPage,
)
from .services import PRACTICE, in_groups_of_member

PRACTICE_PAGE_MODELS = (PracticeGroupPage, PracticeSessionPage, CodevWorkshopPage)
_CACHE = "_practice_reach"


@dataclass(frozen=True)
class Reach:
    """Where practice groups' pages are (the branches under the practice-analysis index
    pages) and which of those branches are the user's own groups'.

    Hidden is "in the practice area and not in one's own groups": a test that costs the
    same whatever the number of groups in the network.
    """

    areas: tuple  # paths of the practice-analysis index pages, one per language
    own: frozenset  # paths of the user's own groups' pages

    def hides(self, path):
        for area in self.areas:
            if path.startswith(area) and len(path) > len(area):
                return path[: len(area) + Page.steplen] not in self.own
        return False

    def area_q(self, prefix=""):
        """Every page under a practice-analysis index page (the index pages themselves are
        not hidden: their existence is all anyone sees)."""
        area = Q()
        for path in self.areas:
            area |= branch_q(path, prefix, itself=False)
        return area

    def own_q(self, prefix=""):
        """The pages of one's own groups' branches: one range of paths per group the user
        is in (bounded by the user's memberships, not by the network)."""
        own = Q()
        for path in sorted(self.own):
            own |= branch_q(path, prefix)
        return own

    def hidden_q(self, prefix=""):
        """In the practice area and not in one's own groups' branches. Ranges of paths only:
        search backends (the admin's choosers, site search) take filters on indexed fields
        (path, depth, id), and the path's index answers them."""
        area = self.area_q(prefix)
        if not self.own:
            return area
        return area & ~self.own_q(prefix)


def _areas():
    return tuple(PracticeAnalysisIndexPage.objects.values_list("path", flat=True))


# The paths of the member's own groups' pages: groups_of()'s rule on the page's own column
# (two subqueries, not three levels), its SQL written by the ORM once per process
# (``home.prepared``: building and compiling it was nine tenths of its cost).
_OWN_PATHS = Prepared(
    lambda user_id: PracticeGroupPage.objects.filter(
        in_groups_of_member(user_id, "group_id")
    ).values_list("path")
)


def reach(user):
    """The user's reach, read once per request (kept on the user object, as Wagtail keeps
    its page permissions): the index pages come from the worker's memory, the user's own
    groups' pages are one query bounded by their groups."""
    found = getattr(user, _CACHE, None)
    if found is None:
        own = ()
        if user.is_authenticated:
            own = (path for (path,) in _OWN_PATHS.rows(user.pk))
        found = Reach(
            areas=memoized("practice-areas", compute=_areas, versions=(PRACTICE,)),
            own=frozenset(own),
        )
        setattr(user, _CACHE, found)
    return found


def is_hidden(user, page):
    """Whether the page is another group's page or record for this user."""
    path = getattr(page, "path", None)
    return bool(path) and reach(user).hides(path)


def hidden_q(user, prefix=""):
    """A filter matching the hidden pages (``prefix`` reaches them through a relation)."""
    return reach(user).hidden_q(prefix)


def without_hidden(user, pages, prefix=""):
    """The queryset without the pages hidden from the user."""
    q = hidden_q(user, prefix)
    return pages.exclude(q) if q else pages


def visible_practice_page_ids(user):
    """Ids of the practice pages the user may see (their groups' pages and records)."""
    visible = Page.objects.type(*PRACTICE_PAGE_MODELS)
    return without_hidden(user, visible).values("pk")


def area_q(prefix=""):
    """A filter matching every page of the practice area, whoever asks."""
    return Reach(
        areas=memoized("practice-areas", compute=_areas, versions=(PRACTICE,)), own=frozenset()
    ).area_q(prefix)
