"""Two servers, two workers (``make two-servers``; issue 15, part 6; not in CI: 2 to 4 minutes).

On the loopback: one throwaway PostgreSQL (scripts/with-postgres.sh), one Redis, two app
servers (gunicorn, the production settings as the bench uses them: ``config.settings.bench``
with ``DATABASE_URL`` and ``REDIS_URL``) and two task workers (``manage.py run_worker``, as
``make run`` starts it). It checks and prints:

1. a page published through server A shows through server B at once (the time from A's
   answer to B's first page with the new title);
2. tasks enqueued once are done exactly once across the two workers: e-mails through the
   outbox, each written by the transport below to a file named by its Message-ID;
3. a worker killed with SIGKILL in the middle of a task leaves it to the other worker
   (``home.schedule.requeue_stale_tasks`` after ``TASK_LEASE_SECONDS``, here 20 s).

    bash scripts/with-postgres.sh .venv/bin/python scripts/two_servers.py [--emails 200]

Exits non-zero when a check fails. The figures are in docs/scaling.md.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
LEASE = 20  # seconds: TASK_LEASE_SECONDS of the workers
SLOW = 10  # seconds the transport takes for an e-mail whose subject starts with "slow"


def digest(message_id):
    return hashlib.sha256(message_id.encode()).hexdigest()[:20]


class FileTransport(BaseEmailBackend):
    """The workers' mail transport: one file per message sent, named by its Message-ID and
    the process that sent it; a "slow" e-mail takes ``SLOW`` seconds (a slow SMTP server)."""

    def send_messages(self, email_messages):
        folder = Path(os.environ["TWO_SERVERS_MAIL_DIR"])
        for message in email_messages:
            if message.subject.startswith("slow"):
                time.sleep(SLOW)
            key = digest(message.extra_headers["Message-ID"])
            name = f"{key}.{os.getpid()}.{uuid.uuid4().hex[:8]}.eml"
            (folder / name).write_text(message.message().as_string())
        return len(email_messages)


# --- Django side: run in a helper process (``--stage``), prints one JSON line ---------------


def stage_setup():
    from django.contrib.auth import get_user_model

    from bench.site import session_cookie
    from home.models import HomePage

    get_user_model().objects.filter(username="two-servers").delete()
    get_user_model().objects.create_superuser("two-servers", "two-servers@example.org", None)
    home = HomePage.objects.live().order_by("depth").first()
    path = urllib.parse.urlsplit(home.get_url()).path
    return {"page": home.pk, "path": path, "cookie": session_cookie("two-servers")}


def stage_draft(page, title):
    from wagtail.models import Page

    specific = Page.objects.get(pk=page).specific
    specific.title = title
    specific.save_revision()  # a draft: the page shows the old title until it is published
    return {"draft": title}


def stage_enqueue(count, prefix):
    from home import outbox

    ids = [
        outbox.send(f"member{n}@example.org", f"{prefix} {n}", "Bonjour", kind="other").pk
        for n in range(count)
    ]
    return {"emails": ids}


def stage_tasks(emails):
    from django_tasks_db.models import DBTaskResult

    from home import outbox
    from home.models import OutgoingEmail

    statuses = dict(
        OutgoingEmail.objects.filter(pk__in=emails).values_list("pk", "status").order_by()
    )
    deliveries = DBTaskResult.objects.filter(task_path="home.outbox.deliver")
    results = [
        {
            "id": str(r.pk),
            "email": r.args_kwargs["args"][0],
            "status": r.status,
            "workers": r.worker_ids,
            "returned": r.return_value,
        }
        for r in deliveries
        if r.args_kwargs["args"][0] in set(emails)
    ]
    keys = {
        str(email.pk): digest(outbox.message_id(email))
        for email in OutgoingEmail.objects.filter(pk__in=emails)
    }
    return {"statuses": {str(k): v for k, v in statuses.items()}, "tasks": results, "keys": keys}


STAGES = {
    "setup": stage_setup,
    "draft": stage_draft,
    "enqueue": stage_enqueue,
    "tasks": stage_tasks,
}


def run_stage(name, *args):
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    print(json.dumps(STAGES[name](*args), default=str))


# --- The orchestra -----------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, workdir):
        self.workdir = workdir
        self.processes = {}
        self.mail = workdir / "mail"
        self.mail.mkdir()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "CACHE_DIR": str(workdir / "cache"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
            "EMAIL_BACKEND": "scripts.two_servers.FileTransport",
            "TWO_SERVERS_MAIL_DIR": str(self.mail),
            "TASK_LEASE_SECONDS": str(LEASE),
            "LOG_LEVEL": "WARNING",
        }

    def start(self, name, command, log):
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
            stdout=open(self.workdir / log, "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )

    def start_redis(self):
        server = shutil.which("redis-server")
        if server is None:
            subprocess.run(
                ["bash", str(ROOT / "scripts/install-system-deps.sh"), "redis-server"], check=True
            )
            server = shutil.which("redis-server")
        port = free_port()
        self.start(
            "redis",
            [server, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no"],
            "redis.log",
        )
        self.env["REDIS_URL"] = f"redis://{HOST}:{port}/0"

    def manage(self, *args):
        with open(self.workdir / "manage.log", "a") as log:
            subprocess.run(
                [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, stdout=log
            )

    def stage(self, name, *args):
        done = subprocess.run(
            [PYTHON, __file__, "--stage", name, json.dumps(args)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            sys.exit(f"stage {name} failed:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def start_server(self, name):
        port = free_port()
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        self.start(
            name,
            [gunicorn, "config.wsgi:application", "--workers", "2", "--bind", f"{HOST}:{port}"],
            f"{name}.log",
        )
        return f"http://{HOST}:{port}"

    def start_worker(self, name):
        self.start(
            name,
            [PYTHON, "manage.py", "run_worker", "--worker-id", name, "--interval", "0.2"],
            f"{name}.log",
        )

    def kill(self, name, signum=signal.SIGKILL):
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signum)
        process.wait()

    def stop(self):
        for name in reversed(list(self.processes)):
            process = self.processes[name]
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http(url, cookie=None, data=None, csrf=None):
    """(status, body, set-cookie headers) of one request, redirects not followed."""
    headers = {"Host": "localhost"}
    if cookie:
        headers["Cookie"] = cookie
    if csrf:
        headers["X-CSRFToken"] = csrf
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return (
                response.status,
                response.read().decode(),
                response.headers.get_all("Set-Cookie") or [],
            )
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers.get_all("Set-Cookie") or []


def wait_for(url, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if http(url)[0] < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"{url} did not answer")


def check_publish(cluster, a, b, info, rounds):
    """Publish a new title through A's editing space; poll B until it shows."""
    cookie = info["cookie"]
    waits, at_once = [], 0
    for number in range(rounds):
        title = f"Two servers {uuid.uuid4().hex[:8]}"
        cluster.stage("draft", info["page"], title)
        assert title not in http(b + info["path"], cookie)[1], "a draft must not show"
        action = f"/admin/bulk/wagtailcore/page/publish/?id={info['page']}&next=/admin/"
        status, body, cookies = http(a + action, cookie)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        csrf_cookie = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
        status, _, _ = http(a + action, f"{cookie}; {csrf_cookie}", {"csrfmiddlewaretoken": token})
        published = time.perf_counter()
        assert status == 302, f"publish through A answered {status}"
        polls = 0
        while title not in http(b + info["path"], cookie)[1]:
            polls += 1
            assert time.perf_counter() - published < 30, "B never showed the publish"
        waits.append((time.perf_counter() - published) * 1000)
        at_once += polls == 0
        print(
            f"  round {number + 1}: B showed the new title after {waits[-1]:.1f} ms"
            f" ({'its first request' if polls == 0 else f'{polls} requests'})",
            flush=True,
        )
    return {
        "rounds": rounds,
        "first_request_of_b": at_once,
        "ms_median": statistics.median(waits),
        "ms_max": max(waits),
    }


