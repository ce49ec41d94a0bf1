"""Per-person keys in bulk, on the same key table and in the same format as store/keys.py.

`Sleutelkluis` makes one random key per call, committed at once: right for one indiener,
too slow for a population of 100,000 clients. `Persoonssleutels` adds what an import
and a nightly job need:
- keys with a deterministic id (`uuid5` of the aggregate id), fetched and created for a
  whole batch in one transaction: an import that was killed after its keys were committed
  but before its events were finds and reuses them when it is run again (no orphans);
- encrypting more than one value with one person's key (the pseudonym, then each reason);
- a secret per overgangsjaar (`geheim`) for the keyed hash that derives a client's
  aggregate id from the pseudonym, so the event log alone cannot be searched by pseudonym.

A ciphertext is base64(nonce + AES-256-GCM(json), associated data = key id), exactly as
`Sleutelkluis.versleutel` writes it, so `Sleutelkluis.ontsleutel` reads it and
`Sleutelkluis.vernietig` erases it. With a key in hand (`sleutels`, `Sleutelkluis.sleutel`) a
caller encrypts and decrypts with `store.keys.versleutel`/`ontsleutel`, which need no database and
no SQLAlchemy: the read path of the reports joins the key table in its own query.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone

from store.keys import Sleutelkluis

_PER_QUERY = 900  # ids per IN (...) list


class Persoonssleutels(Sleutelkluis):
    def sleutels(self, sleutel_ids: Iterable[str], *, maak: bool = False) -> dict[str, bytes]:
        """The keys of these ids, read in one transaction; with `maak`, the missing ones are created
        in that same transaction (committed when it returns). An erased key is recreated only when
        asked to (`maak`): callers ask so only for an aggregate that does not exist yet."""
        import sqlalchemy as sa

        ids = list(dict.fromkeys(sleutel_ids))
        t = self._tabel()
        gevonden: dict[str, bytes] = {}
        with self._verbinding() as conn:
            for i in range(0, len(ids), _PER_QUERY):
                deel = ids[i:i + _PER_QUERY]
                for sid, sleutel in conn.execute(sa.select(t.c.sleutel_id, t.c.sleutel).where(t.c.sleutel_id.in_(deel))):
                    gevonden[sid] = bytes(sleutel)
            if maak and (nieuw := [sid for sid in ids if sid not in gevonden]):
                nu = datetime.now(timezone.utc)
                rijen = [{"sleutel_id": sid, "sleutel": os.urandom(32), "aangemaakt": nu} for sid in nieuw]  # AES-256
                conn.execute(self._invoegen(conn), rijen)
                if conn.dialect.name == "sqlite":
                    # One writer at a time (BEGIN IMMEDIATE): nobody else can have made them meanwhile.
                    gevonden.update((r["sleutel_id"], r["sleutel"]) for r in rijen)
                else:
                    # Another process may have made some meanwhile (and ON CONFLICT kept its key):
                    # read back what is stored, so both use the same key.
                    for i in range(0, len(nieuw), _PER_QUERY):
                        deel = nieuw[i:i + _PER_QUERY]
                        for sid, sleutel in conn.execute(
                                sa.select(t.c.sleutel_id, t.c.sleutel).where(t.c.sleutel_id.in_(deel))):
                            gevonden[sid] = bytes(sleutel)
        return gevonden

    def geheim(self, geheim_id: str) -> bytes:
        """A secret of 32 bytes kept in the key table under `geheim_id`, created on first use."""
        return self.sleutels([geheim_id], maak=True)[geheim_id]

    def _invoegen(self, conn):
        """INSERT … ON CONFLICT DO NOTHING on the key table, in the dialect of the store."""
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(self._tabel()).on_conflict_do_nothing(index_elements=["sleutel_id"])
