"""The editing space is deny-by-default for practice records: outsiders never learn of them.

A practice group's page and everything under it (session logs, co-development records) are
hidden, in every Wagtail view, from anyone who is neither a member nor a supervisor of the
group (``services.may_see_group``) — superusers included: a technical role reads no group's
records; one who must (a stuck workflow, say) is added to the group's supervisors, which the
members are told of.

Two levers cover every admin view, the ones we know and the ones a Wagtail upgrade adds:

- **What Wagtail asks**: every admin listing, report, chooser, panel and API narrows pages
  through ``PagePermissionPolicy`` (explorable pages, pages one holds a permission on),
  ``Page.permissions_for_user`` and ``PageLogEntryManager.viewable_by_user``.
  ``install()`` wraps these three so that hidden pages are never explorable, never
  permitted (a superuser's "everything" included) and their history never listed.
- **Which ids a request names**: ``admin_addresses.Unnamer`` follows every id in an admin URL (path
  parameters and query string) that leads to a page — a page, a revision, a workflow
  state, a task state, a translation or its source, the pages of a bulk action — and
  replaces those of hidden pages by ids that name nothing before the view runs
  (``middleware.PracticeGroupAdminMiddleware``, which audits the refusal). The view then
  answers as for any id that does not exist, whatever the view.

A few places read pages without asking (two reports, redirects, usage, "select all" of
bulk actions, the dashboard's panels, a form's page choice, a link in rich text):
``install()`` narrows them too. ``tests/test_admin_practice_pages.py`` tries every admin
URL and finds any other. Wagtail is wrapped, not forked: after an upgrade, that test says
whether it still holds.
"""

from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import ValidationError
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.forms import ModelChoiceField
from django.http import Http404

from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import (
    Page,
    PagePermissionTester,
    ReferenceIndex,
    get_default_page_content_type,
)
from wagtail.models.pages import PageLogEntryManager
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.cache import memoized

from .models import (
    CodevWorkshopPage,
    PracticeAnalysisIndexPage,
    PracticeGroupPage,
    PracticeSessionPage,
)
from .services import PRACTICE, groups_of

PRACTICE_PAGE_MODELS = (PracticeGroupPage, PracticeSessionPage, CodevWorkshopPage)
_CACHE = "_practice_reach"


# Which pages are hidden from whom ------------------------------------------------------


@dataclass(frozen=True)
class Reach:
    """Where practice groups' pages are (the branches under the practice-analysis index
    pages) and which of those branches are the user's own groups'.

    Hidden is "in the practice area and not in one's own groups": a test that costs the
    same whatever the number of groups in the network.
    """

    areas: tuple  # paths of the practice-analysis index pages, one per language
    own: frozenset  # paths of the user's own groups' pages

    def hides(self, path):
        for area in self.areas:
            if path.startswith(area) and len(path) > len(area):
                return path[: len(area) + Page.steplen] not in self.own
        return False

    def hidden_q(self, prefix=""):
        area = Q()
        for path in self.areas:
            area |= Q(**{f"{prefix}path__startswith": path, f"{prefix}depth__gt": _depth(path)})
        own = Q()
        for path in self.own:
            own |= Q(**{f"{prefix}path__startswith": path})
        return area & ~own if own else area


def _depth(path):
    return len(path) // Page.steplen


def _areas():
    return tuple(PracticeAnalysisIndexPage.objects.values_list("path", flat=True))


def reach(user):
    """The user's reach, read once per request (kept on the user object, as Wagtail keeps
    its page permissions): the index pages come from the worker's memory, the user's own
    groups' pages are one query bounded by their groups."""
    found = getattr(user, _CACHE, None)
    if found is None:
        own = ()
        if user.is_authenticated:
            own = PracticeGroupPage.objects.filter(group__in=groups_of(user))
            own = own.values_list("path", flat=True)
        areas = memoized("practice-areas", compute=_areas, versions=(PRACTICE,))
        found = Reach(areas=areas, own=frozenset(own))
        setattr(user, _CACHE, found)
    return found


def is_hidden(user, page):
    """Whether the page is another group's page or record for this user."""
    path = getattr(page, "path", None)
    return bool(path) and reach(user).hides(path)


def hidden_q(user, prefix=""):
    """A filter matching the hidden pages (``prefix`` reaches them through a relation)."""
    return reach(user).hidden_q(prefix)


def without_hidden(user, pages, prefix=""):
    """The queryset without the pages hidden from the user."""
    q = hidden_q(user, prefix)
    return pages.exclude(q) if q else pages


def visible_practice_page_ids(user):
    """Ids of the practice pages the user may see (their groups' pages and records)."""
    visible = Page.objects.type(*PRACTICE_PAGE_MODELS)
    return without_hidden(user, visible).values("pk")


# What Wagtail asks ---------------------------------------------------------------------


