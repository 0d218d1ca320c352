#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server on 127.0.0.1, then remove the server.
#   scripts/with-postgres.sh .venv/bin/python -m pytest
# Installs PostgreSQL from Debian's packages when no server binaries are found.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

find_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
bindir=$(find_bindir)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    bash "$here/install-system-deps.sh" postgresql
    bindir=$(find_bindir)
fi

workdir=$(mktemp -d /tmp/entrepairs-pg.XXXXXX)
run_pg() {
    # PostgreSQL refuses to run as root: use its own system account.
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    chown postgres "$workdir"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
    run_pg "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT

run_pg "$bindir/initdb" -D "$workdir/data" -U entrepairs --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability settings off: this server lives for one test run.
run_pg "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w start \
    -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
run_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U entrepairs entrepairs
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

DATABASE_URL="postgres://entrepairs@127.0.0.1:$port/entrepairs" "$@"
