"""Shared fixtures: a fresh SQLite file or a fresh PostgreSQL database per test.

PostgreSQL tests never skip: when the server cannot be reached they fail and say
how to start it (scripts/test does that itself, as CI does).
"""

from __future__ import annotations

import os
import uuid

import pytest
from click.testing import CliRunner

PG_BASIS = os.environ.get("ZAAKSTROOM_TEST_POSTGRES", "postgresql:///postgres")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'zaakstroom.sqlite'}"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    import psycopg

    from store.config import Opslag

    env = Opslag(PG_BASIS).eventsourcing_env()
    try:
        psycopg.connect(
            dbname=env["POSTGRES_DBNAME"], host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"],
            user=env["POSTGRES_USER"], password=env["POSTGRES_PASSWORD"] or None, connect_timeout=5,
        ).close()
    except psycopg.OperationalError as e:
        pytest.fail(
            f"PostgreSQL is niet bereikbaar via {PG_BASIS} ({e}). Start het met scripts/test "
            "(dat installeert en start PostgreSQL zo nodig) of zet ZAAKSTROOM_TEST_POSTGRES.",
            pytrace=False,
        )
    return PG_BASIS


@pytest.fixture
def postgres_url(postgres_server):
    """A database of its own for one test, dropped afterwards."""
    import psycopg

    from store.config import Opslag

    env = Opslag(postgres_server).eventsourcing_env()
    naam = f"zs_test_{uuid.uuid4().hex[:12]}"
    beheer = dict(dbname=env["POSTGRES_DBNAME"], host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"],
                  user=env["POSTGRES_USER"], password=env["POSTGRES_PASSWORD"] or None, autocommit=True)
    with psycopg.connect(**beheer) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    basis = postgres_server.rsplit("/", 1)[0]
    yield f"{basis}/{naam}"
    with psycopg.connect(**beheer) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    """Run a test on both stores."""
    return request.getfixturevalue(f"{request.param}_url")


class Cli:
    """Runs `zaakstroom` in-process against one store, as a person would type it."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True):
        from cli.main import zaakstroom

        result = self.runner.invoke(zaakstroom, ["--db", self.db, *args], catch_exceptions=False)
        if ok and result.exit_code != 0:
            raise AssertionError(f"zaakstroom {' '.join(args)} → {result.exit_code}\n{result.output}")
        return result

    def json(self, *args: str):
        import json

        return json.loads(self(*args, "--json").stdout)


@pytest.fixture
def zs(db_url) -> Cli:
    return Cli(db_url)


@pytest.fixture
def zs_sqlite(sqlite_url) -> Cli:
    return Cli(sqlite_url)
