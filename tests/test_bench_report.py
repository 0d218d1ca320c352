"""The bench's summary and table (bench/report.py): a run with ``--publishes 0`` measured no
first request after a publish, and says so instead of failing at the end of the run."""

from bench.report import summarise, to_markdown


def run(sequence, rps, cpu_s=1.0):
    return {
        "sequence": sequence,
        "requests": 1000,
        "rps": rps,
        "cpu_s": {"server": cpu_s},
        "p50_us": 2000,
        "p95_us": 4000,
        "errors": 0,
    }


def bench_data(first_runs):
    return {
        "started_at": "2026-12-06T00:00:00Z",
        "duration_s": 60,
        "machine": {"cpus": 2, "cpu_model": "test", "load_average_at_start": [0.5, 0.5, 0.5]},
        "setup": {
            "cache": "redis",
            "database": "sqlite",
            "server": "gunicorn",
            "client": "wrk",
            "note": "same-run shares",
        },
        "data": {
            "1": {
                "counts": {"accounts": 10, "pages": 8},
                "generated_in_s": 1,
                "generation_cpu_s": 1,
            }
        },
        "scales": [1],
        "reference_path": "/bare/",
        "targets": [
            {"name": "bare Django", "scale": None, "runs": [run(0, 1000.0), run(2, 1000.0)]},
            {"name": "lesson", "scale": 1, "target": 0.1, "runs": [run(1, 100.0, cpu_s=10.0)]},
        ],
        "first_request_after_publish": {"lesson 1": first_runs},
        "worker_rss_mb": {"1": [80, 81], "bare": [30, 31]},
    }


def test_no_publish_measured_is_reported_as_not_measured():
    data = bench_data([])
    data["summary"] = summarise(data)
    assert data["summary"]["first"]["lesson 1"]["cpu_ms_median"] is None
    table = to_markdown(data)
    assert "| lesson | 1x | not measured | not measured | |" in table
    # The rest of the report stands.
    assert "| lesson | 1x | — |  |  | 100.0 | 10.0% |" in table


def test_publishes_measured_give_their_medians():
    runs = [{"status": 200, "cpu_ms": cpu, "wall_ms": cpu + 5} for cpu in (90.0, 120.0, 60.0)]
    data = bench_data(runs)
    data["summary"] = summarise(data)
    assert data["summary"]["first"]["lesson 1"] == {
        "cpu_ms_median": 90.0,
        "wall_ms_median": 95.0,
        "statuses": [200],
    }
    assert "| lesson | 1x | 90 | 95 | 200 |" in to_markdown(data)
