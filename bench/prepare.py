"""The runner's helper for one scale, in a process of its own (Django can be set up for one
database only): ``python -m bench.prepare --scale N``

- (default) generates or reuses the data, creates the members' sessions, and checks each
  page of bench/pages.toml once in-process: status, size, number of queries; writes JSON;
- ``--publish``: publishes a new revision of one module, as an editor would, and exits;
- ``--queries [--only NAME]``: prints each page's SQL.
"""

import argparse
import json

from bench.generate import load_or_generate
from bench.site import get, load_pages, member_cookies, resolve, targets

ROLES = ("learner", "trainer", "supervisor", "coordinator")


def check(fixtures, only):
    import logging

    # A page that fails is reported with its status, without its traceback.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    values = targets(fixtures)
    cookies = {"anonymous": None, **{r: member_cookies(fixtures["users"][r]) for r in ROLES}}
    rows = []
    for page in load_pages():
        if only and only not in page["name"] and not page.get("size_of_baseline"):
            continue
        row = {"name": page["name"], "user": page["user"], "target": page.get("target")}
        row["size_of_baseline"] = bool(page.get("size_of_baseline"))
        rows.append(row)
        try:
            row["path"] = resolve(page, values)
        except LookupError as reason:
            row["skipped"] = str(reason)
            continue
        row["cookie"] = cookies[page["user"]]
        status, size, queries = get(row["path"], row["cookie"])
        row.update(status=status, page_bytes=size, queries=len(queries))
        if status != 200:
            row["skipped"] = f"answered {status} instead of 200"
    return rows


def publish(fixtures):
    """A new revision of the bench's first module, published (signals and all)."""
    from courses.models import CoursePage

    course = CoursePage.objects.get(pk=fixtures["course_id"])
    course.summary = course.summary.rstrip(".") + "."
    course.save_revision().publish()


def show_queries(fixtures, only):
    values = targets(fixtures)
    for page in load_pages():
        if only and only not in page["name"]:
            continue
        try:
            path = resolve(page, values)
        except LookupError as reason:
            print(f"## {page['name']}: {reason}")
            continue
        user = fixtures["users"].get(page["user"])
        status, _size, queries = get(path, member_cookies(user) if user else None)
        print(f"## {page['name']} ({path}, {page['user']}): {status}, {len(queries)} queries")
        for number, sql in enumerate(queries, 1):
            print(f"{number:3}. {sql}")
        print()


def database():
    """(the database's vendor, the process id of its server when it runs on this machine)."""
    from pathlib import Path

    from django.db import connection

    if connection.vendor != "postgresql":
        return connection.vendor, None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    stat = Path(f"/proc/{backend}/stat")
    if not stat.exists():  # another machine
        return connection.vendor, None
    return connection.vendor, int(stat.read_text().rsplit(")", 1)[1].split()[1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--only")
    parser.add_argument("--out", help="write the pages' JSON here")
    parser.add_argument("--publish", action="store_true")
    parser.add_argument("--queries", action="store_true")
    args = parser.parse_args(argv)
    fixtures = load_or_generate(args.scale, args.fresh)
    if args.publish:
        return publish(fixtures)
    if args.queries:
        return show_queries(fixtures, args.only)
    data = {
        "scale": args.scale,
        "generated_in_s": fixtures["generated_in_s"],
        "generation_cpu_s": fixtures["generation_cpu_s"],
        "counts": fixtures["counts"],
        "numbers": fixtures["numbers"],
        "database": database()[0],
        "db_pid": database()[1],
        "pages": check(fixtures, args.only),
    }
    with open(args.out, "w") as out:
        json.dump(data, out)


if __name__ == "__main__":
    main()
