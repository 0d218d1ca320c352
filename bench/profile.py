"""Profile one page of bench/pages.toml in this process, on the benchmark data.

    python -m bench.profile lesson [--requests 200] [--sort tottime] [--limit 40]
    python -m bench.profile "middleware only"    # the bench's second reference line
    python -m bench.profile lesson --path /fr/ --user anonymous

Requests go through Django's WSGI handler with the same settings as the benchmark's
gunicorn workers (caches warmed first), under cProfile. It prints the time per request,
then the functions that cost the most.
"""

import argparse
import cProfile
import io
import pstats
import time

from bench.generate import load_or_generate
from bench.site import get, load_pages, member_cookies, resolve
from bench.site import targets as page_targets


def wsgi_get(handler, path, cookie):
    """One GET through the WSGI handler, as gunicorn would call it; returns the status."""
    from urllib.parse import unquote

    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(path),
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8201",
        "HTTP_HOST": "127.0.0.1:8201",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    status = []
    body = handler(environ, lambda code, headers, exc_info=None: status.append(code))
    b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return status[0]


# The bench's second reference line (bench/run.py): the bare view served through the
# site's middleware, anonymously, at the size of the page that sizes the baseline.
MIDDLEWARE_ONLY = {"name": "middleware only", "user": "anonymous"}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="a page name of bench/pages.toml, or a part of it")
    parser.add_argument("--path", help="profile this path instead, as the page's user")
    parser.add_argument("--user", help="as this bench member (or anonymous) instead")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--scale", type=int, default=1, help="the data's scale (1, 10)")
    parser.add_argument("--sort", default="tottime", help="cProfile sort key")
    parser.add_argument("--limit", type=int, default=40, help="functions to list")
    arguments = parser.parse_args(argv)

    fixtures = load_or_generate(arguments.scale)
    from django.core.wsgi import get_wsgi_application

    pages = [*load_pages(), MIDDLEWARE_ONLY]
    page = next(item for item in pages if arguments.page in item["name"])
    if page is MIDDLEWARE_ONLY:
        sized = next(item for item in pages if item.get("size_of_baseline"))
        cookie = member_cookies(fixtures["users"][sized["user"]])
        size = get(resolve(sized, page_targets(fixtures)), cookie)[1]
        page = {**page, "path": f"/bench/baseline/?bytes={size}"}
    path = arguments.path or resolve(page, page_targets(fixtures))
    user = arguments.user or page["user"]
    cookie = None if user == "anonymous" else member_cookies(fixtures["users"][user])
    handler = get_wsgi_application()
    for _ in range(5):
        status = wsgi_get(handler, path, cookie)
    print(f"{page['name']}: {path} → {status}")

    started = time.perf_counter()
    for _ in range(arguments.requests):
        wsgi_get(handler, path, cookie)
    elapsed = time.perf_counter() - started
    print(f"without the profiler: {elapsed / arguments.requests * 1000:.2f} ms per request")

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(arguments.requests):
        wsgi_get(handler, path, cookie)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats(arguments.sort).print_stats(arguments.limit)


if __name__ == "__main__":
    main()
