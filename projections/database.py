"""The projections' database: the store's SQL engine and migrations (store/sql.py), and
whether the projection tables are there."""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from projections.models import Base
from store.sql import MIGRATIES, alembic_config, maak_engine, migreer

__all__ = ["MIGRATIES", "alembic_config", "heeft_tabellen", "maak_engine", "migreer"]


def heeft_tabellen(engine: Engine) -> bool:
    """Whether the projection tables exist (a store that was never caught up has none)."""
    aanwezig = set(inspect(engine).get_table_names())
    return all(t in aanwezig for t in Base.metadata.tables)
