"""The load test's client (bench/loadtest.py) against a tiny local server: members' clients
share one transport, each step reports the client's own event-loop lag, and a step where
that lag passed the limit is marked as the client's, not the server's."""

import asyncio
import os

import httpx

from bench import loadtest


async def answer(reader, writer):
    await reader.readuntil(b"\r\n\r\n")
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
    await writer.drain()
    writer.close()


async def ramp_against_local_server(levels):
    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    loadtest.BASE_URL = f"http://127.0.0.1:{port}"
    members = [
        {"kind": "supervisor", "cookie": f"sessionid=s{n}", "queue": "/q/", "catalogue": "/c/"}
        for n in range(5)
    ]
    try:
        return await loadtest.ramp(members, levels, 1, (0.05, 0.2), 500, os.getpid())
    finally:
        loadtest.BASE_URL = ""
        server.close()
        await server.wait_closed()


def test_ramp_measures_each_step_with_the_clients_lag():
    stats, steps = asyncio.run(ramp_against_local_server([5, 10]))
    assert [step["members"] for step in steps] == [5, 10]
    for step in steps:
        assert step["requests"] > 0
        assert step["errors"] == 0
        assert 0 <= step["client_lag_ms"] < loadtest.LAG_LIMIT_MS
    assert {sample[1] for sample in stats.samples} <= {"supervisor queue", "catalogue"}


def test_members_share_one_transport_and_keep_their_own_cookies():
    async def make():
        transport = httpx.AsyncHTTPTransport()
        clients = [
            loadtest.member_client({"cookie": f"sessionid=s{n}"}, transport) for n in range(3)
        ]
        shared = {id(client._transport) for client in clients}
        cookies = [client.cookies["sessionid"] for client in clients]
        for client in clients:
            await client.aclose()
        return shared, cookies, id(transport)

    shared, cookies, transport = asyncio.run(make())
    assert shared == {transport}
    assert cookies == ["s0", "s1", "s2"]


def test_a_step_the_client_lagged_is_marked_as_the_clients():
    step = {
        "members": 1200,
        "rps": 100,
        "p50_ms": 2000,
        "p95_ms": 3000,
        "max_ms": 3400,
        "errors": 0,
        "error_kinds": [],
        "server_cpu_cores": 1.3,
        "client_cpu_cores": 0.6,
        "client_lag_ms": loadtest.LAG_LIMIT_MS + 1,
    }
    data = {
        "started_at": "2026-12-07T00:00:00Z",
        "setup": {
            "scale": 1,
            "step_s": 20,
            "think_s": [3, 10],
            "accounts": 420,
            "server": "gunicorn",
            "cache": "redis",
            "client": "httpx",
            "limit_ms": 500,
        },
        "held_members": 1000,
        "steps": [step],
        "rows": [],
    }
    markdown = loadtest.to_markdown(data)
    assert f"| {loadtest.LAG_LIMIT_MS + 1} (the client's) |" in markdown
    assert "From 1200 members the client's own loop lagged" in markdown
