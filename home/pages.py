"""What every page type of the site shares."""

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
        queryset = PageViewRestriction.objects.filter(pk__in=[item.pk for item in restrictions])
        queryset._result_cache = list(restrictions)
        queryset._prefetch_done = True
        return queryset


def confidential_page_models():
    """Page types only their own people may know of: never translated, never indexed, never
    listed to anyone else. An app marks its types with ``confidential = True`` (practice
    groups' pages and records); the site-wide parts ask here instead of importing it."""
    return [model for model in get_page_models() if getattr(model, "confidential", False)]
