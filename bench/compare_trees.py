"""Compare the same pages served by several checkouts of the project (git worktrees), on the
same data, in interleaved rounds: is a commit slower than another one?

    python -m bench.compare_trees --tree old=/work/wt-old --tree new=/work/wt-new \\
        [--rounds 6] [--seconds 10] [--out var/compare.json]

Each tree is served by its own gunicorn (2 sync workers, its own code, settings
``config.settings.bench``, its own ``var/bench/bench.sqlite3`` and cache folder, no Redis);
the truly bare Django view (``bench.bare``, of this checkout) by another one. Each tree must
hold benchmark data (``var/bench/bench.sqlite3`` and ``fixtures.json``, e.g. one database
generated once and copied, then migrated by each tree). A round measures, for each page,
the bare view then the page on every tree, in an order that rotates from round to round;
a page's share is its throughput over the mean of the bare runs just before and after it.
CPU per request is read from /proc for each gunicorn's process tree (SQLite runs in the
workers). Other jobs on a shared machine move throughput a lot and CPU time far less; ratios
between trees in the same round are the fairest figures.

A tree that needs a package the shared venv lacks gets it with ``--tree name=path:EXTRA``
(EXTRA is put on the workers' PYTHONPATH). ``--file-cache NAME`` serves that tree with
Django's file cache (as before the embedded cache, same options) instead of its own default:
the same tree can be given twice under two names, one of them with ``--file-cache``.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.procstat import tree_cpu

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
HOST = "127.0.0.1"
CONNECTIONS = 8
PAGES = ("my learning", "lesson", "catalogue", "middleware only")
FILE_CACHE_SETTINGS = """import os
from config.settings.bench import *  # noqa: F403
CACHES = {"default": {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": os.environ["CACHE_DIR"],
    "OPTIONS": {"MAX_ENTRIES": 100_000},
}}
"""

# Run in each tree (``python -c``, cwd = the tree, so that its own packages are imported):
# a learner's session, the pages' paths, one request of each in-process (status, size,
# queries). Written against what every tree has: bench/generate's fixtures.json, the
# courses and home models, URL names.
TREE_SIDE = r"""
import json, os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from pathlib import Path
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

call_command("migrate", "--noinput", verbosity=0)
fixtures = json.loads((Path(settings.BENCH_DIR) / "fixtures.json").read_text())
from courses.models import LessonPage
try:
    from setup.site_tree import section_pages
except ImportError:
    from home.site_tree import section_pages

user = get_user_model().objects.get(username=fixtures["users"]["learner"])
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
session.save()
cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
with translation.override("fr"):
    paths = {
        "lesson": LessonPage.objects.get(pk=fixtures["lesson_id"]).url,
        "my learning": reverse("my_learning"),
        "catalogue": section_pages("courses")[0].url,
    }
pages = {}
for name, path in paths.items():
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    pages[name] = {"path": path, "status": response.status_code,
                   "bytes": len(response.content), "queries": len(queries)}
print("TREE_JSON " + json.dumps({"cookie": cookie, "pages": pages,
      "cache": settings.CACHES["default"]["BACKEND"]}))
