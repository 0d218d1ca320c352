"""The search page: a box in the header of every page, results in the reader's language."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render

from .services import excerpt, highlight, search_pages, terms_of

RESULTS_PER_PAGE = 10
# Longer queries are cut: nobody types more, and the search stays cheap.
MAX_QUERY_LENGTH = 200
# Past this many results, a page is asked for by counting first, as Django's paginator does
# (a page number of twenty digits must not reach the database as an OFFSET).
MAX_OFFSET = 100_000


class ResultsPaginator(Paginator):
    """Django's paginator, the page asked for read with the number of results in one query
    (``BuiltOnce.with_count``) instead of a count and then the page. A page past the last
    one is none of the results: the count is read on its own and the last page shown, as
    Django's ``get_page`` does."""

    def get_page(self, number):
        if not hasattr(self.object_list, "with_count"):
            return super().get_page(number)
        try:
            number = self._asked(number)
        except PageNotAnInteger:
            number = 1
        except EmptyPage:
            return super().get_page(number)
        bottom = (number - 1) * self.per_page
        if bottom > MAX_OFFSET:  # no search finds that many: no OFFSET the database refuses
            return super().get_page(number)
        found, count = self.object_list[bottom : bottom + self.per_page].with_count()
        if not found and number > 1:
            return super().get_page(number)
        self.count = count or 0
        return self._get_page(found, number, self)

    def _asked(self, number):
        """Django's ``validate_number`` before the count is known."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number


def search(request):
    """Search the pages the member may open, in the language of the address."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    context = {"query": query}
    if query:
        terms = terms_of(query)
        paginator = ResultsPaginator(search_pages(request, query), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
        context.update(
            results=results,
            count=paginator.count,
            found=[
                {
                    "page": page,
                    "title": highlight(page.title, terms),
                    "excerpt": excerpt(page, terms),
                }
                for page in results
            ],
        )
    return render(request, "search/search.html", context)
