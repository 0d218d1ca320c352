"""What ``make bench`` and ``make loadtest`` share: servers started and stopped by the
runner (gunicorn for the site at each scale, gunicorn for the bare reference, Redis when
installed), their process ids for CPU accounting, and the results folder.

Only what this module started is stopped, by its process id.
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

from bench.generate import ROOT, environment

RESULTS = ROOT / "bench" / "results"
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8201"))  # the site at the first scale; then +1, +2
BARE_PORT = int(os.environ.get("BENCH_BARE_PORT", "8200"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "8279"))
WORKERS = 2
PROBE = "/bench/baseline/?bytes=100"


class Server:
    def __init__(self, name, port, process):
        self.name, self.port, self.process = name, port, process

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self):
        return self.process.pid

    def workers(self):
        from bench.procstat import children

        return children(self.pid)


class Services:
    """Starts a cache server (Redis when installed) and gunicorns; stops only what it started."""

    def __init__(self):
        self.processes = []
        self.cache = "file-based, one folder per scale (redis-server is not installed)"
        self.redis_pid = None
        self.redis_url = os.environ.get("REDIS_URL")
        if self.redis_url:
            self.cache = "redis (REDIS_URL)"

    def start_cache(self):
        """Redis when ``redis-server`` is installed and REDIS_URL is not set, else files."""
        server = shutil.which("redis-server")
        if self.redis_url or server is None:
            return
        process = subprocess.Popen(
            [server, "--port", str(REDIS_PORT), "--bind", HOST, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(process)
        self.redis_pid = process.pid
        self.redis_url = f"redis://{HOST}:{REDIS_PORT}"
        self.cache = "redis (local redis-server, one database per scale)"
        time.sleep(0.5)

    def site_environment(self, scale):
        """The environment of a process that works on the data of ``scale``."""
        env = {**os.environ, **environment(scale)}
        if self.redis_url:
            # One Redis database per scale: their keys must never meet.
            base = (
                self.redis_url.rsplit("/", 1)[0]
                if self.redis_url.count("/") > 2
                else self.redis_url
            )
            env["REDIS_URL"] = f"{base}/{scale % 16}"
        return env

    def start_site(self, scale, port):
        log = ROOT / "var" / "bench" / f"gunicorn-x{scale}.log"
        return self._gunicorn(
            f"site {scale}x", "config.wsgi:application", port, self.site_environment(scale), log
        )

    def start_bare(self):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.bare.settings"}
        log = ROOT / "var" / "bench" / "gunicorn-bare.log"
        return self._gunicorn("bare Django", "bench.bare.wsgi:application", BARE_PORT, env, log)

    def _gunicorn(self, name, app, port, env, log):
        log.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            app,
            "--workers",
            str(WORKERS),
            "--bind",
            f"{HOST}:{port}",
            "--timeout",
            "120",
            "--error-logfile",
            str(log),
        ]
        process = subprocess.Popen(command, cwd=ROOT, env=env)
        self.processes.append(process)
        server = Server(name, port, process)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(server.url + PROBE, timeout=60):
                    return server
            except OSError:  # refused while booting, or slow to answer the first time
                time.sleep(0.5)
        self.stop()
        sys.exit(f"{name} did not answer on {server.url}: see {log}")

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.processes = []


def fetch(url, cookie=None):
    """(status, body) of one GET, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers={"Cookie": cookie or ""})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
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
