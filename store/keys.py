"""Personal data, erasable without rewriting history (crypto-shredding).

Events are kept for years (Archiefwet) and are never changed, while the AVG
lets a person have their data erased (art. 17). So a person's data is
encrypted with a key of its own (AES-256-GCM); the event carries only the key's
id and the ciphertext, and the key lives in the table `persoonsgegevens_sleutels`
in the same database (migration 0002, run when the table is missing). Erasing
deletes the key: the ciphertext in the events stays, unreadable, and history
still replays. The key table is primary data, not a projection: it is never
rebuilt from events. Backups of the database keep a deleted key until they expire.

One key may protect several texts of one person (a zienswijze's identity,
samenvatting and reactie): `nieuwe_sleutel` makes it, `versleutel_met` encrypts
under it. Each text names its purpose (`doel`), bound into the ciphertext as
associated data with the key id, so a ciphertext cannot be passed off as
another field or as another person's.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from datetime import datetime, timezone

from store.config import Opslag

TABEL = "persoonsgegevens_sleutels"
_NONCE = 12  # bytes, the size AES-GCM is made for


class Sleutelkluis:
    """The key table, opened on first use (SQLAlchemy is only imported when personal data is touched)."""

    def __init__(self, opslag: Opslag) -> None:
        self.opslag = opslag
        self._engine = None
        self._lees_engine = None  # reads take no write lock (SQLite: plain BEGIN, not BEGIN IMMEDIATE)

    def versleutel(self, gegevens) -> tuple[str, str]:
        """A new key for one person; returns (key id, ciphertext). The key is committed at once."""
        sleutel_id = self.nieuwe_sleutel()
        return sleutel_id, self.versleutel_met(sleutel_id, gegevens)

    def nieuwe_sleutel(self) -> str:
        """A new key, committed at once; returns its id."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        sleutel_id = str(uuid.uuid4())
        sleutel = AESGCM.generate_key(bit_length=256)
        with self._verbinding() as conn:
            conn.execute(self._tabel().insert().values(
                sleutel_id=sleutel_id, sleutel=sleutel, aangemaakt=datetime.now(timezone.utc),
            ))
        return sleutel_id

    def versleutel_met(self, sleutel_id: str, gegevens, doel: str | None = None) -> str:
        """`gegevens` (any JSON value) encrypted under an existing key, for `doel` (the field it goes in).

        Refused (KeyError) when the key was destroyed: nothing new is written for an erased person.
        """
        sleutel = self.sleutel(sleutel_id)
        if sleutel is None:
            raise KeyError(sleutel_id)
        return versleutel(sleutel, sleutel_id, gegevens, doel)

    def ontsleutel(self, sleutel_id: str, versleuteld: str, doel: str | None = None):
        """The personal data (as encrypted), or None when its key was destroyed."""
        return ontsleutel(self.sleutel(sleutel_id), sleutel_id, versleuteld, doel)

    def bestaat(self, sleutel_id: str) -> bool:
        return self.sleutel(sleutel_id) is not None

    def vernietig(self, sleutel_id: str) -> bool:
        """Delete the key; True when there was one to delete."""
        t = self._tabel()
        with self._verbinding() as conn:
            return conn.execute(t.delete().where(t.c.sleutel_id == sleutel_id)).rowcount > 0

    def sluit(self) -> None:
        for engine in (self._engine, self._lees_engine):
            if engine is not None:
                engine.dispose()
        self._engine = self._lees_engine = None

    # --- internals ----------------------------------------------------------

    def sleutel(self, sleutel_id: str) -> bytes | None:
        """The key itself, for a caller that encrypts or decrypts several texts with it (`versleutel`,
        `ontsleutel` below), or None when destroyed. Read from the table each time, never kept: a key
        another process destroyed is gone here too."""
        from sqlalchemy import select

        t = self._tabel()
        with self._verbinding(lezen=True) as conn:
            sleutel = conn.execute(select(t.c.sleutel).where(t.c.sleutel_id == sleutel_id)).scalar_one_or_none()
        return None if sleutel is None else bytes(sleutel)

    def _verbinding(self, *, lezen: bool = False):
        from store.sql import heeft_tabel, maak_engine, migreer

        if self._engine is None:
            engine = maak_engine(self.opslag, schrijven=True)
            if not heeft_tabel(engine, TABEL):  # only a new store: Alembic costs most of a second to load
                migreer(engine)  # alembic upgrade head, as the projection runner does: creates the key table
            self._engine = engine
        if lezen:
            if self._lees_engine is None:
                self._lees_engine = maak_engine(self.opslag)
            return self._lees_engine.begin()
        return self._engine.begin()

    @staticmethod
    def _tabel():
        import sqlalchemy as sa

        return sa.table(TABEL, sa.column("sleutel_id"), sa.column("sleutel"), sa.column("aangemaakt"))


def _associatie(sleutel_id: str, doel: str | None) -> bytes:
    """The associated data of a ciphertext: the key id, and the field it is for (none: the identity,
    as the first ciphertexts were written)."""
    return (sleutel_id if doel is None else f"{sleutel_id}/{doel}").encode()


# --- the one ciphertext format: base64(nonce + AES-256-GCM(json)), associated data = key id (/doel) ---


def versleutel(sleutel: bytes, sleutel_id: str, gegevens, doel: str | None = None) -> str:
    """`gegevens` (any JSON value) encrypted with `sleutel`, bound to its key id and field (`doel`)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(_NONCE)
    tekst = AESGCM(bytes(sleutel)).encrypt(nonce, json.dumps(gegevens, ensure_ascii=False).encode(),
                                           _associatie(sleutel_id, doel))
    return base64.b64encode(nonce + tekst).decode("ascii")


def ontsleutel(sleutel: bytes | None, sleutel_id: str, versleuteld: str | None, doel: str | None = None):
    """The value, or None when the key is gone (erased) or there is nothing to decrypt."""
    if sleutel is None or not versleuteld:
        return None
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ruw = base64.b64decode(versleuteld)
    return json.loads(AESGCM(bytes(sleutel)).decrypt(ruw[:_NONCE], ruw[_NONCE:], _associatie(sleutel_id, doel)))
