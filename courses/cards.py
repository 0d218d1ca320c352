"""A module's card in the catalogue, and the learner's state on every card that shows one (a
badge, a progress bar): written here rather than by template loops and includes, each of
which costs a context and nodes. The markup is the templates' it replaced, white space
included: tests/test_page_markup.py renders the former loop again and compares."""

from functools import cache

from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext_noop, ngettext
from django.utils.translation import gettext as _

from home.addresses import page_url
from home.fragments import kept_fragment
from home.templatetags.entrepairs_tags import number

from .services import COMPLETED, IN_PROGRESS, LOCKED, PAUSED

_BADGES = {
    COMPLETED: ("badge badge--done", gettext_noop("Completed")),
    IN_PROGRESS: ("badge badge--progress", gettext_noop("In progress")),
    PAUSED: ("badge", gettext_noop("Paused")),
    LOCKED: ("badge badge--locked", gettext_noop("Not available yet")),
}
_NOT_STARTED_BADGE = ("badge", gettext_noop("Not started"))


def state_badge(state):
    """``<span class="badge …">`` naming where the learner is in the module."""
    return _badge(*_BADGES.get(state.status, _NOT_STARTED_BADGE), get_language())


# A card's words are the same for every reader of a language: made once per language
# (a page of cards translated each of them again).
@cache
def _badge(css_class, label, language):
    return mark_safe(f'<span class="{css_class}">{escape(_(label))}</span>')


@cache
def _percent_done(language):
    return _("%(percent)s%% done")


def progress_bar(state):
    """The share of the module's required lessons done, as a bar and in words."""
    percent, labelled_by = int(state.percent), f"progress-{int(state.course.pk)}"
    done = escape(_percent_done(get_language()) % {"percent": percent})
    return mark_safe(
        f'<div class="progress"><progress max="100" value="{percent}" '
        f'aria-labelledby="{labelled_by}">{percent} %</progress> '
        f'<span id="{labelled_by}" class="progress__label">{done}</span></div>'
    )


# The catalogue's loop as its template laid it out: each card's item, then its title and
# meta line (kept for every reader: ``{% shared_fragment "module-card" module %}``).
CARD = (
    '\n                \n                <li class="card card--module">\n                    '
    "{heading}\n                    {language}\n                    {badge}"
    "\n                    {progress}\n                    {locked}\n                </li>"
    "\n                \n            "
)
HEADING = (
    '\n                    <h2 class="card__title"><a href="{url}"{lang}>{title}</a></h2>'
    '\n                    <p class="meta">{theme} · {duration}</p>\n                    '
)
PREREQUISITE = '<a href="{url}">{title}</a>'


def module_card(state, request):
    """A module's ``<li>`` in the catalogue: its title and link, theme and length, the
    language it is written in when not the reader's, the learner's state and, when locked,
    the modules to complete first."""
    module = state.course
    progress = locked = language = ""
    if state.language:
        language = f'<p class="meta">{language_note(state.language)}\n</p>'
    if state.status in (IN_PROGRESS, PAUSED):
        progress = progress_bar(state)
    if state.status == LOCKED:
        locked = locked_reason(state, request)
    heading = kept_fragment("module-card", request, module, lambda: card_heading(state, request))
    return mark_safe(
        CARD.format(
            heading=heading,
            language=language,
            badge=state_badge(state),
            progress=progress,
            locked=locked,
        )
    )


def card_heading(state, request):
    module = state.course
    lang = escape(state.language)
    minutes = module.duration_minutes
    duration = ngettext("%(shown)s minute", "%(shown)s minutes", minutes)
    return HEADING.format(
        url=conditional_escape(page_url(module, request)),
        lang=f' lang="{lang}" hreflang="{lang}"' if lang else "",
        title=conditional_escape(module.title),
        theme=conditional_escape(module.get_theme_display()),
        duration=duration % {"shown": conditional_escape(number(minutes))},
    )


def language_note(code):
    """The note "Not yet translated: in French", the language named in the reader's. The
    sentence is the translators', trusted as a template's: only the name is escaped."""
    name = conditional_escape(get_language_info(code)["name_translated"])
    return _("Not yet translated: in %(name)s") % {"name": name}


def locked_reason(state, request):
    """The modules to complete first, linked (courses/includes/locked_reason.html, which a
    lesson and a module's page still include)."""
    links = ", ".join(
        PREREQUISITE.format(
            url=conditional_escape(page_url(prerequisite, request)),
            title=conditional_escape(prerequisite.title),
        )
        for prerequisite in state.missing_prerequisites
    )
    first = _("First complete:")  # trusted as a template's ``{% translate %}``: not escaped
    return f'\n<p class="locked">{first}\n    {links}\n</p>\n'
