"""What a process works out once and keeps because it follows from its inputs alone: page
addresses (``page_url``, ``route_url``) and markup that only the language changes
(``{% once_per_language %}``).

Nothing here is invalidated: everything a value depends on is in its key or kept beside it
(a page's URL path, the language, the site and the sites' root paths, the URLconf, the
script prefix), so a moved page or a changed site is simply another key. A changed
setting (tests) starts afresh (``generation``).
"""

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

from wagtail.models import Site

from .local_memory import LocalMemory

_generation = 0


def generation():
    """Moves when a setting changes (LANGUAGES, ROOT_URLCONF, STATIC_URL… in tests)."""
    return _generation


def _settings_changed(**kwargs):
    global _generation
    _generation += 1


setting_changed.connect(_settings_changed, dispatch_uid="entrepairs-addresses")


_page_urls = LocalMemory(4096)


def page_url(page, request=None):
    """``page.get_url(request)``, as Wagtail answers it, worked out once per process for each
    page path, language and site: Wagtail reverses ``wagtail_serve`` under the page's
    language for every link to a page (a lesson links to its module, its neighbours and
    its own routes)."""
    root_paths = page._get_site_root_paths(request)
    site = Site.find_for_request(request) if request is not None else None
    key = (
        _generation,
        type(page),
        page.url_path,
        get_language(),
        site.pk if site is not None else None,
        get_urlconf(),
        get_script_prefix(),
    )
    # The sites' root paths, a list, are kept with the address: the same list (each
    # worker's, ``routing.site_root_paths``) or an equal one gives the same address.
    found = _page_urls.get(key)
    if found is not None and (found[0] is root_paths or found[0] == root_paths):
        return found[1]
    url = page.get_url(request=request)
    if url is not None:
        _page_urls.set(key, (root_paths, url))
    return url


_routes = LocalMemory(4096)


def route_url(page, route_name, args=()):
    """``page.reverse_subpage(route_name, args=args)`` (a routable page's route, relative to
    the page), worked out once per process for each page type, route, arguments and language
    (a route's pattern may be translated): routes are code."""
    key = (_generation, type(page), route_name, args, get_language())
    url = _routes.get(key)
    if url is None:
        url = page.reverse_subpage(route_name, args=args)
        _routes.set(key, url)
    return url
