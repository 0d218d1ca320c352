"""The member's own home: what each app has to say to them, registered by the app.

Home stands below the apps that know a member's modules, entries or groups, so it asks
them: each registers its *panels* from its ``AppConfig.ready()`` with ``register_panel``.
A builder takes the request and returns a ``Panel`` (a template and its small context) or
None when it has nothing to say; the home page shows the panels of each area in order.

Areas, in the order the page shows them:

- ``next``: where to go on from here ("Continue" to the exact next lesson);
- ``waiting``: what waits for the member, one line each (items of one list, with a
  calm line when nothing does);
- ``overview``: short summaries (progress across modules).

A builder reads only the member's own rows, in a fixed number of queries whatever the
number of their modules, entries or groups, and caches nothing that another member could
read: the page answers ``Cache-Control: private, no-store`` to a logged-in member.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Page, WorkflowState

from .models import ContributionPage
from .notifications import unread_count

AREAS = ("next", "waiting", "overview")


@dataclass(frozen=True)
class Panel:
    """What one builder shows: ``template`` rendered with ``context`` as ``panel``."""

    template: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Registered:
    key: str
    area: str
    order: int
    builder: object


_registry = {}


def register_panel(key, *, builder, order=100, area="waiting"):
    """Register (or replace, under the same key) a panel of the member's home."""
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r}: one of {', '.join(AREAS)}")
    _registry[key] = _Registered(key, area, order, builder)


def registered_panels():
    return sorted(_registry.values(), key=lambda panel: (AREAS.index(panel.area), panel.order))


def code_step_pending(request):
    """Whether the member has a second factor and has not given its code yet: nothing of
    theirs shows until then (here and in the header, ``{% code_step_pending %}``)."""
    has_device = request.session.get("accounts_has_2fa_device")
    return bool(has_device) and not getattr(request.user, "is_verified", lambda: False)()


def panels_for(request):
    """``{area: [Panel, …]}`` for the member asking, each area in its order."""
    shown = {area: [] for area in AREAS}
    if not request.user.is_authenticated or code_step_pending(request):
        return shown
    for registered in registered_panels():
        panel = registered.builder(request)
        if panel is not None:
            shown[registered.area].append(panel)
    return shown


# A line of the "waiting" area: what waits, the link to it, and the first few items by name.
WAITING_TEMPLATE = "home/panels/waiting.html"
# How many items a line names; the rest is counted ("and 2 more").
NAMED_ITEMS = 3


def waiting(message, url="", action="", items=(), others=False):
    """A ``Panel`` for one line of what waits: a message, a link to where it is dealt with
    (``url`` and its words, ``action``), the first few ``items`` as ``(title, url)`` pairs and
    whether there are ``others`` beyond them."""
    context = {"message": message, "url": url, "action": action, "items": list(items)}
    return Panel(WAITING_TEMPLATE, {**context, "others": others})


def named(rows):
    """The first ``NAMED_ITEMS`` of ``rows`` (read with one more, never counted) and whether
    there were more."""
    rows = list(rows)
    return rows[:NAMED_ITEMS], len(rows) > NAMED_ITEMS


# Home's own panels: contributions sent back with changes requested, unread notifications.


def contributions_to_change(request):
    """The member's contributions whose review asked for changes (the workflow on
    ``ContributionPage``): one query, reading the member's own workflow states only,
    whatever the number of contributions in the network."""
    returned = (
        WorkflowState.objects.filter(
            requested_by_id=request.user.pk, status=WorkflowState.STATUS_NEEDS_CHANGES
        )
        # The content type compared as a value, not through its index: SQLite (without
        # statistics) would otherwise read every contribution's workflow states by that
        # index rather than the member's own by ``requested_by``'s.
        .annotate(kind=F("content_type_id") + 0)
        .filter(kind=ContentType.objects.get_for_model(ContributionPage).pk)
        .annotate(page_id=Cast("object_id", IntegerField()))
    )
    # The workflow states' content type says these are contributions: their id and title
    # are read from Wagtail's page table alone, without joining the contributions' own.
    pages = Page.objects.filter(pk__in=returned.values("page_id")).values_list("pk", "title")
    first, cut = named(pages.order_by("-latest_revision_created_at", "pk")[: NAMED_ITEMS + 1])
    if not first:
        return None
    # Revised on the site, where the reviewer's comments sit beside the text (home.sharing).
    items = [(title, reverse("share_edit", args=[pk])) for pk, title in first]
    message = ngettext(
        "A contribution of yours came back with changes to make:",
        "Contributions of yours came back with changes to make:",
        len(first) + cut,
    )
    return waiting(message, items=items, others=cut)


def unread_notifications(request):
    """The member's unread notifications, counted (``notifications.unread_count``, cached)."""
    count = unread_count(request.user)
    if not count:
        return None
    message = ngettext(
        "%(count)s notification you have not read.",
        "%(count)s notifications you have not read.",
        count,
    ) % {"count": count}
    return waiting(message, reverse("notification_list"), _("Read them"))


def register_home_panels():
    register_panel("contributions_to_change", builder=contributions_to_change, order=30)
    register_panel("unread_notifications", builder=unread_notifications, order=90)
