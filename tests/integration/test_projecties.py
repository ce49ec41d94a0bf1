"""The zaken projection as a user meets it: `projecties …`, `rapport zaken` and `zaak lijst`.

Every test runs the CLI against a real store, on SQLite and on PostgreSQL. Dates
are real-looking and in the past (the application refuses future dates), so a
wmo-melding registered in 2021 has long passed its onderzoekstermijn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PER = "2021-04-20"  # a peildatum inside the scenario below


def registreer(zs, nummer: str, zaaktype: str, datum: str | None, omschrijving: str = "Melding"):
    args = ["zaak", "registreer", nummer, "--zaaktype", zaaktype, "--omschrijving", omschrijving,
            "--behandelaar", "M. de Boer", "--portefeuillehouder", "G. Gerrits", "--actor", "m.deboer"]
    return zs(*args, *(["--datum", datum] if datum else []))


def scenario(zs) -> int:
    """Six zaken in the situations a list must tell apart; returns the number of events recorded
    (16 of the zaken, and 3 for the zaaktype versions they are the first on: domain.definitieversie)."""
    # 1: wmo-melding in onderzoek since 1 March 2021: onderzoekstermijn ended 12 April 2021.
    registreer(zs, "900101", "wmo-melding", "01-03-2021", "Traplift")
    # 2 and 3: a wmo-melding may only be suspended in beschikking (Awb 4:15; the onderzoek has no
    # suspension). Aanvraag on Monday 29 March 2021: beslistermijn of 2 weeks from the day after
    # (30 March) ends Monday 12 April 2021, a working day (2e Paasdag was 5 April).
    # 2: suspended on 31 March 2021 and never resumed: never te laat.
    registreer(zs, "900102", "wmo-melding", "01-03-2021", "Rolstoel")
    zs("zaak", "stap", "900102", "aanvraag_ontvangen", "--datum", "29-03-2021")
    zs("zaak", "opschorten", "900102", "--datum", "31-03-2021", "--reden", "Wachten op medisch advies")
    # 3: uitnodiging 31 March, aanvulling 9 April 2021: suspended 1 t/m 8 April (Awb 4:15 lid 1: from the
    # day after the uitnodiging until the day of aanvulling) = 8 days; 12 April + 8 = Tuesday 20 April
    # 2021, a working day (Koningsdag is 27 April): no Atw extension.
    registreer(zs, "900103", "wmo-melding", "01-03-2021", "Woningaanpassing")
    zs("zaak", "stap", "900103", "aanvraag_ontvangen", "--datum", "29-03-2021")
    zs("zaak", "opschorten", "900103", "--datum", "31-03-2021", "--reden", "Wachten op offerte")
    zs("zaak", "hervatten", "900103", "--datum", "09-04-2021")
    # 4: wmo-melding through beschikking into the bezwaartermijn (16 March t/m 26 April 2021), closed after
    # it and the week in which a posted bezwaarschrift may still arrive (Awb 6:9 lid 2): from 4 May.
    registreer(zs, "900104", "wmo-melding", "01-03-2021", "Huishoudelijke hulp")
    zs("zaak", "stap", "900104", "aanvraag_ontvangen", "--datum", "08-03-2021")
    zs("zaak", "stap", "900104", "beschikken", "--datum", "15-03-2021")
    zs("zaak", "afsluiten", "900104", "--resultaat", "toegekend", "--datum", "04-05-2021")
    # 5: raadsvoorstel ter inzage: a wachttermijn, which is never te laat.
    registreer(zs, "3261787", "raadsvoorstel", "29-06-2021", "Nota van uitgangspunten Hart van Zuid")
    zs("zaak", "stap", "3261787", "ter_inzage_leggen", "--datum", "30-06-2021")
    # 6: omgevingsvergunning extended by 6 weeks: 28 Oct 2024 + 6 weeks = 9 Dec 2024.
    registreer(zs, "900106", "omgevingsvergunning-regulier", "02-09-2024", "Dakkapel")
    zs("zaak", "verlengen", "900106", "--weken", "6", "--reden", "Advies welstand", "--datum", "01-10-2024")
    return 19


def projectierijen(db_url: str) -> list[tuple]:
    """The zaken table and the positions exactly as stored, for exactly-once comparisons."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from projections.database import maak_engine
    from projections.models import ProjectiePositie, ZaakRij
    from store.config import Opslag

    engine = maak_engine(Opslag(db_url))
    try:
        with Session(engine) as s:
            zaken = [tuple(r) for r in s.execute(select(ZaakRij.__table__).order_by(ZaakRij.zaaknummer))]
            posities = [tuple(r) for r in s.execute(select(ProjectiePositie.__table__))]
    finally:
        engine.dispose()
    return zaken + posities


