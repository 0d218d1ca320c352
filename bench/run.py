"""``make bench``: throughput and latency of the pages of bench/pages.toml, side by side with a
bare Django view measured in the same run, served the same way (gunicorn, 2 workers).

The load client is wrk (C, two threads, 8 connections): it needs far less CPU than the
server, which matters on a two-core machine where client and server share the cores.
"""

import argparse
import json
import platform
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from urllib.parse import quote

from bench.server import (
    Services,
    base_url,
    fetch,
    session_cookie,
    setup_django,
    write_results,
)
from bench.server import targets as page_targets

PAGES = Path(__file__).resolve().parent / "pages.toml"
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
CONNECTIONS = 8
P95_LIMIT = 5  # p95 must stay below 5 times p50


def load_pages():
    return tomllib.loads(PAGES.read_text())["page"]


def resolve(page, values):
    """The page's path, or raise LookupError saying why it cannot be measured here."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    if "url_name" in page:
        with translation.override("fr"):
            try:
                path = reverse(page["url_name"], args=page.get("args", []))
            except NoReverseMatch:
                raise LookupError(
                    f"not available: no URL named {page['url_name']!r} on this branch"
                ) from None
    else:
        path = page["path"].format(**values)
    if page.get("query"):
        # "q=écoute" as written in pages.toml, percent-encoded as a browser sends it.
        path += "?" + quote(page["query"], safe="=&")
    return path


def page_queries(path, cookie):
    """(status, [SQL]) of one request to the page, in this process, with the same settings."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if cookie:
        name, value = cookie.split("=", 1)
        client.cookies[name] = value
    client.get(path)  # warm the caches, as they are for the server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, [query["sql"] for query in queries]


def wrk(path, cookie, seconds):
    command = [
        shutil.which("wrk"),
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, base_url() + path], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"^WRK_JSON (.*)$", output, re.MULTILINE)
    data = json.loads(match.group(1))
    data["bytes_transferred"] = data.pop("bytes")
    data["rps"] = round(data["requests"] / (data["duration_us"] / 1e6), 1)
    data["errors"] = data["socket_errors"] + data["status_errors"] + data["timeouts"]
    return data


def measure(name, path, cookie, warmup, seconds):
    print(f"  {name}: {path}", flush=True)
    wrk(path, cookie, warmup)
    data = wrk(path, cookie, seconds)
    print(
        f"    {data['rps']} req/s, p50 {data['p50_us'] / 1000:.0f} ms, "
        f"p95 {data['p95_us'] / 1000:.0f} ms, errors {data['errors']}",
        flush=True,
    )
    return data


