"""The floors of docs/architecture.md stay: no app imports upward, no module grows too long."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "config",
    "setup",
    "search",
    "gatherings",
    "practice_analysis",
    "courses",
    "accounts",
    "home",
    "privacy",
]
# A module past this is doing more than one thing (docs/architecture.md, "Floors").
MAX_LINES = 500


def test_no_app_imports_a_floor_above_it():
    """import-linter's contract in pyproject.toml; function-level imports count too."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports;"
            "sys.exit(lint_imports(no_cache=True, no_logo=True))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def hand_written_modules():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts:
                continue
            yield path


def test_no_hand_written_module_is_too_long():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in hand_written_modules()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"
