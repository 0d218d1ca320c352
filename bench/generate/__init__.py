"""Fill a benchmark database with an association network's worth of data.

``python -m bench.generate [--scale N] [--fresh]``: migrate + bootstrap, then, at scale 1,
50 modules of 8 lessons (French, published English translations), 5,165 accounts, 100
cohorts, 100,000 completed lessons, 20,000 quiz attempts, 200 practice groups, 5,000
reflective entries and 1,000 session and co-development records; ``--scale 10`` makes ten
times as many of each (51,650 accounts, 500 modules, 2,000 groups, 50,000 entries), in its
own database. Rows and pages are written in bulk (``pages.add_children``); a database
generated with the same scale and generator version is reused.
"""

import argparse
import hashlib
import io
import json
import os
import random
import resource
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent.parent
# At scale 1; ``scaled`` multiplies what grows with the network.
BASE = {
    "modules": 50,
    "lessons_per_module": 8,
    "quiz_lessons": (3, 7),  # lesson indexes with a quiz
    "members": 5000,
    "trainers": 60,
    "supervisors": 100,
    "coordinators": 5,
    "cohorts": 100,
    "report_cohort_learners": 100,
    "cohort_learners": 50,
    "completions": 100_000,
    "quiz_attempts": 20_000,
    "groups": 200,
    "entries": 5000,
    "records": 1000,
    "seed": 7,
}
FIXED = {"lessons_per_module", "quiz_lessons", "report_cohort_learners", "cohort_learners", "seed"}
GENERATOR_VERSION = 4
LEARNERS_FOR_LOAD = 400  # members with fixed names, used by the load test
SUPERVISORS_FOR_LOAD = 20


def scaled(scale):
    return {key: value if key in FIXED else value * scale for key, value in BASE.items()}


def database_url(scale):
    """The database of ``scale``: its own SQLite file under var/bench/ by default; with
    ``DATABASE_URL`` set, that URL with ``{scale}`` replaced, or, for a server database
    named without it, a database of its own beside it (``…/entrepairs_x1``), so that bench
    data never lands in the database that the URL names."""
    folder = ROOT / "var" / "bench"
    default = f"sqlite:///{folder}/bench-x{{scale}}.sqlite3"
    # The URL as given, kept aside: a process of the runner gets both and resolves alike.
    url = os.environ.get("BENCH_BASE_DATABASE_URL") or os.environ.get("DATABASE_URL", default)
    if "{scale}" not in url and not url.startswith("sqlite"):
        parts = urlsplit(url)
        url = urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_x{scale}"))
    return url.replace("{scale}", str(scale))


def environment(scale):
    """The variables that give a process (this one, a gunicorn) the data of this scale."""
    folder = ROOT / "var" / "bench"
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "DATABASE_URL": database_url(scale),
        "BENCH_BASE_DATABASE_URL": os.environ.get("BENCH_BASE_DATABASE_URL")
        or os.environ.get("DATABASE_URL", ""),
        "CACHE_DIR": str(folder / f"cache-x{scale}"),
        "BENCH_SCALE": str(scale),
    }


def fixtures_path(scale):
    """What was generated for ``scale`` in this database: one file per database, so that
    the SQLite data's ids are never looked for in PostgreSQL (LessonPage.DoesNotExist)."""
    url = database_url(scale)
    if url.startswith("sqlite"):
        return ROOT / "var" / "bench" / f"fixtures-x{scale}.json"
    key = hashlib.sha256(url.encode()).hexdigest()[:10]
    return ROOT / "var" / "bench" / f"fixtures-x{scale}-{key}.json"


