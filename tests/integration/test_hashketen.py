"""Tamper evidence (issue 11.1): someone changes the database directly, `audit verificeer` names it.

Every test writes a small store through the application (three zaken, five events
each, interleaved as behandelaars work), tampers with it through raw SQL (sqlite3 /
psycopg, as a person with database access would) and checks that
`zaakstroom audit verificeer` exits 1 and names the event: which zaak, which
gebeurtenis, its place in the log and what happened to it. On SQLite and PostgreSQL.

The log of the store (notification id: zaak, gebeurtenis; D is the zaaktype version the
zaken run on, omgevingsvergunning-regulier v1, which the first registration on it records
as a domain.definitieversie event in the same transaction, ahead of the zaak's own):
    1: D #1      2: 5001 #1   3: 5002 #1   4: 5003 #1
    5: 5001 #2   6: 5001 #3   7: 5002 #2   8: 5002 #3   9: 5003 #2  10: 5003 #3
   11: 5001 #4  12: 5001 #5  13: 5002 #4  14: 5002 #5  15: 5003 #4  16: 5003 #5
The tests do not write these numbers down: the fixture `nr` reads them from the event
table before anything is tampered with (nr[("5001", 2)] == 5, nr[(DEFINITIE, 1)] == 1),
and the expected findings are built from it; test_een_ongewijzigde_store_is_in_orde checks
that the log is laid out as drawn here (LOG).
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Cli

ZAKEN = ("5001", "5002", "5003")
DEFINITIE = "zaaktype omgevingsvergunning-regulier v1"  # the name lees_log gives the definition version
# The layout drawn in the module docstring, in log order: (zaak or DEFINITIE, gebeurtenis).
LOG = [(DEFINITIE, 1), *((z, 1) for z in ZAKEN), *((z, g) for paar in ((2, 3), (4, 5)) for z in ZAKEN for g in paar)]
ROOT = Path(__file__).resolve().parent.parent.parent


def maak_store(url: str, zaken=ZAKEN) -> None:
    from store.config import Opslag
    from workflow.application import Zaakstroom

    app = Zaakstroom(Opslag(url), vandaag=date(2024, 12, 1))
    try:
        d = app.dienst("zaken")
        for nr in zaken:
            d.registreer(zaaknummer=nr, zaaktype="omgevingsvergunning-regulier", omschrijving=f"Aanvraag {nr}",
                         portefeuillehouders=[], behandelaar="behandelaar", actor="K. van Ekeris",
                         datum=date(2024, 1, 2))
        for weg, terug in ((date(2024, 1, 10), date(2024, 1, 20)), (date(2024, 2, 1), date(2024, 2, 10))):
            for nr in zaken:
                d.schort_op(nr, actor="K. van Ekeris", reden="aanvulling gevraagd", datum=weg)
                d.hervat(nr, actor="K. van Ekeris", datum=terug)
    finally:
        app.close()


class Ruw:
    """The database as someone with SQL access sees it: the event table and the hash table."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith("postgresql")
        self.events = "zaakstroom_events" if self.postgres else "stored_events"
        self.nid = "notification_id" if self.postgres else "rowid"
        self.p = "%s" if self.postgres else "?"

    def __call__(self, sql: str, params=()):
        sql = sql.format(events=self.events, nid=self.nid, p=self.p, hashes="zaakstroom_event_hashes")
        if self.postgres:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as conn:
                cur = conn.execute(sql, params)
                return cur.fetchall() if cur.description else None
        conn = sqlite3.connect(self.url.removeprefix("sqlite:///"))
        try:
            cur = conn.execute(sql, params)
            rijen = cur.fetchall() if cur.description else None
            conn.commit()
            return rijen
        finally:
            conn.close()

    def state(self, nid: int) -> bytes:
        return bytes(self("SELECT state FROM {events} WHERE {nid} = {p}", (nid,))[0][0])

    def zet_state(self, nid: int, state: bytes) -> None:
        self("UPDATE {events} SET state = {p} WHERE {nid} = {p}", (state, nid))

    def vervang(self, nid: int, oud: bytes, nieuw: bytes) -> None:
        """Replace `oud`, which the state of the event at `nid` holds exactly once, by `nieuw`."""
        state = self.state(nid)
        assert state.count(oud) == 1, (nid, oud, state)
        self.zet_state(nid, state.replace(oud, nieuw))

    def verplaats(self, van: int, naar: int) -> None:
        """Give the event at notification id `van` the id `naar` (rowid / notification_id)."""
        self("UPDATE {events} SET {nid} = {p} WHERE {nid} = {p}", (naar, van))


