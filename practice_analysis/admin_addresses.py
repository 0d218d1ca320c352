"""Which pages an editing-space address names, and the ids that name nothing put in their place.

``Unnamer`` follows every id of an admin URL that leads to a page (a page, a revision, a
workflow or task state, a translation or its source, a redirect, the pages of a bulk
action); ``PracticeGroupAdminMiddleware`` replaces those of pages hidden from the person
asking (``admin_access``) before the view runs, so that the view answers as for an id that
does not exist.
"""

import re

from django.apps import apps

from wagtail.models import Page, Revision, TaskState, WorkflowState, get_default_page_content_type

from .admin_access import named_pages
from .reach import is_hidden

# Which ids a request names -------------------------------------------------------------

# Wagtail's page views: /admin/pages/<page id>/… (some take it as an unnamed parameter).
PAGE_PATH = re.compile(r"^/admin/pages/(\d+)/")
# Path parameters that are page ids, in Wagtail's, wagtail-localize's and our URLs.
PAGE_PARAMETERS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# Query-string parameters that are page ids wherever they appear. (The admin API's
# ``child_of`` and friends look in explorable pages only: nothing to add.)
PAGE_QUERY_PARAMETERS = ("page_id", "parent_page_id", "childOf")
# Parameters naming the model's object (generic views, the admin API, bulk actions).
OBJECT_PARAMETERS = ("pk", "object_id", "id")


def _page_of_object(base_content_type_id, object_id):
    if base_content_type_id is None or object_id is None:
        return None
    if base_content_type_id != get_default_page_content_type().pk:
        return None
    return named_pages([object_id]).first()


def _page_of_revision(pk):
    revision = Revision.objects.filter(pk=pk).only("base_content_type", "object_id").first()
    return revision and _page_of_object(revision.base_content_type_id, revision.object_id)


def _page_of_workflow_state(pk):
    state = WorkflowState.objects.filter(pk=pk).only("base_content_type", "object_id").first()
    return state and _page_of_object(state.base_content_type_id, state.object_id)


def _page_of_task_state(pk):
    state = (
        TaskState.objects.filter(pk=pk)
        .select_related("workflow_state")
        .only("workflow_state__base_content_type", "workflow_state__object_id")
        .first()
    )
    workflow_state = state and state.workflow_state
    return workflow_state and _page_of_object(
        workflow_state.base_content_type_id, workflow_state.object_id
    )


def _pages_of_translation_source(source):
    if source is None:
        return []
    # A source is a translatable object (its translation key) in one locale: every page
    # sharing that key is the same record in another language.
    return list(Page.objects.filter(translation_key=source.object_id).only("pk", "path", "depth"))


def _page_of_translation_source(pk):
    from wagtail_localize.models import TranslationSource

    return _pages_of_translation_source(TranslationSource.objects.filter(pk=pk).first())


def _page_of_translation(pk):
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(pk=pk).select_related("source").first()
    return _pages_of_translation_source(translation and translation.source)


def _page_of_redirect(pk):
    from wagtail.contrib.redirects.models import Redirect

    redirect = Redirect.objects.filter(pk=pk).select_related("redirect_page").first()
    return redirect and redirect.redirect_page


# Path parameters that name an object leading to a page, and how to find the page.
LEADS_TO_PAGE = {
    "redirect_id": _page_of_redirect,
    "revision_id": _page_of_revision,
    "workflow_state_id": _page_of_workflow_state,
    "task_state_id": _page_of_task_state,
    "translation_id": _page_of_translation,
    "translation_source_id": _page_of_translation_source,
}


def view_model(view_func, view_kwargs):
    """The model a view works on, when it says so (class-based views, the admin API, the
    bulk actions and editing sessions name it in their parameters)."""
    app_label, model_name = view_kwargs.get("app_label"), view_kwargs.get("model_name")
    if app_label and model_name:
        try:
            return apps.get_model(app_label, model_name)
        except (LookupError, ValueError):
            return None
    initkwargs = getattr(view_func, "view_initkwargs", None) or {}
    holders = (getattr(view_func, "view_class", None), getattr(view_func, "cls", None))
    for name in ("model", "model_class"):
        for holder in holders:
            if getattr(holder, name, None) is not None:
                return getattr(holder, name)
        if initkwargs.get(name) is not None:
            return initkwargs[name]
    return None