def wait_tasks(cluster, emails, done, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = cluster.stage("tasks", emails)
        if done(state):
            return state
        time.sleep(1)
    return state


def sent_files(cluster):
    counts = {}
    for path in cluster.mail.iterdir():
        key = path.name.split(".")[0]
        counts[key] = counts.get(key, 0) + 1
    return counts


def check_exactly_once(cluster, count):
    started = time.perf_counter()
    emails = cluster.stage("enqueue", count, "hello")["emails"]
    state = wait_tasks(
        cluster,
        emails,
        lambda s: all(v == "sent" for v in s["statuses"].values()) and len(s["statuses"]) == count,
        120,
    )
    seconds = time.perf_counter() - started
    files = sent_files(cluster)
    sent = sum(1 for v in state["statuses"].values() if v == "sent")
    by_worker = {}
    for task in state["tasks"]:
        for worker in task["workers"]:
            by_worker[worker] = by_worker.get(worker, 0) + 1
    copies = [files.get(key, 0) for key in state["keys"].values()]
    result = {
        "emails": count,
        "sent": sent,
        "seconds": round(seconds, 1),
        "tasks": len(state["tasks"]),
        "runs_by_worker": by_worker,
        "files": sum(files.values()),
        "sent_twice": sum(1 for c in copies if c > 1),
    }
    print(f"  {result}", flush=True)
    return result


def check_sigkill(cluster):
    emails = cluster.stage("enqueue", 1, "slow")["emails"]
    state = wait_tasks(
        cluster, emails, lambda s: any(t["status"] == "RUNNING" for t in s["tasks"]), 30
    )
    task = next(t for t in state["tasks"] if t["status"] == "RUNNING")
    victim = task["workers"][-1]
    cluster.kill(victim)
    killed = time.perf_counter()
    print(f"  {victim} killed (SIGKILL) while sending; waiting for the other worker", flush=True)
    state = wait_tasks(
        cluster,
        emails,
        lambda s: (
            all(v == "sent" for v in s["statuses"].values())
            and all(t["status"] in ("SUCCESSFUL", "FAILED") for t in s["tasks"])
        ),
        LEASE + 150,
    )
    recovered = time.perf_counter() - killed
    original = next(t for t in state["tasks"] if t["id"] == task["id"])
    result = {
        "killed": victim,
        "email": state["statuses"],
        "seconds_to_done": round(recovered, 1),
        "original_task": {k: original[k] for k in ("status", "workers", "returned")},
        "tasks": len(state["tasks"]),
        "files": sum(sent_files(cluster).values()),
    }
    print(f"  {result}", flush=True)
    return result


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--emails", type=int, default=200)
    parser.add_argument("--publishes", type=int, default=5)
    parser.add_argument("--stage")
    parser.add_argument("arguments", nargs="?")
    args = parser.parse_args(argv)
    if args.stage:
        return run_stage(args.stage, *json.loads(args.arguments))
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        script = ROOT / "scripts" / "with-postgres.sh"
        os.execvp("bash", ["bash", str(script), PYTHON, __file__, *argv])
    workdir = Path(tempfile.mkdtemp(prefix="entrepairs-two-servers."))
    cluster = Cluster(workdir)
    report = {}
    try:
        cluster.start_redis()
        print("Migrating and bootstrapping PostgreSQL…", flush=True)
        cluster.manage("migrate", "--noinput", "-v", "0")
        cluster.manage("bootstrap")
        info = cluster.stage("setup")
        a, b = cluster.start_server("server-a"), cluster.start_server("server-b")
        cluster.start_worker("worker-a")
        cluster.start_worker("worker-b")
        for server in (a, b):
            wait_for(server + info["path"])
        print(f"Servers A {a}, B {b}; workers worker-a, worker-b; Redis {cluster.env['REDIS_URL']}")
        print("1. A page published through A shows through B:", flush=True)
        report["publish"] = check_publish(cluster, a, b, info, args.publishes)
        print(f"2. {args.emails} e-mails (one task each), two workers:", flush=True)
        report["exactly_once"] = check_exactly_once(cluster, args.emails)
        print("3. A worker killed mid-task:", flush=True)
        report["sigkill"] = check_sigkill(cluster)
    finally:
        cluster.stop()
    failures = []
    if report["publish"]["first_request_of_b"] != args.publishes:
        failures.append("B did not show every publish on its first request")
    once = report["exactly_once"]
    if once["sent"] != args.emails or once["sent_twice"] or once["files"] != args.emails:
        failures.append("e-mails not sent exactly once")
    kill = report["sigkill"]
    if list(kill["email"].values()) != ["sent"] or kill["files"] != args.emails + 1:
        failures.append("the killed worker's e-mail was not sent exactly once by the other")
    print(json.dumps(report, indent=2))
    print("FAILED: " + "; ".join(failures) if failures else "All three checks passed.")
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