def lees_log(ruw: Ruw) -> dict[tuple[str, int], int]:
    """The notification id of every event in the event table, by (name, gebeurtenis): a zaak by its
    zaaknummer ("5001"), a stored definition version as "SOORT NAAM vVERSIE" (DEFINITIE), any other
    aggregate (or one whose first event is gone) by its id as the table holds it."""
    namen, nr = {}, {}
    for n, oid, versie, topic, state in ruw(
            "SELECT {nid}, originator_id, originator_version, topic, state FROM {events} ORDER BY {nid}"):
        if versie == 1 and topic == "domain.zaak:Zaak.Geregistreerd":
            namen[oid] = json.loads(bytes(state))["zaaknummer"]
        elif versie == 1 and topic == "domain.definitieversie:Definitieversie.Vastgelegd":
            d = json.loads(bytes(state))
            namen[oid] = f"{d['soort']} {d['naam']} v{d['versie']}"
        nr[(namen.get(oid, str(oid)), versie)] = n
    return nr


@pytest.fixture
def store(db_url) -> tuple[Cli, Ruw]:
    maak_store(db_url)
    return Cli(db_url), Ruw(db_url)


@pytest.fixture
def nr(store) -> dict[tuple[str, int], int]:
    """(zaak or DEFINITIE, gebeurtenis) -> notification id in the store's log, read before any tampering."""
    nrs = lees_log(store[1])
    assert sorted(nrs.values()) == list(range(1, len(nrs) + 1))  # no gaps: n - 1 and n + 1 are n's neighbours
    return nrs


def verificeer(zs: Cli, *args: str, ok: bool = False) -> dict:
    """`audit verificeer --alles --json`: exit 0 when `ok`, else 1; the parsed report."""
    r = zs("audit", "verificeer", *(args or ("--alles",)), "--json", ok=False)
    assert r.exit_code == (0 if ok else 1), r.output
    return json.loads(r.stdout)


def tekst(zs: Cli, *args: str) -> str:
    r = zs("audit", "verificeer", *(args or ("--alles",)), ok=False)
    assert r.exit_code == 1, r.output
    return r.stdout


# --- a clean store ----------------------------------------------------------------------------


def test_een_ongewijzigde_store_is_in_orde(store, nr):
    zs, _ = store
    assert sorted(nr, key=nr.get) == LOG  # the layout the module docstring draws
    laatste = len(LOG)
    u = verificeer(zs, ok=True)
    assert (u["in_orde"], u["gecontroleerd"], u["geketend"], u["ongeketend"]) == (True, laatste, laatste, 0)
    assert u["breuken"] == []
    assert (u["kop"]["id"], u["tot_en_met"]) == (laatste, laatste)
    uit = zs("audit", "verificeer", "--alles").stdout
    assert f"Keten in orde: {laatste} gebeurtenissen van de log nagerekend, tot en met nr. {laatste}." in uit
    assert zs("audit", "verificeer", "5002").exit_code == 0


# --- each kind of tampering, caught and named ---------------------------------------------------


def test_gewijzigde_payload(store, nr):
    zs, ruw = store
    n = nr[("5001", 2)]
    ruw.vervang(n, b"aanvulling gevraagd", b"aanvulling ontvangen")
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["naam"], b["gebeurtenis"], b["topic"]) == (
        "inhoud", n, "zaak 5001", 2, "domain.zaak:Zaak.Opgeschort")
    assert re.search(rf"zaak 5001, gebeurtenis 2 \(domain\.zaak:Zaak\.Opgeschort\), nr\. {n} in de log, "
                     r"vastgelegd \d\d-\d\d-\d{4} \d\d:\d\d: inhoud gewijzigd \(hash klopt niet\)", tekst(zs))


