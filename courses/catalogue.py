"""The training catalogue: its modules filtered by theme, by where the member is and by
language, a page at a time.

What a page costs does not grow with the network: the modules come from the worker's memory
(``services.live_pages``), the member's own enrolments are one query, and states and cards
are made only for the modules of the page shown.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from home.cache import SITE, memoized

from .models import CoursePage, Enrollment
from .models.pages import THEMES
from .services import (
    COMPLETED,
    IN_PROGRESS,
    NOT_STARTED,
    course_states,
    live_pages,
    modules_under,
)

PER_PAGE = 12

STATUSES = [
    (NOT_STARTED, _("Not started yet")),
    (IN_PROGRESS, _("Started")),  # paused ones included
    (COMPLETED, _("Finished")),
]
_STATUS_OF_ENROLMENT = {
    Enrollment.ACTIVE: IN_PROGRESS,
    Enrollment.PAUSED: IN_PROGRESS,
    Enrollment.COMPLETED: COMPLETED,
}


@dataclass(frozen=True)
class Filters:
    """What the member asked for; anything unknown in the address is ignored."""

    theme: str = ""
    status: str = ""
    all_languages: bool = False

    @classmethod
    def from_query(cls, query):
        theme = query.get("theme", "")
        status = query.get("status", "")
        return cls(
            theme=theme if theme in dict(THEMES) else "",
            status=status if status in dict(STATUSES) else "",
            all_languages=query.get("languages") == "all",
        )

    @property
    def any(self):
        return bool(self.theme or self.status or self.all_languages)


def _language_codes():
    return memoized(
        "locale-codes",
        compute=lambda: dict(Locale.objects.values_list("pk", "language_code")),
        versions=(SITE,),
    )


def modules_in(catalogue, all_languages=False):
    """The catalogue's live modules in its language, then (when asked) the modules not yet
    translated into it, in the language they were written in."""
    modules = modules_under(catalogue)
    if not all_languages:
        return modules
    here = {module.translation_key for module in modules}
    elsewhere = [
        versions[0]
        for key, versions in live_pages(CoursePage).items()
        if key not in here and versions[0].depth == catalogue.depth + 1
    ]
    return modules + sorted(elsewhere, key=lambda page: page.path)


def catalogue_page(user, catalogue, query):
    """(the page of module states shown, the filters applied, {locale id: language code}
    of the modules shown in another language)."""
    filters = Filters.from_query(query)
    modules = modules_in(catalogue, filters.all_languages)
    if filters.theme:
        modules = [module for module in modules if module.theme == filters.theme]
    enrolments = list(Enrollment.objects.filter(user=user)) if user.is_authenticated else None
    if filters.status:
        where = {e.course_key: _STATUS_OF_ENROLMENT.get(e.status) for e in enrolments or []}
        modules = [
            module
            for module in modules
            if where.get(module.translation_key, NOT_STARTED) == filters.status
        ]
    page = Paginator(modules, PER_PAGE).get_page(query.get("page"))
    page.object_list = course_states(user, list(page.object_list), enrolments)
    codes = _language_codes()
    for state in page.object_list:
        if state.course.locale_id != catalogue.locale_id:
            state.language = codes.get(state.course.locale_id, "")
    return page, filters
