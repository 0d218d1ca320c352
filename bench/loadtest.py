"""``make loadtest``: how many members one server (gunicorn, 2 sync workers) holds.

Virtual members are added step by step (25, 50, 100, … by default); each step is measured
once its members are in, and the ramp stops after the first step whose p95 passes 500 ms
or that has an error. The answer is the last step below both.

Learners read the catalogue and lessons, submit quizzes, open "My learning" and save the
draft of a reflective entry; supervisors open their queue; a pause of 3-10 s between
journeys. Every POST carries the CSRF token of the form it comes from, as a browser's
would. Any answer that is not 2xx or 3xx, and any request over 30 s, is an error.

The client is asyncio + httpx in this process, separate from the server's: one event loop
keeps hundreds of members waiting at almost no cost, where a thread per member would not,
and httpx is already a dependency. It shares the cores with the server; each step records
the CPU both used. The client must not be the limit it measures, so:

- every member's client is made before its clock starts, on one shared transport (an
  ``httpx.AsyncClient`` of its own makes an SSL context, ~20 ms: 300 of them stalled the
  loop for 6 s, then released every member at once, a burst the server queued for seconds);
- a new member's first journey comes at a random moment of one longest pause, and a step is
  measured only once that pause has passed, so arrivals are spread as real members' are;
- the objects made before the step are frozen out of the garbage collector (its full
  collections grew to 170 ms of stalled loop as the samples piled up);
- a probe measures the loop's lag every 50 ms: a step where it passed 100 ms is marked, its
  latencies being partly the client's.
"""

import argparse
import asyncio
import gc
import os
import random
import re
import time
import uuid
from statistics import quantiles

import httpx

from bench.generate import load_or_generate
from bench.procstat import tree_cpu
from bench.server import Services, write_results
from bench.site import session_cookie

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUPERVISORS = 20
TIMEOUT = 30  # seconds: a request that takes longer is an error
LAG_PROBE = 0.05  # seconds between the client's loop-lag probes
LAG_LIMIT_MS = 100  # a step whose loop lagged more is marked: the client, not the server
BASE_URL = ""


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
    """Every request's start time, latency and error, so that each step of the ramp reads
    its own."""

    def __init__(self):
        self.samples = []  # (started, name, seconds, error or None)

    def record(self, name, started, status=None, error=None):
        if error is None and (status is None or status >= 400):
            error = f"HTTP {status}"
        self.samples.append((started, name, time.perf_counter() - started, error))

    def error(self, name, message):
        self.samples.append((time.perf_counter(), name, 0.0, message))

    def between(self, start, end):
        return [sample for sample in self.samples if start <= sample[0] < end]


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
        stats.error(name, "no CSRF token in the form's page")
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


def member_client(member, transport):
    """A member's own cookies on the shared transport (gunicorn's sync workers close every
    connection, so sharing a pool shares nothing between members)."""
    name, value = member["cookie"].split("=", 1)
    return httpx.AsyncClient(
        base_url=BASE_URL,
        cookies={name: value},
        timeout=TIMEOUT,
        follow_redirects=False,
        transport=transport,
    )


async def virtual_member(client, member, stats, stop, think, seed):
    rng = random.Random(seed)
    journey = learner_journey if member["kind"] == "learner" else supervisor_journey
    await asyncio.sleep(rng.uniform(0, think[1]))  # members do not all arrive at once
    while not stop.is_set():
        await journey(client, stats, member, rng)
        await asyncio.sleep(rng.uniform(*think))


class LagProbe:
    """How late the client's event loop wakes up: the longest delay of each step."""

    def __init__(self):
        self.worst = 0.0

    async def run(self):
        loop = asyncio.get_running_loop()
        while True:
            asked = loop.time()
            await asyncio.sleep(LAG_PROBE)
            self.worst = max(self.worst, loop.time() - asked - LAG_PROBE)

    def take(self):
        worst, self.worst = self.worst, 0.0
        return worst


