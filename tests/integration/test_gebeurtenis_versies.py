"""Events that evolve (ARCHITECTURE.md): Zienswijze.Ingediend and Zienswijze.Beantwoord are at version 2,
their texts encrypted; the version 1 events of an older store are read in the version 2 shape
(upcast), replay to the same state, and their stored bytes are never rewritten."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from domain.zienswijze import Zienswijze

FIXTURES = Path(__file__).parent.parent / "fixtures"
VANDAAG = date(2026, 12, 1)


@pytest.fixture
def oude_store(tmp_path) -> Path:
    pad = tmp_path / "oud.sqlite"
    shutil.copy(FIXTURES / "store-v0.sqlite", pad)
    return pad


def _staten(pad: Path) -> list[tuple[str, bytes]]:
    with sqlite3.connect(pad) as conn:
        return conn.execute("SELECT topic, state FROM stored_events ORDER BY rowid").fetchall()


def test_upcast_v1_v2_geeft_de_vorm_van_versie_2():
    ingediend = {"samenvatting": "In de klare tekst.", "indiener_ref": None, "indiener_versleuteld": None}
    Zienswijze.Ingediend.upcast_v1_v2(ingediend)
    assert ingediend == {"samenvatting": "In de klare tekst.", "samenvatting_versleuteld": None,
                         "indiener_ref": None, "indiener_versleuteld": None}
    beantwoord = {"reactie": "Eigen tekst.", "standaardreacties": []}
    Zienswijze.Beantwoord.upcast_v1_v2(beantwoord)
    assert beantwoord == {"reactie": "Eigen tekst.", "reactie_versleuteld": None, "standaardreacties": []}
    assert (Zienswijze.Ingediend.class_version, Zienswijze.Beantwoord.class_version) == (2, 2)


def test_versie_1_wordt_gelezen_als_versie_2_en_de_opgeslagen_bytes_blijven_gelijk(oude_store):
    """Upcasting happens in the mapper, after the bytes are read: a hash chain over the stored
    bytes still verifies, and nothing in the old store is rewritten by reading or replaying it."""
    from store.config import Opslag
    from store.events import EventLog
    from workflow.application import Zaakstroom

    voor = _staten(oude_store)
    versies = {json.loads(state).get("class_version", 1) for topic, state in voor if "Zienswijze." in topic}
    assert versies == {1}  # written before the change

    with EventLog(Opslag(f"sqlite:///{oude_store}")) as log:
        events = [log.mapper.to_domain_event(m) for m in log.recorder.select_notifications(start=1, limit=10_000)]
    ingediend = [e for e in events if isinstance(e, Zienswijze.Ingediend)]
    beantwoord = [e for e in events if isinstance(e, Zienswijze.Beantwoord)]
    assert len(ingediend) == 4 and len(beantwoord) == 3
    assert all(e.samenvatting and e.samenvatting_versleuteld is None for e in ingediend)
    assert all(e.reactie_versleuteld is None for e in beantwoord)

    app = Zaakstroom(Opslag(f"sqlite:///{oude_store}"), vandaag=VANDAAG)
    try:
        rijen = app.dienst("zienswijzen").zienswijzen_van("3261787")
        # The legacy clear text is what the zienswijze shows (test_oude_store checks all of it).
        assert rijen[0]["samenvatting"].startswith("Indiener vindt de concept nvu in strijd")
        # Without a key (version 1, no identity given) there is nothing to make unreadable.
        from domain.fouten import DomeinFout

        with pytest.raises(DomeinFout, match="geen persoonsgegevens van de indiener vastgelegd"):
            app.dienst("zienswijzen").vergeet_indiener("3261787-1", reden="AVG art. 17", actor="test")
    finally:
        app.close()
    assert _staten(oude_store) == voor
    assert hashlib.sha256(b"".join(s for _, s in _staten(oude_store))).digest() == \
        hashlib.sha256(b"".join(s for _, s in voor)).digest()


def test_nieuwe_gebeurtenissen_worden_als_versie_2_opgeslagen_zonder_klare_tekst(sqlite_url):
    from tests.e2e.hart_van_zuid import HVZ, opgeslagen_bytes, registreer_en_leg_ter_inzage
    from tests.conftest import Cli

    zs = Cli(sqlite_url)
    registreer_en_leg_ter_inzage(zs)
    zs("zienswijze", "indienen", HVZ, "--ontvangen", "09-07-2021", "--samenvatting", "Geheime samenvatting.")
    zs("standaardreactie", "toevoegen", HVZ, "ZKA", "--tekst", "Gedeelde standaardtekst.", "--datum", "18-05-2022")
    zs("zienswijze", "beantwoorden", f"{HVZ}-1", "--reactie", "Eigen antwoord aan mevrouw X.",
       "--standaardreactie", "ZKA", "--geen-aanpassing", "--datum", "18-05-2022")
    ruw = opgeslagen_bytes(sqlite_url)
    assert b"Geheime samenvatting" not in ruw and b"mevrouw X" not in ruw
    assert b"Gedeelde standaardtekst" in ruw  # a standaardreactie is a shared text, not personal data
    staten = [json.loads(r) for r in ruw.split(b"\n") if b"samenvatting_versleuteld" in r or b"reactie_versleuteld" in r]
    assert [s["class_version"] for s in staten] == [2, 2]
    z = zs.json("zienswijze", "toon", f"{HVZ}-1")
    assert z["samenvatting"] == "Geheime samenvatting."
    assert z["antwoord"]["reactie"] == "Eigen antwoord aan mevrouw X."
    assert z["antwoord"]["volledig"] == "Eigen antwoord aan mevrouw X.\n\nGedeelde standaardtekst."
