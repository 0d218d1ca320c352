"""Production's Redis backend (``config.cache.RedisCache``) makes one redis-py client per
connection pool, not one per call, and keeps what home.cache relies on."""

import shutil
import subprocess
import threading
import time

import pytest
import redis

from config.cache import RedisCache
from home import cache as site_cache


def backend(location):
    return RedisCache(location, {})


def test_every_call_uses_the_same_client_of_its_pool():
    cache = backend("redis://127.0.0.1:6379/1")  # no connection is made until a command
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b", write=True) is first
    assert first.connection_pool is cache._cache._get_connection_pool(write=False)


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of its own on a Unix socket, when redis-server is installed."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    socket = tmp_path / "redis.sock"
    process = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            if socket.exists():
                break
            time.sleep(0.05)
        yield f"unix://{socket}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_shared_client_keeps_no_connection_between_commands(redis_server):
    """What sharing relies on in redis-py: a command takes a connection from the pool and
    gives it back, so threads sharing the client never share a connection."""
    cache = backend(redis_server)
    cache.set("a", {"text": "écoute"})
    pool = cache._cache._get_connection_pool(write=True)
    assert cache.get("a") == {"text": "écoute"}
    assert not pool._in_use_connections
    assert isinstance(cache._cache.get_client(), redis.Redis)


def test_what_home_cache_relies_on_from_several_threads(redis_server):
    cache = backend(redis_server)
    key = site_cache.version_key("test")
    cache.add(key, 1, timeout=None)
    errors = []

    def work():
        try:
            for _round in range(50):
                cache.incr(key)
                cache.set_many({"x": 1, "y": [2]}, timeout=60)
                assert cache.get_many(["x", "y", "z"]) == {"x": 1, "y": [2]}
        except Exception as error:  # reported below, from the main thread
            errors.append(error)

    threads = [threading.Thread(target=work) for _thread in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert cache.get(key) == 1 + 4 * 50
    cache.delete(key)
    assert cache.add(key, 7) is True
