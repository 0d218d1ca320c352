"""Template tags used by every page: language switcher, navigation, crisis lines, charter,
unread notifications.

What they show is cached per language (``home.cache``); what depends on the member is
decided on each request.
"""

from html import unescape

from django import template
from django.conf import settings
from django.template.base import TextNode, TokenType
from django.template.defaulttags import CommentNode, LoadNode, URLNode
from django.templatetags.i18n import BlockTranslateNode, TranslateNode
from django.templatetags.static import StaticNode
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils import formats
from django.utils.html import conditional_escape, escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from wagtail.models import Page

from home.addresses import generation, page_url, route_url
from home.cache import SITE, cached, page_versions
from home.charter import charter_to_acknowledge
from home.fragments import kept_fragment
from home.locales import active_locale, default_locale
from home.models import CrisisLine, HomePage
from home.notifications import unread_count
from home.personal import code_step_pending
from home.services import member_roles, navigation_pages

register = template.Library()


def home_url(language_code):
    def compute():
        home = HomePage.objects.live().filter(locale__language_code=language_code).first()
        return home.url if home else f"/{language_code}/"

    return cached("home-url", language_code, compute=compute, versions=(SITE,))


def translated_page_url(page, language_code):
    """The translation of the page when it is live, otherwise that language's home page."""

    def compute():
        translation = (
            page.get_translations().live().filter(locale__language_code=language_code).first()
        )
        return translation.url if translation is not None else home_url(language_code)

    return cached(
        "translation-url", page.pk, language_code, compute=compute, versions=page_versions(page)
    )


def _is_django_view(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


# The header's language switcher and main menu, written here rather than by their own
# templates (an inclusion tag's context, a loop and its variables, on every page); the
# layout is the templates' they replaced, which tests/test_page_markup.py renders again
# and compares byte for byte.
LANGUAGE_LINK = (
    '\n            <li><a href="{url}" hreflang="{code}" lang="{code}" '
    'rel="alternate">{name}</a></li>\n        '
)
NAVIGATION_LINK = '\n            <li><a href="{url}"{current}>{title}</a></li>\n        '


@register.simple_tag(takes_context=True)
def language_switcher(context):
    """Links to the page in the site's other languages."""
    return mark_safe(language_switcher_html(switcher_languages(context)))


def language_switcher_html(languages):
    label = escape(_("Language"))
    links = "".join(
        LANGUAGE_LINK.format(
            url=conditional_escape(language["url"]),
            code=conditional_escape(language["code"]),
            name=conditional_escape(capfirst(language["name"])),
        )
        for language in languages
    )
    return (
        f'\n<nav class="language-switcher" aria-label="{label}">\n    <ul>\n        '
        f"{links}\n    </ul>\n</nav>\n"
    )


def switcher_languages(context):
    request = context["request"]
    page = context.get("page")
    current = get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if isinstance(page, Page):
            url = translated_page_url(page, code)
        elif _is_django_view(request):
            path = request.get_full_path()
            url = translate_url(path, code)
            if url == path:
                url = home_url(code)
        else:  # a page that was not found, or an error page
            url = home_url(code)
        languages.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return languages


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The main menu: the sections the member may open, the one they are in marked."""
    return mark_safe(navigation_html(navigation_items(context)))


def navigation_html(items):
    if not items:
        return "\n\n"
    label = escape(_("Main menu"))
    links = "".join(
        NAVIGATION_LINK.format(
            url=conditional_escape(item["section"]["url"]),
            current=' aria-current="page"' if item["active"] else "",
            title=conditional_escape(item["section"]["title"]),
        )
        for item in items
    )
    return (
        f'\n\n<nav class="site-nav" aria-label="{label}">\n    <ul>\n        '
        f"{links}\n    </ul>\n</nav>\n\n"
    )


def navigation_items(context):
    request = context["request"]
    page = context.get("page")
    items = navigation_pages(request.user, active_locale())
    current_path = page.url_path if isinstance(page, Page) else ""
    return [
        {"section": item, "active": current_path.startswith(item["url_path"])} for item in items
    ]


BREADCRUMB_LINK = '\n            <li><a href="{url}">{title}</a></li>\n        '


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's trail from the home page down (includes/breadcrumbs.html), written here as
    the main menu is."""
    return mark_safe(breadcrumbs_html(breadcrumb_trail(context, page), page))


def breadcrumbs_html(trail, page):
    if len(trail) <= 1:
        return "\n\n"
    label = escape(_("You are here"))
    links = "".join(
        BREADCRUMB_LINK.format(
            url=conditional_escape(ancestor["url"]), title=conditional_escape(ancestor["title"])
        )
        for ancestor in trail
    )
    title = conditional_escape(page.title)
    return (
        f'\n\n\n<nav class="breadcrumbs" aria-label="{label}">\n    <ol>\n        {links}\n'
        f'        <li aria-current="page">{title}</li>\n    </ol>\n</nav>\n'
    )


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The page's ancestors from the home page down, as titles and links (cached)."""
    request = context.get("request")

    def compute():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors
        ]

    return cached(
        "breadcrumbs", page.pk, get_language(), compute=compute, versions=page_versions(page)
    )


