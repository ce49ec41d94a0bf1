"""The SQLite application recorder with the hash chain (store/keten.py), and its reads for verification.

`store.events.store_env` names this class in APPLICATION_RECORDER_TOPIC, so the
application and every reader (EventLog) get it. The side tables live in the same
file as the events; they are created, when missing, in one BEGIN IMMEDIATE
transaction that also records where the chain begins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore

from store.keten import ALGORITME, BEGIN_TABEL, HASH_TABEL, hashrijen, nodige_vorigen

_JULIAANSE_EPOCH = 2440587.5  # julianday('1970-01-01')


def _tijd(juliaans: float | None) -> datetime | None:
    if juliaans is None:
        return None
    return datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(days=juliaans - _JULIAANSE_EPOCH)


class GeketendeSQLiteRecorder(SQLiteApplicationRecorder):
    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events") -> None:
        super().__init__(datastore, events_table_name)
        t, h = self.events_table_name, HASH_TABEL
        # The next id after the highest in EITHER table: never reuse the id of a deleted tail event
        # (SQLite's rowid would), so its hash row stays and the deletion stays visible.
        self.insert_events_statement = (
            f"INSERT INTO {t} (rowid, originator_id, originator_version, topic, state) VALUES ("
            f"(SELECT max(n) + 1 FROM (SELECT max(rowid) AS n FROM {t} "
            f"UNION ALL SELECT max(notification_id) FROM {h})), ?, ?, ?, ?)"
        )
        self._insert_hashes = (
            f"INSERT INTO {h} (notification_id, originator_id, originator_version, event_hash, "
            "aggregate_prev_hash, chain_hash) VALUES (?, ?, ?, ?, ?, ?)"
        )
        self._kop = f"SELECT 0, notification_id, chain_hash FROM {h} WHERE notification_id = (SELECT max(notification_id) FROM {h})"
        self._vorige = (
            f"SELECT 1, e.originator_id, k.event_hash FROM {t} e JOIN {h} k ON k.notification_id = e.rowid "
            "WHERE e.originator_id = ? AND e.originator_version = ?"
        )
        self._kop_en_vorigen: dict[int, str] = {}

    # --- tables -------------------------------------------------------------------------

    def create_table(self) -> None:
        super().create_table()
        with self.datastore.get_connection(commit=True) as conn:
            c = conn.cursor()
            try:
                c.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
                          (HASH_TABEL, BEGIN_TABEL))
                if c.fetchone()[0] == 2:
                    return
                # IMMEDIATE: take the write lock first, so no event slips in between counting
                # the events that predate the chain and creating it.
                c.execute("BEGIN IMMEDIATE")
                try:
                    c.execute(
                        f"CREATE TABLE IF NOT EXISTS {HASH_TABEL} ("
                        "notification_id INTEGER PRIMARY KEY, originator_id TEXT NOT NULL, "
                        "originator_version INTEGER NOT NULL, event_hash BLOB NOT NULL, "
                        "aggregate_prev_hash BLOB NOT NULL, chain_hash BLOB NOT NULL, "
                        "recorded_at REAL NOT NULL DEFAULT (julianday('now')))"
                    )
                    c.execute(
                        f"CREATE TABLE IF NOT EXISTS {BEGIN_TABEL} ("
                        "id INTEGER PRIMARY KEY CHECK (id = 1), begin_notification_id INTEGER NOT NULL, "
                        "events_before INTEGER NOT NULL, begun_at REAL NOT NULL, algorithm TEXT NOT NULL)"
                    )
                    c.execute(
                        f"INSERT OR IGNORE INTO {BEGIN_TABEL} SELECT 1, coalesce(max(rowid), 0), count(*), "
                        f"julianday('now'), ? FROM {self.events_table_name}", (ALGORITME,)
                    )
                    conn.commit()
                except BaseException:
                    conn.rollback()
                    raise
            finally:
                c.sqlite_cursor.close()

    # --- writing ------------------------------------------------------------------------

    def _insert_events(self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any):
        # The event INSERTs come first: the first write of the transaction takes SQLite's
        # write lock, so the chain head read below is the latest and stays so until commit.
        notification_ids = super()._insert_events(c, stored_events, **kwargs)
        if not stored_events:
            return notification_ids
        nodig = nodige_vorigen(stored_events)
        statement = self._kop_en_vorigen.get(len(nodig))
        if statement is None:
            statement = " UNION ALL ".join([self._kop] + [self._vorige] * len(nodig))
            self._kop_en_vorigen[len(nodig)] = statement
        c.execute(statement, [x for paar in nodig for x in paar])
        kop, vorigen = None, {}
        gevraagd = dict(nodig)
        for soort, sleutel, waarde in c.fetchall():
            if soort == 0:
                kop = waarde
            else:
                vorigen[(sleutel, gevraagd[sleutel])] = waarde
        c.executemany(self._insert_hashes, hashrijen(stored_events, notification_ids, kop, vorigen))
        return notification_ids

    # --- reading, for verification ------------------------------------------------------------

    def _rijen(self, statement: str, params: Sequence) -> list[tuple]:
        with self.datastore.transaction(commit=False) as c:
            c.sqlite_cursor.row_factory = None  # plain tuples: this is the hot path of verification
            c.execute(statement, params)
            return c.fetchall()

    def keten_begin(self) -> dict | None:
        rijen = self._rijen(f"SELECT begin_notification_id, events_before, begun_at, algorithm FROM {BEGIN_TABEL}", ())
        if not rijen:
            return None
        begin, ervoor, op, algoritme = rijen[0]
        return {"begin": begin, "ervoor": ervoor, "begonnen_op": _tijd(op), "algoritme": algoritme}

    def keten_kop(self) -> tuple[int, bytes] | None:
        rijen = self._rijen(f"SELECT notification_id, chain_hash FROM {HASH_TABEL} ORDER BY notification_id DESC LIMIT 1", ())
        return (rijen[0][0], rijen[0][1]) if rijen else None

    def keten_schakel(self, notification_id: int) -> bytes | None:
        rijen = self._rijen(f"SELECT chain_hash FROM {HASH_TABEL} WHERE notification_id = ?", (notification_id,))
        return rijen[0][0] if rijen else None

    def hoogste_id(self) -> int:
        rijen = self._rijen(
            f"SELECT max(coalesce((SELECT max(rowid) FROM {self.events_table_name}), 0), "
            f"coalesce((SELECT max(notification_id) FROM {HASH_TABEL}), 0))", ())
        return rijen[0][0]

    def volgende_id(self, na: int) -> int | None:
        """The first notification id above `na` in either table."""
        rijen = self._rijen(
            f"SELECT min(n) FROM (SELECT min(rowid) AS n FROM {self.events_table_name} WHERE rowid > ?1 "
            f"UNION ALL SELECT min(notification_id) FROM {HASH_TABEL} WHERE notification_id > ?1)", (na,))
        return rijen[0][0]

    _KOLOMMEN = ("e.originator_id, e.originator_version, e.topic, e.state, "
                 "k.originator_id, k.originator_version, k.event_hash, k.aggregate_prev_hash, k.chain_hash")

    def _lees(self, waar_e: str, waar_k: str, params: Sequence) -> list[tuple]:
        t, h = self.events_table_name, HASH_TABEL
        return self._rijen(
            f"SELECT e.rowid, {self._KOLOMMEN} FROM {t} e LEFT JOIN {h} k ON k.notification_id = e.rowid "
            f"WHERE {waar_e} "
            f"UNION ALL SELECT k.notification_id, NULL, NULL, NULL, NULL, k.originator_id, k.originator_version, "
            f"k.event_hash, k.aggregate_prev_hash, k.chain_hash FROM {h} k WHERE {waar_k} "
            f"AND NOT EXISTS (SELECT 1 FROM {t} e WHERE e.rowid = k.notification_id) "
            "ORDER BY 1", params)

    def lees_keten(self, na: int, tot: int) -> list[tuple]:
        """Rows (id, event's aggregate id, version, topic, state, hash row's aggregate id, version,
        event_hash, aggregate_prev_hash, chain_hash) for na < id <= tot, by id; None where one side is missing."""
        return self._lees("e.rowid > ?1 AND e.rowid <= ?2", "k.notification_id > ?1 AND k.notification_id <= ?2",
                          (na, tot))

    def lees_ids(self, ids: Sequence[int]) -> list[tuple]:
        """The rows of lees_keten for these ids."""
        lijst = ",".join(str(int(n)) for n in ids) or "NULL"
        return self._lees(f"e.rowid IN ({lijst})", f"k.notification_id IN ({lijst})", ())

    def ids_van_aggregaat(self, originator_id: str) -> list[int]:
        """The ids of an aggregate's events and of the hash rows that name it."""
        return [r[0] for r in self._rijen(
            f"SELECT rowid FROM {self.events_table_name} WHERE originator_id = ?1 UNION "
            f"SELECT notification_id FROM {HASH_TABEL} WHERE originator_id = ?1 ORDER BY 1", (originator_id,))]

    def vorige_schakels(self, notification_ids: Sequence[int]) -> dict[int, tuple[int, bytes] | None]:
        """Per id, the hash row just before it (id, chain_hash), for checking one link of the chain."""
        uit = {}
        for n in notification_ids:
            rijen = self._rijen(f"SELECT notification_id, chain_hash FROM {HASH_TABEL} WHERE notification_id < ? "
                                "ORDER BY notification_id DESC LIMIT 1", (n,))
            uit[n] = (rijen[0][0], rijen[0][1]) if rijen else None
        return uit

    def vastgelegd_op(self, notification_ids: Sequence[int]) -> dict[int, datetime]:
        """When the hash rows of these ids were written (the database's clock)."""
        if not notification_ids:
            return {}
        vraag = ",".join("?" * len(notification_ids))
        return {n: _tijd(r) for n, r in self._rijen(
            f"SELECT notification_id, recorded_at FROM {HASH_TABEL} WHERE notification_id IN ({vraag})",
            list(notification_ids))}

    def eerste_gebeurtenissen(self, originator_ids: Sequence[str]) -> dict[str, tuple[str, bytes]]:
        """(topic, state) of the lowest version still stored, per aggregate: what names it."""
        uit = {}
        for oid in originator_ids:
            rijen = self._rijen(f"SELECT topic, state FROM {self.events_table_name} WHERE originator_id = ? "
                                "ORDER BY originator_version LIMIT 1", (oid,))
            if rijen:
                uit[oid] = (rijen[0][0], rijen[0][1])
        return uit
