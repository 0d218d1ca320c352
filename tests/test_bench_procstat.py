"""The bench's CPU accounting (bench/procstat.py) on a small process tree of its own, and the
runner's refusal to measure a server it did not start (bench/server.py)."""

import socket
import subprocess
import sys

import pytest

from bench import procstat
from bench.server import ServerError, ensure_free

# A parent that starts a child, which burns CPU for BURN seconds then waits for its parent's
# word (a line on stdin) to exit; the parent reaps it and waits until stdin closes.
TREE = """
import subprocess, sys, time
child = subprocess.Popen(
    [sys.executable, "-c", "import sys, time\\nend = time.process_time() + %(burn)s\\n"
     "while time.process_time() < end: pass\\nprint('burnt', flush=True)\\nsys.stdin.readline()"],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print(child.pid, flush=True)
print(child.stdout.readline().strip(), flush=True)
sys.stdin.readline()
child.stdin.write("\\n"); child.stdin.flush(); child.wait()
print("reaped", flush=True)
sys.stdin.readline()
"""
BURN = 0.4


@pytest.fixture
def tree():
    parent = subprocess.Popen(
        [sys.executable, "-c", TREE % {"burn": BURN}],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield parent
    parent.stdin.close()
    parent.wait(timeout=10)


def test_a_tree_s_cpu_counts_its_live_children_and_then_the_exited_ones(tree):
    before = procstat.tree_cpu(tree.pid)
    child = int(tree.stdout.readline())
    assert tree.stdout.readline().strip() == "burnt"
    assert child in procstat.children(tree.pid)
    live = procstat.tree_cpu(tree.pid) - before
    assert live >= BURN * 0.9, "the child's CPU, read while it is alive"
    tree.stdin.write("\n")
    tree.stdin.flush()
    assert tree.stdout.readline().strip() == "reaped"
    gone = procstat.tree_cpu(tree.pid) - before
    assert procstat.children(tree.pid) == []
    assert gone >= live - 0.05, "once reaped, the parent's cutime keeps the child's CPU"


def test_without_the_kernel_s_children_files_the_tree_is_found_by_parent_ids(tree, monkeypatch):
    child = int(tree.stdout.readline())
    tree.stdout.readline()
    real = procstat._read
    monkeypatch.setattr(
        procstat, "_read", lambda path: None if str(path).endswith("children") else real(path)
    )
    assert procstat.children(tree.pid) == [child]
    assert procstat.tree_cpu(tree.pid) >= BURN * 0.9


def test_without_scheduler_statistics_threads_are_read_in_clock_ticks(tree, monkeypatch):
    tree.stdout.readline()
    tree.stdout.readline()
    real = procstat._read
    monkeypatch.setattr(
        procstat, "_read", lambda path: "0 0 0\n" if str(path).endswith("schedstat") else real(path)
    )
    assert procstat.tree_cpu(tree.pid) >= BURN * 0.8  # ticks of 1/100 s


def test_a_process_that_is_not_there_is_an_error_not_zero():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    meter = procstat.CpuMeter({"server": gone.pid})
    with pytest.raises(procstat.ProcessGone):
        meter.read()


def test_a_port_another_process_listens_on_is_refused():
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(ServerError, match="taken"):
            ensure_free(port, "bare Django")
