"""The bench's figures from its runs: shares of the bare view, CPU per request, the 10x/1x
ratios, the first request after a publish, worker memory; and the Markdown table."""

from statistics import mean, median

P95_LIMIT = 5  # p95 must stay below 5 times p50


def figures(target):
    runs = target["runs"]
    requests = sum(run["requests"] for run in runs)
    cpu = {}
    for run in runs:
        for name, seconds in run["cpu_s"].items():
            cpu[name] = cpu.get(name, 0) + seconds
    return {
        "rps": round(mean(run["rps"] for run in runs), 1),
        "rps_by_round": [run["rps"] for run in runs],
        "cpu_ms": round(sum(cpu.values()) * 1000 / max(requests, 1), 3),
        "cpu_ms_by_process": {k: round(v * 1000 / max(requests, 1), 3) for k, v in cpu.items()},
        "p50_ms": round(median(run["p50_us"] for run in runs) / 1000, 1),
        "p95_ms": round(max(run["p95_us"] for run in runs) / 1000, 1),
        "errors": sum(run["errors"] for run in runs),
    }


def bracketing(bare_runs, sequence):
    """The bare view's throughput around a run: the mean of the bare runs just before and
    just after it."""
    before = [run for run in bare_runs if run["sequence"] < sequence]
    after = [run for run in bare_runs if run["sequence"] > sequence]
    near = ([before[-1]] if before else []) + ([after[0]] if after else [])
    return mean(run["rps"] for run in near)


def summarise(data):
    targets = data["targets"]
    bare = figures(targets[0])
    bare_runs = sorted(targets[0]["runs"], key=lambda run: run["sequence"])
    rows = [{"name": targets[0]["name"], "scale": None, **bare, "share": 1.0, "cpu_share": 1.0}]
    rows[0].update(share_by_round=[], reference=True, **{"pass": None})
    for target in targets[1:]:
        row = {"name": target["name"], "scale": target["scale"], **figures(target)}
        for key in ("user", "queries", "page_bytes", "target"):
            row[key] = target.get(key)
        references = [bracketing(bare_runs, run["sequence"]) for run in target["runs"]]
        row["bare_rps_around"] = [round(r, 1) for r in references]
        row["share"] = round(row["rps"] / mean(references), 4)
        row["share_by_round"] = [
            round(run["rps"] / ref, 4) for run, ref in zip(target["runs"], references, strict=True)
        ]
        row["cpu_share"] = round(bare["cpu_ms"] / row["cpu_ms"], 4) if row["cpu_ms"] else None
        if target["name"] == "middleware only":
            row["reference"], row["pass"] = True, None
            rows.append(row)
            continue
        checks = [row["p95_ms"] < P95_LIMIT * max(row["p50_ms"], 0.1), row["errors"] == 0]
        if row.get("target") is not None:
            checks.append(row["share"] >= row["target"])
        row["pass"] = all(checks)
        rows.append(row)
    scales = data["scales"]
    ratios = {}
    if len(scales) > 1:
        low, high = scales[0], scales[-1]
        by_key = {(row["name"], row["scale"]): row for row in rows}
        for row in rows:
            other = by_key.get((row["name"], low))
            if row["scale"] == high and other:
                ratios[row["name"]] = {
                    "rps": round(row["rps"] / other["rps"], 3),
                    "cpu_ms": round(row["cpu_ms"] / other["cpu_ms"], 3),
                }
    # `--publishes 0` measures no first request: its figures are None, "not measured".
    first = {
        key: {
            "cpu_ms_median": median(run["cpu_ms"] for run in runs) if runs else None,
            "wall_ms_median": median(run["wall_ms"] for run in runs) if runs else None,
            "statuses": sorted({run["status"] for run in runs}),
        }
        for key, runs in data["first_request_after_publish"].items()
    }
    return {"bare": bare, "rows": rows, "ratios": ratios, "first": first}


