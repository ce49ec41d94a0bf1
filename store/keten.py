"""Tamper evidence: a hash chain per aggregate and one over the whole notification log.

Every event the application records gets, in the SAME transaction as the event
itself, a row in the side table `zaakstroom_event_hashes`:

    notification_id      the event's place in the notification log (primary key)
    originator_id        which aggregate (as the event table stores it)
    originator_version   its place in that aggregate
    event_hash           H_g(aggregate_prev_hash, stored content)      32 bytes
    aggregate_prev_hash  event_hash of the previous event of the aggregate
    chain_hash           H_k(previous chain_hash, notification_id, event_hash)
    recorded_at          the database's clock when the row was written (not hashed;
                         only to say when a removed event was recorded)

and the one-row table `zaakstroom_hashketen` says where the chain began: the last
notification id and the number of events already in the store when the tables were
created (an older store: those events are "niet geketend"), when, and the algorithm.

The hashes (SHA-256, every integer big-endian, every variable field length-prefixed
so that no two different contents encode to the same bytes):

    H_g = SHA-256( b"zaakstroom/gebeurtenis/v1"
                   ‖ aggregate_prev_hash            (32 bytes)
                   ‖ u32 len(id)      ‖ id          (the aggregate id as 32 lowercase hex digits, UUID.hex)
                   ‖ i64 originator_version
                   ‖ u32 len(topic)   ‖ topic       (UTF-8, e.g. "domain.zaak:Zaak.StatusGewijzigd")
                   ‖ u32 len(state)   ‖ state )     (the stored bytes: the JSON with actor, datum, reden, …)
    H_k = SHA-256( b"zaakstroom/keten/v1"
                   ‖ previous chain_hash            (32 bytes)
                   ‖ i64 notification_id
                   ‖ event_hash )                   (32 bytes)

Genesis: 32 zero bytes. It is the aggregate_prev_hash of an aggregate's first event
(version 1, or the first one recorded after an older event that has no hash), and
the "previous chain_hash" of the first row of the store-wide chain.

Concurrency: the previous chain head is read, and the new rows written, while the
writer holds the store's write lock: on PostgreSQL the `LOCK TABLE … IN EXCLUSIVE
MODE` eventsourcing takes to hand out notification ids in commit order, on SQLite the
database's single write lock (taken by the event INSERT, the first statement of the
transaction). Writers are serialised there anyway; the chain adds one read and one
insert inside that lock. On SQLite the recorder also gives a new event the id after
the highest one in EITHER table, so ids are never reused after the tail of the event
table was deleted (PostgreSQL's sequence never reuses them).

What this proves, and what not. An attacker who can only change the event table (an
UPDATE of a payload or of the actor, a DELETE, a swap, an INSERT, a truncated tail)
is caught and the event named: the content no longer matches its hash, a hash has
no event, an event has no hash. The chain sits in the same database, however, and
the algorithm is public (there is no secret key): someone who can run SQL on BOTH
tables can recompute every hash from the point they changed up to the head, or cut
off the tail of both. That is only caught against a value kept outside the database:
`zaakstroom audit anker` prints the chain head (notification id and chain hash);
an auditor who keeps it (on paper, in an e-mail, in another system) can later run
`zaakstroom audit verificeer --alles --anker ID:HASH`, which fails when the chain no
longer reaches that hash. Events recorded after the last anchor an auditor kept are
protected against naive and accidental change only. Events written by something
other than zaakstroom's recorder (the bare library, a script) have no hash and are
reported as inserted.
"""

from __future__ import annotations

from collections.abc import Sequence
from hashlib import sha256
from uuid import UUID

HASH_TABEL = "zaakstroom_event_hashes"
BEGIN_TABEL = "zaakstroom_hashketen"
ALGORITME = "sha256-v1"

GENESIS = bytes(32)
_TAG_G = b"zaakstroom/gebeurtenis/v1"
_TAG_K = b"zaakstroom/keten/v1"


def id_tekst(originator_id: UUID | str) -> str:
    """The aggregate id as it is hashed: UUID.hex (as eventsourcing.sqlite stores it), or the text id."""
    return originator_id.hex if isinstance(originator_id, UUID) else originator_id


def gebeurtenis_hash(vorige: bytes, originator_id: str, versie: int, topic: str, state: bytes) -> bytes:
    """H_g over one stored event, linked to the previous event of its aggregate."""
    o = originator_id.encode()
    t = topic.encode()
    return sha256(b"".join((
        _TAG_G, vorige, len(o).to_bytes(4, "big"), o, versie.to_bytes(8, "big", signed=True),
        len(t).to_bytes(4, "big"), t, len(state).to_bytes(4, "big"), state,
    ))).digest()


def keten_hash(vorige: bytes, notification_id: int, event_hash: bytes) -> bytes:
    """H_k: the store-wide chain, one link per notification."""
    return sha256(_TAG_K + vorige + notification_id.to_bytes(8, "big", signed=True) + event_hash).digest()


def nodige_vorigen(stored_events: Sequence) -> list[tuple[str, int]]:
    """(aggregate id, version) of the previous events the database must supply: one per
    aggregate in the batch whose first event here is not its version 1."""
    gezien: set[str] = set()
    nodig = []
    for s in stored_events:
        oid = id_tekst(s.originator_id)
        if oid not in gezien:
            gezien.add(oid)
            if s.originator_version > 1:
                nodig.append((oid, s.originator_version - 1))
    return nodig


def hashrijen(stored_events: Sequence, notification_ids: Sequence[int], kop: bytes | None,
              vorigen: dict[tuple[str, int], bytes]) -> list[tuple[int, str, int, bytes, bytes, bytes]]:
    """The side-table rows for a batch being recorded: (notification_id, originator_id,
    originator_version, event_hash, aggregate_prev_hash, chain_hash).

    `kop` is the chain_hash of the last row already in the table (None: the chain starts
    here); `vorigen` the event_hash of the previous event per (id, version) the
    database had (absent: that event has no hash, or does not exist: genesis).
    """
    laatst: dict[str, tuple[int, bytes]] = {}
    ketting = GENESIS if kop is None else kop
    rijen = []
    for s, n in zip(stored_events, notification_ids, strict=True):
        oid = id_tekst(s.originator_id)
        versie = s.originator_version
        eerder = laatst.get(oid)
        if eerder is not None and eerder[0] == versie - 1:
            vorige = eerder[1]
        else:
            vorige = vorigen.get((oid, versie - 1), GENESIS)
        eh = gebeurtenis_hash(vorige, oid, versie, s.topic, s.state)
        ketting = keten_hash(ketting, n, eh)
        laatst[oid] = (versie, eh)
        rijen.append((n, oid, versie, eh, vorige, ketting))
    return rijen


def anker_tekst(notification_id: int, chain_hash: bytes) -> str:
    """The chain head as an auditor writes it down: ID:HASH (hex)."""
    return f"{notification_id}:{chain_hash.hex()}"


def lees_anker(tekst: str) -> tuple[int, bytes]:
    """ID:HASH back into (notification id, chain hash); ValueError when it is not one."""
    nummer, _, hexhash = tekst.strip().partition(":")
    if not nummer.isdigit() or len(hexhash) != 64:
        raise ValueError(tekst)
    return int(nummer), bytes.fromhex(hexhash)