@register.simple_tag
def crisis_lines():
    """The crisis numbers in the reader's language (the default language's when missing)."""
    language = get_language()

    def compute():
        lines = CrisisLine.objects.filter(locale__language_code=language)
        if not lines.exists():
            lines = CrisisLine.objects.filter(locale=default_locale())
        return [
            {"number": line.number, "name": line.name, "description": line.description}
            for line in lines
        ]

    return cached("crisis-lines", language, compute=compute, versions=(SITE,))


@register.simple_tag(takes_context=True)
def pending_charter(context):
    """The charter the member has not acknowledged yet, unless they are reading it now."""
    request = context["request"]
    charter = charter_to_acknowledge(request.user)
    page = context.get("page")
    if charter is None or (isinstance(page, Page) and str(page.translation_key) == charter.key):
        return None
    return charter


@register.simple_tag(takes_context=True)
def shows_userbar(context):
    """Wagtail's userbar is for the roles that edit site pages, not for every member."""
    request = context["request"]
    return request.user.is_superuser or bool(
        {"trainer", "coordinator"} & set(member_roles(request))
    )


@register.simple_tag(takes_context=True)
def uses_editing_space(context):
    request = context["request"]
    return request.user.is_superuser or bool(member_roles(request))


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """The member's unread notifications, counted once and cached until one changes."""
    return unread_count(context["request"].user)


@register.simple_tag(takes_context=True, name="code_step_pending")
def code_step_pending_tag(context):
    """Whether the member has yet to give their two-step code (``personal.code_step_pending``)."""
    return code_step_pending(context["request"])


@register.simple_tag
def localized_home_url():
    return home_url(get_language())


@register.filter
def dict_get(mapping, key):
    """``mapping|dict_get:key``, for JSON values read in templates."""
    return mapping.get(key) if mapping else None


@register.filter
def number(value, decimals=None):
    """A number as the reader's language writes it: ``1 234,5`` in French, ``1,234.5`` in
    English. Only for numbers people read, never for ids or values in addresses."""
    if value in (None, ""):
        return ""
    return formats.number_format(value, decimal_pos=decimals, force_grouping=True)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, page):
        self.nodelist, self.name, self.page = nodelist, name, page

    def render(self, context):
        page = self.page.resolve(context) if self.page is not None else None
        html = kept_fragment(
            self.name, context.get("request"), page, lambda: self.nodelist.render(context)
        )
        return mark_safe(html)


@register.tag
def shared_fragment(parser, token):
    """``{% shared_fragment "name" [page] %}…{% endshared_fragment %}``: rendered once per
    language (and live revision of ``page``) until the content changes, then reused for
    every reader.

    Only for markup that is the same for everyone: nothing about the member (name, roles,
    progress, notes, forms) may be inside. Previews are never cached.
    """
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and an optional page")
    name = bits[1].strip("\"'")
    page = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, name, page)


class OncePerLanguageNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.rendered = {}
        # Addresses also depend on the URLconf and the script's prefix: read them only then.
        self.addresses = any(isinstance(node, (URLNode, StaticNode)) for node in nodelist)

    def render(self, context):
        key = (generation(), get_language(), context.autoescape)
        if self.addresses:
            key += (get_urlconf(), get_script_prefix())
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = str(self.nodelist.render(context))
        return mark_safe(html)


