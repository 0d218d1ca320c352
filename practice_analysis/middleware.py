"""Keep practice groups' pages out of reach in the Wagtail admin for anyone outside them."""

from django.http import Http404

from wagtail.models import Page

from .models import group_of_page
from .services import may_see_group

PAGE_ID_KWARGS = ("page_id", "parent_page_id")


class PracticeGroupAdminMiddleware:
    """An admin view about a page of a practice group answers 404 to outsiders.

    Wagtail lets a member browse from the common ancestor of the pages they hold any
    permission on; a peer's is the site root, so another group's page would be reachable by
    its id in the explorer, the editor or the history. Page ids in admin URLs are checked
    here, before any admin view runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith("/admin/"):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_superuser:
            return None
        page_id = next((view_kwargs[k] for k in PAGE_ID_KWARGS if k in view_kwargs), None)
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).only("id", "path", "depth").first()
        group = group_of_page(page) if page is not None else None
        if group is not None and not may_see_group(user, group):
            raise Http404
        return None
