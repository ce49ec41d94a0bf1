"""The PostgreSQL application recorder with the hash chain (store/keten.py), and its reads for verification.

`store.events.store_env` names this class in APPLICATION_RECORDER_TOPIC. Writing:
eventsourcing inserts the events in one pipelined transaction after `LOCK TABLE …
IN EXCLUSIVE MODE`; right behind that INSERT, in the same pipeline, this recorder
reads the chain head and the hashes of the previous events of the aggregates
(one statement, no extra round trip), and once the notification ids are back it
inserts the hash rows, which commit with the events. The lock is held until that
commit, so no other writer can read the same head. The side tables are created
with the event table, under the advisory lock of store.events.

Batch size: like eventsourcing's own insert, everything goes through psycopg's
pipeline mode, which can hang for good when one batch is larger than the socket
takes at once (psycopg issue #685; seen here with the plain library recorder at
1,000 events per call). Commands write a few events; bulk loads should send a
hundred or so per call (bench/verificatie.py does).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from eventsourcing.persistence import ProgrammingError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier, Literal

from store.keten import ALGORITME, BEGIN_TABEL, HASH_TABEL, hashrijen, nodige_vorigen


class GeketendePostgresRecorder(PostgresApplicationRecorder):
    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events") -> None:
        super().__init__(datastore, events_table_name=events_table_name)
        if datastore.enable_db_functions:
            raise ProgrammingError("De hashketen werkt niet met POSTGRES_ENABLE_DB_FUNCTIONS: zet die uit.")
        namen = {
            "schema": Identifier(datastore.schema), "t": Identifier(events_table_name),
            "h": Identifier(HASH_TABEL), "b": Identifier(BEGIN_TABEL),
            "oid_type": Identifier(datastore.originator_id_type),
        }
        self._namen = namen
        self.sql_create_statements.append(SQL(
            "CREATE TABLE IF NOT EXISTS {schema}.{h} ("
            "notification_id bigint PRIMARY KEY, originator_id {oid_type} NOT NULL, "
            "originator_version bigint NOT NULL, event_hash bytea NOT NULL, "
            "aggregate_prev_hash bytea NOT NULL, chain_hash bytea NOT NULL, "
            "recorded_at timestamptz NOT NULL DEFAULT now())"
        ).format(**namen))
        self.sql_create_statements.append(SQL(
            "CREATE TABLE IF NOT EXISTS {schema}.{b} ("
            "id integer PRIMARY KEY CHECK (id = 1), begin_notification_id bigint NOT NULL, "
            "events_before bigint NOT NULL, begun_at timestamptz NOT NULL, algorithm text NOT NULL)"
        ).format(**namen))
        # Lock the event table so no event slips in between counting what predates the chain and starting it.
        self.sql_create_statements.append(SQL("LOCK TABLE {schema}.{t} IN EXCLUSIVE MODE").format(**namen))
        self.sql_create_statements.append(SQL(
            "INSERT INTO {schema}.{b} SELECT 1, coalesce(max(notification_id), 0), count(*), now(), {algoritme} "
            "FROM {schema}.{t} ON CONFLICT (id) DO NOTHING"
        ).format(algoritme=Literal(ALGORITME), **namen))

        self._kop_en_vorigen = SQL(
            "(SELECT 0, NULL::{oid_type}, chain_hash FROM {schema}.{h} ORDER BY notification_id DESC LIMIT 1) "
            "UNION ALL "
            "(SELECT 1, e.originator_id, k.event_hash "
            " FROM unnest(%s::{oid_type}[], %s::bigint[]) AS p(oid, versie) "
            " JOIN {schema}.{t} e ON e.originator_id = p.oid AND e.originator_version = p.versie "
            " JOIN {schema}.{h} k ON k.notification_id = e.notification_id)"
        ).format(**namen)
        self._insert_hashes = SQL(
            "INSERT INTO {schema}.{h} (notification_id, originator_id, originator_version, event_hash, "
            "aggregate_prev_hash, chain_hash) "
            "SELECT * FROM unnest(%s::bigint[], %s::{oid_type}[], %s::bigint[], %s::bytea[], %s::bytea[], %s::bytea[])"
        ).format(**namen)
        self._lokaal = threading.local()  # the pending head read, per writing thread

    # --- writing ------------------------------------------------------------------------

    def _insert_stored_events(self, curs, stored_events: Sequence[StoredEvent], **kwargs: Any) -> None:
        super()._insert_stored_events(curs, stored_events, **kwargs)  # lock, notify, insert
        nodig = nodige_vorigen(stored_events)
        lees = curs.connection.cursor(row_factory=tuple_row)
        lees.execute(self._kop_en_vorigen, ([self._oid(o) for o, _ in nodig], [v for _, v in nodig]),
                     prepare=True)
        self._lokaal.lees = (lees, nodig)

    def _fetch_ids_after_insert_events(self, curs, stored_events: Sequence[StoredEvent], **kwargs: Any):
        notification_ids = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        lees, nodig = self._lokaal.lees
        self._lokaal.lees = None
        gevraagd = dict(nodig)
        kop, vorigen = None, {}
        for soort, oid, waarde in lees.fetchall():
            if soort == 0:
                kop = bytes(waarde)
            else:
                sleutel = oid.hex if self.datastore.originator_id_type == "uuid" else oid
                vorigen[(sleutel, gevraagd[sleutel])] = bytes(waarde)
        rijen = hashrijen(stored_events, notification_ids, kop, vorigen)
        lees.execute(self._insert_hashes, [
            [r[0] for r in rijen], [self._oid(r[1]) for r in rijen], [r[2] for r in rijen],
            [r[3] for r in rijen], [r[4] for r in rijen], [r[5] for r in rijen],
        ], prepare=True)
        lees.close()
        return notification_ids

    def _oid(self, tekst: str):
        """The hashed id text back to what the column takes."""
        if self.datastore.originator_id_type == "uuid":
            from uuid import UUID

            return UUID(hex=tekst)
        return tekst

    # --- reading, for verification ------------------------------------------------------------

    def _rijen(self, statement, params: Sequence = (), *, binary: bool = False) -> list[tuple]:
        with self.datastore.get_connection() as conn, conn.cursor(row_factory=tuple_row) as c:
            c.execute(statement, params, binary=binary)
            return c.fetchall()

    def _sql(self, tekst: str) -> SQL:
        return SQL(tekst).format(**self._namen)

    def keten_begin(self) -> dict | None:
        rijen = self._rijen(self._sql("SELECT begin_notification_id, events_before, begun_at, algorithm FROM {schema}.{b}"))
        if not rijen:
            return None
        begin, ervoor, op, algoritme = rijen[0]
        return {"begin": begin, "ervoor": ervoor, "begonnen_op": op, "algoritme": algoritme}

    def keten_kop(self) -> tuple[int, bytes] | None:
        rijen = self._rijen(self._sql(
            "SELECT notification_id, chain_hash FROM {schema}.{h} ORDER BY notification_id DESC LIMIT 1"))
        return (rijen[0][0], bytes(rijen[0][1])) if rijen else None

    def keten_schakel(self, notification_id: int) -> bytes | None:
        rijen = self._rijen(self._sql("SELECT chain_hash FROM {schema}.{h} WHERE notification_id = %s"),
                            (notification_id,))
        return bytes(rijen[0][0]) if rijen else None

    def hoogste_id(self) -> int:
        return self._rijen(self._sql(
            "SELECT greatest(coalesce((SELECT max(notification_id) FROM {schema}.{t}), 0), "
            "coalesce((SELECT max(notification_id) FROM {schema}.{h}), 0))"))[0][0]

    def volgende_id(self, na: int) -> int | None:
        return self._rijen(self._sql(
            "SELECT least((SELECT min(notification_id) FROM {schema}.{t} WHERE notification_id > %(na)s), "
            "(SELECT min(notification_id) FROM {schema}.{h} WHERE notification_id > %(na)s))"), {"na": na})[0][0]

    def _id(self, kolom: str) -> str:
        # The id as hashed (UUID.hex), computed by the server: cheaper than building UUID objects here.
        return f"replace({kolom}::text, '-', '')" if self.datastore.originator_id_type == "uuid" else kolom

    def _kolommen(self) -> str:
        return (f"{self._id('e.originator_id')}, e.originator_version, coalesce(e.topic, ''), "
                "coalesce(e.state, ''::bytea), "
                f"{self._id('k.originator_id')}, k.originator_version, k.event_hash, k.aggregate_prev_hash, k.chain_hash")

    def _lees(self, waar: str, params: dict) -> list[tuple]:
        return self._rijen(self._sql(
            f"SELECT coalesce(e.notification_id, k.notification_id) AS n, {self._kolommen()} "
            f"FROM (SELECT * FROM {{schema}}.{{t}} WHERE {waar}) e "
            f"FULL JOIN (SELECT * FROM {{schema}}.{{h}} WHERE {waar}) k "
            "ON k.notification_id = e.notification_id ORDER BY n"), params, binary=True)

    def lees_keten(self, na: int, tot: int) -> list[tuple]:
        """Rows (id, event's aggregate id, version, topic, state, hash row's aggregate id, version,
        event_hash, aggregate_prev_hash, chain_hash) for na < id <= tot, by id; None where one side is missing."""
        return self._lees("notification_id > %(na)s AND notification_id <= %(tot)s", {"na": na, "tot": tot})

    def lees_ids(self, ids: Sequence[int]) -> list[tuple]:
        """The rows of lees_keten for these ids."""
        return self._lees("notification_id = ANY(%(ids)s)", {"ids": list(ids)})

    def ids_van_aggregaat(self, originator_id: str) -> list[int]:
        """The ids of an aggregate's events and of the hash rows that name it."""
        return [r[0] for r in self._rijen(self._sql(
            "SELECT notification_id FROM {schema}.{t} WHERE originator_id = %(oid)s UNION "
            "SELECT notification_id FROM {schema}.{h} WHERE originator_id = %(oid)s ORDER BY 1"),
            {"oid": self._oid(originator_id)})]

    def vorige_schakels(self, notification_ids: Sequence[int]) -> dict[int, tuple[int, bytes] | None]:
        if not notification_ids:
            return {}
        rijen = self._rijen(self._sql(
            "SELECT p.n, v.notification_id, v.chain_hash FROM unnest(%s::bigint[]) AS p(n) "
            "LEFT JOIN LATERAL (SELECT notification_id, chain_hash FROM {schema}.{h} "
            "WHERE notification_id < p.n ORDER BY notification_id DESC LIMIT 1) v ON true"),
            (list(notification_ids),))
        return {n: ((v, bytes(h)) if v is not None else None) for n, v, h in rijen}

    def vastgelegd_op(self, notification_ids: Sequence[int]) -> dict[int, datetime]:
        if not notification_ids:
            return {}
        return dict(self._rijen(self._sql(
            "SELECT notification_id, recorded_at FROM {schema}.{h} WHERE notification_id = ANY(%s)"),
            (list(notification_ids),)))

    def eerste_gebeurtenissen(self, originator_ids: Sequence[str]) -> dict[str, tuple[str, bytes]]:
        if not originator_ids:
            return {}
        rijen = self._rijen(self._sql(
            f"SELECT DISTINCT ON (originator_id) {self._id('originator_id')}, topic, state FROM {{schema}}.{{t}} "
            "WHERE originator_id = ANY(%s) ORDER BY originator_id, originator_version"),
            ([self._oid(o) for o in originator_ids],))
        return {oid: (topic, bytes(state)) for oid, topic, state in rijen}
