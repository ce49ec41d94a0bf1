"""Reading the event store in bulk where the library reads one aggregate at a time.

eventsourcing asks "does this aggregate exist" one id per query. An import of 100,000
clients with deterministic ids needs it per batch: `bestaande_ids` asks once for a whole
batch, on the recorder's own connection, in the store's own table. The table and column
layout are the library's (eventsourcing 9.5: `originator_id` as hex text in SQLite, uuid
in PostgreSQL); tests/integration/test_overgang_import.py checks this against the library.

The database is told by the recorder's class hierarchy, not by its own module: the store's
recorders are subclasses of the library's (store/keten_sqlite.py, store/keten_postgres.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

_PER_QUERY = 900


def _is_postgres(recorder) -> bool:
    """Whether `recorder` is (a subclass of) one of eventsourcing.postgres's, without importing psycopg."""
    return any(k.__module__.startswith("eventsourcing.postgres") for k in type(recorder).__mro__)


def bestaande_ids(recorder, ids: Iterable[UUID]) -> set[UUID]:
    """Which of `ids` have a first event in the store."""
    ids = list(ids)
    gevonden: set[UUID] = set()
    postgres = _is_postgres(recorder)
    for i in range(0, len(ids), _PER_QUERY):
        deel = ids[i:i + _PER_QUERY]
        if postgres:
            from psycopg.sql import SQL, Identifier

            vraag = SQL("SELECT originator_id FROM {}.{} WHERE originator_version = 1 AND originator_id = ANY(%s)").format(
                Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
            with recorder.datastore.transaction(commit=False) as curs:
                curs.execute(vraag, [deel])
                gevonden.update(UUID(str(r["originator_id"])) for r in curs.fetchall())
        else:
            vraag = (f"SELECT originator_id FROM {recorder.events_table_name} "
                     f"WHERE originator_version = 1 AND originator_id IN ({', '.join('?' * len(deel))})")
            with recorder.datastore.transaction(commit=False) as c:
                c.execute(vraag, [u.hex for u in deel])
                gevonden.update(UUID(r["originator_id"]) for r in c.fetchall())
    return gevonden