def zaken_status(zs) -> dict:
    """The zaken projection's line of `projecties status` (other projections may be listed too)."""
    return next(s for s in zs.json("projecties", "status") if s["naam"] == "zaken")


def positie(zs) -> int:
    return zaken_status(zs)["positie"]


# --- what the reports show -------------------------------------------------------


def test_rapport_zaken_telt_per_zaaktype_en_status(zs):
    n = scenario(zs)
    uit = zs.json("projecties", "bijwerken")
    assert uit["toegepast"] == n and uit["laatste"] == n

    rapport = zs("rapport", "zaken", "--per", PER, "--json")
    assert "achter" not in rapport.stderr
    rijen = {(r["zaaktype"], r["status"]): r for r in json.loads(rapport.stdout)}
    assert set(rijen) == {("wmo-melding", "onderzoek"), ("wmo-melding", "beschikking"),
                          ("wmo-melding", "afgesloten"), ("raadsvoorstel", "ter_inzage"),
                          ("omgevingsvergunning-regulier", "behandeling")}
    # On 20 April 2021 900101 (ended 12 April) is te laat; 900103 runs to and including 20 April;
    # 900102 is suspended.
    onderzoek = rijen["wmo-melding", "onderzoek"]
    assert (onderzoek["aantal"], onderzoek["opgeschort"], onderzoek["te_laat"]) == (1, 0, 1)
    assert onderzoek["eerstvolgende_termijn"] == "2021-04-12"
    beschikking = rijen["wmo-melding", "beschikking"]
    assert (beschikking["aantal"], beschikking["opgeschort"], beschikking["te_laat"]) == (2, 1, 0)
    assert beschikking["eerstvolgende_termijn"] == "2021-04-20"
    assert rijen["wmo-melding", "afgesloten"] == {
        "zaaktype": "wmo-melding", "status": "afgesloten", "aantal": 1, "opgeschort": 0, "te_laat": 0,
        "eerstvolgende_termijn": None}
    assert rijen["raadsvoorstel", "ter_inzage"]["eerstvolgende_termijn"] == "2021-08-10"
    assert rijen["omgevingsvergunning-regulier", "behandeling"]["eerstvolgende_termijn"] == "2024-12-09"

    # On 25 April 2021 the resumed zaak is late too.
    per_status = {r["status"]: r for r in zs.json("rapport", "zaken", "--per", "25-04-2021")
                  if r["zaaktype"] == "wmo-melding"}
    assert (per_status["onderzoek"]["te_laat"], per_status["beschikking"]["te_laat"]) == (1, 1)

    tekst = zs("rapport", "zaken", "--per", PER).stdout
    assert "wmo-melding" in tekst and "12 april 2021" in tekst
    assert "6 zaken (stand nu); te laat per 20 april 2021: 1." in tekst
    # Statuses in the order the zaaktype defines them, not alphabetically.
    assert tekst.index("onderzoek") < tekst.index("beschikking") < tekst.index("afgesloten")


def test_zaak_lijst_toont_dezelfde_termijnen_als_zaak_toon(zs):
    scenario(zs)
    lijst = zs.json("zaak", "lijst")  # catches up by itself
    assert [r["zaaknummer"] for r in lijst] == ["900101", "900103", "3261787", "900106", "900102", "900104"]
    for r in lijst:
        z = zs.json("zaak", "toon", r["zaaknummer"])
        assert r["status"] == z["status"]
        assert r["resultaat"] == z["resultaat"]
        assert r["opgeschort_sinds"] == z["opgeschort_sinds"]
        if z["termijnen"]:
            [t] = z["termijnen"]
            assert (r["termijn_naam"], r["termijn_einde"], r["te_laat"]) == (t["naam"], t["einde"], t["te_laat"])
        else:
            assert (r["termijn_naam"], r["termijn_einde"], r["te_laat"]) == (None, None, False)

    per_nummer = {r["zaaknummer"]: r for r in lijst}
    assert per_nummer["900101"]["termijn_einde"] == "2021-04-12"
    assert per_nummer["900103"]["termijn_einde"] == "2021-04-20"
    gesloten = per_nummer["900104"]
    assert (gesloten["status"], gesloten["resultaat"], gesloten["termijn_einde"]) == ("afgesloten", "toegekend", None)
    assert per_nummer["900101"]["portefeuillehouders"] == ["G. Gerrits"]
    # The suspended zaak's deadline moves each day it stays suspended, as `zaak toon` shows.
    opgeschort = per_nummer["900102"]
    assert opgeschort["opgeschort_sinds"] == "2021-03-31"
    assert date.fromisoformat(opgeschort["termijn_einde"]) > date.today()

    tekst = zs("zaak", "lijst").stdout
    regel_101 = next(r for r in tekst.splitlines() if r.startswith("900101"))
    regel_102 = next(r for r in tekst.splitlines() if r.startswith("900102"))
    assert "12 april 2021" in regel_101 and "TE LAAT" in regel_101
    assert "opgeschort" in regel_102 and "TE LAAT" not in regel_102
    assert "6 zaken." in tekst