def _is_page_model(model):
    return isinstance(model, type) and issubclass(model, Page)


def _leads_to_hidden(user, pages):
    pages = pages if isinstance(pages, list) else [pages] if pages else []
    return next((page for page in pages if is_hidden(user, page)), None)


# Ids that name nothing, from the top of the 32-bit range (valid in every database).
UNKNOWN_IDS = range(2**31 - 1, 2**31 - 1000, -1)


class Unnamer:
    """Turns the ids of hidden pages (or of objects leading to them) that a request carries
    into ids that name nothing, before the view runs: the view then answers exactly as it
    does for any unknown id — a 404, a 405, a redirect — whatever the view.

    A redirect that repeats an id gets the caller's id back (``restore``), so that nothing,
    not even the address, tells a hidden id from one that does not exist.
    """

    def __init__(self, request):
        self.request = request
        self.user = request.user
        self.hidden = []  # the pages the request named and may not know
        self.swapped = {}  # unknown id put in → id the caller gave
        self._unknown = iter(UNKNOWN_IDS)

    def _replace(self, original, page):
        self.hidden.append(page)
        unknown = str(next(self._unknown))
        self.swapped[unknown] = str(original)
        return unknown

    def path(self, view_func, view_args, view_kwargs):
        """Hidden ids in the path parameters (``view_args`` and ``view_kwargs`` are what the
        view receives)."""
        # Wagtail's page views live at /admin/pages/<id>/…, some with unnamed parameters.
        match = PAGE_PATH.match(self.request.path)
        if match and view_args and str(view_args[0]) == match[1]:
            page = named_pages([match[1]]).first()
            if page is not None and is_hidden(self.user, page):
                view_args[0] = type(view_args[0])(self._replace(view_args[0], page))
        keys = [k for k in PAGE_PARAMETERS if k in view_kwargs]
        if _is_page_model(view_model(view_func, view_kwargs)):
            keys += [k for k in OBJECT_PARAMETERS if k in view_kwargs]
        pages = {str(p.pk): p for p in named_pages(view_kwargs[k] for k in keys)}
        for key in keys:
            page = pages.get(str(view_kwargs[key]))
            if page is not None and is_hidden(self.user, page):
                view_kwargs[key] = type(view_kwargs[key])(self._replace(view_kwargs[key], page))
        for key, find in LEADS_TO_PAGE.items():
            if str(view_kwargs.get(key, "")).isdigit():
                page = _leads_to_hidden(self.user, find(int(view_kwargs[key])))
                if page is not None:
                    view_kwargs[key] = type(view_kwargs[key])(self._replace(view_kwargs[key], page))

    def query(self, view_func, view_kwargs):
        """Hidden ids in the query string: ``page_id``, ``parent_page_id``, ``childOf``, and
        the ``id`` list of a page bulk action or chooser."""
        keys = [k for k in PAGE_QUERY_PARAMETERS if k in self.request.GET]
        # Deny by default: a view that does not say what its ids are (the page chooser's
        # "chosen" step, say) is taken to mean pages.
        model = view_model(view_func, view_kwargs)
        if "id" in self.request.GET and (model is None or _is_page_model(model)):
            keys.append("id")
        if not keys:
            return
        values = [v.strip() for k in keys for v in self.request.GET.getlist(k)]
        pages = {str(p.pk): p for p in named_pages(values) if is_hidden(self.user, p)}
        if pages:
            query = self.request.GET.copy()
            for key in keys:
                query.setlist(
                    key,
                    [
                        self._replace(v, pages[v.strip()]) if v.strip() in pages else v
                        for v in query.getlist(key)
                    ],
                )
            self.request.GET = query

    def restore(self, response):
        location = response.get("Location")
        if location and self.swapped:
            for unknown, original in self.swapped.items():
                location = location.replace(unknown, original)
            response["Location"] = location
        return response


def unname_hidden_pages(request, view_func, view_args, view_kwargs):
    """An ``Unnamer`` that has done its work on this request (``None`` if nothing is hidden
    from the user)."""
    # Which pages are hidden is only asked (one query) once the request names a page: most
    # admin requests (a cohort's report, a snippet, the People area) name none.
    unnamer = Unnamer(request)
    unnamer.path(view_func, view_args, view_kwargs)
    unnamer.query(view_func, view_kwargs)
    return unnamer if unnamer.hidden else None
