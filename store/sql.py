"""The SQL side of the store: a SQLAlchemy engine on the same database as the events, and its schema.

Two kinds of tables live there, both under Alembic: the projections (read
models, rebuildable) and the keys of indieners' personal data (primary data,
store/keys.py). So the engine and the migration helper belong to
neither: projections import them from here, and workflow never imports projections.

SQLite gets SQLAlchemy's own transaction control, so a writing transaction can
start with BEGIN IMMEDIATE: it takes the write lock before it reads (e.g. a
projection's position), and two writers cannot both apply the same batch.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, make_url, text

from store.config import Opslag

# The Alembic scripts of the whole SQL schema (projection tables and the key table, 0002). They live
# under projections/ for history; alembic.ini points there too. Only their location is named here:
# nothing in workflow imports projection code.
MIGRATIES = Path(__file__).resolve().parent.parent / "projections" / "migrations"
_MIGRATIESLOT = 7_210_501  # pg_advisory_xact_lock key: one migrating process at a time


def maak_engine(opslag: Opslag | str, *, schrijven: bool = False) -> Engine:
    """An engine on the store (an Opslag or a SQLAlchemy URL); `schrijven` makes SQLite
    transactions take the write lock at BEGIN."""
    url = make_url(opslag.sqlalchemy_url() if isinstance(opslag, Opslag) else opslag)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_size=2, connect_args={"connect_timeout": 5})
    engine = create_engine(url, connect_args={"timeout": 30})
    begin = "BEGIN IMMEDIATE" if schrijven else "BEGIN"

    @event.listens_for(engine, "connect")
    def _geen_eigen_begin(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # sqlite3 emits no BEGIN of its own

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine


def alembic_config(url: str | None = None):
    """An alembic Config on the packaged migrations, independent of the working directory."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIES).replace("%", "%%"))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migreer(engine: Engine) -> None:
    """Bring the SQL tables to the newest migration (`alembic upgrade head`)."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:slot)"), {"slot": _MIGRATIESLOT})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def heeft_tabel(engine: Engine, naam: str) -> bool:
    """Whether table `naam` exists: one query, without loading Alembic."""
    with engine.connect() as conn:
        return inspect(conn).has_table(naam)