def test_zaak_lijst_filtert(zs):
    scenario(zs)
    def nummers(*args: str) -> list[str]:
        return [r["zaaknummer"] for r in zs.json("zaak", "lijst", *args)]

    # Behandeltermijn passed: the zaak registered in 2021 and the resumed one; not the suspended one,
    # not the closed one, not the raadsvoorstel waiting for its zienswijzetermijn; the extended
    # omgevingsvergunning's deadline (9 Dec 2024) has passed too.
    assert nummers("--te-laat") == ["900101", "900103", "900106"]
    assert nummers("--zaaktype", "raadsvoorstel") == ["3261787"]
    assert nummers("--zaaktype", "wmo-melding", "--status", "afgesloten") == ["900104"]
    assert "900104" not in nummers("--open")
    assert len(nummers("--open")) == 5
    onbekende_status = zs("zaak", "lijst", "--status", "bestaat_niet", ok=False)
    assert onbekende_status.exit_code == 1 and "Onbekende status 'bestaat_niet'; bekende statussen:" in onbekende_status.stderr
    assert nummers("--zaaktype", "adviesaanvraag") == []

    onbekend = zs("zaak", "lijst", "--zaaktype", "bouwplan", ok=False)
    assert onbekend.exit_code == 1
    assert "Onbekend zaaktype 'bouwplan'. Bekende zaaktypen: adviesaanvraag" in onbekend.stderr

    assert "Geen zaken gevonden." in zs("zaak", "lijst", "--status", "vernietigd").stdout


def test_te_laat_zonder_opschorting_en_niet_tijdens_opschorting(zs):
    registreer(zs, "900201", "wmo-melding", "02-01-2019", "Scootmobiel")
    # Aanvraag on Thursday 3 January 2019: beslistermijn from 4 January ends Thursday 17 January 2019;
    # suspended (uitnodiging) on 4 January, within it.
    registreer(zs, "900202", "wmo-melding", "02-01-2019", "Aangepaste fiets")
    zs("zaak", "stap", "900202", "aanvraag_ontvangen", "--datum", "03-01-2019")
    zs("zaak", "opschorten", "900202", "--datum", "04-01-2019", "--reden", "Wachten op keuring")
    registreer(zs, "900203", "wmo-melding", None, "Vandaag gemeld")

    assert [r["zaaknummer"] for r in zs.json("zaak", "lijst", "--te-laat")] == ["900201"]
    # Resumed after years, the suspended one has its deadline moved by those years: not late yet
    # (only 4 January was used; suspended from 5 January 2019 until yesterday, the day of aanvulling,
    # from which its 13 remaining days run: it ends 12 days after yesterday, or later by the Atw).
    gisteren = (date.today() - timedelta(days=1)).strftime("%d-%m-%Y")
    zs("zaak", "hervatten", "900202", "--datum", gisteren)
    assert [r["zaaknummer"] for r in zs.json("zaak", "lijst", "--te-laat")] == ["900201"]
    [r] = [r for r in zs.json("zaak", "lijst") if r["zaaknummer"] == "900202"]
    assert r["termijn_einde"] == zs.json("zaak", "toon", "900202")["termijnen"][0]["einde"]
    assert date.fromisoformat(r["termijn_einde"]) > date.today()


# --- exactly once, rebuild, status ------------------------------------------------


