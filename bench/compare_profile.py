"""Profile one page on several trees (see bench/compare_trees.py), in-process, and compare
where the time goes: cache backend, SQL, templates, the rest.

    python -m bench.compare_profile --tree old=/work/wt-old --tree new=/work/wt-new \\
        [--page "my learning"] [--requests 300] [--repeat 3]

Each tree runs the page through Django's WSGI handler (its own code, the bench settings,
its own data and cache folder), first without the profiler (ms per request, CPU time of the
process, best of ``--repeat``), then under cProfile; the profiles are summed by area.
"""

import argparse
import json
import pstats
import re
import subprocess
import sys

from bench.compare_trees import ROOT, Tree

TREE_PROFILE = r"""
import cProfile, io, json, os, sys, time
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.conf import settings
from django.core.wsgi import get_wsgi_application

path, cookie, out = sys.argv[1], sys.argv[2], sys.argv[5]
requests, repeat = int(sys.argv[3]), int(sys.argv[4])
handler = get_wsgi_application()

def get():
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8201", "HTTP_HOST": "127.0.0.1:8201",
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""), "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
        "HTTP_COOKIE": cookie,
    }
    status = []
    body = handler(environ, lambda code, headers, exc_info=None: status.append(code))
    b"".join(body)
    body.close()
    return status[0]

for _ in range(10):
    status = get()
wall, cpu = [], []
for _ in range(repeat):
    w, c = time.perf_counter(), time.process_time()
    for _ in range(requests):
        get()
    wall.append((time.perf_counter() - w) / requests * 1000)
    cpu.append((time.process_time() - c) / requests * 1000)
profiler = cProfile.Profile()
profiler.enable()
for _ in range(requests):
    get()
profiler.disable()
profiler.dump_stats(out)
print("PROFILE_JSON " + json.dumps({"status": status, "wall_ms": wall, "cpu_ms": cpu}))
"""

# Areas, by the file a function is defined in (first match wins), for self time.
AREAS = [
    ("cache: diskcache", r"/diskcache/"),
    ("cache: Django file cache", r"django/core/cache/backends/filebased"),
    ("cache: Django cache base", r"django/core/cache/"),
    ("cache: home/cache.py", r"/home/cache\.py"),
    ("pickle / zlib", r"\{built-in method (_pickle|zlib)|pickle"),
    ("file system calls", r"\{built-in method (posix|io\.open|_io\.open)|\{method 'read' of '_io"),
    ("sqlite3 (C)", r"sqlite3|\{method 'execute' of|\{method 'fetch"),
    ("Django ORM", r"django/db/"),
    ("Django templates", r"django/template/|jinja2|/templatetags/"),
    ("Wagtail", r"/wagtail/"),
    ("Django (other)", r"/django/"),
    ("project code", r"^/work/wt-"),
]


def by_area(stats_path, requests):
    stats = pstats.Stats(stats_path)
    totals = {name: 0.0 for name, _ in AREAS}
    totals["other"] = 0.0
    for (filename, _line, function), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        where = f"{filename}:{function}" if filename != "~" else function
        for name, pattern in AREAS:
            if re.search(pattern, where):
                totals[name] += tottime
                break
        else:
            totals["other"] += tottime
    return {name: round(value * 1000 / requests, 3) for name, value in totals.items()}


def cumulative(stats_path, requests, pattern):
    """Cumulative ms per request of the functions whose location matches, outermost only."""
    stats = pstats.Stats(stats_path)
    rows = []
    for (filename, _line, function), (_cc, nc, _tt, cumtime, _callers) in stats.stats.items():
        if re.search(pattern, f"{filename}:{function}"):
            rows.append((round(cumtime * 1000 / requests, 3), nc / requests, filename, function))
    return sorted(rows, reverse=True)[:12]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True)
    parser.add_argument("--file-cache", action="append", default=[], help="a tree's name")
    parser.add_argument("--page", default="my learning")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cumulative", default=r"cache|diskcache", help="regex of functions")
    args = parser.parse_args(argv)
    results = {}
    for spec in args.tree:
        tree = Tree(spec, 0, spec.partition("=")[0] in args.file_cache)
        info = tree.prepare()
        page = info["pages"][args.page]
        out = ROOT / "var" / f"profile-{tree.name}-{args.page.replace(' ', '-')}.prof"
        output = subprocess.run(
            [
                str(tree.path / ".venv" / "bin" / "python"),
                "-c",
                TREE_PROFILE,
                page["path"],
                info["cookie"],
                str(args.requests),
                str(args.repeat),
                str(out),
            ],
            cwd=tree.path,
            env=tree.environment(),
            capture_output=True,
            text=True,
        )
        match = re.search(r"^PROFILE_JSON (.*)$", output.stdout, re.MULTILINE)
        if not match:
            sys.exit(f"{tree.name}: profiling failed:\n{output.stdout}\n{output.stderr}")
        timing = json.loads(match.group(1))
        results[tree.name] = {
            **timing,
            "queries": page["queries"],
            "areas_ms": by_area(str(out), args.requests),
            "cumulative": cumulative(str(out), args.requests, args.cumulative),
            "profile": str(out),
        }
        print(f"{tree.name}: {json.dumps(results[tree.name], indent=1)}", flush=True)
    out = ROOT / "var" / f"compare-profile-{args.page.replace(' ', '-')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"Written: {out}")


if __name__ == "__main__":
    main()
