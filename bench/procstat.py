"""CPU time and memory of server processes, read from /proc (Linux).

``tree_cpu(pid)`` is the CPU time, in seconds, that a process and all its descendants have
used so far: each live process's threads from ``/proc/<pid>/task/*/schedstat`` (nanoseconds),
plus what its children that have already exited used (``cutime`` and ``cstime`` of
``/proc/<pid>/stat``, in clock ticks). The difference of two readings is what the tree used
in between, even when a worker restarts or, for PostgreSQL, a backend exits.
"""

import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def _read(path):
    try:
        return Path(path).read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None


def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = _read(task / "children")
        if text:
            found += [int(child) for child in text.split()]
    return found


def _own_cpu(pid):
    total = 0.0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = _read(task / "schedstat")
        if text:
            total += int(text.split()[0]) / 1e9
    stat = _read(f"/proc/{pid}/stat")
    if stat:
        fields = stat.rsplit(")", 1)[1].split()
        total += (int(fields[13]) + int(fields[14])) / TICK  # cutime, cstime
    return total


def tree_cpu(pid):
    """CPU seconds of ``pid`` and its descendants (0 when it is gone)."""
    return _own_cpu(pid) + sum(tree_cpu(child) for child in children(pid))


def rss_mb(pid):
    """Resident memory of one process, in MB."""
    for line in (_read(f"/proc/{pid}/status") or "").splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


class CpuMeter:
    """CPU seconds of several process trees (``{name: pid}``) between two readings."""

    def __init__(self, pids):
        self.pids = {name: pid for name, pid in pids.items() if pid}

    def read(self):
        return {name: tree_cpu(pid) for name, pid in self.pids.items()}

    @staticmethod
    def spent(before, after):
        return {name: after[name] - before[name] for name in before}