"""


class Tree:
    def __init__(self, spec, port, file_cache=False):
        name, _, rest = spec.partition("=")
        path, _, extra = rest.partition(":")
        self.name, self.path, self.extra, self.port = name, Path(path).resolve(), extra, port
        self.file_cache = file_cache
        self.process = None

    def environment(self):
        env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "PYTHONPATH")}
        bench = self.path / "var" / "bench"
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.bench",
            DATABASE_URL=f"sqlite:///{bench / 'bench.sqlite3'}",
            CACHE_DIR=str(bench / f"cache-compare-{self.name}"),
        )
        extra = [self.extra] if self.extra else []
        if self.file_cache:
            folder = ROOT / "var" / "compare-settings"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "compare_file_cache.py").write_text(FILE_CACHE_SETTINGS)
            extra.append(str(folder))
            env["DJANGO_SETTINGS_MODULE"] = "compare_file_cache"
        if extra:
            env["PYTHONPATH"] = os.pathsep.join(extra)
        return env

    def prepare(self):
        output = subprocess.run(
            [str(self.path / ".venv" / "bin" / "python"), "-c", TREE_SIDE],
            cwd=self.path,
            env=self.environment(),
            capture_output=True,
            text=True,
        )
        match = re.search(r"^TREE_JSON (.*)$", output.stdout, re.MULTILINE)
        if not match:
            sys.exit(f"{self.name}: preparing failed:\n{output.stdout}\n{output.stderr}")
        self.info = json.loads(match.group(1))
        return self.info


def start_gunicorn(name, cwd, app, port, env):
    log = cwd / "var" / "bench" / f"gunicorn-compare-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [str(cwd / ".venv" / "bin" / "gunicorn"), app, "--workers", "2"]
    command += ["--bind", f"{HOST}:{port}", "--timeout", "120", "--error-logfile", str(log)]
    process = subprocess.Popen(command, cwd=cwd, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(
                f"http://{HOST}:{port}/bench/baseline/?bytes=100", timeout=60
            ):
                return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    sys.exit(f"{name} did not answer on port {port}: see {log}")


def wrk(url, cookie, seconds):
    command = [shutil.which("wrk"), "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s"]
    command += ["--timeout", "30s", "-s", str(LUA)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    data = json.loads(re.search(r"^WRK_JSON (.*)$", output, re.MULTILINE).group(1))
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    data["errors"] = data["socket_errors"] + data["status_errors"] + data["timeouts"]
    return data


def measure(pid, url, cookie, seconds, warmup):
    if warmup:
        wrk(url, cookie, warmup)
    before = tree_cpu(pid)
    data = wrk(url, cookie, seconds)
    spent = tree_cpu(pid) - before
    return {
        "rps": round(data["rps"], 2),
        "requests": data["requests"],
        "errors": data["errors"],
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "cpu_ms_per_request": round(spent * 1000 / max(data["requests"], 1), 3),
        "at": time.strftime("%H:%M:%S"),
        "load": round(os.getloadavg()[0], 2),
    }


def spread(values):
    values = sorted(values)
    return {
        "median": round(statistics.median(values), 4),
        "min": round(values[0], 4),
        "max": round(values[-1], 4),
    }


def summarise(trees, runs, pages):
    """Per page and tree: share of bare and CPU per request (median, min, max over rounds),
    and each tree's ratio to the first tree, paired round by round."""
    summary = {}
    first = trees[0].name
    for page in pages:
        rows = {}
        for tree in trees:
            mine = [r for r in runs if r["page"] == page and r["tree"] == tree.name]
            rows[tree.name] = {
                "rps": spread([r["rps"] for r in mine]),
                "share": spread([r["share"] for r in mine]),
                "cpu_ms": spread([r["cpu_ms_per_request"] for r in mine]),
            }
            if tree.name != first:
                pairs = [
                    (
                        r,
                        next(
                            o
                            for o in runs
                            if o["page"] == page and o["tree"] == first and o["round"] == r["round"]
                        ),
                    )
                    for r in mine
                ]
                rows[tree.name]["rps_ratio_to_first"] = spread(
                    [r["rps"] / o["rps"] for r, o in pairs]
                )
                rows[tree.name]["cpu_ratio_to_first"] = spread(
                    [r["cpu_ms_per_request"] / o["cpu_ms_per_request"] for r, o in pairs]
                )
        summary[page] = rows
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="name=path[:pythonpath]")
    parser.add_argument("--file-cache", action="append", default=[], help="a tree's name")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--port", type=int, default=8310, help="bare view; trees on the next")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--out", default=str(ROOT / "var" / "compare-trees.json"))
    args = parser.parse_args(argv)
    pages = [p.strip() for p in args.pages.split(",")]
    trees = [
        Tree(spec, args.port + 1 + i, spec.partition("=")[0] in args.file_cache)
        for i, spec in enumerate(args.tree)
    ]
    for tree in trees:
        info = tree.prepare()
        print(f"{tree.name} ({tree.path}, cache {info['cache']}):", flush=True)
        for name, page in info["pages"].items():
            print(f"  {name}: {page}", flush=True)
    size = trees[0].info["pages"]["lesson"]["bytes"]
    reference = f"/bench/baseline/?bytes={size}"
    processes = []
    try:
        bare_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.bare.settings"}
        bare = start_gunicorn("bare", ROOT, "bench.bare.wsgi:application", args.port, bare_env)
        processes.append(bare)
        for tree in trees:
            tree.process = start_gunicorn(
                tree.name, tree.path, "config.wsgi:application", tree.port, tree.environment()
            )
            processes.append(tree.process)
        runs, bares = [], []
        bare_url = f"http://{HOST}:{args.port}{reference}"
        for number in range(args.rounds):
            warmup = args.warmup * 2 if number == 0 else args.warmup
            for index, page in enumerate(pages):
                bares.append(measure(bare.pid, bare_url, None, args.seconds, 1))
                print(f"round {number + 1} bare: {bares[-1]}", flush=True)
                shift = (number + index) % len(trees)
                for tree in trees[shift:] + trees[:shift]:
                    if page == "middleware only":
                        path, cookie = reference, None
                    else:
                        path, cookie = tree.info["pages"][page]["path"], tree.info["cookie"]
                    url = f"http://{HOST}:{tree.port}{path}"
                    run = measure(tree.process.pid, url, cookie, args.seconds, warmup)
                    run.update(round=number, page=page, tree=tree.name, bare_index=len(bares) - 1)
                    runs.append(run)
                    print(f"round {number + 1} {page} {tree.name}: {run}", flush=True)
        bares.append(measure(bare.pid, bare_url, None, args.seconds, 1))
        for run in runs:
            around = bares[run["bare_index"]]["rps"], bares[run["bare_index"] + 1]["rps"]
            run["share"] = run["rps"] / statistics.mean(around)
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
    data = {
        "trees": {t.name: {"path": str(t.path), **t.info} for t in trees},
        "reference": reference,
        "rounds": args.rounds,
        "seconds": args.seconds,
        "bare": bares,
        "runs": runs,
        "summary": summarise(trees, runs, pages),
    }
    Path(args.out).write_text(json.dumps(data, indent=2) + "\n")
    print(json.dumps(data["summary"], indent=2))
    print(f"Written: {args.out}")


if __name__ == "__main__":
    main()