def test_gewijzigde_actor_in_de_json(store, nr):
    zs, ruw = store
    n = nr[("5001", 3)]
    d = json.loads(ruw.state(n))
    assert d["actor"] == "K. van Ekeris"
    d["actor"] = "J. Jansen"
    ruw.zet_state(n, json.dumps(d, separators=(",", ":"), ensure_ascii=False).encode())
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["naam"], b["gebeurtenis"]) == ("inhoud", n, "zaak 5001", 3)
    # The zaak alone: the same finding; another zaak is untouched.
    [b] = verificeer(zs, "5001")["breuken"]
    assert (b["soort"], b["id"]) == ("inhoud", n)
    assert zs("audit", "verificeer", "5003").exit_code == 0


def test_gewijzigde_soort_gebeurtenis(store, nr):
    zs, ruw = store
    n = nr[("5003", 2)]
    ruw("UPDATE {events} SET topic = 'domain.zaak:Zaak.Verlengd' WHERE {nid} = {p}", (n,))
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["naam"], b["gebeurtenis"], b["topic"]) == (
        "inhoud", n, "zaak 5003", 2, "domain.zaak:Zaak.Verlengd")


def test_gewijzigde_definitieversie(store, nr):
    """The text of the zaaktype version the zaken run on is an event of the log as well."""
    from domain.definitieversie import definitieversie_id

    zs, ruw = store
    n = nr[(DEFINITIE, 1)]
    ruw.vervang(n, b"max_aantal = 1", b"max_aantal = 3")  # three extensions allowed instead of one
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["aggregaat"], b["gebeurtenis"], b["topic"]) == (
        "inhoud", n, definitieversie_id("zaaktype", "omgevingsvergunning-regulier", 1).hex, 1,
        "domain.definitieversie:Definitieversie.Vastgelegd")
    assert b["naam"].startswith("definitieversie ")
    assert re.search(rf"{re.escape(b['naam'])}, gebeurtenis 1 \(domain\.definitieversie:Definitieversie\.Vastgelegd\), "
                     rf"nr\. {n} in de log, vastgelegd \d\d-\d\d-\d{{4}} \d\d:\d\d: inhoud gewijzigd \(hash klopt niet\)",
                     tekst(zs))


def test_waarden_van_een_ander_type_of_leeg(store, nr):
    zs, ruw = store
    a, b = nr[("5001", 2)], nr[("5002", 3)]
    if ruw.postgres:
        ruw("UPDATE {events} SET topic = NULL WHERE {nid} = {p}", (a,))
        ruw("UPDATE {events} SET state = NULL WHERE {nid} = {p}", (b,))
    else:  # SQLite keeps any type in any column: replace() on a BLOB gives TEXT
        assert b"aanvulling" in ruw.state(a)
        ruw("UPDATE {events} SET state = replace(state, 'aanvulling', 'aanvullin') WHERE {nid} = {p}", (a,))
        ruw("UPDATE {hashes} SET event_hash = 'kapot' WHERE notification_id = {p}", (b,))
    soort = "inhoud" if ruw.postgres else "hash_gewijzigd"
    assert [(x["soort"], x["id"]) for x in verificeer(zs)["breuken"]] == [("inhoud", a), (soort, b)]
    if not ruw.postgres:
        assert (f"zaak 5002, gebeurtenis 3 (domain.zaak:Zaak.Hervat), nr. {b} in de log, vastgelegd "
                in tekst(zs))
        assert (f"de opgeslagen hash is gewijzigd (de inhoud is ongewijzigd: gebeurtenis 4, nr. {nr[('5002', 4)]},"
                in tekst(zs))


