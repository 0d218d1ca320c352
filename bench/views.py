"""The baseline: a bare Django view, no database, no template, a page of a chosen size; and
the probe by which the runner knows the server that answers is the one it started."""

import os
from functools import lru_cache

from django.http import HttpResponse, JsonResponse

PARAGRAPH = (
    "<p>Écouter sans juger, reconnaître l'expérience de l'autre et passer le relais quand "
    "il le faut : c'est le cœur du rôle de pair-aidant·e.</p>\n"
)


@lru_cache(maxsize=16)
def _page(size):
    head = '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>Base</title>'
    body = head + "</head><body><main>\n"
    tail = "</main></body></html>\n"
    while len((body + tail).encode()) < size:
        body += PARAGRAPH
    return (body + tail).encode()


def baseline(request):
    """``?bytes=N``: about N bytes of static HTML (the size of the page it stands in for)."""
    try:
        size = min(max(int(request.GET.get("bytes", 20000)), 100), 2_000_000)
    except ValueError:
        size = 20000
    return HttpResponse(_page(size), content_type="text/html; charset=utf-8")


def whoami(request):
    """The process id of the gunicorn master whose worker answers (its parent)."""
    return JsonResponse({"master": os.getppid(), "worker": os.getpid()})
