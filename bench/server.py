"""What ``make bench`` and ``make loadtest`` share: the bench settings, gunicorn on 127.0.0.1
(2 workers, production-like settings), a cache server, and sessions for bench members.

Sessions are created directly (``SessionStore`` + cookie), not through the login form: the
benchmark must not depend on the login flow (two-factor authentication for staff, rate
limits), and measures the pages, not the password hasher.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8201"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "8279"))
WORKERS = 2


def base_url():
    return f"http://{HOST}:{PORT}"


class Services:
    """Starts a cache server (Redis when installed) and gunicorn; stops only what it started."""

    def __init__(self):
        self.processes = []
        self.cache = "file"

    def start_cache(self):
        """Redis when ``redis-server`` is installed (or REDIS_URL is set), else files."""
        if os.environ.get("REDIS_URL"):
            self.cache = "redis (REDIS_URL)"
            return
        server = shutil.which("redis-server")
        if server is None:
            self.cache = "file-based (redis-server is not installed)"
            return
        process = subprocess.Popen(
            [server, "--port", str(REDIS_PORT), "--bind", HOST, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(process)
        os.environ["REDIS_URL"] = f"redis://{HOST}:{REDIS_PORT}/0"
        self.cache = "redis (local redis-server)"
        time.sleep(0.5)

    def start_gunicorn(self):
        log_dir = ROOT / "var" / "bench"
        log_dir.mkdir(parents=True, exist_ok=True)
        command = [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"{HOST}:{PORT}",
            "--timeout",
            "60",
            "--error-logfile",
            str(log_dir / "gunicorn.log"),
        ]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
        self.processes.append(subprocess.Popen(command, cwd=ROOT, env=env))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base_url()}/bench/baseline/?bytes=100", timeout=30):
                    return
            except OSError:  # refused while booting, or slow to answer the first time
                time.sleep(0.5)
        self.stop()
        sys.exit(f"gunicorn did not answer on {base_url()}: see var/bench/gunicorn.log")

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.processes = []


def setup_django(fresh=False):
    """Generate (or reuse) the benchmark database, then set Django up in this process."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    from bench import generate

    return generate.main(["--fresh"] if fresh else [])


def session_cookie(username):
    """A logged-in session for this member, as the login view would have left it."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.cached_db import SessionStore

    from accounts.twofactor import requires_two_factor

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend that logs members in (the first one, django-axes, only counts failures).
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if requires_two_factor(user):
        # Staff pass two-step verification as the code step would leave the session.
        from django_otp import DEVICE_ID_SESSION_KEY

        from accounts.testing import give_device
        from accounts.twofactor import HAS_DEVICE_SESSION_KEY

        session[DEVICE_ID_SESSION_KEY] = give_device(user).persistent_id
        session[HAS_DEVICE_SESSION_KEY] = True
    session.create()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def targets(fixtures):
    """The {placeholders} that bench/pages.toml may use, from the generated data."""
    from django.urls import reverse
    from django.utils import translation

    from courses.models import LessonPage
    from home.models import HomePage
    from setup.site_tree import section_pages

    with translation.override("fr"):
        return {
            "lesson_url": LessonPage.objects.get(pk=fixtures["lesson_id"]).url,
            "catalogue_url": section_pages("courses")[0].url,
            "home_url": HomePage.objects.get(locale__language_code="fr").url,
            "cohort_report_url": reverse("cohorts:report", args=[fixtures["report_cohort_id"]]),
        }


def fetch(path, cookie=None):
    """(status, body) of one GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(base_url() + path, headers={"Cookie": cookie or ""})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def write_results(kind, data, markdown):
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    text = json.dumps(data, indent=2, ensure_ascii=False)
    (RESULTS / f"{kind}-{stamp}.json").write_text(text + "\n")
    (RESULTS / f"{kind}-latest.json").write_text(text + "\n")
    (RESULTS / f"{kind}-latest.md").write_text(markdown + "\n")
    return RESULTS / f"{kind}-latest.md"