def test_verwijderde_gebeurtenis(store, nr):
    zs, ruw = store
    weg = nr[("5001", 4)]
    ruw("DELETE FROM {events} WHERE {nid} = {p}", (weg,))
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["naam"], b["gebeurtenis"]) == ("ontbreekt", weg, "zaak 5001", 4)
    assert b["vastgelegd"]
    assert f"zaak 5001, gebeurtenis 4, nr. {weg} in de log, vastgelegd " in tekst(zs)
    assert "ontbreekt (verwijderd uit de eventtabel; de hash is er nog)" in tekst(zs, "5001")


def test_verwijderde_gebeurtenis_met_haar_hash(store, nr):
    zs, ruw = store
    weg, volgende = nr[("5001", 4)], nr[("5001", 5)]
    ruw("DELETE FROM {events} WHERE {nid} = {p}", (weg,))
    ruw("DELETE FROM {hashes} WHERE notification_id = {p}", (weg,))
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["naam"], b["id"]) == ("gat", "zaak 5001", volgende)
    assert (f"zaak 5001: gebeurtenis 4 ontbreekt, samen met de hash verwijderd (de keten is verbroken tussen "
            f"nr. {weg - 1} en nr. {volgende} in de log; gebeurtenis 5, nr. {volgende}, volgt er direct op)") in tekst(zs)


def test_verwijderde_laatste_gebeurtenis_van_een_zaak_met_haar_hash(store, nr):
    zs, ruw = store
    weg = nr[("5001", 5)]  # zaak 5001's last event: no later one points to it
    ruw("DELETE FROM {events} WHERE {nid} = {p}", (weg,))
    ruw("DELETE FROM {hashes} WHERE notification_id = {p}", (weg,))
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"]) == ("keten", weg + 1)
    assert f"keten verbroken bij nr. {weg + 1} (vorige schakel nr. {weg - 1}): daartussen is een gebeurtenis " \
           "samen met haar hash verwijderd" in tekst(zs)


def test_verwisselde_inhoud_van_twee_gebeurtenissen(store, nr):
    zs, ruw = store
    twee, drie = nr[("5001", 2)], nr[("5001", 3)]
    inhoud_twee, inhoud_drie = ruw.state(twee), ruw.state(drie)
    ruw.zet_state(twee, inhoud_drie)
    ruw.zet_state(drie, inhoud_twee)
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["gebeurtenis"], b["met"]["id"], b["met"]["gebeurtenis"]) == (
        "verwisseld", twee, 2, drie, 3)
    assert f"zaak 5001: inhoud van gebeurtenissen 2 en 3 verwisseld (nrs. {twee} en {drie} in de log" in tekst(zs)


def test_verwisselde_volgorde_binnen_een_zaak(store, nr):
    zs, ruw = store
    twee, drie = nr[("5001", 2)], nr[("5001", 3)]
    ruw("UPDATE {events} SET originator_version = 99 WHERE {nid} = {p}", (twee,))
    ruw("UPDATE {events} SET originator_version = 2 WHERE {nid} = {p}", (drie,))
    ruw("UPDATE {events} SET originator_version = 3 WHERE {nid} = {p}", (twee,))
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["naam"], b["gebeurtenis"], b["met"]["gebeurtenis"]) == (
        "verwisseld_volgorde", "zaak 5001", 2, 3)
    assert (f"zaak 5001: gebeurtenissen 2 en 3 verwisseld (volgnummers omgewisseld; nrs. {twee} en {drie}"
            in tekst(zs))


def test_verwisselde_plaats_in_de_log(store, nr):
    zs, ruw = store
    twee, drie = nr[("5001", 2)], nr[("5001", 3)]
    vrij = 1000  # an id the log does not use
    assert vrij > len(nr)
    ruw.verplaats(twee, vrij)
    ruw.verplaats(drie, twee)
    ruw.verplaats(vrij, drie)
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["naam"]) == ("verwisseld_plaats", "zaak 5001")
    assert f"zaak 5001: gebeurtenissen 2 en 3 verwisseld (van plaats in de log: nrs. {twee} en {drie})" in tekst(zs)


