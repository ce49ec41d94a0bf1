"""The event store's tables, how our values are encoded in it, and the log for readers.

Every process that writes events (the application) or reads them (the
projection runner, audit tools, benchmarks) opens the same store through here:
the table name follows from STORE_NAME, the transcodings from `transcoder()`.
`EventLog` reads and decodes the notification log with the bare library's
recorder and mapper: reading never constructs the write side.

Both get the recorders of store/keten_sqlite.py (PERSISTENCE_MODULE) and
store/keten_postgres.py (APPLICATION_RECORDER_TOPIC): every event is recorded with its hash and its link
in the hash chain, in the same transaction (store/keten.py says how and what it proves).
"""

from __future__ import annotations

from datetime import date

from eventsourcing.application import Application
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    InfrastructureFactory,
    JSONTranscoder,
    Transcoding,
    UUIDAsHex,
)
from eventsourcing.utils import Environment

from store.config import Opslag

STORE_NAME = "zaakstroom"  # eventsourcing derives the table name from it: zaakstroom_events
_SCHEMA_SLOT = 7_206_001  # advisory lock key for creating the event tables
# The recorders that write each event's hash with it (store/keten.py); imported by eventsourcing
# only for the database in use, so a SQLite command never imports psycopg. On SQLite a factory
# subclass, which also gives the connections a statement cache (store/keten_sqlite.py).
_FACTORY_SQLITE = "store.keten_sqlite:GeketendeSQLiteFactory"
_RECORDER_POSTGRES = "store.keten_postgres:GeketendePostgresRecorder"


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


def register_transcodings(transcoder: JSONTranscoder) -> None:
    """The library's own transcodings plus ours; the one list for writers and readers."""
    for transcoding in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO(), DateAsISO()):
        transcoder.register(transcoding)


def store_env(opslag: Opslag) -> dict[str, str]:
    """The eventsourcing environment for the store, with the event tables made sure to exist."""
    env = opslag.eventsourcing_env()
    if opslag.is_postgres:
        env["APPLICATION_RECORDER_TOPIC"] = _RECORDER_POSTGRES
    else:
        env["PERSISTENCE_MODULE"] = _FACTORY_SQLITE
    if opslag.is_postgres:
        # eventsourcing's create_table runs CREATE OR REPLACE FUNCTION on
        # every start, and two processes doing that at once fail ("tuple
        # concurrently updated"): create the tables only when missing.
        _zorg_voor_tabellen_postgres(env)
        env["CREATE_TABLE"] = "no"
    return env


class _Tabelmaker(Application):
    """Only creates the tables; named like the application because the name is in the table names."""

    name = STORE_NAME


def _zorg_voor_tabellen_postgres(env: dict[str, str]) -> None:
    """Create the event store's tables (events, and the hash chain's) if missing, under an
    advisory lock others wait on."""
    import psycopg

    from store.keten import BEGIN_TABEL, HASH_TABEL

    schema = env.get("POSTGRES_SCHEMA") or "public"
    tabellen = [f"{schema}.{naam}" for naam in (f"{STORE_NAME}_events", HASH_TABEL, BEGIN_TABEL)]
    with psycopg.connect(
        dbname=env["POSTGRES_DBNAME"], host=env["POSTGRES_HOST"], port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"], password=env["POSTGRES_PASSWORD"] or None, autocommit=True,
        connect_timeout=int(env.get("POSTGRES_CONNECT_TIMEOUT", "5")),
    ) as conn:
        bestaat = "SELECT bool_and(to_regclass(t) IS NOT NULL) FROM unnest(%s::text[]) AS t"
        if conn.execute(bestaat, (tabellen,)).fetchone()[0]:
            return
        conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_SLOT,))
        try:
            if not conn.execute(bestaat, (tabellen,)).fetchone()[0]:
                _Tabelmaker(env={**env, "CREATE_TABLE": "yes"}).close()
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_SLOT,))


class EventLog:
    """The notification log of the store, for readers: `recorder` (select_notifications,
    max_notification_id, select_events) and `mapper` (stored event → domain event)."""

    def __init__(self, opslag: Opslag) -> None:
        self.opslag = opslag
        self.factory = InfrastructureFactory.construct(Environment(STORE_NAME, store_env(opslag)))
        self.recorder = self.factory.application_recorder()
        transcoder = self.factory.transcoder()
        register_transcodings(transcoder)
        self.mapper = self.factory.mapper(transcoder=transcoder)

    def laatste(self) -> int:
        return self.recorder.max_notification_id() or 0

    def close(self) -> None:
        self.factory.close()

    def __enter__(self) -> EventLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
