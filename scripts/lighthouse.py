"""``make lighthouse``: Lighthouse's accessibility, best-practices and SEO scores of the pages
members use most, in French and English, on the demo site.

It serves the demo database (``make setup``) on a free port, logs a demo peer in by creating
their session directly (as the benchmark does: no password or rate limit involved), has
them acknowledge the charter (the entry form needs it), then runs Lighthouse 12
(tests/lighthouse/, Node 18+) in Debian's Chromium with the peer's cookie. It prints each
page's scores and the audits that failed, and exits 1 when a score is under 100.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = "accessibility,best-practices,seo"
PEER = "alice"

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pages(language):
    """(name, path) of the pages to measure, in one language."""
    from django.urls import reverse
    from django.utils import translation

    from courses.models import CourseIndexPage, LessonPage
    from home.models import HomePage

    def live(model):
        return model.objects.live().filter(locale__language_code=language).first()

    with translation.override(language):
        return [
            ("home", live(HomePage).url),
            ("catalogue", live(CourseIndexPage).url),
            ("lesson", live(LessonPage).url),
            ("entry form", reverse("entry_create")),
            ("share form", reverse("share_new")),
        ]


def logged_in_cookie():
    from django.contrib.auth import get_user_model

    from bench.site import session_cookie
    from home.charter import acknowledge, current_charter

    peer = get_user_model().objects.get(username=PEER)
    charter = current_charter()
    if charter is not None:
        acknowledge(peer, charter, language=charter.locale.language_code)
    return session_cookie(PEER)


def serve(port):
    command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/fr/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("The demo site did not start: run `make setup` first.")


def lighthouse(url, cookie):
    """{category: score out of 100} and the failed audits' titles."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        command = [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={CATEGORIES}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--output=json",
            f"--output-path={report.name}",
            "--quiet",
            "--extra-headers",
            json.dumps({"Cookie": cookie}),
        ]
        environment = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
        subprocess.run(command, check=True, env=environment, timeout=300)
        data = json.loads(Path(report.name).read_text())
    scores = {key: round(category["score"] * 100) for key, category in data["categories"].items()}
    failed = [
        audit["title"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores, failed


def main():
    import django

    django.setup()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `make lighthouse` (it installs it).")
    cookie = logged_in_cookie()
    port = free_port()
    server = serve(port)
    below = 0
    try:
        for language in ("fr", "en"):
            for name, path in pages(language):
                scores, failed = lighthouse(f"http://127.0.0.1:{port}{path}", cookie)
                line = "  ".join(f"{key} {value}" for key, value in scores.items())
                print(f"{language}  {name:<11} {line}   {path}")
                for title in failed:
                    print(f"      - {title}")
                below += any(value < 100 for value in scores.values())
    finally:
        server.terminate()
        server.wait()
    print("all at 100" if not below else f"{below} page(s) under 100")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