def create_database(url):
    """Create the PostgreSQL database of ``url`` when the server has none of that name."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    conninfo = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(conninfo, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created the PostgreSQL database {name}.", flush=True)


def matches(fixtures):
    """Whether this database holds the data that ``fixtures`` describes."""
    from courses.models import CoursePage, LessonPage

    return (
        LessonPage.objects.filter(pk=fixtures["lesson_id"]).exists()
        and CoursePage.objects.filter(pk=fixtures["course_id"]).exists()
    )


class Clock:
    """Prints each step with its duration, and the total."""

    def __init__(self):
        self.start = self.last = time.monotonic()
        self.steps = {}

    def step(self, name):
        now = time.monotonic()
        self.steps[name] = round(now - self.last, 1)
        print(f"  {name}: {now - self.last:.1f} s", flush=True)
        self.last = now

    @property
    def total(self):
        return round(time.monotonic() - self.start, 1)

    @property
    def cpu(self):
        """CPU seconds of this process: on a shared machine, the wall clock says little."""
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return round(usage.ru_utime + usage.ru_stime, 1)


def setup(scale):
    """Point this process at the data of ``scale`` and set Django up."""
    os.environ.update(environment(scale))
    if os.environ["DATABASE_URL"].startswith("postgres"):
        create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="1: 5,165 accounts; 10: 51,650")
    parser.add_argument("--fresh", action="store_true", help="delete and rebuild the database")
    args = parser.parse_args(argv)
    return load_or_generate(args.scale, args.fresh)


def load_or_generate(scale, fresh=False):
    setup(scale)
    from django.conf import settings
    from django.core.management import call_command

    Path(settings.BENCH_DIR).mkdir(parents=True, exist_ok=True)
    database = settings.DATABASES["default"]
    existing = fixtures_path(scale)
    if not fresh and existing.exists():
        fixtures = json.loads(existing.read_text())
        if fixtures.get("version") == GENERATOR_VERSION:
            print(f"Reusing the {scale}x database ({fixtures['generated_in_s']} s to generate).")
            # Code may have new migrations since the data was made (new indexes, columns).
            call_command("migrate", "--noinput", verbosity=0)
            if matches(fixtures):
                return fixtures
            print(f"The {scale}x database does not hold the data of {existing}: regenerating.")
    existing.unlink(missing_ok=True)
    if database["ENGINE"].endswith("sqlite3"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database['NAME']}{suffix}").unlink(missing_ok=True)
    elif not empty():
        sys.exit(
            f"The {scale}x database {database['NAME']} already holds data that no fixtures "
            "file describes: drop it (DROP DATABASE) and run again."
        )
    fixtures = generate(scale)
    existing.write_text(json.dumps(fixtures, indent=2))
    print(
        f"Generated {scale}x in {fixtures['generated_in_s']} s "
        f"({fixtures['generation_cpu_s']} s of CPU) -> {existing}"
    )
    return fixtures


def empty():
    """Whether the (server) database holds none of the generator's accounts yet."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    return not get_user_model().objects.filter(username__startswith="bench-").exists()


def generate(scale):
    from django.core.cache import cache
    from django.core.management import call_command

    from .fixtures import describe
    from .modules import make_modules
    from .people import make_cohorts, make_learning, make_users
    from .practice import make_entries, make_groups, make_records

    numbers = scaled(scale)
    rng = random.Random(numbers["seed"])
    clock = Clock()
    print(f"Generating the {scale}x benchmark database:", flush=True)
    call_command("migrate", "--noinput", verbosity=0)
    call_command("bootstrap", stdout=io.StringIO())
    cache.clear()
    clock.step("migrate + bootstrap")
    modules = make_modules(numbers, clock)
    users = make_users(numbers, rng, clock)
    cohorts = make_cohorts(numbers, rng, clock, users, modules)
    make_learning(numbers, rng, clock, users, modules, cohorts)
    groups = make_groups(numbers, clock, users)
    make_entries(numbers, clock, groups)
    make_records(numbers, clock, groups)
    cache.clear()
    clock.step("cache cleared")
    fixtures = describe(users, modules, cohorts)
    fixtures.update(
        version=GENERATOR_VERSION,
        scale=scale,
        numbers=numbers,
        generated_in_s=clock.total,
        generation_cpu_s=clock.cpu,
        steps_s=clock.steps,
    )
    return fixtures
