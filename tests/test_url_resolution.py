"""What ``include_indexed`` saves is work, never an answer: every address of the site
resolves, in French and English, to the same view and arguments as Django's own resolver
(``DEBUG`` on turns the shortcut off), and a 404 stays a 404 (home/resolvers.py)."""

import re

from django.test import override_settings
from django.urls import Resolver404, get_resolver, resolve
from django.urls.resolvers import RoutePattern, URLPattern, URLResolver
from django.utils import translation

import pytest

from home.resolvers import ANY, FirstSegmentResolver, first_segments

SAMPLES = {
    "int": "7",
    "str": "abc",
    "slug": "un-titre",
    "uuid": "12345678-1234-5678-1234-567812345678",
    "path": "a/b",
}


def sample_paths(resolver, prefix=""):
    """An address for every route of the URLconf (converters filled with samples)."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern.pattern, RoutePattern):
            route = re.sub(
                r"<(?:(\w+):)?\w+>",
                lambda match: SAMPLES[match.group(1) or "str"],
                str(pattern.pattern),
            )
        elif type(pattern.pattern).__name__ == "LocalePrefixPattern":
            route = pattern.pattern.language_prefix
        else:
            continue  # a regular expression: not generated (none is under an indexed include)
        if isinstance(pattern, URLResolver):
            yield from sample_paths(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route


# Wagtail's pages and addresses that match nothing, beside the routes' own.
OTHERS = [
    "/{lang}/",
    "/{lang}/formation/",
    "/{lang}/training/un-module/une-lecon/",
    "/{lang}/association/",
    "/{lang}/mon-parcours/certificats/",
    "/{lang}/my-learning/nothing-here/",
    "/{lang}/recherche",
    "/{lang}/rien/du/tout/",
    "/{lang}/_util/login/",
    "/{lang}/favicon.ico",
    "/xx/rien/",
    "/admin/",
    "/nowhere",
]


def answer(path):
    try:
        match = resolve(path)
    except Resolver404:
        return 404
    return (match.func, match.args, match.kwargs, match.url_name, match.namespaces)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_address_resolves_as_django_s_own_resolver_does(language):
    with translation.override(language):
        paths = sorted(set(sample_paths(get_resolver())))
        paths += [other.format(lang=language) for other in OTHERS]
        assert len(paths) > 80
        with override_settings(DEBUG=True):
            expected = {path: answer(path) for path in paths}
        with override_settings(DEBUG=False):
            given = {path: answer(path) for path in paths}
    assert given == expected
    assert sum(1 for value in given.values() if value != 404) > 70


def test_the_apps_includes_are_indexed_and_wagtail_s_pages_come_last():
    localized = next(
        pattern
        for pattern in get_resolver().url_patterns
        if type(pattern.pattern).__name__ == "LocalePrefixPattern"
    )
    indexed = [p for p in localized.url_patterns if isinstance(p, FirstSegmentResolver)]
    assert len(indexed) >= 9
    with translation.override("fr"):
        assert all(first_segments(p.url_patterns) is not ANY for p in indexed)
    assert localized.url_patterns[-1].urlconf_name.__name__ == "wagtail.urls"


def route(text, view=None, include=None):
    pattern = RoutePattern(text, is_endpoint=include is None)
    if include is not None:
        return URLResolver(pattern, include)
    return URLPattern(pattern, view or (lambda request: None))


def test_the_first_segments_of_routes():
    assert first_segments([route("mes-ecrits/"), route("mes-ecrits/<int:pk>/")]) == {"mes-ecrits"}
    assert first_segments([route("favicon.ico"), route("a/<str:b>.pdf")]) == {"favicon.ico", "a"}
    assert first_segments([route("", include=[route("x/"), route("y/z/")])]) == {"x", "y"}
    # Anything that may begin with something else than plain text: no shortcut.
    assert first_segments([route("x/"), route("<slug:s>/")]) is ANY
    assert first_segments([route("x<int:n>/")]) is ANY
    assert first_segments([route("", include=[route("<int:n>/")])]) is ANY
    # "pre" + an included "fix/" is the segment "prefix", not "pre".
    assert first_segments([route("pre", include=[route("fix/")])]) is ANY