def test_bijwerken_tweemaal_past_niets_opnieuw_toe(zs):
    n = scenario(zs)
    eerste = zs("projecties", "bijwerken")
    assert eerste.stdout.startswith(f"{n} gebeurtenissen verwerkt (zaken: {n}")
    assert f"bij tot en met gebeurtenis {n}." in eerste.stdout
    voor = projectierijen(zs.db)

    tweede = zs("projecties", "bijwerken")
    assert "niets te doen" in tweede.stdout
    assert zs.json("projecties", "bijwerken")["toegepast"] == 0
    assert positie(zs) == n
    assert projectierijen(zs.db) == voor


def test_herbouwen_geeft_dezelfde_rijen_als_bijwerken_in_stappen(zs):
    registreer(zs, "900101", "wmo-melding", "01-03-2021", "Traplift")
    zs("projecties", "bijwerken")
    # Opschorting only in beschikking: aanvraag 8 March 2021, beslistermijn 9 t/m 22 March 2021.
    zs("zaak", "stap", "900101", "aanvraag_ontvangen", "--datum", "08-03-2021")
    zs("zaak", "opschorten", "900101", "--datum", "10-03-2021", "--reden", "Wachten")
    zs("projecties", "bijwerken")
    zs("zaak", "hervatten", "900101", "--datum", "20-03-2021")
    registreer(zs, "3261787", "raadsvoorstel", "29-06-2021", "Nota van uitgangspunten")
    zs("projecties", "bijwerken")
    zs("zaak", "stap", "3261787", "ter_inzage_leggen", "--datum", "30-06-2021")
    zs("projecties", "bijwerken")
    stapsgewijs = projectierijen(zs.db)

    uit = zs("projecties", "herbouwen")
    # 6 of the zaken, 2 of the zaaktype versions they run on
    assert "zaken: 2 rijen herbouwd uit 8 gebeurtenissen." in uit.stdout
    assert projectierijen(zs.db) == stapsgewijs
    p = next(p for p in zs.json("projecties", "herbouwen")["projecties"] if p["naam"] == "zaken")
    assert (p["naam"], p["rijen"], p["toegepast"], p["positie"]) == ("zaken", 2, 8, 8)
    assert projectierijen(zs.db) == stapsgewijs


def test_status_toont_de_achterstand(zs):
    assert zaken_status(zs) == {"naam": "zaken", "positie": 0, "laatste": 0, "achterstand": 0}
    n = scenario(zs)
    assert zaken_status(zs) == {"naam": "zaken", "positie": 0, "laatste": n, "achterstand": n}
    # Every projection reads every event, also those it ignores.
    assert {s["achterstand"] for s in zs.json("projecties", "status")} == {n}
    zs("projecties", "bijwerken")
    zs("zaak", "stap", "900101", "aanvraag_ontvangen", "--datum", "13-04-2021")
    zs("zaak", "stap", "900101", "beschikken", "--datum", "20-04-2021")
    zs("zaak", "afsluiten", "900101", "--resultaat", "afgewezen", "--datum", "09-06-2021")
    assert zaken_status(zs) == {"naam": "zaken", "positie": n, "laatste": n + 3, "achterstand": 3}

    tabel = zs("projecties", "status").stdout.splitlines()
    assert tabel[0].split() == ["projectie", "positie", "laatste", "gebeurtenis", "achterstand"]
    assert ["zaken", str(n), str(n + 3), "3"] in [regel.split() for regel in tabel[2:]]

    # The report reads the projection as it is and says it is behind; it does not catch up.
    rapport = zs("rapport", "zaken", "--per", PER, "--json")
    assert ("projectie loopt 3 gebeurtenissen achter; draai 'zaakstroom projecties bijwerken'"
            in rapport.stderr)
    [r] = [r for r in json.loads(rapport.stdout) if r["status"] == "onderzoek"]
    assert r["aantal"] == 1  # 900101 still in onderzoek in the projection
    assert zaken_status(zs)["achterstand"] == 3

    zs("projecties", "bijwerken")
    assert {s["achterstand"] for s in zs.json("projecties", "status")} == {0}
    assert "achter" not in zs("rapport", "zaken").stderr


def test_rapport_op_een_lege_store(zs):
    uit = zs("rapport", "zaken")
    assert "Geen zaken in de projectie." in uit.stdout
    assert zs.json("rapport", "zaken") == []


def test_bijwerken_toont_voortgang_bij_meer_dan_een_batch(zs, monkeypatch):
    from projections import runner

    n = scenario(zs)
    monkeypatch.setattr(runner, "BATCHGROOTTE", 4)
    uit = zs("projecties", "bijwerken")
    regels = uit.stderr.splitlines()
    # One read of the log per batch serves every projection: one line per batch, not per projection.
    assert regels == [f"  … gebeurtenis {p} van {n}" for p in (4, 8, 12, 16, 19)]
    assert f"{n} gebeurtenissen verwerkt" in uit.stdout
    assert next(p for p in zs.json("projecties", "herbouwen")["projecties"] if p["naam"] == "zaken")["rijen"] == 6


