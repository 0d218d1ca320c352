"""The search page: a box in the header of every page, results in the reader's language."""

from django.core.paginator import Paginator
from django.shortcuts import render

from .services import excerpt, highlight, search_pages, terms_of

RESULTS_PER_PAGE = 10
# Longer queries are cut: nobody types more, and the search stays cheap.
MAX_QUERY_LENGTH = 200


def search(request):
    """Search the pages the member may open, in the language of the address."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    context = {"query": query}
    if query:
        terms = terms_of(query)
        paginator = Paginator(search_pages(request, query), RESULTS_PER_PAGE)
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