def _literal(expression):
    """Whether a template expression is a literal without filters (``'name'``, ``"Go"``)."""
    if expression is None:
        return True
    return not expression.filters and (not expression.is_var or expression.var.lookups is None)


def _constant(node):
    """Whether a node renders the same for every reader of one language: text, and
    ``translate``, ``blocktranslate``, ``url`` and ``static`` of literals only."""
    if isinstance(node, (TextNode, CommentNode, LoadNode)):
        return True
    if isinstance(node, TranslateNode):
        return node.asvar is None and _literal(node.filter_expression)
    if isinstance(node, BlockTranslateNode):
        return (
            not node.extra_context
            and not node.plural
            and node.counter is None
            and node.asvar is None
            and _literal(node.message_context)
            and all(token.token_type == TokenType.TEXT for token in node.singular)
        )
    if isinstance(node, URLNode):
        # A namespaced name may reverse differently for the current application.
        return (
            node.asvar is None
            and _literal(node.view_name)
            and ":" not in str(node.view_name.var)
            and all(_literal(argument) for argument in node.args)
            and all(_literal(argument) for argument in node.kwargs.values())
        )
    if isinstance(node, StaticNode):
        return node.varname is None and _literal(node.path)
    return False


@register.tag
def once_per_language(parser, token):
    """``{% once_per_language %}…{% endonce_per_language %}``: markup that is a function of
    the code alone (text, and ``translate``, ``url``, ``static`` of literals), rendered once
    per language by each process instead of on every request.

    Anything else inside is refused when the template is read: nothing about the member, the
    page or the content may be there. What was rendered is kept with the template (a
    template read again starts afresh) and forgotten when a setting changes (tests).
    """
    nodelist = parser.parse(("endonce_per_language",))
    parser.delete_first_token()
    for node in nodelist:
        if not _constant(node):
            raise template.TemplateSyntaxError(
                f"once_per_language holds text, translate, url and static of literals only, "
                f"not {node!r}"
            )
    return OncePerLanguageNode(nodelist)


@register.simple_tag(takes_context=True)
def page_address(context, page):
    """Wagtail's ``{% pageurl page %}``, worked out once per process (``home.addresses``)."""
    return page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def route_address(context, page, route_name, *args):
    """Wagtail's ``{% routablepageurl page route_name args %}``: the page's address
    (``page_address``) and the route's, reversed in the page's own URL patterns."""
    base = page_url(page, context["request"])
    if not base.endswith("/"):
        base += "/"
    return base + route_url(page, route_name, args)


# The description search engines and link previews show: the page's own when an editor
# wrote one, else the first words of its introduction, else one sentence about the site.
DESCRIPTION_LENGTH = 160
DESCRIPTION_SOURCES = ("search_description", "intro", "summary")


@register.simple_tag(takes_context=True)
def meta_description(context):
    page = context.get("page")
    if isinstance(page, Page) and not getattr(page, "confidential", False):
        for name in DESCRIPTION_SOURCES:
            text = " ".join(strip_tags(str(getattr(page, name, "") or "")).split())
            if text:
                return Truncator(unescape(text)).chars(DESCRIPTION_LENGTH)
    try:
        name = context["settings"].home.SiteSettings.association_name
    except (KeyError, AttributeError):  # a page rendered without a request
        name = "Entrepairs"
    return _(
        "%(association)s: the intranet and training space of peer supporters, their "
        "trainers and supervisors."
    ) % {"association": name}


@register.filter
def with_site_name(title, name):
    """A window title: the page's, then the association's ("Charte · Entrepairs"); the name
    alone when the page is the home page named after the association, or has no title."""
    title, name = " ".join(str(title).split()), name or "Entrepairs"
    return name if title in ("", name) else f"{title} · {name}"


@register.simple_tag
def select_options(choices, selected):
    """The ``<option>`` elements of a filter's ``<select>`` for (value, label) choices, the
    chosen one marked: written here, as a template loop costs about 15 µs an option. Each
    value and label is escaped as ``format_html`` would (``conditional_escape``), the lazy
    label made text first: ``format_html`` costs three times as much."""
    return mark_safe(
        "".join(
            f'<option value="{conditional_escape(value)}"{_SELECTED if value == selected else ""}>'
            f"{conditional_escape(str(label))}</option>"
            for value, label in choices
        )
    )


_SELECTED = " selected"
