"""Training's panels on the member's own home (``home.personal``): "Continue" to the exact
next lesson, progress across the member's modules, and for trainers the cohorts whose
learners have gone quiet.

The learner's state is read once per request for both panels, in a fixed number of
queries whatever the number of modules (``services.course_states``); where "Continue"
leads is ``services.continue_page``, and which learners are inactive is the cohort
report's rule (``cohorts.inactive_learners``).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.addresses import page_url
from home.personal import Panel, register_panel, waiting

from . import services
from .cohorts import INACTIVE_AFTER, cohorts_needing_attention
from .models import CoursePage, Enrollment

# How many modules in progress the home lists; "My learning" has them all.
LISTED_MODULES = 3


def _learning(request):
    """The member's modules in progress or paused, most recently active first, and how many
    are completed; read once per request.

    A completed module is counted from its enrollment alone (``course_states`` gives a
    completed enrollment that state before anything else): the lessons done are read for
    the modules not completed only, so the page does not grow with what the member has
    finished over the years."""
    if not hasattr(request, "_personal_learning"):
        user = request.user
        enrollments = services.enrollments_of(user)
        by_key = {enrollment.course_key: enrollment for enrollment in enrollments}
        pages = services.pages_in_language(CoursePage, list(by_key))
        completed = sum(1 for key in pages if by_key[key].status == Enrollment.COMPLETED)
        courses = [
            page for key, page in pages.items() if by_key[key].status != Enrollment.COMPLETED
        ]
        states = services.course_states(user, courses, enrollments_of_user=enrollments)
        going = [s for s in states if s.status in (services.IN_PROGRESS, services.PAUSED)]
        going.sort(key=lambda state: state.enrollment.last_activity_at, reverse=True)
        request._personal_learning = (going, completed)
    return request._personal_learning


def continue_panel(request):
    """Where to go on: the next lesson of the module last worked on (a paused one only when
    none is in progress), or the catalogue when no module is under way."""
    going, completed = _learning(request)
    in_progress = [state for state in going if state.status == services.IN_PROGRESS]
    state = (in_progress or going or [None])[0]
    if state is None:
        catalogue = services.catalogue()
        return Panel(
            "courses/panels/start.html",
            {
                "catalogue_url": catalogue.get_url(request) if catalogue else "",
                "completed": completed,
            },
        )
    page = services.continue_page(state)
    return Panel(
        "courses/panels/continue.html",
        {
            "state": state,
            "lesson": page if page is not state.course else None,
            "url": page_url(page, request),
            "paused": state.status == services.PAUSED,
        },
    )


def progress_panel(request):
    """Progress in the member's modules under way, the latest few, and what is completed."""
    going, completed = _learning(request)
    if not going and not completed:
        return None
    return Panel(
        "courses/panels/progress.html",
        {
            "states": going[:LISTED_MODULES],
            "others": max(len(going) - LISTED_MODULES, 0),
            "completed": completed,
        },
    )


def cohorts_panel(request):
    """The running cohorts the member may report on (``services.cohorts_visible_to``: trainers
    their own, coordinators all) in which some learners have gone quiet."""
    needing = cohorts_needing_attention(services.cohorts_visible_to(request.user))
    if not needing:
        return None
    first = needing[:3]
    items = [
        (
            ngettext(
                "%(cohort)s: %(count)s learner without activity for %(days)s days",
                "%(cohort)s: %(count)s learners without activity for %(days)s days",
                count,
            )
            % {"cohort": cohort.name, "count": count, "days": INACTIVE_AFTER.days},
            reverse("cohorts:report", args=[cohort.pk]),
        )
        for cohort, count in first
    ]
    return waiting(
        _("Cohorts where learners could use a word from you:"),
        url=reverse("cohorts:index"),
        action=_("All cohorts"),
        items=items,
        others=len(needing) > len(first),
    )


def register():
    register_panel("continue", builder=continue_panel, area="next", order=10)
    register_panel("cohorts_needing_attention", builder=cohorts_panel, order=60)
    register_panel("progress", builder=progress_panel, area="overview", order=10)
