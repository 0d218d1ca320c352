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