def step_figures(samples, seconds):
    latencies = [sample[2] for sample in samples if sample[3] is None]
    errors = [f"{sample[1]}: {sample[3]}" for sample in samples if sample[3] is not None]
    return {
        "requests": len(samples),
        "rps": round(len(samples) / seconds, 1),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "p50_ms": round(percentile(latencies, 0.5) * 1000),
        "p95_ms": round(percentile(latencies, 0.95) * 1000),
        "max_ms": round(max(latencies, default=0) * 1000),
    }


async def ramp(members, levels, step_seconds, think, limit_ms, server_pid):
    """Add virtual members level after level; each level is measured for ``step_seconds``
    once its members are in. Stops after the first level whose p95 passes ``limit_ms`` or
    that has an error."""
    stats, stop, tasks, steps, clients = Stats(), asyncio.Event(), [], [], []
    transport = httpx.AsyncHTTPTransport(
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=0)
    )
    probe = LagProbe()
    probing = asyncio.create_task(probe.run())
    try:
        for level in levels:
            # Each new member's client and task made before any of them runs (a task starts
            # at the next ``await``): no member's clock starts while clients are being made.
            while len(tasks) < level:
                index = len(tasks)
                member = members[index % len(members)]
                clients.append(member_client(member, transport))
                tasks.append(
                    asyncio.create_task(
                        virtual_member(clients[index], member, stats, stop, think, index)
                    )
                )
            gc.collect()
            gc.freeze()  # what exists now is never collected: no full collection grows with it
            await asyncio.sleep(think[1])  # every new member has begun their journeys
            cpu_before, client_before = tree_cpu(server_pid), time.process_time()
            probe.take()
            start = time.perf_counter()
            await asyncio.sleep(step_seconds)
            end = time.perf_counter()
            step = step_figures(stats.between(start, end), end - start)
            step["members"] = level
            step["server_cpu_cores"] = round((tree_cpu(server_pid) - cpu_before) / (end - start), 2)
            step["client_cpu_cores"] = round(
                (time.process_time() - client_before) / (end - start), 2
            )
            step["client_lag_ms"] = round(probe.take() * 1000)
            steps.append(step)
            print(
                f"  {level} members: {step['rps']} req/s, p50 {step['p50_ms']} ms, p95 "
                f"{step['p95_ms']} ms, errors {step['errors']}, server CPU "
                f"{step['server_cpu_cores']} cores, client {step['client_cpu_cores']} "
                f"(its loop lagged at most {step['client_lag_ms']} ms)",
                flush=True,
            )
            if step["p95_ms"] > limit_ms or step["errors"]:
                break
    finally:
        stop.set()
        probing.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for client in clients:
            await client.aclose()
        await transport.aclose()
        gc.unfreeze()
    return stats, steps


def percentile(values, fraction):
    if len(values) < 2:
        return values[0] if values else 0
    return quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def by_request(samples, seconds):
    rows = []
    for name in sorted({sample[1] for sample in samples}):
        rows.append({"name": name, **step_figures([s for s in samples if s[1] == name], seconds)})
    return rows


