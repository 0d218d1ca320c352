"""What ``make bench`` and ``make loadtest`` share: servers started and stopped by the
runner (gunicorn for the site at each scale, gunicorn for the bare reference, Redis when
installed), their process ids for CPU accounting, and the results folder.

Ports are free ones chosen at start (or BENCH_PORT, BENCH_BARE_PORT, BENCH_REDIS_PORT), and
each server must prove it is the process the runner started (gunicorn: ``/bench/whoami/``
answers its master's id; Redis: ``INFO server``'s ``process_id``). On a machine shared with
other jobs, a second bench on the same ports would otherwise answer in place of a server that
failed to bind, and the CPU meter would read a dead process: 0.00 ms per request.

Only what this module started is stopped, by its process id.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

from bench.generate import ROOT, environment

RESULTS = ROOT / "bench" / "results"
HOST = "127.0.0.1"
WORKERS = 2
PROBE = "/bench/whoami/"


def free_port():
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_from_environment(name):
    """The port the environment names, or a free one."""
    return int(os.environ.get(name) or 0) or free_port()


def ensure_free(port, what):
    """Stop the run if something already listens on ``port`` (another bench, say)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            raise ServerError(f"port {port} for {what} is taken by another process") from None


class ServerError(RuntimeError):
    """A server of the bench did not start as the one the runner started."""


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
        self.site_port = port_from_environment("BENCH_PORT")
        self.bare_port = port_from_environment("BENCH_BARE_PORT")
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
        port = port_from_environment("BENCH_REDIS_PORT")
        ensure_free(port, "redis-server")
        process = subprocess.Popen(
            [server, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.processes.append(process)
        deadline = time.monotonic() + 20
        while redis_process_id(port) != process.pid:
            if process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise ServerError(f"redis-server did not start on port {port}")
            time.sleep(0.1)
        self.redis_pid = process.pid
        self.redis_url = f"redis://{HOST}:{port}"
        self.cache = "redis (local redis-server, one database per scale)"

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

    def start_site(self, scale, port=None):
        """The site at ``scale``: on the site's port, or on ``port`` (the next scales)."""
        port = port or self.site_port
        log = ROOT / "var" / "bench" / f"gunicorn-x{scale}.log"
        return self._gunicorn(
            f"site {scale}x", "config.wsgi:application", port, self.site_environment(scale), log
        )

    def start_bare(self):
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.bare.settings"}
        log = ROOT / "var" / "bench" / "gunicorn-bare.log"
        return self._gunicorn(
            "bare Django", "bench.bare.wsgi:application", self.bare_port, env, log
        )

    def _gunicorn(self, name, app, port, env, log):
        log.parent.mkdir(parents=True, exist_ok=True)
        ensure_free(port, name)
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
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(server.url + PROBE, timeout=60) as response:
                    master = int(json.loads(response.read())["master"])
            except OSError:  # refused while booting, or slow to answer the first time
                time.sleep(0.5)
                continue
            if master == process.pid:
                return server
            self.stop()
            raise ServerError(f"{server.url} is served by process {master}, not by {name}")
        self.stop()
        raise ServerError(f"{name} did not answer on {server.url}: see {log}")

    def stop(self):
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        self.processes = []


def redis_process_id(port):
    """The process id that the Redis server on ``port`` gives, or None."""
    try:
        with socket.create_connection((HOST, port), timeout=2) as connection:
            connection.sendall(b"INFO server\r\n")
            answer = b""
            while b"process_id:" not in answer or not answer.endswith(b"\r\n"):
                chunk = connection.recv(65536)
                if not chunk:
                    break
                answer += chunk
    except OSError:
        return None
    for line in answer.decode(errors="replace").splitlines():
        if line.startswith("process_id:"):
            return int(line.split(":", 1)[1])
    return None


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
