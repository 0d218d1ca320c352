"""URL resolution that skips, at once, the includes a path cannot match.

The site's pages are served by Wagtail's catch-all pattern, the last one under the
language prefix: Django tries every app's routes before it, one translated pattern at a
time (about 90 for a lesson, 0.1 to 0.2 ms per request). ``include_indexed`` is
``path("", include(...))`` whose resolver first compares the path's first segment with
the first segments of its routes in the active language, read once per process and
language (routes do not change while a process runs): a path whose first segment none of
them starts with cannot match any of them, so the include answers "not here" without
trying them. Otherwise, and whenever a route's first segment is not plain text (a
converter, a regular expression), Django's own resolution runs, unchanged; with
``DEBUG`` on it always does, so the technical 404 page lists every pattern tried.
"""

from django.conf import settings
from django.urls import Resolver404, URLResolver, include
from django.urls.resolvers import RoutePattern
from django.utils.translation import get_language

ANY = None  # a route that may start with anything


def first_segments(patterns):
    """The first path segments these patterns can match, or ``ANY``."""
    heads = set()
    for pattern in patterns:
        if not isinstance(pattern.pattern, RoutePattern):
            return ANY
        route = str(pattern.pattern._route)
        head, slash, _rest = route.partition("/")
        if "<" in head:
            return ANY
        if isinstance(pattern, URLResolver):
            if not head:  # an include at the empty prefix: what its own routes start with
                nested = first_segments(pattern.url_patterns)
                if nested is ANY:
                    return ANY
                heads |= nested
                continue
            if not slash:  # "foo" + the included "bar/" is the segment "foobar"
                return ANY
        heads.add(head)
    return frozenset(heads)


class FirstSegmentResolver(URLResolver):
    """``URLResolver`` that refuses at once a path whose first segment none of its routes
    starts with (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._heads = {}

    def resolve(self, path):
        if not settings.DEBUG:
            language = get_language()
            try:
                heads = self._heads[language]
            except KeyError:
                heads = self._heads[language] = first_segments(self.url_patterns)
            if heads is not ANY and str(path).partition("/")[0] not in heads:
                raise Resolver404({"path": path, "tried": []})
        return super().resolve(path)


def include_indexed(arg):
    """``path("", include(arg))``, resolved through ``FirstSegmentResolver``."""
    urlconf_module, app_name, namespace = include(arg)
    return FirstSegmentResolver(
        RoutePattern("", is_endpoint=False), urlconf_module, app_name=app_name, namespace=namespace
    )
