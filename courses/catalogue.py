"""The training catalogue: its modules filtered by theme, by where the member is and by
language, a page at a time.

What a page costs does not grow with the network: the modules' rows come from the worker's
memory (``structure.modules``), the member's own enrolments and lessons done are one query
(``learner_rows.catalogue_rows``, compiled once per process), and the modules'
pages, states and cards are read and made only for the modules of the page shown (each
module kept under its own version: a module's publish reads that one again).
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from home.cache import SITE, memoized

from .learner_rows import LearnerRows, catalogue_rows
from .models import Enrollment
from .models.pages import THEMES
from .services import COMPLETED, IN_PROGRESS, NOT_STARTED, course_states
from .structure import modules, pages_of, rows_under

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
    translated into it, in the language they were written in: their ``ModuleRow``, read
    whole only for the page shown (``structure.pages_of``)."""
    rows = rows_under(catalogue)
    if not all_languages:
        return rows
    here = {row.translation_key for row in rows}
    first = {}
    for row in modules().live:
        first.setdefault(row.translation_key, row)
    elsewhere = [
        row for key, row in first.items() if key not in here and row.depth == catalogue.depth + 1
    ]
    return rows + sorted(elsewhere, key=lambda row: row.path)


def catalogue_page(user, catalogue, query):
    """(the page of module states shown, the filters applied, {locale id: language code}
    of the modules shown in another language)."""
    filters = Filters.from_query(query)
    modules = modules_in(catalogue, filters.all_languages)
    if filters.theme:
        modules = [module for module in modules if module.theme == filters.theme]
    rows = catalogue_rows(user.pk) if user.is_authenticated else LearnerRows()
    enrolments = rows.enrollments
    if filters.status:
        where = {e.course_key: _STATUS_OF_ENROLMENT.get(e.status) for e in enrolments}
        modules = [
            module
            for module in modules
            if where.get(module.translation_key, NOT_STARTED) == filters.status
        ]
    page = Paginator(modules, PER_PAGE).get_page(query.get("page"))
    page.object_list = course_states(user, pages_of(list(page.object_list)), enrolments, rows.done)
    codes = _language_codes()
    for state in page.object_list:
        if state.course.locale_id != catalogue.locale_id:
            state.language = codes.get(state.course.locale_id, "")
    return page, filters
