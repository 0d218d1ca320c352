"""The site and its task worker side by side, started and stopped together (``make run``).

Each runs in its own process group, so that stopping one stops its children too (the
development server reloads itself in a child). When either ends, or on Ctrl+C, both stop.

    python scripts/run.py [address]        # default 127.0.0.1:8000
"""

import os
import signal
import subprocess
import sys
import time

PYTHON = sys.executable
STOP_WAIT = 10  # seconds a process has to finish its task before it is killed


def start(*args):
    return subprocess.Popen([PYTHON, "manage.py", *args], start_new_session=True)


def stop(processes):
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_WAIT
    for process in processes:
        try:
            process.wait(timeout=max(0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main(address="127.0.0.1:8000"):
    processes = [start("run_worker"), start("runserver", address)]

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, on_signal)
    try:
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop(processes)
    return max(process.returncode or 0 for process in processes)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
