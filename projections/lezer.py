"""Reading the projection tables with plain SQL, for reports that run as a fresh process.

A report must start about as fast as the CLI itself, so this module imports
neither eventsourcing nor transitions nor SQLAlchemy (whose import alone costs
two to three times the bare start-up of the CLI): it talks to the database
through the driver (sqlite3, or psycopg for PostgreSQL) and keeps its SQL
portable (named parameters `:naam`). Table and column names are those of the
SQLAlchemy models in projections/ (the tests check them against the models).

`stand(namen)` says up to which event the projections a report reads are
current: the same question the runner answers, asked with one query.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date

from store.config import Opslag

# The event store's own tables (eventsourcing 9.5, store.events.STORE_NAME = "zaakstroom"): only
# to see whether a projection is behind, without importing the library.
_LAATSTE_SQLITE = "SELECT MAX(rowid) FROM stored_events"
_LAATSTE_POSTGRES = "SELECT MAX(notification_id) FROM public.zaakstroom_events"


class Lezer:
    """One connection to the store, for reading; dates and booleans as the driver gives them."""

    def __init__(self, opslag: Opslag) -> None:
        self.postgres = opslag.is_postgres
        self.conn = None
        if self.postgres:
            import psycopg

            env = opslag.eventsourcing_env()
            self.conn = psycopg.connect(
                dbname=env["POSTGRES_DBNAME"], host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"],
                user=env["POSTGRES_USER"], password=env["POSTGRES_PASSWORD"] or None,
                connect_timeout=int(env["POSTGRES_CONNECT_TIMEOUT"]),
            )
        elif opslag.sqlite_pad.exists():
            self.conn = sqlite3.connect(opslag.sqlite_pad, timeout=30)

    def __enter__(self) -> Lezer:
        return self

    def __exit__(self, *exc) -> None:
        if self.conn is not None:
            self.conn.close()

    def rijen(self, sql: str, **params) -> list[tuple]:
        if self.conn is None:
            return []
        if self.postgres:
            sql = re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", sql)
        else:
            params = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items()}
        cur = self.conn.execute(sql, params)
        rijen = cur.fetchall()
        if self.postgres:
            self.conn.rollback()  # read only; end the transaction psycopg opened
        return rijen

    def dicts(self, sql: str, **params) -> list[dict]:
        """Rows as dicts keyed by the column names of the query."""
        if self.conn is None:
            return []
        if self.postgres:
            sql = re.sub(r"(?<![:\w]):([a-z_]+)", r"%(\1)s", sql)
        else:
            params = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items()}
        cur = self.conn.execute(sql, params)
        namen = [k[0] for k in cur.description]
        rijen = [dict(zip(namen, r)) for r in cur.fetchall()]
        if self.postgres:
            self.conn.rollback()
        return rijen

    def heeft_tabel(self, naam: str) -> bool:
        if self.conn is None:
            return False
        if self.postgres:
            return bool(self.rijen("SELECT to_regclass(:naam) IS NOT NULL", naam=f"public.{naam}")[0][0])
        return bool(self.rijen("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :naam", naam=naam)[0][0])

    def laatste(self) -> int:
        """The last notification id in the event log (0 when there is none)."""
        if self.conn is None or not self.heeft_tabel("zaakstroom_events" if self.postgres else "stored_events"):
            return 0
        return self.rijen(_LAATSTE_POSTGRES if self.postgres else _LAATSTE_SQLITE)[0][0] or 0

    def posities(self) -> dict[str, int]:
        if not self.heeft_tabel("projectie_posities"):
            return {}
        return dict(self.rijen("SELECT naam, positie FROM projectie_posities"))

    def stand(self, namen: list[str]) -> dict:
        """How current the projections `namen` are: {"tot_en_met": the event they all include,
        "laatste": the last event in the log, "achterstand": how many events they are behind}.

        `achterstand` is the difference in notification ids: exact, unless a write to the
        event store was rolled back and left a gap in the ids (PostgreSQL).
        """
        laatste, posities = self.laatste(), self.posities()
        tot_en_met = min((posities.get(n, 0) for n in namen), default=laatste)
        return {"tot_en_met": tot_en_met, "laatste": laatste, "achterstand": max(laatste - tot_en_met, 0)}

    def achterstand(self, naam: str = "overdrachten") -> int:
        """How many notifications the projection `naam` is behind the event log (0: up to date)."""
        return self.stand([naam])["achterstand"]
