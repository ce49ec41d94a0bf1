"""The hash definitions of store/keten.py, recomputed from their documentation with hashlib alone.

A change to the encoding would make every stored chain unverifiable: this test fails first.
"""

from __future__ import annotations

import hashlib
import struct
from types import SimpleNamespace
from uuid import UUID

import pytest

from store.keten import GENESIS, gebeurtenis_hash, hashrijen, keten_hash, lees_anker, nodige_vorigen

OID = UUID("df9cbefa-d07b-563a-aee6-37508396560b")
STATE = b'{"actor":"K. van Ekeris","datum":{"_type_":"date_iso","_data_":"2021-06-30"},"reden":null}'
TOPIC = "domain.zaak:Zaak.StatusGewijzigd"


def _volgens_de_documentatie(vorige: bytes, oid: str, versie: int, topic: str, state: bytes) -> bytes:
    o, t = oid.encode(), topic.encode()
    return hashlib.sha256(
        b"zaakstroom/gebeurtenis/v1" + vorige + struct.pack(">I", len(o)) + o + struct.pack(">q", versie)
        + struct.pack(">I", len(t)) + t + struct.pack(">I", len(state)) + state
    ).digest()


def test_gebeurtenis_hash_is_wat_de_documentatie_zegt():
    assert GENESIS == bytes(32)
    h = gebeurtenis_hash(GENESIS, OID.hex, 2, TOPIC, STATE)
    assert h == _volgens_de_documentatie(GENESIS, OID.hex, 2, TOPIC, STATE)
    assert h.hex() == "52d54ab70dbad60eefd6064096709b9e2ecdc4d589492c544a75b156805e1838"


def test_keten_hash_is_wat_de_documentatie_zegt():
    eh = gebeurtenis_hash(GENESIS, OID.hex, 1, TOPIC, STATE)
    assert keten_hash(GENESIS, 7, eh) == hashlib.sha256(
        b"zaakstroom/keten/v1" + GENESIS + struct.pack(">q", 7) + eh).digest()


@pytest.mark.parametrize("ander", [
    dict(versie=3), dict(topic=TOPIC + "x"), dict(state=STATE.replace(b"Ekeris", b"Ekerix")),
    dict(originator_id=UUID(int=OID.int + 1).hex), dict(vorige=b"\x01" * 32),
])
def test_elk_veld_telt_mee(ander):
    basis = dict(vorige=GENESIS, originator_id=OID.hex, versie=2, topic=TOPIC, state=STATE)
    assert gebeurtenis_hash(**{**basis, **ander}) != gebeurtenis_hash(**basis)


def test_lengtes_voorkomen_verschuiven_tussen_velden():
    # Without length prefixes "ab" + "c" and "a" + "bc" would hash alike.
    assert gebeurtenis_hash(GENESIS, "a", 1, "bc", b"d") != gebeurtenis_hash(GENESIS, "ab", 1, "c", b"d")


def test_hashrijen_ketenen_binnen_een_batch_en_aan_de_kop():
    ev = lambda v: SimpleNamespace(originator_id=OID, originator_version=v, topic=TOPIC, state=STATE)  # noqa: E731
    kop = b"\x02" * 32
    vorige = b"\x03" * 32
    assert nodige_vorigen([ev(4), ev(5)]) == [(OID.hex, 3)]
    r4, r5 = hashrijen([ev(4), ev(5)], [10, 12], kop, {(OID.hex, 3): vorige})
    assert r4 == (10, OID.hex, 4, gebeurtenis_hash(vorige, OID.hex, 4, TOPIC, STATE), vorige,
                  keten_hash(kop, 10, r4[3]))
    assert r5[4] == r4[3] and r5[5] == keten_hash(r4[5], 12, r5[3])
    [r1] = hashrijen([ev(1)], [1], None, {})
    assert r1[4] == GENESIS and r1[5] == keten_hash(GENESIS, 1, r1[3])


def test_anker_lezen():
    assert lees_anker("15:" + "ab" * 32) == (15, bytes.fromhex("ab" * 32))
    for fout in ("15", "x:" + "ab" * 32, "15:abc", "15:" + "zz" * 32):
        with pytest.raises(ValueError):
            lees_anker(fout)
