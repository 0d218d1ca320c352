"""What every page type of the site shares."""

import functools

from wagtail.models import Page, PageViewRestriction, get_page_models

from .cache import cached, page_versions


class CachedViewRestrictionsMixin:
    """Reads the view restrictions of a page and its ancestors from the cache.

    Wagtail checks them at every page view, in two queries (the ancestors, then their
    restrictions) and one more per group restriction. The restrictions, with their groups,
    are kept under the site's and the page's section's versions, which any restriction,
    group choice or move moves (``home.signals``). The answer is still a queryset: the
    admin filters and orders it.
    """

    def get_view_restrictions(self):
        if self.pk is None:
            return super().get_view_restrictions()

        def read():
            return list(Page.get_view_restrictions(self).prefetch_related("groups"))

        restrictions = cached(
            "view-restrictions", self.pk, compute=read, versions=page_versions(self)
        )
        queryset = _restrictions_by_ids(tuple(item.pk for item in restrictions)).all()
        queryset._result_cache = list(restrictions)
        queryset._prefetch_done = True
        return queryset


@functools.lru_cache(maxsize=256)
def _restrictions_by_ids(ids):
    """The restrictions with these ids as a queryset, built once per process (a filter costs
    about 40 µs to build, a copy 5 µs); only ever copied, never evaluated itself."""
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)


def confidential_page_models():
    """Page types only their own people may know of: never translated, never indexed, never
    listed to anyone else. An app marks its types with ``confidential = True`` (practice
    groups' pages and records); the site-wide parts ask here instead of importing it."""
    return [model for model in get_page_models() if getattr(model, "confidential", False)]
