"""Middleware of the project."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Served outside the /fr/ and /en/ prefixes: a 404 there is final.
UNPREFIXED = ("/admin/", "/django-admin/", "/files/", "/documents/", "/static/", "/media/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 outside the language prefix is not redirected into it.

    With Wagtail's catch-all inside ``i18n_patterns``, Django would send every unknown
    ``/files/...`` address to ``/fr/files/...``.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


class CachedSiteMiddleware:
    """Finds the request's Wagtail site in the cache rather than with a query per request.

    Wagtail looks the site up on every page (and for site settings) with a query that is
    costly to build; sites change rarely, and a change bumps the content version
    (``home/signals.py``), so the next request sees it. Only hosts that ``ALLOWED_HOSTS``
    accepts get here: an invented Host header is refused before it can fill the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        from home.cache import cached

        host = request.get_host()

        def find():
            return Site.find_for_request(request) or False  # "no site" is cached too

        site = cached("site", host, request.get_port(), compute=find)
        if site:
            request._wagtail_site = site
        return self.get_response(request)
