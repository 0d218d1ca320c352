"""``make bench``: the pages of bench/pages.toml side by side with a truly bare Django view
served by its own gunicorn, and with the same view through the site's middleware, in the
same interleaved rounds, at one or several data scales; throughput, latency and the CPU
time per request of the server processes.

Every server gets the same treatment: gunicorn, 2 sync workers, on 127.0.0.1. The load
client is wrk (C, two threads, 8 connections): it needs far less CPU than the servers,
which matters on a machine where client and servers share the cores. A round measures
every target once (bare view first); shares are a page's throughput over the bare view's,
in the same run.
"""

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.procstat import CpuMeter, children, rss_mb
from bench.report import summarise, to_markdown
from bench.server import ROOT, ServerError, Services, fetch, free_port, write_results

LUA = Path(__file__).resolve().parent / "wrk_report.lua"
CONNECTIONS = 8
FIRST_REQUEST_PAGES = ("lesson", "catalogue")
SEQUENCE = itertools.count()


def wrk(url, cookie, seconds):
    command = [shutil.which("wrk"), "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s"]
    command += ["--timeout", "30s", "-s", str(LUA)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    data = json.loads(re.search(r"^WRK_JSON (.*)$", output, re.MULTILINE).group(1))
    data["bytes_transferred"] = data.pop("bytes")
    data["rps"] = round(data["requests"] / (data["duration_us"] / 1e6), 1)
    data["errors"] = data["socket_errors"] + data["status_errors"] + data["timeouts"]
    return data


def prepare(services, scale, args, *extra):
    """Run bench.prepare for this scale in its own process; its JSON, or None."""
    env = services.site_environment(scale)
    command = [sys.executable, "-m", "bench.prepare", "--scale", str(scale), *extra]
    if "--publish" in extra:
        subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return None
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command += ["--out", out.name] + (["--fresh"] if args.fresh else [])
        command += ["--only", args.only] if args.only else []
        subprocess.run(command, env=env, cwd=ROOT, check=True)
        return json.loads(Path(out.name).read_text())


class Target:
    def __init__(self, name, scale, server, path, cookie=None, page=None):
        self.name, self.scale, self.server, self.path, self.cookie = (
            name,
            scale,
            server,
            path,
            cookie,
        )
        self.page = page or {}
        self.runs = []


def measure(target, meter_pids, seconds, warmup):
    url = target.server.url + target.path
    if warmup:
        wrk(url, target.cookie, warmup)
    meter = CpuMeter({"server": target.server.pid, **meter_pids})
    before = meter.read()
    data = wrk(url, target.cookie, seconds)
    data["cpu_s"] = {k: round(v, 3) for k, v in meter.spent(before, meter.read()).items()}
    data["sequence"] = next(SEQUENCE)
    target.runs.append(data)
    cpu = sum(data["cpu_s"].values()) * 1000 / max(data["requests"], 1)
    label = f"{target.name} ({target.scale}x)" if target.scale else target.name
    print(
        f"  {label}: {data['rps']} req/s, {cpu:.2f} ms CPU/request, p50 "
        f"{data['p50_us'] / 1000:.0f} ms, p95 {data['p95_us'] / 1000:.0f} ms, "
        f"errors {data['errors']}",
        flush=True,
    )


def first_requests(services, site, scale, target, meter_pids, args):
    """CPU (ms, server and database) and wall time of the first request after a publish."""
    runs = []
    for _ in range(args.publishes):
        prepare(services, scale, args, "--publish")
        meter = CpuMeter({"server": site.pid, **meter_pids})
        before, started = meter.read(), time.perf_counter()
        status, _body = fetch(site.url + target.path, target.cookie)
        wall = time.perf_counter() - started
        cpu = sum(meter.spent(before, meter.read()).values())
        runs.append(
            {"status": status, "cpu_ms": round(cpu * 1000, 1), "wall_ms": round(wall * 1000, 1)}
        )
        fetch(site.url + target.path, target.cookie)  # the other worker, if it gets it
    print(f"  first {target.name} after a publish ({scale}x): {runs}", flush=True)
    return runs


def machine():
    import django

    import wagtail

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "",
    )
    memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {
        "cpus": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "load_average_at_start": list(os.getloadavg()),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=os.environ.get("SCALE", "1"), help="e.g. 1 or 1,10")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8, help="measured seconds per target")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds (first round)")
    parser.add_argument(
        "--bare-every", type=int, default=3, help="measure the bare view before every N pages"
    )
    parser.add_argument("--publishes", type=int, default=3, help="first requests measured")
    parser.add_argument("--fresh", action="store_true", help="regenerate the databases")
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    parser.add_argument("--queries", action="store_true", help="print each page's SQL only")
    args = parser.parse_args(argv)
    scales = [int(s) for s in re.split(r"[ ,]+", args.scales.strip()) if s]
    services = Services()
    if args.queries:
        for scale in scales:
            command = [sys.executable, "-m", "bench.prepare", "--scale", str(scale), "--queries"]
            subprocess.run(
                command + (["--only", args.only] if args.only else []),
                env=services.site_environment(scale),
                cwd=ROOT,
                check=True,
            )
        return
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: bash scripts/install-system-deps.sh wrk")
    started = time.time()
    load_at_start = list(os.getloadavg())
    try:
        services.start_cache()
        prepared = {scale: prepare(services, scale, args) for scale in scales}
        print("Starting the servers:", flush=True)
        bare = services.start_bare()
        sites = {
            s: services.start_site(s, None if i == 0 else free_port()) for i, s in enumerate(scales)
        }
        sized = next(
            (
                p["page_bytes"]
                for p in prepared[scales[0]]["pages"]
                if p["size_of_baseline"] and "page_bytes" in p
            ),
            20000,
        )
        reference = f"/bench/baseline/?bytes={sized}"
        db_pids = {}
        db_pid = next((p["db_pid"] for p in prepared.values() if p.get("db_pid")), None)
        if db_pid:
            db_pids["database"] = db_pid  # the postmaster: its backends are its children
        if services.redis_pid:
            db_pids["redis"] = services.redis_pid
        targets = [
            Target("bare Django", None, bare, reference),
            Target("middleware only", scales[0], sites[scales[0]], reference),
        ]
        for scale in scales:
            for page in prepared[scale]["pages"]:
                if "skipped" not in page:
                    targets.append(
                        Target(
                            page["name"], scale, sites[scale], page["path"], page["cookie"], page
                        )
                    )
        print(
            f"Measuring with wrk, {CONNECTIONS} connections, {args.rounds} rounds of "
            f"{args.seconds} s per target:",
            flush=True,
        )
        bare_view, others = targets[0], targets[1:]
        for number in range(args.rounds):
            print(f"Round {number + 1}:", flush=True)
            warmup = args.warmup if number == 0 else 1
            for index, target in enumerate(others):
                # The bare view before every few pages: each page is compared with the bare
                # runs just before and just after it, minutes apart at most.
                if index % args.bare_every == 0:
                    measure(bare_view, db_pids, args.seconds, warmup)
                measure(target, db_pids, args.seconds, warmup)
        measure(bare_view, db_pids, args.seconds, 1)  # the bare view closes the last round
        first = {}
        for scale in scales:
            for target in targets:
                if target.scale == scale and target.name in FIRST_REQUEST_PAGES:
                    runs = first_requests(services, sites[scale], scale, target, db_pids, args)
                    first[f"{target.name} {scale}"] = runs
        memory = {
            scale: [rss_mb(worker) for worker in children(site.pid)]
            for scale, site in sites.items()
        }
        memory["bare"] = [rss_mb(worker) for worker in children(bare.pid)]
    finally:
        services.stop()
    data = {
        "kind": "bench",
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "duration_s": round(time.time() - started),
        "machine": {**machine(), "load_average_at_start": load_at_start},
        "setup": {
            "server": "gunicorn, 2 sync workers each (bare Django, the site at each scale)",
            "cache": services.cache,
            "database": prepared[scales[0]].get("database", "see DATABASE_URL (SQLite by default)"),
            "client": f"wrk -t2 -c{CONNECTIONS}; {args.rounds} rounds of {args.seconds} s per "
            f"target, {args.warmup} s warm-up in the first round, 1 s in the others",
            "note": "client and servers share the same cores: figures are same-run shares",
        },
        "data": {str(s): {k: v for k, v in p.items() if k != "pages"} for s, p in prepared.items()},
        "scales": scales,
        "skipped": {
            str(scale): [
                {"name": p["name"], "skipped": p["skipped"]}
                for p in info["pages"]
                if "skipped" in p
            ]
            for scale, info in prepared.items()
        },
        "reference_path": reference,
        "targets": [
            {
                "name": t.name,
                "scale": t.scale,
                "path": t.path,
                "runs": t.runs,
                **{k: v for k, v in t.page.items() if k not in ("cookie", "name")},
            }
            for t in targets
        ],
        "first_request_after_publish": first,
        "worker_rss_mb": {str(k): v for k, v in memory.items()},
    }
    data["summary"] = summarise(data)
    markdown = to_markdown(data)
    print()
    print(markdown)
    written = write_results("bench", data, markdown)
    print(f"\nWritten: {written} and its JSON next to it.")


if __name__ == "__main__":
    try:
        main()
    except ServerError as error:
        sys.exit(f"bench: {error}")
