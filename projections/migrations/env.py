"""Alembic environment for the projection tables.

Where the database is, first match wins:
1. `config.attributes["connection"]`: an open connection (projections.database.migreer);
2. `config.attributes["sqlalchemy.url"]` or the `sqlalchemy.url` option (set in code or with -x);
3. ZAAKSTROOM_DATABASE_URL, read as the CLI reads it (default ./zaakstroom.sqlite).
Only the tables in projections.models are compared and migrated: the event
store's tables in the same database belong to eventsourcing.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from projections.models import Base
import projections.overdracht_models  # noqa: F401,E402  (its tables are on the same Base: alembic check sees them)

config = context.config
target_metadata = Base.metadata

if config.config_file_name is not None and "connection" not in config.attributes:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    url = config.attributes.get("sqlalchemy.url") or config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from store.config import Opslag

    return Opslag.uit_omgeving().sqlalchemy_url()


def _alleen_projecties(obj, name, type_, reflected, compare_to) -> bool:
    return type_ != "table" or name in target_metadata.tables


def _configureer(**kwargs) -> None:
    context.configure(
        target_metadata=target_metadata,
        include_object=_alleen_projecties,
        compare_type=True,
        **kwargs,
    )


def _migreer(connection) -> None:
    _configureer(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    url = _url()
    _configureer(url=url, literal_binds=True, dialect_opts={"paramstyle": "named"},
                 render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migreer(connection)
        return
    from projections.database import maak_engine

    engine = maak_engine(_url(), schrijven=True)
    try:
        with engine.connect() as conn:
            _migreer(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