def main(argv=None):
    global BASE_URL
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument(
        "--levels",
        default="25,50,100,150,200,300,400,500,600,800,1000,1200,1500,2000",
        help="members at each step of the ramp",
    )
    parser.add_argument("--step-seconds", type=int, default=20, help="measured seconds per step")
    parser.add_argument("--limit-ms", type=int, default=500, help="p95 that ends the ramp")
    parser.add_argument(
        "--think", type=float, nargs=2, default=[3.0, 10.0], help="pause between journeys (s)"
    )
    args = parser.parse_args(argv)
    levels = [int(level) for level in args.levels.split(",")]
    services = Services()
    try:
        services.start_cache()
        os.environ.update(services.site_environment(args.scale))
        fixtures = load_or_generate(args.scale)
        from django.urls import reverse
        from django.utils import translation

        members = prepare(fixtures, len(fixtures["users"]["load_learners"]))
        with translation.override("fr"):
            queue, my_learning = reverse("supervision_queue"), reverse("my_learning")
        for member in members:
            member["queue"], member["my_learning"] = queue, my_learning
        site = services.start_site(args.scale)
        BASE_URL = site.url
        learners = sum(member["kind"] == "learner" for member in members)
        print(
            f"Ramp: {levels} virtual members ({len(members)} accounts: {learners} learners, "
            f"{len(members) - learners} supervisors, used in turn), {args.step_seconds} s per "
            f"step, pauses of {args.think[0]:g}-{args.think[1]:g} s; stops when p95 passes "
            f"{args.limit_ms} ms or on an error",
            flush=True,
        )
        started = time.time()
        stats, steps = asyncio.run(
            ramp(members, levels, args.step_seconds, tuple(args.think), args.limit_ms, site.pid)
        )
    finally:
        services.stop()
    held = [s for s in steps if s["p95_ms"] <= args.limit_ms and not s["errors"]]
    data = {
        "kind": "loadtest",
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "setup": {
            "scale": args.scale,
            "levels": levels,
            "step_s": args.step_seconds,
            "limit_ms": args.limit_ms,
            "think_s": args.think,
            "accounts": len(members),
            "cache": services.cache,
            "server": "gunicorn, 2 sync workers",
            "client": "asyncio + httpx in one process, on the same cores as the server",
            "client_lag_limit_ms": LAG_LIMIT_MS,
            "load_average_at_end": list(os.getloadavg()),
        },
        "held_members": held[-1]["members"] if held else 0,
        "steps": steps,
        "rows": by_request(stats.samples, max(time.time() - started, 1)),
    }
    markdown = to_markdown(data)
    print()
    print(markdown)
    written = write_results("loadtest", data, markdown)
    print(f"\nWritten: {written} and its JSON next to it.")


def to_markdown(data):
    setup = data["setup"]
    lines = [
        f"Load test of {data['started_at']} at {setup['scale']}x: members added step by step "
        f"({setup['step_s']} s measured per step), pauses of {setup['think_s'][0]:g}-"
        f"{setup['think_s'][1]:g} s between journeys, {setup['accounts']} accounts used in "
        f"turn; {setup['server']}; cache: {setup['cache']}; client: {setup['client']}.",
        "",
        f"**One server held {data['held_members']} members** with p95 ≤ {setup['limit_ms']} ms "
        "and no error.",
        "",
        "| Members | req/s | p50 (ms) | p95 (ms) | max (ms) | Errors | Server CPU (cores) "
        "| Client CPU (cores) | Client loop lag (ms) |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for step in data["steps"]:
        lag = step.get("client_lag_ms", "")
        if lag != "" and lag > LAG_LIMIT_MS:
            lag = f"{lag} (the client's)"
        lines.append(
            f"| {step['members']} | {step['rps']} | {step['p50_ms']} | {step['p95_ms']} | "
            f"{step['max_ms']} | {step['errors']} | {step['server_cpu_cores']} | "
            f"{step['client_cpu_cores']} | {lag} |"
        )
    lines += [
        "",
        "Whole run, by request:",
        "",
        "| Request | Count | Errors | p50 (ms) | p95 (ms) | max (ms) |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for row in data["rows"]:
        lines.append(
            f"| {row['name']} | {row['requests']} | {row['errors']} | {row['p50_ms']} | "
            f"{row['p95_ms']} | {row['max_ms']} |"
        )
    lagged = [step for step in data["steps"] if step.get("client_lag_ms", 0) > LAG_LIMIT_MS]
    if lagged:
        lines += [
            "",
            f"From {lagged[0]['members']} members the client's own loop lagged over "
            f"{LAG_LIMIT_MS} ms: those steps' latencies are partly the client's; run it from "
            "another machine to measure the server beyond them.",
        ]
    errors = sorted({kind for step in data["steps"] for kind in step["error_kinds"]})
    if errors:
        lines += ["", f"Errors: {errors}"]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
