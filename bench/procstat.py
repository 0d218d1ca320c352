"""CPU time and memory of server processes, read from /proc (Linux).

``tree_cpu(pid)`` is the CPU time, in seconds, that a process and all its descendants have
used so far: each live process's threads from ``/proc/<pid>/task/*/schedstat`` (nanoseconds;
from the thread's ``utime`` and ``stime``, in clock ticks, where the kernel does not keep
scheduler statistics), plus what its children that have already exited used (``cutime`` and
``cstime`` of ``/proc/<pid>/stat``, in clock ticks). The difference of two readings is what
the tree used in between, even when a worker restarts or, for PostgreSQL, a backend exits.

A process that is not there is an error (``ProcessGone``), never zero: a server that died
on start (its port taken by another job, say) must not read as a server that costs nothing.
"""

import contextlib
import os
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")


class ProcessGone(RuntimeError):
    """The measured process does not exist (any more)."""


def _read(path):
    try:
        return Path(path).read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError, NotADirectoryError):
        return None


def _stat_fields(text):
    """The fields of a ``stat`` file after the command name (which may hold spaces)."""
    return text.rsplit(")", 1)[1].split()


def _children_by_scan(pid):
    """Children of ``pid`` found from every process's parent id (when the kernel has no
    ``/proc/<pid>/task/<tid>/children``)."""
    found = []
    for entry in PROC.glob("[0-9]*"):
        text = _read(entry / "stat")
        if text and int(_stat_fields(text)[1]) == pid:
            found.append(int(entry.name))
    return found


def children(pid):
    found, available = [], False
    for task in (PROC / str(pid) / "task").glob("*"):
        text = _read(task / "children")
        if text is not None:
            available = True
            found += [int(child) for child in text.split()]
    if not available and (PROC / str(pid)).exists():
        return _children_by_scan(pid)
    return found


def _thread_cpu(task):
    """CPU seconds of one thread: the scheduler's nanoseconds, else its clock ticks."""
    text = _read(task / "schedstat")
    if text and int(text.split()[0]) > 0:
        return int(text.split()[0]) / 1e9
    stat = _read(task / "stat")
    if not stat:
        return 0.0
    fields = _stat_fields(stat)
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def _own_cpu(pid):
    stat = _read(PROC / str(pid) / "stat")
    if stat is None:
        raise ProcessGone(pid)
    total = sum(_thread_cpu(task) for task in (PROC / str(pid) / "task").glob("*"))
    fields = _stat_fields(stat)
    return total + (int(fields[13]) + int(fields[14])) / TICK  # cutime, cstime


def tree_cpu(pid):
    """CPU seconds of ``pid`` and its descendants; ``ProcessGone`` when ``pid`` is not there
    (a descendant that exits while it is read is counted by its parent's ``cutime``)."""
    total = _own_cpu(pid)
    for child in children(pid):
        with contextlib.suppress(ProcessGone):
            total += tree_cpu(child)
    return total


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