def machine():
    import django

    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    import wagtail

    return {
        "cpus": len(__import__("os").sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "load_average_at_start": list(__import__("os").getloadavg()),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="measured seconds per page")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds per page")
    parser.add_argument("--fresh", action="store_true", help="regenerate the database")
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    parser.add_argument(
        "--queries", action="store_true", help="print each page's SQL queries, measure nothing"
    )
    args = parser.parse_args(argv)
    if args.queries:
        return show_queries(args.only)
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: bash scripts/install-system-deps.sh wrk")

    services = Services()
    try:
        services.start_cache()
        fixtures = setup_django(args.fresh)
        started = time.time()
        values = page_targets(fixtures)
        cookies = {"anonymous": None}
        for role in ("learner", "trainer", "supervisor", "coordinator"):
            cookies[role] = session_cookie(fixtures["users"][role])
        print("Starting gunicorn and checking the pages:", flush=True)
        services.start_gunicorn()
        rows, resolved = check_pages(args.only, values, cookies)
        sized = next((r["page_bytes"] for p, r, _c in resolved if p.get("size_of_baseline")), 20000)
        baseline_path = f"/bench/baseline/?bytes={sized}"

        print(f"Measuring with wrk, {CONNECTIONS} connections, {args.seconds} s per page:")
        baselines = [measure("baseline (before)", baseline_path, None, args.warmup, args.seconds)]
        for _page, row, cookie in resolved:
            row.update(measure(row["name"], row["path"], cookie, args.warmup, args.seconds))
        baselines.append(measure("baseline (after)", baseline_path, None, 1, args.seconds))
    finally:
        services.stop()
    from django.conf import settings

    baseline_rps = round(sum(b["rps"] for b in baselines) / len(baselines), 1)
    for row in rows:
        if "rps" not in row:
            continue
        row["ratio"] = round(row["rps"] / baseline_rps, 4)
        checks = [row["p95_us"] < P95_LIMIT * row["p50_us"], row["errors"] == 0]
        if row["target"] is not None:
            checks.append(row["ratio"] >= row["target"])
        row["pass"] = all(checks)
    data = {
        "kind": "bench",
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "machine": machine(),
        "setup": {
            "server": f"gunicorn, {settings_summary(settings)}",
            "cache": services.cache,
            "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            "client": f"wrk -t2 -c{CONNECTIONS}, {args.warmup} s warm-up, {args.seconds} s",
            "note": "client and server share the same cores",
        },
        "data": {"scale": fixtures["scale"], "generated_in_s": fixtures["generated_in_s"]},
        "baseline": {"path": baseline_path, "runs": baselines, "rps": baseline_rps},
        "pages": rows,
    }
    markdown = to_markdown(data)
    print()
    print(markdown)
    written = write_results("bench", data, markdown)
    print(f"\nWritten: {written} and its JSON next to it.")
    failed = [row["name"] for row in rows if row.get("pass") is False]
    if failed:
        print(f"Below target: {', '.join(failed)}")


def show_queries(only):
    fixtures = setup_django()
    values = page_targets(fixtures)
    for page in load_pages():
        if only and only not in page["name"]:
            continue
        try:
            path = resolve(page, values)
        except LookupError as reason:
            print(f"## {page['name']}: {reason}")
            continue
        user = fixtures["users"].get(page["user"])
        status, queries = page_queries(path, session_cookie(user) if user else None)
        print(f"## {page['name']} ({path}, {page['user']}): {status}, {len(queries)} queries")
        for number, sql in enumerate(queries, 1):
            print(f"{number:3}. {sql}")
        print()


def check_pages(only, values, cookies):
    """Each page once: its path, status, size and query count; those that cannot be measured
    say why."""
    pages = load_pages()
    if only:
        pages = [p for p in pages if only in p["name"] or p.get("size_of_baseline")]
    rows, resolved = [], []
    for page in pages:
        row = {"name": page["name"], "user": page["user"], "target": page.get("target")}
        rows.append(row)
        try:
            row["path"] = resolve(page, values)
        except LookupError as reason:
            row["skipped"] = str(reason)
            continue
        cookie = cookies[page["user"]]
        status, body = fetch(row["path"], cookie)
        row["status"], row["page_bytes"] = status, len(body)
        if status != 200:
            row["skipped"] = f"answered {status} instead of 200"
            continue
        row["queries"] = len(page_queries(row["path"], cookie)[1])
        print(f"  {row['name']}: {row['queries']} queries, {len(body)} bytes", flush=True)
        resolved.append((page, row, cookie))
    return rows, resolved


def settings_summary(settings):
    return f"2 workers (sync), DEBUG={settings.DEBUG}, settings config.settings.bench"


def to_markdown(data):
    baseline = data["baseline"]
    lines = [
        f"Benchmark of {data['started_at']} — {data['machine']['cpus']} CPUs "
        f"({data['machine']['cpu_model']}), load average at start "
        f"{data['machine']['load_average_at_start'][0]:.1f}; cache: {data['setup']['cache']}; "
        f"database: {data['setup']['database']}; client: {data['setup']['client']}.",
        "",
        f"Baseline (bare Django view, {baseline['path']}): "
        + " / ".join(f"{run['rps']} req/s" for run in baseline["runs"])
        + f" (before / after), mean **{baseline['rps']} req/s**.",
        "",
        "| Page | User | Queries | Size (kB) | req/s | % of baseline | Target | "
        "p50 (ms) | p95 (ms) | p95/p50 | Errors | Result |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in data["pages"]:
        if "rps" not in row:
            lines.append(f"| {row['name']} | {row['user']} | | | | | | | | | | {row['skipped']} |")
            continue
        target = f"≥ {row['target']:.0%}" if row["target"] is not None else "—"
        size = row["page_bytes"] / 1000
        lines.append(
            f"| {row['name']} | {row['user']} | {row['queries']} | {size:.1f} | "
            f"{row['rps']} | {row['ratio']:.1%} | {target} | {row['p50_us'] / 1000:.0f} | "
            f"{row['p95_us'] / 1000:.0f} | {row['p95_us'] / max(row['p50_us'], 1):.1f} | "
            f"{row['errors']} | {'pass' if row['pass'] else '**FAIL**'} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
