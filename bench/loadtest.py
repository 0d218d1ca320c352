"""``make loadtest``: 50 virtual members mixing journeys for 60 seconds against gunicorn.

Learners read the catalogue and lessons, submit quizzes, open "My learning" and save the
draft of a reflective entry; supervisors open their queue. Every POST carries the CSRF
token of the form it comes from, as a browser's would. Any answer that is not 2xx or 3xx,
and any timeout, is an error: the run passes with none. The client is asyncio + httpx in
one process (it shares the two cores with the server: noted in the results).
"""

import argparse
import asyncio
import random
import re
import sys
import time
import uuid
from collections import defaultdict
from statistics import quantiles

import httpx

from bench.server import Services, base_url, session_cookie, setup_django, write_results

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUPERVISORS = 5


def prepare(fixtures, learners):
    """Each virtual member's session and the URLs and form data of their journeys."""
    from django.urls import reverse
    from django.utils import translation

    from courses.factories import right_answers
    from courses.models import CoursePage, Enrollment, LessonPage
    from practice_analysis.models import ReflectiveEntry
    from practice_analysis.services import member_groups
    from setup.site_tree import section_pages

    members = []
    with translation.override("fr"):
        catalogue = section_pages("courses")[0].url
        for username in fixtures["users"]["load_learners"][:learners]:
            cookie = session_cookie(username)
            user_id = int(cookie_user(username))
            enrollment = Enrollment.objects.filter(user_id=user_id).order_by("pk").first()
            course = CoursePage.objects.get(
                translation_key=enrollment.course_key, locale__language_code="fr"
            )
            lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
            quiz_lesson = next(lesson for lesson in lessons if lesson.quiz is not None)
            entry = draft_entry(user_id, member_groups, ReflectiveEntry)
            members.append(
                {
                    "kind": "learner",
                    "cookie": cookie,
                    "catalogue": catalogue,
                    "lessons": [lesson.url for lesson in lessons],
                    "quiz_lesson": quiz_lesson.url,
                    "answers": right_answers(quiz_lesson),
                    "entry_edit": reverse("entry_edit", args=[entry.pk]),
                    "entry_autosave": reverse("entry_autosave", args=[entry.pk]),
                    "entry_data": entry_form_data(entry),
                }
            )
        for username in fixtures["users"]["load_supervisors"][:SUPERVISORS]:
            members.append(
                {"kind": "supervisor", "cookie": session_cookie(username), "catalogue": catalogue}
            )
    return members


def cookie_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username).pk


def draft_entry(user_id, member_groups, model):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=user_id)
    # Titles are encrypted at rest: they are compared once read, not in SQL.
    drafts = model.objects.filter(author=user, state=model.DRAFT).order_by("pk")
    entry = next((draft for draft in drafts if draft.title.startswith("Brouillon")), None)
    return entry or model.objects.create(
        author=user,
        group=member_groups(user).first(),
        title="Brouillon : un échange au téléphone",
        description="Un membre m'a appelé pour parler de sa semaine.",
    )


def entry_form_data(entry):
    return {
        "group": str(entry.group_id),
        "title": entry.title,
        "setting": "phone",
        "situation_month": "2026-09",
        "description": entry.description,
        "feelings": "De l'inquiétude, puis du soulagement.",
        "evaluation": "",
        "analysis": "",
        "conclusion": "",
        "action_plan": "",
        "question_for_supervisor": "",
    }


class Stats:
    def __init__(self):
        self.latencies = defaultdict(list)
        self.errors = defaultdict(list)

    def record(self, name, started, status=None, error=None):
        self.latencies[name].append(time.perf_counter() - started)
        if error is not None or status is None or status >= 400:
            self.errors[name].append(error or f"HTTP {status}")


async def request(client, stats, name, method, url, **kwargs):
    started = time.perf_counter()
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.HTTPError as error:
        stats.record(name, started, error=type(error).__name__)
        return None
    stats.record(name, started, response.status_code)
    return response


async def post_form(client, stats, name, page_url, action, data):
    """GET the page of the form, then POST with its CSRF token, as a browser does."""
    page = await request(client, stats, f"{name} (form)", "GET", page_url)
    if page is None or page.status_code != 200:
        return
    token = CSRF.search(page.text)
    if token is None:
        stats.errors[name].append("no CSRF token in the form's page")
        return
    await request(
        client, stats, name, "POST", action, data={**data, "csrfmiddlewaretoken": token.group(1)}
    )


async def learner_journey(client, stats, member, rng):
    choice = rng.choices(
        ["catalogue", "lesson", "quiz submit", "my learning", "entry draft save"],
        weights=[2, 4, 1, 2, 1],
    )[0]
    if choice == "catalogue":
        await request(client, stats, choice, "GET", member["catalogue"])
    elif choice == "lesson":
        await request(client, stats, choice, "GET", rng.choice(member["lessons"]))
    elif choice == "my learning":
        await request(client, stats, choice, "GET", member["my_learning"])
    elif choice == "quiz submit":
        data = dict(member["answers"])
        data["submission"] = str(uuid.uuid4())  # a new form each time: a new attempt
        url = member["quiz_lesson"]
        await post_form(client, stats, choice, url, url + "quiz/", data)
    else:
        await post_form(
            client,
            stats,
            choice,
            member["entry_edit"],
            member["entry_autosave"],
            member["entry_data"],
        )