def test_ingekorte_staart(store, nr):
    zs, ruw = store
    vier, vijf = nr[("5003", 4)], nr[("5003", 5)]  # the last two events of the log
    assert vijf == vier + 1 == len(nr)
    ruw("DELETE FROM {events} WHERE {nid} >= {p}", (vier,))
    [b] = verificeer(zs)["breuken"]
    assert b["soort"] == "staart"
    assert [(x["id"], x["naam"], x["gebeurtenis"]) for x in b["ontbreken"]] == [(vier, "zaak 5003", 4),
                                                                                 (vijf, "zaak 5003", 5)]
    assert (f"de laatste 2 gebeurtenissen van de log ontbreken (de keten eindigt bij nr. {vijf}, vastgelegd "
            in tekst(zs))
    assert f"de eventtabel bij nr. {vier - 1})" in tekst(zs)


def test_ingevoegde_vervalste_gebeurtenis(store, nr):
    zs, ruw = store
    ruw("INSERT INTO {events} (originator_id, originator_version, topic, state) "
        "SELECT originator_id, 6, topic, state FROM {events} WHERE {nid} = {p}", (nr[("5001", 5)],))
    nieuw = len(nr) + 1  # the next id after the end of the log
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["naam"], b["gebeurtenis"]) == ("ingevoegd", nieuw, "zaak 5001", 6)
    assert f"zaak 5001, gebeurtenis 6 (domain.zaak:Zaak.Hervat), nr. {nieuw} in de log" in tekst(zs)
    assert "ingevoegd (geen hash" in tekst(zs)


def test_verwijderde_hash(store, nr):
    zs, ruw = store
    n = nr[("5001", 2)]
    ruw("DELETE FROM {hashes} WHERE notification_id = {p}", (n,))
    breuken = verificeer(zs)["breuken"]
    assert [(b["soort"], b["id"], b["naam"], b["gebeurtenis"]) for b in breuken] == [("ingevoegd", n, "zaak 5001", 2)]
    assert (f"zaak 5001, gebeurtenis 2 (domain.zaak:Zaak.Opgeschort), nr. {n} in de log, vastgelegd " in tekst(zs))
    assert "de hash ontbreekt (verwijderd: gebeurtenis 3 verwijst er nog naar)" in tekst(zs)


def test_gewijzigd_en_hash_herberekend(store, nr):
    from store.keten import gebeurtenis_hash

    zs, ruw = store
    n = nr[("5001", 2)]
    [(oid, versie, topic, ap)] = ruw(
        "SELECT e.originator_id, e.originator_version, e.topic, k.aggregate_prev_hash FROM {events} e "
        "JOIN {hashes} k ON k.notification_id = e.{nid} WHERE e.{nid} = {p}", (n,))
    ruw.vervang(n, b"aanvulling gevraagd", b"ANDERE REDEN")
    oid = oid if isinstance(oid, str) else oid.hex  # SQLite stores the hex, PostgreSQL a uuid
    ruw("UPDATE {hashes} SET event_hash = {p} WHERE notification_id = {p}",
        (gebeurtenis_hash(bytes(ap), oid, versie, topic, ruw.state(n)), n))
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["naam"], b["gebeurtenis"]) == ("herberekend", n, "zaak 5001", 2)
    assert (f"zaak 5001, gebeurtenis 2, nr. {n} in de log, vastgelegd " in tekst(zs))
    assert (f"inhoud gewijzigd en de hash herberekend (de keten en gebeurtenis 3, nr. {nr[('5001', 3)]}, "
            "verwijzen nog naar de oorspronkelijke hash)") in tekst(zs)


# --- anchors: what only something outside the database can show -----------------------------------


