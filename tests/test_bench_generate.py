"""Where the bench's data of a scale lives: never the SQLite data's ids in PostgreSQL, never
bench data in the database that DATABASE_URL names."""

from bench import generate


def test_a_server_database_gets_one_database_per_scale_beside_it(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://entrepairs@127.0.0.1:5432/entrepairs")
    monkeypatch.delenv("BENCH_BASE_DATABASE_URL", raising=False)
    first = generate.environment(1)
    assert first["DATABASE_URL"].endswith("/entrepairs_x1")
    # A process of the runner gets that environment and resolves it alike, not "_x1_x1".
    monkeypatch.setenv("DATABASE_URL", first["DATABASE_URL"])
    monkeypatch.setenv("BENCH_BASE_DATABASE_URL", first["BENCH_BASE_DATABASE_URL"])
    assert generate.environment(1)["DATABASE_URL"] == first["DATABASE_URL"]
    assert generate.environment(10)["DATABASE_URL"].endswith("/entrepairs_x10")


def test_each_database_has_its_own_fixtures_file(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("BENCH_BASE_DATABASE_URL", raising=False)
    sqlite = generate.fixtures_path(1)
    assert sqlite.name == "fixtures-x1.json"
    monkeypatch.setenv("DATABASE_URL", "postgres://entrepairs@127.0.0.1:5432/entrepairs")
    postgres = generate.fixtures_path(1)
    monkeypatch.setenv("DATABASE_URL", "postgres://entrepairs@127.0.0.1:5433/entrepairs")
    assert len({sqlite, postgres, generate.fixtures_path(1)}) == 3
