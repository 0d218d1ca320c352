"""The end of a module: what the learner is shown once it is finished — their certificate
(or where it will be) and one module to follow next, which they may open and start now.

A fixed number of queries whatever the size of the catalogue: the modules come from the
worker's memory (``services.live_pages``), the learner's enrolments are one query, the view
restrictions of the catalogue's modules one more.
"""

from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import PageViewRestriction

from home.member_cache import member_groups
from home.services import ViewRule, passes_view_restriction

from .models import Certificate, CoursePage, Enrollment
from .services import (
    COMPLETED,
    catalogue,
    certificates_of,
    live_pages,
    modules_under,
    structure,
)

# What the certificate part of the moment says.
CERTIFICATE_READY, CERTIFICATE_PREPARING, NO_CERTIFICATE = "ready", "preparing", "none"


@dataclass
class ModuleEnd:
    """The moment shown on a finished module's page."""

    certificate: Certificate | None
    certificate_status: str
    next_module: CoursePage | None


def module_end(user, state):
    """The moment for a learner's state in a module, or None while it is not finished."""
    if not user.is_authenticated or state.status != COMPLETED:
        return None
    course = state.course
    certificate = (
        certificates_of(user)
        .filter(course_key=course.translation_key, revoked_at__isnull=True)
        .first()
    )
    if certificate is not None:
        status = CERTIFICATE_READY
    elif _issues_certificate(course):
        status = CERTIFICATE_PREPARING
    else:
        status = NO_CERTIFICATE
    return ModuleEnd(certificate, status, next_module(user, course))


def _issues_certificate(course):
    """Whether the module's version in the default language issues one (the rule
    ``services.complete_lesson`` follows); read from the worker's memory."""
    canonical_id = structure().canonical_id(course)
    versions = live_pages(CoursePage).get(course.translation_key, [])
    canonical = next((page for page in versions if page.pk == canonical_id), course)
    return canonical.issues_certificate


def next_module(user, course):
    """One module to suggest after ``course``: the first after it in the catalogue of the
    member's language (then from its start) that they have not started, may open and may
    start now (no prerequisite left). None when there is none."""
    index = catalogue()
    if index is None:
        return None
    modules = modules_under(index)
    keys = [module.translation_key for module in modules]
    position = keys.index(course.translation_key) + 1 if course.translation_key in keys else 0
    ordered = modules[position:] + modules[:position]
    enrolments = list(Enrollment.objects.filter(user=user))
    started = {enrolment.course_key for enrolment in enrolments}
    candidates = [
        module
        for module in ordered
        if module.translation_key not in started
        and module.translation_key != course.translation_key
    ]
    closed = _closed_paths(user, index, candidates)
    candidates = [m for m in candidates if not any(m.path.startswith(p) for p in closed)]
    # Locked ones wait: their prerequisites are in the structure, read from memory.
    completed = {e.course_key for e in enrolments if e.status == Enrollment.COMPLETED}
    modules = structure()
    for module in candidates:
        needed = modules.prerequisites.get(modules.canonical_id(module), [])
        if all(key in completed for key in needed):
            return module
    return None


def _closed_paths(user, index, modules):
    """The paths of the pages, among the catalogue, its ancestors and these modules, whose
    view restriction this member does not pass: one query. A suggestion is a listing, so a
    module behind a password is never suggested."""
    if not modules:
        return []
    steplen = CoursePage.steplen
    ancestors = [index.path[:end] for end in range(steplen, len(index.path) + 1, steplen)]
    rows = PageViewRestriction.objects.filter(
        Q(page__path__in=ancestors)
        | Q(page__path__startswith=index.path, page__depth=index.depth + 1)
    ).values_list("pk", "restriction_type", "page__path", "groups")
    found = {}
    for pk, kind, path, group_id in rows.order_by("pk"):
        found.setdefault(pk, (path, kind, set()))[2].add(group_id)
    if not found:
        return []
    group_ids = set(member_groups(user)) if user.is_authenticated else set()
    return [
        path
        for pk, (path, kind, groups) in found.items()
        if not passes_view_restriction(
            user, ViewRule(pk, kind, frozenset(groups - {None})), group_ids
        )
    ]
