"""URLs: the admin areas and files outside the language prefix, the site under /fr/ and /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from home import views as home_views
from home.resolvers import include_indexed

urlpatterns = [
    # Both admins log people in through the site's login page (two-factor, throttling).
    path("admin/login/", accounts_views.admin_login, name="admin_login_redirect"),
    path("django-admin/login/", accounts_views.admin_login, name="django_admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("credentials/", include("credentials.urls")),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("files/thumbnails/<path:path>", home_views.serve_thumbnail, name="private_thumbnail"),
    path("files/<path:path>", home_views.serve_file, name="private_file"),
]

if settings.DEBUG:
    import re

    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += staticfiles_urlpatterns()
    # Media as nginx serves it (docs/deployment.md): never documents/, which only Wagtail's
    # checked view (/documents/…) hands out.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# The apps' routes, each include skipped at once by a path none of its routes starts with
# (home/resolvers.py); Wagtail's pages last, as its catch-all must be.
urlpatterns += i18n_patterns(
    include_indexed("accounts.urls"),
    include_indexed("courses.urls"),
    include_indexed("credentials.member_urls"),
    include_indexed("practice_analysis.urls"),
    include_indexed("gatherings.urls"),
    include_indexed("recognition.urls"),
    include_indexed("privacy.urls"),
    include_indexed("search.urls"),
    include_indexed("home.urls"),
    # Wagtail's own front-end login form (for private pages) leads to the site's login page.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="login", query_string=True),
        name="wagtail_login_redirect",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
