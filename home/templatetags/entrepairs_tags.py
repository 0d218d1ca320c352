"""Template tags used by every page: language switcher, navigation, crisis lines, charter."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page

from home.charter import charter_to_acknowledge
from home.models import CrisisLine, HomePage
from home.services import navigation_pages

register = template.Library()


def home_url(language_code, request):
    home = HomePage.objects.live().filter(locale__language_code=language_code).first()
    return home.get_url(request) if home else f"/{language_code}/"


def translated_page_url(page, language_code, request):
    """The translation of the page when it is live, otherwise that language's home page."""
    translation = page.get_translations().live().filter(locale__language_code=language_code).first()
    if translation is not None:
        return translation.get_url(request)
    return home_url(language_code, request)


def _is_django_view(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    current = get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if isinstance(page, Page):
            url = translated_page_url(page, code, request)
        elif _is_django_view(request):
            path = request.get_full_path()
            url = translate_url(path, code)
            if url == path:
                url = home_url(code, request)
        else:  # a page that was not found, or an error page
            url = home_url(code, request)
        languages.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return {"languages": languages}


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def site_navigation(context):
    request = context["request"]
    page = context.get("page")
    items = navigation_pages(request.user, Locale.get_active())
    current_path = page.url_path if isinstance(page, Page) else ""
    return {
        "request": request,
        "items": [
            {"page": item, "active": current_path.startswith(item.url_path)} for item in items
        ],
    }


@register.simple_tag
def crisis_lines():
    lines = CrisisLine.objects.filter(locale=Locale.get_active())
    if not lines.exists():
        lines = CrisisLine.objects.filter(locale=Locale.get_default())
    return list(lines)


@register.simple_tag(takes_context=True)
def pending_charter(context):
    """The charter the member has not acknowledged yet, unless they are reading it now."""
    request = context["request"]
    charter = charter_to_acknowledge(request.user)
    page = context.get("page")
    if charter is None or (
        isinstance(page, Page) and page.translation_key == charter.translation_key
    ):
        return None
    return charter


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    return home_url(get_language(), context["request"])