def test_staart_met_hashes_weg_alleen_te_zien_tegen_een_anker(store, nr):
    zs, ruw = store
    laatste, vier = len(nr), nr[("5003", 4)]  # zaak 5003's events 4 and 5 end the log
    anker = zs("audit", "anker").stdout.strip()
    assert re.fullmatch(rf"{laatste}:[0-9a-f]{{64}}", anker)
    assert verificeer(zs, "--alles", "--anker", anker, ok=True)["ankers"][0]["klopt"] is True

    ruw("DELETE FROM {events} WHERE {nid} >= {p}", (vier,))
    ruw("DELETE FROM {hashes} WHERE notification_id >= {p}", (vier,))
    verificeer(zs, ok=True)  # both tables cut consistently: the chain alone cannot see it
    u = verificeer(zs, "--alles", "--anker", anker)
    assert u["ankers"][0]["klopt"] is False
    assert (f"de log is ingekort: het anker nr. {laatste} ligt voorbij het einde van de keten (nu nr. {vier - 1})"
            in tekst(zs, "--alles", "--anker", anker))


def test_herschreven_keten_valt_op_tegen_een_anker(store, nr):
    from store.keten import gebeurtenis_hash, keten_hash

    zs, ruw = store
    anker = zs("audit", "anker").stdout.strip()
    assert anker.startswith(f"{len(nr)}:")
    # A DBA rewrites zaak 5001's event 2 and recomputes every hash and link after it.
    ruw.vervang(nr[("5001", 2)], b"aanvulling gevraagd", b"ANDERE REDEN")
    rijen = ruw("SELECT e.{nid}, e.originator_id, e.originator_version, e.topic, e.state FROM {events} e "
                "ORDER BY e.{nid}")
    laatst, keten = {}, bytes(32)
    for n, oid, versie, topic, state in rijen:
        oid = oid if isinstance(oid, str) else oid.hex
        vorige = laatst.get(oid, bytes(32))
        eh = gebeurtenis_hash(vorige, oid, versie, topic, bytes(state))
        keten = keten_hash(keten, n, eh)
        laatst[oid] = eh
        ruw("UPDATE {hashes} SET event_hash = {p}, aggregate_prev_hash = {p}, chain_hash = {p} "
            "WHERE notification_id = {p}", (eh, vorige, keten, n))
    verificeer(zs, ok=True)  # consistent again: only the anchor shows it
    u = verificeer(zs, "--alles", "--anker", anker)
    assert u["ankers"][0]["klopt"] is False
    assert u["ankers"][0]["melding"].startswith(f"de keten is herschreven: bij nr. {len(nr)} staat niet de hash van "
                                                "het anker")
    assert zs("audit", "verificeer", "--alles", "--anker", f"{len(nr)}:xyz", ok=False).exit_code == 2


# --- an older store: events from before the chain are not broken, just not chained ---------------


def test_oude_store_zegt_wat_niet_geketend_is_en_ketent_wat_erbij_komt(tmp_path):
    import shutil

    pad = tmp_path / "oud.sqlite"
    shutil.copy(ROOT / "tests" / "fixtures" / "store-v0.sqlite", pad)
    url = f"sqlite:///{pad}"
    zs, ruw = Cli(url), Ruw(url)
    oud = len(lees_log(ruw))
    assert oud == 109
    u = verificeer(zs, ok=True)
    assert (u["gecontroleerd"], u["ongeketend"], u["geketend"], u["begin"]["id"]) == (oud, oud, 0, oud)
    uit = zs("audit", "verificeer", "--alles").stdout
    assert f"{oud} gebeurtenissen zijn niet geketend, vastgelegd vóór de hashketen begon" in uit

    # New events, on an old zaak and a new one, are chained; the old zaak's chain starts at its first new event.
    # The new zaak is the first on wmo-melding v1 since versions are stored: that version is recorded with it.
    zs("zaak", "registreer", "9100001", "--zaaktype", "wmo-melding", "--omschrijving", "Melding",
       "--behandelaar", "consulent", "--actor", "test")
    zs("zaak", "stap", "9000001", "beschikken", "--actor", "test")
    nieuw = {k: n for k, n in lees_log(ruw).items() if n > oud}
    assert nieuw == {("zaaktype wmo-melding v1", 1): oud + 1, ("9100001", 1): oud + 2, ("9000001", 5): oud + 3}
    u = verificeer(zs, ok=True)
    assert (u["gecontroleerd"], u["ongeketend"], u["geketend"]) == (oud + 3, oud, 3)

    ruw("DELETE FROM stored_events WHERE rowid = 3")  # an unchained event: only the count shows it
    [b] = verificeer(zs)["breuken"]
    assert b["soort"] == "ongeketend"
    assert f"van de {oud} gebeurtenissen van vóór de keten ontbreekt er 1" in b["melding"]


