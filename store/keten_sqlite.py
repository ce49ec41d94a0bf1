"""The SQLite application recorder with the hash chain (store/keten.py), and its reads for verification.

`store.events.store_env` names the factory below in PERSISTENCE_MODULE, so the
application and every reader (EventLog) get this recorder. The side tables live in
the same file as the events; they are created, when missing, in one BEGIN IMMEDIATE
transaction that also records where the chain begins.

The factory also gives each connection a real statement cache. eventsourcing 9.5
opens its connections with `cached_statements=True`, which sqlite3 reads as a
cache of ONE statement: every statement but the last is parsed and planned again
on each use. Recording a hash adds three statements to a save; re-preparing them
would cost ~130 µs per save, with a cache ~5 µs (bench/RESULTS.md, "Hashketen").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlite3

from eventsourcing.persistence import InterfaceError, StoredEvent
from eventsourcing.sqlite import (
    SQLITE3_DEFAULT_LOCK_TIMEOUT,
    SQLiteApplicationRecorder,
    SQLiteConnection,
    SQLiteConnectionPool,
    SQLiteCursor,
    SQLiteDatastore,
    SQLiteFactory,
)

from store.keten import ALGORITME, BEGIN_TABEL, HASH_TABEL, hashrijen, nodige_vorigen

_STATEMENTS_IN_CACHE = 64  # per connection: every statement a save, a load and a verification uses
_PER_VRAAG = 400  # (id, version) pairs per lookup query
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
        kop = f"SELECT 0, notification_id, chain_hash FROM {h} WHERE notification_id = (SELECT max(notification_id) FROM {h})"
        vorige = (f"SELECT 1, e.originator_id, k.event_hash FROM {t} e JOIN {h} k ON k.notification_id = e.rowid "
                  "WHERE e.originator_id = ? AND e.originator_version = ?")
        # One query for the usual save (one aggregate): the chain head and the previous event's hash.
        self._kop = (kop, f"{kop} UNION ALL {vorige}")
        self._vorigen = (
            f"SELECT 1, e.originator_id, k.event_hash FROM (VALUES {{}}) p CROSS JOIN {t} e "
            "ON e.originator_id = p.column1 AND e.originator_version = p.column2 "
            f"JOIN {h} k ON k.notification_id = e.rowid"
        )

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
        gevraagd = dict(nodig)
        kop, vorigen = None, {}
        if len(nodig) <= 1:
            c.execute(self._kop[len(nodig)], nodig[0] if nodig else ())
            rijen = c.fetchall()
        else:  # a batch of many aggregates (a bulk load): the previous hashes in chunks
            c.execute(self._kop[0])
            rijen = c.fetchall()
            for i in range(0, len(nodig), _PER_VRAAG):
                deel = nodig[i:i + _PER_VRAAG]
                c.execute(self._vorigen.format(",".join(["(?, ?)"] * len(deel))), [x for paar in deel for x in paar])
                rijen += c.fetchall()
        for soort, sleutel, waarde in rijen:
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

    # Each value in the type it should have, whatever a hand-edited row holds instead (SQLite keeps any
    # type in any column): a changed type is then just a different value, whose hash does not match.
    _E = ("CAST(e.originator_id AS TEXT), CAST(e.originator_version AS INTEGER), "
          "coalesce(CAST(e.topic AS TEXT), ''), coalesce(CAST(e.state AS BLOB), X'')")
    _K = ("CAST(k.originator_id AS TEXT), CAST(k.originator_version AS INTEGER), "
          "coalesce(CAST(k.event_hash AS BLOB), X''), coalesce(CAST(k.aggregate_prev_hash AS BLOB), X''), "
          "coalesce(CAST(k.chain_hash AS BLOB), X'')")

    def _lees(self, waar_e: str, waar_k: str, params: Sequence) -> list[tuple]:
        t, h = self.events_table_name, HASH_TABEL
        return self._rijen(
            f"SELECT e.rowid, {self._E}, {self._K} FROM {t} e LEFT JOIN {h} k ON k.notification_id = e.rowid "
            f"WHERE {waar_e} "
            f"UNION ALL SELECT k.notification_id, NULL, NULL, NULL, NULL, {self._K} "
            f"FROM {h} k WHERE {waar_k} "
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


class _VerbindingenMetCache(SQLiteConnectionPool):
    """The library's pool, opening connections with a statement cache (see the module docstring)."""

    def _create_connection(self) -> SQLiteConnection:
        # As SQLiteConnectionPool._create_connection of eventsourcing 9.5.6, but cached_statements.
        try:
            c = sqlite3.connect(
                database=self.db_name, uri=True, check_same_thread=False, isolation_level=None,
                cached_statements=_STATEMENTS_IN_CACHE, timeout=self.lock_timeout or SQLITE3_DEFAULT_LOCK_TIMEOUT,
            )
        except (sqlite3.Error, TypeError) as e:
            raise InterfaceError(e) from e
        if not self.is_sqlite_memory_mode and not self.is_journal_mode_wal:
            cursor = c.cursor()
            cursor.execute("PRAGMA journal_mode;")
            if cursor.fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL;")
                self.journal_mode_was_changed_to_wal = True
            self.is_journal_mode_wal = True
        c.row_factory = sqlite3.Row
        return SQLiteConnection(sqlite_conn=c, max_age=self.max_age)


class GeketendeSQLiteFactory(SQLiteFactory):
    """eventsourcing's SQLite factory with the chained recorder and a statement cache per connection."""

    application_recorder_class = GeketendeSQLiteRecorder

    def __init__(self, env) -> None:
        super().__init__(env)
        # The pool has opened no connection yet; from here on it opens them with a cache.
        self.datastore.pool.__class__ = _VerbindingenMetCache