# --- transaction boundary -----------------------------------------------------------


def test_fout_midden_in_een_batch_laat_rijen_en_positie_ongemoeid(zs, monkeypatch):
    from domain.zaak import Zaak
    from projections import register
    from projections.projectie import Projectie
    from projections.zaken import ZAKEN

    registreer(zs, "900101", "wmo-melding", "01-03-2021", "Traplift")
    zs("projecties", "bijwerken")
    voor, positie_voor = projectierijen(zs.db), positie(zs)
    rapport_voor = zs.json("rapport", "zaken", "--per", PER)

    # Four events that apply fine (one stores the omgevingsvergunning's zaaktype version), then one
    # the (fake) projection chokes on, then one more.
    registreer(zs, "900102", "wmo-melding", "01-03-2021", "Rolstoel")
    zs("zaak", "stap", "900101", "aanvraag_ontvangen", "--datum", "08-03-2021")
    # An omgevingsvergunning may be suspended in behandeling (a wmo-melding only in beschikking);
    # its beslistermijn runs 2 March t/m 26 April 2021.
    registreer(zs, "900103", "omgevingsvergunning-regulier", "01-03-2021", "Dakkapel")
    zs("zaak", "opschorten", "900103", "--datum", "10-03-2021", "--reden", "Wachten")
    zs("zaak", "stap", "900101", "beschikken", "--datum", "15-03-2021")

    def pas_toe(session, event):
        ZAKEN.pas_toe(session, event)
        if type(event) is Zaak.Opgeschort:
            raise RuntimeError("kapot")

    monkeypatch.setattr(register, "PROJECTIES", [Projectie("zaken", ZAKEN.tabellen, pas_toe)])
    fout = zs("projecties", "bijwerken", ok=False)
    assert fout.exit_code == 1
    assert "Projectie 'zaken' kon gebeurtenis 7 (domain.zaak:Zaak.Opgeschort) niet verwerken" in fout.stderr
    assert "RuntimeError: kapot" in fout.stderr
    assert "Niets van deze batch is opgeslagen; de projectie staat nog op positie 2" in fout.stderr
    assert "Traceback" not in fout.output

    assert projectierijen(zs.db) == voor
    assert positie(zs) == positie_voor == 2
    assert zs.json("rapport", "zaken", "--per", PER) == rapport_voor

    monkeypatch.undo()
    assert zs.json("projecties", "bijwerken")["toegepast"] == 6
    assert [r["status"] for r in zs.json("zaak", "lijst")] == ["onderzoek", "bezwaartermijn", "behandeling"]
    herbouwd_vergelijk = projectierijen(zs.db)
    zs("projecties", "herbouwen")
    assert projectierijen(zs.db) == herbouwd_vergelijk


def test_een_falende_projectie_houdt_de_andere_niet_op(zs, monkeypatch):
    from domain.zaak import Zaak
    from projections import register
    from projections.projectie import Projectie
    from projections.zaken import ZAKEN

    registreer(zs, "900101", "wmo-melding", "01-03-2021", "Traplift")
    registreer(zs, "900102", "wmo-melding", "01-03-2021", "Rolstoel")

    def kapot(session, event):
        if type(event) is Zaak.Geregistreerd and event.zaaknummer == "900102":
            raise RuntimeError("kapot")

    monkeypatch.setattr(register, "PROJECTIES", [Projectie("kapot", ZAKEN.tabellen, kapot), ZAKEN])
    fout = zs("projecties", "bijwerken", ok=False)
    assert fout.exit_code == 1
    # Event 1 stores the wmo-melding's definition version (workflow.definitieversies), 2 and 3 register.
    assert "Projectie 'kapot' kon gebeurtenis 3 (domain.zaak:Zaak.Geregistreerd) niet verwerken" in fout.stderr
    assert "De andere projecties (zaken) zijn bijgewerkt tot en met gebeurtenis 3." in fout.stderr
    status = {r["naam"]: r["positie"] for r in zs.json("projecties", "status")}
    assert status == {"kapot": 0, "zaken": 3}
    assert [r["zaaknummer"] for r in zs.json("zaak", "lijst")] == ["900101", "900102"]