class HiddenPageTester(PagePermissionTester):
    """The permissions of someone outside the page's group: none, superusers included."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.permissions = set()

    def page_locked(self):
        return True


def _refuse_everything(cls):
    for name in dir(PagePermissionTester):
        if name.startswith(("can_", "user_can_")):
            setattr(cls, name, lambda self, *args, **kwargs: False)


_refuse_everything(HiddenPageTester)


def install():
    """Wrap Wagtail's page permission policy, page permissions and page history once."""
    if getattr(PagePermissionPolicy, "_practice_groups_hidden", False):
        return
    PagePermissionPolicy._practice_groups_hidden = True

    explorable = PagePermissionPolicy.explorable_instances
    permitted = PagePermissionPolicy.instances_user_has_any_permission_for
    permitted_for = PagePermissionPolicy.user_has_any_permission_for_instance
    tester = Page.permissions_for_user
    history = PageLogEntryManager.viewable_by_user

    @wraps(explorable)
    def explorable_instances(self, user):
        return without_hidden(user, explorable(self, user))

    @wraps(permitted)
    def instances_user_has_any_permission_for(self, user, actions):
        return without_hidden(user, permitted(self, user, actions))

    @wraps(permitted_for)
    def user_has_any_permission_for_instance(self, user, actions, instance):
        return not is_hidden(user, instance) and permitted_for(self, user, actions, instance)

    @wraps(tester)
    def permissions_for_user(self, user):
        if is_hidden(user, self):
            return HiddenPageTester(user, self)
        return tester(self, user)

    @wraps(history)
    def viewable_by_user(self, user):
        # A deleted page's entries outlive its path: the page type tells a practice record.
        entries = history(self, user)
        return entries.exclude(
            Q(content_type__in=_practice_content_types())
            & ~Q(page_id__in=visible_practice_page_ids(user))
        )

    PagePermissionPolicy.explorable_instances = explorable_instances
    PagePermissionPolicy.instances_user_has_any_permission_for = (
        instances_user_has_any_permission_for
    )
    PagePermissionPolicy.user_has_any_permission_for_instance = user_has_any_permission_for_instance
    Page.permissions_for_user = permissions_for_user
    PageLogEntryManager.viewable_by_user = viewable_by_user

    listing = PageBulkAction.get_all_objects_in_listing_query

    @wraps(listing)
    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" in a listing or a search: the pages the listing could show. (Wagtail
        # fails on a parent that does not exist: a 404, as for any unknown id.)
        try:
            pages = list(listing(self, parent_id))
        except Page.DoesNotExist as error:
            raise Http404 from error
        pages = Page.objects.filter(pk__in=pages)
        return without_hidden(self.request.user, pages).values_list("pk", flat=True)

    PageBulkAction.get_all_objects_in_listing_query = get_all_objects_in_listing_query
    _narrow_views_that_do_not_ask()
    _hide_references()


def _narrow_views_that_do_not_ask():
    """Reports and listings that read pages without asking the policy; the enumeration
    test finds any other one."""
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
    from wagtail_localize.views.report import TranslationsReportView

    decorate = PageTypesUsageReportView.decorate_paginated_queryset

    @wraps(decorate)
    def decorate_paginated_queryset(self, page_types):
        # Counts and "last edited" of the practice types among the pages one may see only.
        page_types = decorate(self, page_types)
        practice = set(_practice_content_types())
        language = self.filters.form.cleaned_data.get("page_locale")
        site_path = self.filters.form.cleaned_data.get("site")
        for item in page_types:
            if item not in practice:
                continue
            pages = without_hidden(self.request.user, Page.objects.filter(content_type=item))
            if language:
                pages = pages.filter(locale__language_code=language)
            if site_path:
                pages = pages.filter(path__startswith=site_path)
            item.count = pages.count()
            last = pages.order_by(
                F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
            )
            item.last_edited_page = last.specific().first()
        return page_types

    PageTypesUsageReportView.decorate_paginated_queryset = decorate_paginated_queryset
    _narrow_dashboard()

    translations = TranslationsReportView.get_queryset

    @wraps(translations)
    def get_queryset(self):
        # A translation's source names its page by translation key, in any language.
        hidden = hidden_q(self.request.user)
        queryset = translations(self)
        if not hidden:
            return queryset
        keys = Page.objects.filter(hidden).values("translation_key")
        return queryset.exclude(source__object_id__in=keys)

    TranslationsReportView.get_queryset = get_queryset

    # Redirects (Wagtail makes one when a page's address changes) name their page.
    from wagtail.contrib.redirects.views import IndexView as RedirectsView

    redirects = RedirectsView.get_base_queryset

    @wraps(redirects)
    def get_base_queryset(self):
        return without_hidden(self.request.user, redirects(self), prefix="redirect_page__")

    RedirectsView.get_base_queryset = get_base_queryset


