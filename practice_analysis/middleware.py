"""Keep practice groups' pages out of reach in the Wagtail admin for anyone outside them."""

from privacy import audit

from . import admin_access, admin_addresses

ADMIN_PREFIX = "/admin/"


class PracticeGroupAdminMiddleware:
    """An admin request that names another group's page or record gets the answer an id
    that does not exist gets, and the refusal is audited.

    Listings are narrowed where Wagtail asks which pages one may see
    (``admin_access.install``); this catches the ids a request carries — in its path or its
    query string, directly or through a revision, a workflow or task state, a translation —
    and gives the view ids that name nothing instead (``admin_addresses.Unnamer``), whatever
    the view. Superusers are treated like anyone else. It runs after the second-factor
    check, which answers the same for any id.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        admin_access.install()

    def __call__(self, request):
        response = self.get_response(request)
        unnamer = getattr(request, "_practice_unnamer", None)
        return unnamer.restore(response) if unnamer is not None else response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(ADMIN_PREFIX):
            return None
        user = getattr(request, "user", None)
        # Whoever may not enter the editing space is turned away by Wagtail, whatever the id.
        if user is None or not user.has_perm("wagtailadmin.access_admin"):
            return None
        # The view receives this very dict of keyword arguments: the unnamer edits it in
        # place. Positional arguments come in a tuple: the view is then called from here.
        args = list(view_args)
        unnamer = admin_addresses.unname_hidden_pages(request, view_func, args, view_kwargs)
        if unnamer is None:
            return None
        request._practice_unnamer = unnamer
        if request.resolver_match is not None:
            request.resolver_match.kwargs.update(view_kwargs)
        for page in unnamer.hidden:
            audit.denied(request, page)
        if args != list(view_args):
            return view_func(request, *args, **view_kwargs)
        return None
