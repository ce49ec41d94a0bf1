"""The import of a population as a separate process, killed half-way (as kill -9) and run again, against
a clean import; and the pieces the import and the reports rely on, checked against the library and
the models: the bulk existence query, the bulk keys, the plain-SQL lag check, the migration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import Cli

ROOT = Path(__file__).resolve().parents[2]
# The import run as its own process; with `stop` ("N": after batch N committed, "N:sleutels": in batch N
# after its keys and before its events) that process ends itself there, as kill -9 would.
_PROCES = """
import os, sys
stop = os.environ.pop("TEST_STOP", "")
if stop:
    import workflow.overdrachten as o
    n, wanneer = int(stop.split(":")[0]), ("sleutels" if stop.endswith(":sleutels") else "batch")
    o.NA_STAP_VAN_IMPORT = lambda stap, i: os._exit(137) if (stap, i) == (wanneer, n) else None
from cli.main import main
main()
"""
AANTAL, BATCH = 2000, 200


def importeer_als_proces(db_url: str, pad: Path, stop: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("ZAAKSTROOM_DATABASE_URL", "TEST_STOP")}
    if stop:
        env["TEST_STOP"] = stop
    return subprocess.run(
        [sys.executable, "-c", _PROCES, "--db", db_url, "overgang", "importeer",
         str(pad), "--jaar", "2025", "--datum", "02-01-2025", "--batch", str(BATCH), "--json", "--actor", "import"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )


def voorbereid(db_url: str, tmp_path: Path) -> tuple[Cli, Path]:
    zs = Cli(db_url)
    pad, aanbieders = tmp_path / "populatie.csv", tmp_path / "aanbieders.txt"
    if not pad.exists():
        zs("overgang", "genereer", "--uitvoer", str(pad), "--aantal", str(AANTAL), "--seed", "11",
           "--aanbieders-uitvoer", str(aanbieders))
    zs("overgang", "jaar", "definieer", "2025", "--ontvangende-aanbieder", "Wijkracht Hengelo",
       "--latende-aanbieders", str(aanbieders), "--datum", "01-10-2024")
    return zs, pad


def inhoud(db_url: str) -> dict[str, tuple]:
    """Per pseudonym (decrypted with its key) what the projection holds; ids, keys and ciphertexts
    differ per store (each store has its own secret), the content must not."""
    from sqlalchemy import text

    from projections.database import maak_engine
    from store.config import Opslag
    from store.keys import ontsleutel

    engine = maak_engine(Opslag(db_url))
    try:
        with engine.connect() as conn:
            rijen = conn.execute(text(
                "SELECT o.sleutel_id, o.client_versleuteld, k.sleutel, o.regel, o.status, o.wet, o.product, "
                "o.latende_aanbieder, o.indicatie_start, o.einddatum, o.toestemming, "
                "CASE WHEN o.overgangsdatum IS NULL THEN 'nee' ELSE 'ja' END "
                "FROM clientoverdrachten o LEFT JOIN persoonsgegevens_sleutels k ON k.sleutel_id = o.sleutel_id"
            )).all()
    finally:
        engine.dispose()
    return {ontsleutel(r[2], r[0], r[1])["client"]: tuple(str(x) for x in r[3:]) for r in rijen}


def tel(db_url: str, sql: str) -> int:
    from sqlalchemy import text

    from projections.database import maak_engine
    from store.config import Opslag

    engine = maak_engine(Opslag(db_url))
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()


def events_tabel(db_url: str) -> str:
    return "zaakstroom_events" if db_url.startswith("postgres") else "stored_events"


def test_afgebroken_import_maakt_de_volgende_run_precies_af(db_url, tmp_path):
    zs, pad = voorbereid(db_url, tmp_path)
    tabel = events_tabel(db_url)
    overdrachten = f"SELECT COUNT(*) FROM {tabel} WHERE topic LIKE 'domain.overdracht:Clientoverdracht.%'"

    eerste = importeer_als_proces(db_url, pad, stop="3")
    assert eerste.returncode == 137, eerste.stderr
    assert tel(db_url, overdrachten) == 3 * BATCH
    # Killed after batch 5's keys were committed, before its events: no orphan keys the next run.
    tweede = importeer_als_proces(db_url, pad, stop="5:sleutels")
    assert tweede.returncode == 137, tweede.stderr
    assert tel(db_url, overdrachten) == 4 * BATCH
    assert tel(db_url, "SELECT COUNT(*) FROM persoonsgegevens_sleutels") == 5 * BATCH + 1  # + the jaar's secret

    derde = importeer_als_proces(db_url, pad)
    assert derde.returncode == 0, derde.stderr
    import json

    u = json.loads(derde.stdout)
    assert (u["nieuw_totaal"], u["al_aanwezig"], u["afgewezen"]) == (AANTAL - 4 * BATCH, 4 * BATCH, [])
    assert tel(db_url, overdrachten) == AANTAL
    assert tel(db_url, "SELECT COUNT(*) FROM persoonsgegevens_sleutels") == AANTAL + 1
    assert json.loads(importeer_als_proces(db_url, pad).stdout)["nieuw_totaal"] == 0

    schoon = f"sqlite:///{tmp_path / 'schoon.sqlite'}"
    voorbereid(schoon, tmp_path)
    assert importeer_als_proces(schoon, pad).returncode == 0
    for url in (db_url, schoon):
        Cli(url)("projecties", "bijwerken")
    na_onderbreking, zonder = inhoud(db_url), inhoud(schoon)
    assert len(na_onderbreking) == AANTAL and na_onderbreking == zonder
    jaar = Cli(db_url).json("overgang", "jaar", "toon", "2025")
    assert [i["nieuw"] for i in jaar["imports"]] == [{"R1": u["nieuw"]["R1"], "R2": u["nieuw"]["R2"],
                                                      "R3": u["nieuw"]["R3"]}]


def test_bestaande_ids_in_een_query_zoals_de_bibliotheek_ze_ziet(db_url):
    from uuid import uuid4

    from store.events_bulk import bestaande_ids
    from workflow.application import Zaakstroom
    from store.config import Opslag

    app = Zaakstroom(Opslag(db_url))
    try:
        app.dienst("zaken").registreer(zaaknummer="900001", zaaktype="wmo-melding", omschrijving="x",
                                       portefeuillehouders=[], behandelaar="b", sector=None, actor="a")
        from domain.zaak import zaak_id

        bekend, onbekend = zaak_id("900001"), uuid4()
        recorder = app.repository.event_store.recorder
        assert bestaande_ids(recorder, [bekend, onbekend]) == {bekend}
        assert (bekend in app.repository, onbekend in app.repository) == (True, False)
        assert bestaande_ids(recorder, []) == set()
    finally:
        app.close()


def test_sleutels_in_bulk_zijn_leesbaar_voor_de_sleutelkluis_en_vernietigbaar(db_url):
    from store.config import Opslag
    from store.keys import ontsleutel, versleutel
    from store.person_keys import Persoonssleutels

    kluis = Persoonssleutels(Opslag(db_url))
    try:
        sleutels = kluis.sleutels(["a", "b"], maak=True)
        assert kluis.sleutels(["a", "b", "c"]) == sleutels  # same keys back, no key made without asking
        tekst = versleutel(sleutels["a"], "a", {"client": "SYN-1"})
        assert kluis.ontsleutel("a", tekst) == {"client": "SYN-1"} == ontsleutel(sleutels["a"], "a", tekst)
        assert kluis.geheim("g") == kluis.geheim("g")
        assert kluis.vernietig("a") and kluis.ontsleutel("a", tekst) is None and ontsleutel(None, "a", tekst) is None
    finally:
        kluis.sluit()


def test_achterstand_zonder_bibliotheek_zoals_de_runner_haar_ziet(db_url, tmp_path):
    from projections.lezer import Lezer
    from projections.runner import status
    from store.config import Opslag

    opslag = Opslag(db_url)
    with Lezer(opslag) as lezer:
        assert lezer.achterstand() == 0  # nothing stored yet
    zs, _ = voorbereid(db_url, tmp_path)
    [runner] = [s for s in status(opslag) if s["naam"] == "overdrachten"]
    with Lezer(opslag) as lezer:
        assert lezer.achterstand() == runner["achterstand"] > 0
    zs("projecties", "bijwerken")
    with Lezer(opslag) as lezer:
        assert lezer.achterstand() == 0


def test_de_migratie_past_bij_de_modellen(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from projections.database import maak_engine, migreer
    from projections.models import Base
    from projections.overdracht_models import OverdrachtRij, OvergangsjaarRij
    from store.config import Opslag

    engine = maak_engine(Opslag(db_url), schrijven=True)
    try:
        migreer(engine)
        with engine.connect() as conn:
            verschillen = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                           Base.metadata)
    finally:
        engine.dispose()
    mijn = {OverdrachtRij.__tablename__, OvergangsjaarRij.__tablename__}
    assert [v for v in verschillen if mijn & set(str(v).split("'"))] == []


def test_monitor_en_signalen_laden_geen_eventsourcing_transitions_of_sqlalchemy(sqlite_url, tmp_path):
    zs, pad = voorbereid(sqlite_url, tmp_path)
    assert importeer_als_proces(sqlite_url, pad).returncode == 0
    zs("projecties", "bijwerken")
    code = ("import sys\nfrom cli.main import main\ntry:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e\n"
            "print('ZWAAR', sorted({m.split('.')[0] for m in sys.modules} & {'eventsourcing', 'transitions', "
            "'sqlalchemy', 'alembic'}))")
    for opdracht in (["monitor", "--per", "30-06-2025"], ["signalen", "--per", "30-06-2025"]):
        p = subprocess.run([sys.executable, "-c", code, "--db", sqlite_url, "overgang", *opdracht], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stderr
        assert "ZWAAR []" in p.stdout, p.stdout[-300:]