def test_een_store_van_voor_de_keten_ketent_vanaf_het_begin_van_de_keten(db_url, monkeypatch):
    import store.events as se
    from store.config import Opslag
    from workflow.application import Zaakstroom

    ruw = Ruw(db_url)
    with monkeypatch.context() as m:  # zaakstroom as it was before the chain: eventsourcing's own recorder
        m.setattr(se, "_FACTORY_SQLITE", "eventsourcing.sqlite:SQLiteFactory")
        m.setattr(se, "_RECORDER_POSTGRES", "eventsourcing.postgres:PostgresApplicationRecorder")
        maak_store(db_url)
    oud = lees_log(ruw)
    assert sorted(oud, key=oud.get) == LOG  # the definition version and the three zaken, all before the chain
    maak_store(db_url, zaken=("5101",))  # zaaktype version already stored: 5 events of zaak 5101 only
    app = Zaakstroom(Opslag(db_url), vandaag=date(2024, 12, 1))
    app.dienst("zaken").schort_op("5001", actor="K. van Ekeris", reden="nog een vraag", datum=date(2024, 3, 1))
    app.close()
    nr = lees_log(ruw)
    assert sorted(set(nr) - set(oud), key=nr.get) == [*(("5101", g) for g in range(1, 6)), ("5001", 6)]
    zs = Cli(db_url)
    u = verificeer(zs, ok=True)
    assert (u["ongeketend"], u["geketend"], u["begin"]["id"], u["begin"]["gebeurtenissen_ervoor"]) == (
        len(oud), 6, max(oud.values()), len(oud))
    assert f"{len(oud)} gebeurtenissen zijn niet geketend, vastgelegd vóór de hashketen begon" in \
        zs("audit", "verificeer", "--alles").stdout

    ruw.vervang(nr[("5001", 2)], b"aanvulling gevraagd", b"aanvulling ontvangen")
    verificeer(zs, ok=True)  # before the chain: not provable, as the report says
    ruw.vervang(nr[("5001", 6)], b"nog een vraag", b"geen vraag")
    [b] = verificeer(zs)["breuken"]
    assert (b["soort"], b["id"], b["naam"], b["gebeurtenis"]) == ("inhoud", nr[("5001", 6)], "zaak 5001", 6)


def test_een_onbekende_zaak(store):
    zs, _ = store
    r = zs("audit", "verificeer", "999", ok=False)
    assert r.exit_code == 1 and "Zaak 999 bestaat niet" in r.stderr
    assert zs("audit", "verificeer", ok=False).exit_code == 2  # a zaaknummer or --alles
    assert zs("audit", "verificeer", "5001", "--anker", "1:" + "0" * 64, ok=False).exit_code == 2


# --- saves of many aggregates at once: the import of a population and the nightly job -------------------


