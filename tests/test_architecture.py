"""The floors of docs/architecture.md stay: no app imports upward, no module grows too long."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# The apps are import-linter's root packages (pyproject.toml): one list, in one place.
APPS = PYPROJECT["tool"]["importlinter"]["root_packages"]
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


def test_every_app_is_under_the_floors_contract():
    """An app of INSTALLED_APPS missing from import-linter's root packages escapes the
    contract and the length check above."""
    from django.conf import settings

    ours = {
        app.split(".")[0] for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0]).is_dir()
    }
    assert ours <= set(APPS), (
        f"add to [tool.importlinter] root_packages: {sorted(ours - set(APPS))}"
    )


def test_every_app_s_tests_are_part_of_the_suite():
    """`make test` runs pytest's testpaths (pyproject.toml): an app left out of them has
    tests that neither CI nor anyone runs."""
    testpaths = set(PYPROJECT["tool"]["pytest"]["ini_options"]["testpaths"])
    with_tests = {app for app in APPS if (ROOT / app / "tests").is_dir()}
    assert with_tests <= testpaths, f"add to testpaths: {sorted(with_tests - testpaths)}"
    assert "tests" in testpaths