def test_gebeurtenissen_van_andere_aggregaten_worden_overgeslagen(zs):
    from eventsourcing.domain import Aggregate

    from workflow.application import Zaakstroom
    from store.config import Opslag

    registreer(zs, "900101", "wmo-melding", "01-03-2021", "Traplift")
    app = Zaakstroom(Opslag(zs.db))
    try:
        app.save(Aggregate())  # an event of an aggregate no projection knows
    finally:
        app.close()
    registreer(zs, "900102", "wmo-melding", "01-03-2021", "Rolstoel")
    assert zs.json("projecties", "bijwerken")["toegepast"] == 4  # and the stored wmo-melding v1
    assert [r["zaaknummer"] for r in zs.json("zaak", "lijst")] == ["900101", "900102"]


def test_twee_runners_tegelijk_passen_elke_gebeurtenis_eenmaal_toe(zs):
    from projections.runner import werk_bij
    from store.config import Opslag

    n = scenario(zs)
    uitkomsten, fouten = [], []

    def draai():
        try:
            uitkomsten.append(werk_bij(Opslag(zs.db), batchgrootte=2))
        except Exception as e:  # noqa: BLE001 (reported below)
            fouten.append(e)

    draden = [threading.Thread(target=draai) for _ in range(3)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=120)
    assert not fouten
    assert len(uitkomsten) == 3
    per_projectie: dict[str, int] = {}
    for u in uitkomsten:
        for p in u["projecties"]:
            per_projectie[p["naam"]] = per_projectie.get(p["naam"], 0) + p["toegepast"]
    assert per_projectie["zaken"] == n
    assert set(per_projectie.values()) == {n}
    samen = projectierijen(zs.db)
    zs("projecties", "herbouwen")
    assert projectierijen(zs.db) == samen


# --- migrations and imports ------------------------------------------------------------


def _alembic(db_url: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZAAKSTROOM_DATABASE_URL": db_url}
    return subprocess.run(
        [sys.executable, "-m", "alembic", "-c", str(ROOT / "alembic.ini"), *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )


def test_alembic_upgrade_head_op_een_lege_database(db_url, tmp_path):
    from sqlalchemy import inspect

    from projections.database import maak_engine
    from projections.models import Base
    from store.config import Opslag

    op = _alembic(db_url, "upgrade", "head", cwd=tmp_path)  # not from the repo root: paths are absolute
    assert op.returncode == 0, op.stderr
    assert "Running upgrade  -> 0001_zaken" in op.stderr
    engine = maak_engine(Opslag(db_url))
    try:
        tabellen = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"zaken", "projectie_posities", "alembic_version"} <= tabellen
    # Every model table has a migration and matches it: a missing migration fails here.
    assert set(Base.metadata.tables) <= tabellen
    check = _alembic(db_url, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No new upgrade operations detected" in check.stdout + check.stderr
    # Again: nothing to do.
    assert "Running upgrade" not in _alembic(db_url, "upgrade", "head").stderr


def test_migraties_liggen_naast_de_code():
    from projections.database import MIGRATIES, alembic_config

    assert (MIGRATIES / "env.py").is_file()
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    assert len(scripts.get_heads()) == 1, "migrations branch: give the newest a down_revision"
    assert "0001_zaken" in {r.revision for r in scripts.walk_revisions()}


def test_zaak_stap_laadt_alleen_wat_het_nodig_heeft(sqlite_url):
    """Start-up is most of a command's time: no SQLAlchemy/Alembic (projections), no cryptography
    (personal-data keys), no other parts of the domain, no structlog when nothing is logged at the
    level set."""
    code = f"""
import sys
from cli.main import zaakstroom
for args in (["zaak", "registreer", "900101", "--zaaktype", "wmo-melding", "--omschrijving", "x",
              "--behandelaar", "y", "--datum", "01-03-2021"],
             ["zaak", "stap", "900101", "aanvraag_ontvangen", "--datum", "08-03-2021"]):
    try:
        zaakstroom(["--db", {sqlite_url!r}, *args], standalone_mode=False)
    except SystemExit:
        pass
print(*(m in sys.modules for m in ("sqlalchemy", "alembic", "structlog", "domain.aanbesteding",
                                    "domain.besluitvorming", "domain.zienswijze", "cli.aanbesteding",
                                    "cryptography", "workflow.avg", "domain.persoonsgegevens")))
"""
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=False)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split()[-10:] == ["False"] * 10