async def supervisor_journey(client, stats, member, rng):
    if rng.random() < 0.75:
        await request(client, stats, "supervisor queue", "GET", member["queue"])
    else:
        await request(client, stats, "catalogue", "GET", member["catalogue"])


async def virtual_member(member, stats, deadline, think, seed):
    rng = random.Random(seed)
    name, value = member["cookie"].split("=", 1)
    async with httpx.AsyncClient(
        base_url=base_url(), cookies={name: value}, timeout=60, follow_redirects=False
    ) as client:
        journey = learner_journey if member["kind"] == "learner" else supervisor_journey
        while time.monotonic() < deadline:
            await journey(client, stats, member, rng)
            await asyncio.sleep(rng.uniform(*think))


async def run(members, seconds, spawn_rate, think):
    stats = Stats()
    deadline = time.monotonic() + seconds
    tasks = []
    for index, member in enumerate(members):
        tasks.append(asyncio.create_task(virtual_member(member, stats, deadline, think, index)))
        if index % spawn_rate == spawn_rate - 1:
            await asyncio.sleep(1)
    await asyncio.gather(*tasks)
    return stats


def percentile(values, fraction):
    if len(values) < 2:
        return values[0] if values else 0
    return quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def summarise(stats, seconds):
    rows = []
    everything = [v for values in stats.latencies.values() for v in values]
    names = [*sorted(stats.latencies), "all requests"]
    for name in names:
        values = everything if name == "all requests" else stats.latencies[name]
        errors = (
            sum(len(e) for e in stats.errors.values())
            if name == "all requests"
            else len(stats.errors[name])
        )
        rows.append(
            {
                "name": name,
                "requests": len(values),
                "rps": round(len(values) / seconds, 1),
                "errors": errors,
                "p50_ms": round(percentile(values, 0.5) * 1000),
                "p95_ms": round(percentile(values, 0.95) * 1000),
                "max_ms": round(max(values, default=0) * 1000),
            }
        )
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10, help="members started per second")
    parser.add_argument("--run-time", type=int, default=60, help="seconds")
    parser.add_argument(
        "--think", type=float, nargs=2, default=[3.0, 10.0], help="pause between journeys (s)"
    )
    args = parser.parse_args(argv)
    services = Services()
    try:
        services.start_cache()
        fixtures = setup_django()
        from django.urls import reverse
        from django.utils import translation

        members = prepare(fixtures, args.users - SUPERVISORS)
        with translation.override("fr"):
            queue = reverse("supervision_queue")
            my_learning = reverse("my_learning")
        for member in members:
            member["queue"] = queue
            member["my_learning"] = my_learning
        services.start_gunicorn()
        print(
            f"{len(members)} virtual members ({SUPERVISORS} supervisors), {args.spawn_rate} "
            f"started per second, {args.run_time} s, pauses of {args.think[0]}-{args.think[1]} s",
            flush=True,
        )
        started = time.time()
        stats = asyncio.run(run(members, args.run_time, args.spawn_rate, tuple(args.think)))
    finally:
        services.stop()
    rows = summarise(stats, args.run_time)
    data = {
        "kind": "loadtest",
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "setup": {
            "users": len(members),
            "spawn_rate": args.spawn_rate,
            "run_time_s": args.run_time,
            "think_s": args.think,
            "cache": services.cache,
            "client": "asyncio + httpx in one process, on the same cores as the server",
        },
        "errors": {name: sorted(set(errors)) for name, errors in stats.errors.items() if errors},
        "rows": rows,
    }
    markdown = to_markdown(data)
    print()
    print(markdown)
    written = write_results("loadtest", data, markdown)
    print(f"\nWritten: {written} and its JSON next to it.")
    total_errors = rows[-1]["errors"]
    if total_errors:
        sys.exit(f"{total_errors} error(s): {data['errors']}")


def to_markdown(data):
    setup = data["setup"]
    lines = [
        f"Load test of {data['started_at']}: {setup['users']} virtual members, "
        f"{setup['run_time_s']} s, pauses of {setup['think_s'][0]:g}-{setup['think_s'][1]:g} s "
        f"between journeys; cache: {setup['cache']}; client: {setup['client']}.",
        "",
        "| Request | Count | req/s | Errors | p50 (ms) | p95 (ms) | max (ms) |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in data["rows"]:
        name = f"**{row['name']}**" if row["name"] == "all requests" else row["name"]
        lines.append(
            f"| {name} | {row['requests']} | {row['rps']} | {row['errors']} | "
            f"{row['p50_ms']} | {row['p95_ms']} | {row['max_ms']} |"
        )
    if data["errors"]:
        lines += ["", f"Errors: {data['errors']}"]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
