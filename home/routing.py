"""Page routing in two queries instead of two per level of the page tree.

Wagtail finds a page by walking the tree: at each level one query for the child with the
next slug and one for its specific type, so a lesson four levels down costs eight
queries before any content. ``PageRoutingMiddleware`` gives Wagtail's ``serve`` view the
same answer sooner:

- the request's Site comes from the cache (``Site.find_for_request`` would query it);
- the site's home page in the reader's language comes from the cache, and the sites' root
  paths (every page URL starts from one) from the worker's own memory;
- one query reads every page on the path, by URL path; the walk then skips straight
  through each page whose type routes like Wagtail's ``Page`` (to the child with the
  next slug), including routable pages whose own routes do not match the rest of the
  path; the first page that would route differently, or the last one, is loaded as its
  specific type and its own ``route`` does the rest.

The result is exactly what ``Page.route_for_request`` would return; Wagtail's serve view
reads it from ``request._wagtail_route_for_request``. Cached values carry the site version
(``home.cache``), which a site change or a publish or move in the site's own pages moves;
a path remembered to lead to a page holds only as long as that page's section has not
moved since (the pages on the path are site pages or of its section).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from .cache import (
    SITE,
    cached,
    get_versioned,
    memoized,
    page_version,
    set_versioned,
    version,
    versioned_key,
)

PLAIN_ROUTES = (Page.route,)
ROUTABLE_ROUTES = (RoutablePageMixin.route, Page.route)


def cached_site(request):
    """The request's Site, as ``Site.find_for_request`` finds it, from the cache."""
    if not hasattr(request, "_wagtail_site"):
        # get_host() refuses a host ALLOWED_HOSTS does not accept: no invented Host header
        # fills the cache.
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
        # Site._find_for_request answers None, and the cache cannot hold None: keep a 0.
        site = cached(
            "site",
            hostname,
            port,
            compute=lambda: Site._find_for_request(request) or 0,
            versions=(SITE,),
        )
        request._wagtail_site = site or None
    return request._wagtail_site


def site_root_paths():
    """Wagtail's ``Site.get_site_root_paths()`` (every page URL is built from it), kept by
    each worker until the site version moves instead of read from the shared cache on each
    request. Wagtail forgets them when a site or a site's root page is saved: a site's save
    moves the site version, as does a root page's (a home page, which the header lists), and
    a move or a new slug moves every content version."""
    return memoized("site-root-paths", compute=Site.get_site_root_paths, versions=(SITE,))


def localized_root(site):
    """The site's home page in the active language, as a specific page."""
    return cached(
        "site-root",
        site.pk,
        get_language(),
        compute=lambda: site.root_page.localized.specific,
        versions=(SITE,),
    )


def _routes(model):
    """The ``route`` methods a page type's routing goes through, most specific first."""
    return tuple(klass.__dict__["route"] for klass in model.__mro__ if "route" in klass.__dict__)


def _routes_to_child(model, page, remaining):
    """Whether ``page`` would hand ``remaining`` to its child with the next slug."""
    routes = _routes(model)
    if routes == PLAIN_ROUTES:
        return True
    if routes == ROUTABLE_ROUTES:
        if not page.live:
            return True
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return True
    return False


def route(request, path):
    """What ``Page.route_for_request(request, path)`` returns, in fewer queries."""
    site = cached_site(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    if not components:  # the home page: nothing to walk, nothing to remember
        return localized_root(site).route(request, [])
    # A path that led to a page by plain routing leads there until the site or the page's
    # section (or its object, ``page_version``) changes: (page id, that version's name, its
    # value when it was found).
    key = versioned_key("page-at", site.pk, get_language(), path, versions=(SITE,))
    found = get_versioned(key)
    if found is not None:
        page_id, page_section, seen = found
        if version(page_section) == seen:
            return _specific(page_id, page_section).route(request, [])
    page, walked = _walk(localized_root(site), components)
    if walked and walked == len(components) and page.live:
        # Only paths to pages are kept, not every address someone types.
        page_section = page_version(page)
        set_versioned(key, (page.pk, page_section, version(page_section)))
        return _specific(page.pk, page_section, page).route(request, [])
    if walked:
        page = page.specific
    return page.route(request, components[walked:])


def _specific(page_id, page_section, page=None):
    """The specific page, read once per process until its section or the site changes
    (never modified)."""
    return memoized(
        "page",
        page_id,
        compute=lambda: (page or Page.objects.get(pk=page_id)).specific,
        versions=tuple(dict.fromkeys((SITE, page_section))),
    )


def _walk(root, components):
    """(page, number of components walked): the walk stops at the first page that would
    route differently from Wagtail's ``Page`` (or at the end of the path)."""
    prefixes = [root.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))]
    on_path = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes, slug__in=components).only(
            "id", "path", "depth", "url_path", "slug", "live", "content_type_id"
        )
        if page.path.startswith(root.path)
    }
    page, model, walked = root, type(root), 0
    while walked < len(components) and _routes_to_child(model, page, components[walked:]):
        child = on_path.get(prefixes[walked])
        if child is None:
            raise Http404
        page, walked = child, walked + 1
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        if model is None:  # a page type whose code is gone: let Wagtail decide
            break
    return page, walked


class PageRoutingMiddleware:
    """Routes Wagtail page requests with ``route`` above; other views are untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cached_site(request)
        # Where Wagtail's page URLs look for them first (``Page._get_site_root_paths``).
        request._wagtail_cached_site_root_paths = site_root_paths()
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        return None