def hidden_page_ids(user):
    """The ids of the hidden pages as text (workflow and task states name pages by text), as
    a subquery: never read into memory."""
    q = hidden_q(user)
    hidden = Page.objects.filter(q) if q else Page.objects.none()
    return hidden.annotate(text_pk=Cast("pk", CharField())).values("text_pk")


def _narrow_dashboard():
    """The dashboard's panels: what awaits one's review, what one locked, edited or sent to
    review — once a member has left the group, none of its records."""
    from wagtail.admin.views import home
    from wagtail.models.workflows import BaseTaskStateManager

    reviewable = BaseTaskStateManager.reviewable_by

    @wraps(reviewable)
    def reviewable_by(self, user):
        return reviewable(self, user).exclude(workflow_state__object_id__in=hidden_page_ids(user))

    BaseTaskStateManager.reviewable_by = reviewable_by

    def narrow(panel, key, page_of):
        original = panel.get_context_data

        @wraps(original)
        def get_context_data(self, parent_context):
            context = original(self, parent_context)
            user = parent_context["request"].user
            context[key] = [item for item in context[key] if not is_hidden(user, page_of(item))]
            return context

        panel.get_context_data = get_context_data

    narrow(home.UserObjectsInWorkflowModerationPanel, "workflow_states", lambda s: s.content_object)
    narrow(home.LockedPagesPanel, "locked_pages", lambda page: page)
    narrow(home.RecentEditsPanel, "last_edits", lambda edit: edit[1])


def named_ids(values):
    """The page ids among values a request gave (at most 200: a bulk action's page)."""
    return [int(v) for v in values if str(v).isdigit()][:200]


def named_pages(ids):
    return Page.objects.filter(pk__in=named_ids(ids)).only("pk", "path", "depth")


def _admin_viewer():
    """Who is at the keyboard, when the request being served is one of the editing space
    (a preview is served through a request of its own, marked as one)."""
    from privacy.audit import current_request

    request = current_request()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    in_admin = request.path.startswith("/admin/") or getattr(request, "is_preview", False)
    return user if in_admin else None


def _hidden_from_viewer(page):
    user = _admin_viewer()
    return page is not None and user is not None and is_hidden(user, page)


def _hide_references():
    """A form can name a page (a page chooser, a link in rich text, a destination) by an id
    typed by its author: in the editing space, a hidden page so named is taken and shown as
    a page that does not exist — no title, no address — in the editor as in the preview."""
    from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
    from wagtail.admin.widgets import AdminPageChooser
    from wagtail.rich_text.pages import PageLinkHandler

    chosen = AdminPageChooser.get_instance

    @wraps(chosen)
    def get_instance(self, value):
        page = chosen(self, value)
        return None if _hidden_from_viewer(page) else page

    AdminPageChooser.get_instance = get_instance

    linked = PageLinkElementHandler.get_attribute_data

    @wraps(linked)
    def get_attribute_data(self, attrs):
        ids = named_ids([attrs.get("id")])
        page = named_pages(ids).first() if ids else None
        if _hidden_from_viewer(page):
            return {"id": page.pk, "url": None, "parentId": None}  # as a broken link
        return linked(self, attrs)

    PageLinkElementHandler.get_attribute_data = get_attribute_data

    many = PageLinkHandler.get_many.__func__

    @wraps(many)
    def get_many(cls, attrs_list):
        pages = many(cls, attrs_list)
        if _admin_viewer() is None:
            # On the site, no text links to a group's page or records, for anyone: the texts
            # that may hold links all live outside the practice space, an address would
            # give away the group and the date of a record, and rendered texts are shared
            # between readers by the cache.
            return [None if isinstance(page, PRACTICE_PAGE_MODELS) else page for page in pages]
        return [None if _hidden_from_viewer(page) else page for page in pages]

    PageLinkHandler.get_many = classmethod(get_many)

    # Every form field choosing a page (copy or move to, parent of a new page, a page
    # chooser panel or block): a hidden page is not one of the choices, as a missing one.
    choice = ModelChoiceField.to_python

    @wraps(choice)
    def to_python(self, value):
        chosen = choice(self, value)
        if isinstance(chosen, Page) and _hidden_from_viewer(chosen):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return chosen

    ModelChoiceField.to_python = to_python

    # "Usage" of anything (a member named as facilitator or attendee, a group): the
    # references found on hidden pages are not counted, nor listed.
    references = ReferenceIndex.get_references_to.__func__

    @wraps(references)
    def get_references_to(cls, obj):
        found = references(cls, obj)
        user = _admin_viewer()
        if user is None:
            return found
        return found.exclude(
            base_content_type=get_default_page_content_type(),
            object_id__in=hidden_page_ids(user),
        )

    ReferenceIndex.get_references_to = classmethod(get_references_to)


def _practice_content_types():
    from django.contrib.contenttypes.models import ContentType

    return list(ContentType.objects.get_for_models(*PRACTICE_PAGE_MODELS).values())