def test_import_en_nachtelijke_verwerking_worden_geketend(db_url, tmp_path):
    """`overgang importeer` saves its batches (one Aangemeld event for each of many clients) and
    `overgang verwerk` its changes (the next event of many clients) through the same recorder as
    every command: each event gets its hash, the import's as much as a zaak's."""
    zs, ruw = Cli(db_url), Ruw(db_url)
    populatie, aanbieders = tmp_path / "populatie.csv", tmp_path / "aanbieders.txt"
    zs("overgang", "genereer", "--uitvoer", str(populatie), "--aantal", "60", "--seed", "11",
       "--aanbieders-uitvoer", str(aanbieders))
    zs("overgang", "jaar", "definieer", "2025", "--ontvangende-aanbieder", "Wijkracht Hengelo",
       "--latende-aanbieders", str(aanbieders), "--datum", "01-10-2024")
    u = zs.json("overgang", "importeer", str(populatie), "--jaar", "2025", "--datum", "02-01-2025", "--batch", "25",
                "--actor", "import")
    assert (u["nieuw_totaal"], u["batches"]) == (60, 3)
    assert zs.json("overgang", "verwerk", "--tot", "31-12-2025", "--actor", "nacht")["gewijzigd"] > 25

    rijen = ruw("SELECT {nid}, originator_version, topic FROM {events} ORDER BY {nid}")
    aangemeld = [n for n, v, t in rijen if t == "domain.overdracht:Clientoverdracht.Aangemeld"]
    verwerkt = [n for n, v, t in rijen if v == 2 and t.startswith("domain.overdracht:Clientoverdracht.")]
    assert len(aangemeld) == 60 and len(verwerkt) > 25
    v = verificeer(zs, ok=True)
    assert v["geketend"] == v["gecontroleerd"] == len(rijen)
    assert ruw("SELECT count(*) FROM {hashes}")[0][0] == len(rijen)

    # One client in the middle of the second import batch, another in the middle of the nightly save.
    a, b = aangemeld[30], verwerkt[len(verwerkt) // 2]
    ruw.vervang(a, b'"actor":"import"', b'"actor":"iemand"')
    ruw.vervang(b, b'"actor":"nacht"', b'"actor":"iemand"')
    breuken = verificeer(zs)["breuken"]
    assert [(x["soort"], x["id"], x["gebeurtenis"], x["topic"]) for x in breuken] == [
        ("inhoud", a, 1, "domain.overdracht:Clientoverdracht.Aangemeld"),
        ("inhoud", b, 2, dict((n, t) for n, _, t in rijen)[b])]
    assert all(x["naam"].startswith("clientoverdracht ") for x in breuken)


# --- many writers at once: one chain, no breaks ------------------------------------------------------


def _schrijf(url: str, i: int, fouten: list) -> None:
    try:
        maak_store(url, zaken=tuple(str(6000 + 10 * i + j) for j in range(3)))
    except Exception as e:  # collected: the assertion shows every failure
        fouten.append(repr(e))


def test_gelijktijdige_schrijvers_in_draden_geven_een_ongebroken_keten(db_url):
    maak_store(db_url, zaken=("1",))  # the tables exist; the writers race on the chain head, not on DDL
    fouten: list[str] = []
    draden = [threading.Thread(target=_schrijf, args=(db_url, i, fouten)) for i in range(6)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert fouten == []
    u = verificeer(Cli(db_url), ok=True)
    # The zaaktype version (stored with zaak 1) and zaak 1's 5 events, then 6 writers of 3 zaken × 5 events.
    assert u["geketend"] == u["gecontroleerd"] == 1 + 5 + 6 * 15


def test_gelijktijdige_schrijvers_in_processen_geven_een_ongebroken_keten(db_url):
    code = ("import sys; sys.path.insert(0, {root!r}); from tests.integration.test_hashketen import maak_store; "
            "maak_store({url!r}, zaken=tuple(str(7000 + 10 * {i} + j) for j in range(3)))")
    processen = [subprocess.Popen([sys.executable, "-c", code.format(root=str(ROOT), url=db_url, i=i)],
                                  stderr=subprocess.PIPE, text=True) for i in range(4)]
    fouten = [p.stderr.read() for p in processen if p.wait() != 0]
    assert fouten == []
    u = verificeer(Cli(db_url), ok=True)
    # 4 processes of 3 zaken × 5 events, and the zaaktype version once: the processes that lost the
    # race to store it saved their zaak on its own (workflow/definitieversies.py).
    assert u["geketend"] == u["gecontroleerd"] == 1 + 4 * 15
    [(definities,)] = Ruw(db_url)("SELECT count(*) FROM {events} WHERE topic = "
                                  "'domain.definitieversie:Definitieversie.Vastgelegd'")
    assert definities == 1