def to_markdown(data):
    summary, setup, machine = data["summary"], data["setup"], data["machine"]
    bare = summary["bare"]
    scales = data["scales"]
    lines = [
        f"Benchmark of {data['started_at']} ({data['duration_s']} s) — {machine['cpus']} CPUs "
        f"({machine['cpu_model']}), load average at start "
        f"{machine['load_average_at_start'][0]:.1f}; cache: {setup['cache']}; database: "
        f"{setup['database']}; {setup['server']}; client: {setup['client']}. "
        f"{setup['note']}.",
        "",
        f"Reference: a bare Django view in its own process ({data['reference_path']}, no "
        f"middleware, no app): **{bare['rps']} req/s** (rounds: "
        + ", ".join(f"{r:g}" for r in bare["rps_by_round"])
        + f"), **{bare['cpu_ms']:.2f} ms of CPU per request**. A page's share of bare is "
        "its throughput over the bare view's measured just before and just after it; its CPU "
        "share is the bare view's CPU per request over the page's (the server processes', "
        "database and Redis included when they have their own), which the other jobs on the "
        "machine disturb far less.",
        "",
        "| Page | Scale | User | Queries | Size (kB) | req/s | Share of bare | Share by round "
        "| CPU ms/request | CPU share | Target | p50 (ms) | p95 (ms) | Errors | Result |",
        "|---|--:|---|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for row in summary["rows"]:
        target = f"≥ {row['target']:.0%}" if row.get("target") is not None else "—"
        size = f"{row['page_bytes'] / 1000:.1f}" if row.get("page_bytes") else ""
        by_round = " / ".join(f"{s:.1%}" for s in row["share_by_round"]) or "—"
        result = {None: "reference", True: "pass", False: "**FAIL**"}[row["pass"]]
        cpu = f"{row['cpu_ms']:.2f}"
        scale = f"{row['scale']}x" if row["scale"] else "—"
        queries = "" if row.get("queries") is None else row["queries"]
        if len(row["cpu_ms_by_process"]) > 1:
            cpu += (
                " (" + ", ".join(f"{k} {v:.2f}" for k, v in row["cpu_ms_by_process"].items()) + ")"
            )
        lines.append(
            f"| {row['name']} | {scale} | {row.get('user') or '—'} | {queries} | "
            f"{size} | {row['rps']} | {row['share']:.1%} | {by_round} | {cpu} | "
            f"{row['cpu_share']:.1%} | {target} | {row['p50_ms']:.0f} | {row['p95_ms']:.0f} | "
            f"{row['errors']} | {result} |"
        )
    if summary["ratios"]:
        low, high = scales[0], scales[-1]
        lines += [
            "",
            f"**{high}x against {low}x**, same rounds (throughput ratio; CPU per request ratio):",
            "",
            f"| Page | req/s {high}x/{low}x | CPU/request {high}x/{low}x |",
            "|---|--:|--:|",
        ]
        for name, ratio in summary["ratios"].items():
            lines.append(f"| {name} | {ratio['rps']:.2f} | {ratio['cpu_ms']:.2f} |")
    if summary["first"]:
        lines += [
            "",
            "**First request after a publish of one module** (median of "
            "the runs; CPU of the site's processes, and the database's when it has its own):",
            "",
            "| Page | Scale | CPU (ms) | Wall (ms) | Status |",
            "|---|--:|--:|--:|---|",
        ]
        for key, first in summary["first"].items():
            name, scale = key.rsplit(" ", 1)
            if first["cpu_ms_median"] is None:
                lines.append(f"| {name} | {scale}x | not measured | not measured | |")
                continue
            lines.append(
                f"| {name} | {scale}x | {first['cpu_ms_median']:.0f} | "
                f"{first['wall_ms_median']:.0f} | {', '.join(map(str, first['statuses']))} |"
            )
    memory = data["worker_rss_mb"]
    lines += [
        "",
        "**Worker memory** (resident, MB, each of the 2 workers at the end of the run): "
        + "; ".join(
            f"{'bare Django' if key == 'bare' else f'site {key}x'} {', '.join(map(str, values))}"
            for key, values in memory.items()
        )
        + ".",
    ]
    gen = [
        f"{scale}x: {info['counts'].get('accounts', '?')} accounts, {info['counts']['pages']} "
        f"lesson pages, generated in {info['generated_in_s']} s "
        f"({info['generation_cpu_s']} s of CPU)"
        for scale, info in data["data"].items()
    ]
    lines += ["", "Data: " + "; ".join(gen) + "."]
    notes = [
        f"{page['name']} ({scale}x): {page['skipped']}"
        for scale, info in data.get("skipped", {}).items()
        for page in info
    ]
    if notes:
        lines += ["", "Not measured: " + "; ".join(notes) + "."]
    return "\n".join(lines)
