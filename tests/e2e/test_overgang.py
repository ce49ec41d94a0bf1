"""The overgangsjaar through `zaakstroom overgang …`, on SQLite and on PostgreSQL: define the year,
import the population (twice), walk clients through their steps and the consent gate, change dates
with a reason, the signal list and the monitor, the nightly job (twice) and erasure."""

from __future__ import annotations

import json
from datetime import date

import pytest

from domain.datums import nl_datum

AANBIEDERS = ("--latende-aanbieder", "Zorg Oost", "--latende-aanbieder", "Jeugdhulp West")
KOP = "client;wet;product;indicatie_start;indicatie_einde;latende_aanbieder;toestemming;overgangsdatum"
POPULATIE = f"""# een handgemaakte testpopulatie
{KOP}
PS-W-R1;Wmo;begeleiding;01-03-2022;31-12-2025;Zorg Oost;ja;
PS-W-R2;Wmo;begeleiding;01-03-2022;01-01-2026;Zorg Oost;;02-06-2025
PS-W-R2T;Wmo;dagbesteding;1-2-2021;31 maart 2027;zorg oost;ja;03-03-2025
PS-J-R2;Jeugdwet;dagbesteding;2023-05-01;2027-06-30;Jeugdhulp West;;2025-04-01
PS-J-R2N;Jeugdwet;begeleiding;2023-05-01;2027-06-30;Jeugdhulp West;nee;01-09-2025
PS-J-R1;Jeugdwet;begeleiding;2023-05-01;28-02-2025;Jeugdhulp West;;
PS-N-R3;Wmo;begeleiding;01-01-2025;31-12-2026;;;
PS-V-R1;Wmo;begeleiding;01-01-2025;30-06-2025;Zorg Oost;;
PS-X1;Wmo;begeleiding;01-03-2022;31-12-2024;Zorg Oost;;
PS-X2;Wmo;begeleiding;01-03-2022;31-12-2026;Zorg Noord;;
PS-X3;Wmo;begeleiding;01-03-2022;31-12-2026;;;
PS-X4;Wmo;begeleiding;01-03-2022;31-10-2025;Zorg Oost;;01-05-2025
PS-W-R1;Wmo;begeleiding;01-03-2022;31-12-2025;Zorg Oost;ja;
"""
J = ("--jaar", "2025")


def definieer(zs):
    return zs.json("overgang", "jaar", "definieer", "2025", "--ontvangende-aanbieder", "Wijkracht Hengelo",
                   *AANBIEDERS, "--waarschuwing-dagen", "60", "--datum", "01-10-2024", "--actor", "contractmanager")


@pytest.fixture
def populatie(tmp_path):
    pad = tmp_path / "populatie.csv"
    pad.write_text(POPULATIE, encoding="utf-8")
    return str(pad)


def geimporteerd(zs, populatie):
    definieer(zs)
    return zs.json("overgang", "importeer", populatie, *J, "--datum", "02-01-2025", "--actor", "contractmanager")


def toon(zs, client):
    return zs.json("overgang", "toon", client, *J)


def laatste_gebeurtenis(zs) -> int:
    return zs.json("projecties", "status")[0]["laatste"]


# --- define and import ---------------------------------------------------------------------------------


def test_jaar_definieren_en_de_regels_en_dossierregels_tonen(zs):
    j = definieer(zs)
    assert (j["start"], j["einde"], j["ontvangende_aanbieder"]) == ("2025-01-01", "2025-12-31", "Wijkracht Hengelo")
    assert (j["plan_vanaf"], j["plan_tot"], j["waarschuwing_vanaf"]) == ("2025-02-01", "2025-10-31", "2025-11-01")
    assert j["dossier"]["wmo"]["regel"] == "toestemming"
    jeugdwet = j["dossier"]["jeugdwet"]
    assert "7.4.0 lid 1" in jeugdwet["grondslag"] and "TE BEVESTIGEN" in jeugdwet["te_bevestigen"]
    nog_eens = zs("overgang", "jaar", "definieer", "2025", "--ontvangende-aanbieder", "X", *AANBIEDERS, ok=False)
    assert nog_eens.exit_code == 1 and "al gedefinieerd" in nog_eens.stderr
    zs("overgang", "jaar", "aanbieder-toevoegen", "2025", "Zorg Noord", "--reden", "Bleek ook te leveren")
    assert "Zorg Noord" in zs.json("overgang", "jaar", "toon", "2025")["latende_aanbieders"]


def test_het_jaar_legt_de_tekst_van_zijn_definitie_vast_en_leest_die_zonder_bestand(zs, populatie, monkeypatch):
    """ARCHITECTURE, 'A running case's rules stay readable': the jaar stores the clientoverdracht text
    through the definities service and records its sha256; its clients read it back without the file."""
    import hashlib

    from domain.fouten import DomeinFout
    from workflow import definitieversies, overdrachten

    tekst = (overdrachten.DEFINITIES / "clientoverdracht" / "v1.toml").read_text(encoding="utf-8")
    j = definieer(zs)
    assert j["definitie"] == {"naam": "clientoverdracht", "versie": 1,
                              "sha256": hashlib.sha256(tekst.encode("utf-8")).hexdigest()}
    zs.json("overgang", "importeer", populatie, *J, "--datum", "02-01-2025")

    def geen_bestand(naam, versie=None, mappen=None):
        raise DomeinFout(f"{naam} v{versie}: geen bestand")

    monkeypatch.setattr(definitieversies, "definitie", geen_bestand)  # the file is gone: the stored text is read
    monkeypatch.setattr(overdrachten, "_GEBOUWD", {})
    c = zs.json("overgang", "toestemming", "PS-W-R2", "vragen", *J, "--datum", "10-01-2025")
    assert (c["status"], c["toestemming"]) == ("toestemming_gevraagd", "gevraagd")


def test_importeren_deelt_in_weigert_per_regel_en_twee_keer_maakt_niets_dubbel(zs, populatie):
    u = geimporteerd(zs, populatie)
    assert u["nieuw"] == {"R1": 3, "R2": 4, "R3": 1} and u["vastgelegd"] and not u["synthetisch"]
    assert [(a["regel"], a["reden"].split(" ")[0]) for a in u["afgewezen"]] == [
        (11, "de"), (12, "latende_aanbieder"), (13, "een"), (14, "een"), (15, "dubbele")]
    redenen = {a["regel"]: a["reden"] for a in u["afgewezen"]}
    assert "eindigde al op 31 december 2024" in redenen[11]
    assert "'Zorg Noord' is geen latende aanbieder" in redenen[12]
    assert "alleen bij R2" in redenen[14]
    assert toon(zs, "PS-W-R2T")["latende_aanbieder"] == "Zorg Oost"  # written 'zorg oost' in the file
    assert (toon(zs, "PS-V-R1")["regel"], toon(zs, "PS-N-R3")["status"]) == ("R1", "basisondersteuning")

    voor = laatste_gebeurtenis(zs)
    nog_eens = zs.json("overgang", "importeer", populatie, *J, "--datum", "02-01-2025")
    assert (nog_eens["nieuw_totaal"], nog_eens["al_aanwezig"], nog_eens["vastgelegd"]) == (0, 8, False)
    assert laatste_gebeurtenis(zs) == voor  # not even an import record
    tekst = zs("overgang", "importeer", populatie, *J, "--datum", "02-01-2025").stdout
    assert "Niets nieuws: 8 cliënten stonden er al" in tekst and "regel 15: dubbele regel" in tekst
    assert len(zs.json("overgang", "jaar", "toon", "2025")["imports"]) == 1


def test_importeren_vraagt_een_gedefinieerd_jaar_en_weigert_persoonsgegevens(zs, tmp_path):
    pad = tmp_path / "p.csv"
    pad.write_text(f"{KOP};bsn\nA;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;;;123456782\n", encoding="utf-8")
    geen_jaar = zs("overgang", "importeer", str(pad), *J, ok=False)
    assert geen_jaar.exit_code == 1 and "Overgangsjaar 2025 is niet gedefinieerd" in geen_jaar.stderr
    definieer(zs)
    bsn = zs("overgang", "importeer", str(pad), *J, ok=False)
    assert bsn.exit_code == 1 and "persoonsgegevens (bsn)" in bsn.stderr and "niets geïmporteerd" in bsn.stderr
    assert zs("overgang", "importeer", str(pad), ok=False).exit_code == 2  # --jaar is required


# --- the steps and the consent gate ------------------------------------------------------------------------


def test_wmo_met_toestemming_gaat_met_dossier_over(zs, populatie):
    geimporteerd(zs, populatie)
    te_vroeg = zs("overgang", "overdragen", "PS-W-R2T", *J, "--datum", "01-03-2025", ok=False)
    assert te_vroeg.exit_code == 1 and "Mogelijk:" in te_vroeg.stderr and "overgang warme-overdracht" in te_vroeg.stderr
    zs("overgang", "warme-overdracht", "PS-W-R2T", *J, "--datum", "24-02-2025", "--aanwezig", "client",
       "--aanwezig", "latende-aanbieder", "--aanwezig", "ontvangende-aanbieder", "--actor", "coordinator")
    c = zs.json("overgang", "overdragen", "PS-W-R2T", *J, "--datum", "03-03-2025", "--actor", "coordinator")
    assert (c["status"], c["dossier_overgedragen"], c["dossier_grond"]) == (
        "overgedragen", True, "toestemming van de cliënt vastgelegd")
    assert c["warme_overdracht"]["aanwezigen"] == ["client", "latende aanbieder", "ontvangende aanbieder"]
    assert zs.json("overgang", "afsluiten", "PS-W-R2T", *J, "--datum", "31-03-2025")["status"] == "afgesloten"


def test_wmo_zonder_toestemming_gaat_zichtbaar_zonder_dossier_over(zs, populatie):
    geimporteerd(zs, populatie)
    zs("overgang", "toestemming", "PS-W-R2", "vragen", *J, "--datum", "03-03-2025")
    zs("overgang", "toestemming", "PS-W-R2", "geweigerd", *J, "--datum", "10-03-2025",
       "--reden", "Cliënt wil niet dat het dossier meegaat")
    weinig = zs("overgang", "warme-overdracht", "PS-W-R2", *J, "--datum", "20-05-2025", "--aanwezig", "client",
                "--aanwezig", "latende-aanbieder", ok=False)
    assert weinig.exit_code == 1 and "niet aanwezig: de ontvangende aanbieder" in weinig.stderr
    naam = zs("overgang", "warme-overdracht", "PS-W-R2", *J, "--aanwezig", "Jan de Vries", ok=False)
    assert naam.exit_code == 1 and "Onbekende rol" in naam.stderr
    zs("overgang", "warme-overdracht", "PS-W-R2", *J, "--datum", "20-05-2025", "--aanwezig", "wettelijk-vertegenwoordiger",
       "--aanwezig", "latende-aanbieder", "--aanwezig", "ontvangende-aanbieder")
    wmo_noodzaak = zs("overgang", "overdragen", "PS-W-R2", *J, "--noodzakelijk", "x", "--datum", "02-06-2025", ok=False)
    assert wmo_noodzaak.exit_code == 1 and "alleen mee met toestemming" in wmo_noodzaak.stderr
    uit = zs("overgang", "overdragen", "PS-W-R2", *J, "--datum", "02-06-2025")
    assert "Overgedragen ZONDER dossier: de cliënt heeft toestemming geweigerd" in uit.stdout
    c = toon(zs, "PS-W-R2")
    assert (c["status"], c["dossier_overgedragen"]) == ("overgedragen", False)
    assert [g["reden"] for g in c["geschiedenis"] if g["gebeurtenis"] == "toestemming geweigerd"] == [
        "Cliënt wil niet dat het dossier meegaat"]


def test_jeugdwet_zonder_toestemming_met_vastgelegde_noodzaak_wel_na_een_weigering_niet(zs, populatie):
    geimporteerd(zs, populatie)
    for client in ("PS-J-R2", "PS-J-R2N"):
        zs("overgang", "warme-overdracht", client, *J, "--datum", "25-03-2025", "--aanwezig", "ouder",
           "--aanwezig", "latende-aanbieder", "--aanwezig", "ontvangende-aanbieder", "--aanwezig", "consulent")
    a = zs.json("overgang", "overdragen", "PS-J-R2", *J, "--datum", "01-04-2025",
                "--noodzakelijk", "Continuïteit van de jeugdhulp vraagt het behandelplan")
    assert a["dossier_overgedragen"] and "art. 7.4.0 lid 1" in a["dossier_grond"]
    assert any("noodzakelijk: Continuïteit" in (g["reden"] or "") for g in a["geschiedenis"])
    b = zs.json("overgang", "overdragen", "PS-J-R2N", *J, "--datum", "01-04-2025", "--noodzakelijk", "idem")
    assert not b["dossier_overgedragen"] and "geweigerd" in b["dossier_grond"]


def test_een_stap_die_niet_past_en_uitval(zs, populatie):
    geimporteerd(zs, populatie)
    r1 = zs("overgang", "warme-overdracht", "PS-W-R1", *J, "--aanwezig", "client", ok=False)
    assert r1.exit_code == 1 and "(R1, status 'loopt_door'" in r1.stderr
    onbekend = zs("overgang", "toon", "PS-BESTAAT-NIET", *J, ok=False)
    assert onbekend.exit_code == 1 and "staat niet in overgangsjaar 2025" in onbekend.stderr
    c = zs.json("overgang", "uitval", "PS-W-R2T", *J, "--oorzaak", "verhuisd", "--datum", "15-02-2025",
                "--reden", "Verhuisd naar Enschede")
    assert (c["status"], c["uitval"]) == ("uitgevallen", {"datum": "2025-02-15", "oorzaak": "verhuisd"})


# --- dates with a reason, reclassification ---------------------------------------------------------------


def test_overgangsdatum_wijzigen_vraagt_een_reden_en_blijft_zichtbaar(zs, populatie):
    geimporteerd(zs, populatie)
    zonder = zs("overgang", "verplaats", "PS-J-R2", *J, "--overgangsdatum", "01-07-2025", ok=False)
    assert zonder.exit_code == 1 and "vraagt een reden" in zonder.stderr
    buiten = zs("overgang", "verplaats", "PS-J-R2", *J, "--overgangsdatum", "15-01-2026", "--reden", "x", ok=False)
    assert buiten.exit_code == 1 and "binnen het overgangsjaar" in buiten.stderr
    c = zs.json("overgang", "verplaats", "PS-J-R2", *J, "--overgangsdatum", "01-07-2025", "--datum", "20-03-2025",
                "--reden", "Dreigde tussen wal en schip te raken: extra gesprek met de latende aanbieder")
    [g] = [g for g in c["geschiedenis"] if g["gebeurtenis"] == "overgangsdatum gewijzigd"]
    assert (g["details"]["oud"], g["details"]["nieuw"]) == ("2025-04-01", "2025-07-01")
    assert g["reden"].startswith("Dreigde tussen wal en schip")
    r1 = zs("overgang", "verplaats", "PS-W-R1", *J, "--overgangsdatum", "01-07-2025", "--reden", "x", ok=False)
    assert r1.exit_code == 1 and "kan alleen in status" in r1.stderr


def test_verlenging_over_de_jaargrens_deelt_r1_in_als_r2_en_inkorten_terug(zs, populatie):
    geimporteerd(zs, populatie)
    zonder = zs("overgang", "verleng", "PS-V-R1", *J, "--einddatum", "31-03-2026", ok=False)
    assert zonder.exit_code == 1 and "reden" in zonder.stderr
    uit = zs("overgang", "verleng", "PS-V-R1", *J, "--einddatum", "31-03-2026", "--overgangsdatum", "01-09-2025",
             "--datum", "15-03-2025", "--reden", "Herindicatie: begeleiding langer nodig")
    assert "HERINGEDEELD van R1 naar R2, overdracht gepland op 1 september 2025" in uit.stdout
    c = toon(zs, "PS-V-R1")
    assert (c["regel"], c["status"], c["overgangsdatum"], c["einddatum"]) == ("R2", "gepland", "2025-09-01", "2026-03-31")
    [g] = [g for g in c["geschiedenis"] if g["gebeurtenis"] == "indicatie gewijzigd"]
    assert {k: g["details"][k] for k in ("soort", "oude_regel", "nieuwe_regel", "stap")} == {
        "soort": "verlengd", "oude_regel": "R1", "nieuwe_regel": "R2", "stap": "herindelen_r2"}
    assert "R1 → R2" in zs("overgang", "toon", "PS-V-R1", *J).stdout

    binnen = zs.json("overgang", "verleng", "PS-J-R1", *J, "--einddatum", "31-07-2025", "--datum", "20-02-2025",
                     "--reden", "Nog een half jaar")
    assert (binnen["regel"], binnen["status"]) == ("R1", "loopt_door")
    terug = zs.json("overgang", "inkorten", "PS-J-R2", *J, "--einddatum", "30-11-2025", "--datum", "15-03-2025",
                    "--reden", "Doel eerder bereikt")
    assert (terug["regel"], terug["status"], terug["overgangsdatum"]) == ("R1", "loopt_door", None)
    verkeerd = zs("overgang", "inkorten", "PS-W-R2T", *J, "--einddatum", "30-04-2027", "--reden", "x", ok=False)
    assert verkeerd.exit_code == 1 and "'overgang verleng'" in verkeerd.stderr
    r3 = zs("overgang", "verleng", "PS-N-R3", *J, "--einddatum", "31-12-2027", "--reden", "x", ok=False)
    assert r3.exit_code == 1 and "R3" in r3.stderr
    m = zs.json("overgang", "monitor", "--per", "31-03-2025")[0]
    assert (m["aangepast"]["heringedeeld_r1_naar_r2"], m["aangepast"]["heringedeeld_r2_naar_r1"]) == (1, 1)
    assert m["aangepast"]["indicatie_gewijzigd_clienten"] == 3


# --- signals and the monitor --------------------------------------------------------------------------


def signalen(zs, per, *extra):
    return {r["client"]: sorted(s["soort"] for s in r["signalen"]) for r in zs.json("overgang", "signalen", "--per", per,
                                                                                  *extra)}


def test_signalen_niemand_tussen_wal_en_schip(zs, populatie):
    geimporteerd(zs, populatie)
    zs("overgang", "toestemming", "PS-W-R2", "vragen", *J, "--datum", "01-03-2025")
    assert signalen(zs, "15-04-2025") == {
        "PS-W-R2T": ["overgangsdatum_verstreken"],  # planned 3 March, not transferred
        "PS-J-R2": ["overgangsdatum_verstreken"],  # planned 1 April
        "PS-J-R1": ["zonder_vervolg"],  # R1 ended 28 February, no follow-up recorded
        "PS-W-R2": ["wacht_op_toestemming"],  # asked 1 March: more than 14 days
    }
    assert "PS-W-R2" not in signalen(zs, "15-04-2025", "--toestemming-dagen", "60")
    zs("overgang", "vervolg", "PS-J-R1", *J, "--uitkomst", "basisondersteuning", "--datum", "20-02-2025")
    assert "PS-J-R1" not in signalen(zs, "15-04-2025")
    zs("overgang", "verplaats", "PS-J-R2N", *J, "--overgangsdatum", "20-11-2025", "--reden", "Wacht op de ouders")
    laat = signalen(zs, "15-11-2025")  # in the warning window (60 days before the end)
    assert laat["PS-J-R2N"] == ["einde_jaar_nadert"]
    assert laat["PS-W-R2T"] == ["einde_jaar_nadert", "overgangsdatum_verstreken"]
    assert signalen(zs, "02-01-2026")["PS-J-R2N"] == ["jaar_verstreken", "overgangsdatum_verstreken"]

    tekst = zs("overgang", "signalen", "--per", "15-04-2025").stdout
    assert "overgangsdatum 3 maart 2025 verstreken, 43 dagen niet overgedragen" in tekst
    assert "4 cliënten in gevaar per 15 april 2025" not in tekst  # PS-J-R1 has a follow-up now
    assert "3 cliënten in gevaar per 15 april 2025" in tekst
    regels = zs("overgang", "signalen", "--per", "15-04-2025", "--csv").stdout.splitlines()
    assert regels[0] == ("jaar;client;wet;product;regel;latende_aanbieder;status;einddatum;overgangsdatum;"
                         "signaal;sinds;toelichting")
    assert any(r.startswith("2025;PS-W-R2T;wmo;dagbesteding;R2;Zorg Oost;gepland;2027-03-31;2025-03-03;"
                            "overgangsdatum_verstreken;2025-03-04;") for r in regels)


def test_monitor_per_regel_aanbieder_maand_toestemming_en_wie_levert(zs, populatie):
    geimporteerd(zs, populatie)
    zs("overgang", "warme-overdracht", "PS-W-R2T", *J, "--datum", "24-02-2025", "--aanwezig", "client",
       "--aanwezig", "latende-aanbieder", "--aanwezig", "ontvangende-aanbieder")
    zs("overgang", "overdragen", "PS-W-R2T", *J, "--datum", "03-03-2025")
    zs("overgang", "vervolg", "PS-J-R1", *J, "--uitkomst", "basisondersteuning", "--datum", "20-02-2025")
    zs("overgang", "verplaats", "PS-J-R2", *J, "--overgangsdatum", "01-07-2025", "--datum", "20-03-2025", "--reden", "x")
    [m] = zs.json("overgang", "monitor", "--per", "15-04-2025")
    assert (m["clienten"], m["synthetisch"], m["latende_aanbieders"]) == (8, False, 2)
    assert m["per_regel"]["R1"] == {"aantal": 3, "overgedragen": 0, "uitgevallen": 0, "nog_niet_over": 0,
                                    "lopend_r1": 2, "beeindigd_r1": 1}
    assert (m["per_regel"]["R2"]["aantal"], m["per_regel"]["R2"]["overgedragen"], m["per_regel"]["R2"]["nog_niet_over"]) \
        == (4, 1, 3)
    assert m["levering"] == {
        "pxq": {"R1_lopend": 2, "R2_nog_niet_over": 3, "totaal": 5},
        "lumpsum": {"R2_overgedragen": 1, "R3": 1, "R1_na_einddatum_basisondersteuning": 1, "totaal": 3},
        "geen": {"uitgevallen": 0, "R1_beeindigd_overig": 0, "R3_nog_niet_gestart": 0},
    }
    oost = next(a for a in m["per_aanbieder"] if a["aanbieder"] == "Zorg Oost")
    assert (oost["R1"], oost["R2"], oost["R2_overgedragen"], oost["R2_nog_niet_over"]) == (2, 2, 1, 1)
    maanden = {x["maand"]: x for x in m["per_maand"]}
    assert (maanden["2025-03"]["overgedragen"], maanden["2025-03"]["nog_te_gaan"]) == (1, 3)
    assert (maanden["2025-06"]["gepland"], maanden["2025-07"]["gepland"], maanden["2025-09"]["gepland"]) == (1, 1, 1)
    assert maanden["2025-05"]["nog_te_gaan"] is None  # after the peildatum
    assert m["aangepast"]["overgangsdatum_gewijzigd_clienten"] == 1
    assert m["toestemming"]["nog_niet_over_per_wet"]["wmo"] == {"gegeven": 0, "gevraagd": 0, "geweigerd": 0, "onbekend": 1}
    assert m["toestemming"]["nog_niet_over_per_wet"]["jeugdwet"]["geweigerd"] == 1
    assert m["toestemming"]["overgedragen_met_dossier"] == 1
    assert m["risico"]["overgangsdatum_verstreken"] == 0  # PS-J-R2 moved to July

    tekst = zs("overgang", "monitor", "--per", "15-04-2025").stdout
    assert "Monitor overgangsjaar 2025" in tekst and "SYNTHETISCHE" not in tekst
    assert "P×Q: latende aanbieders (overgangsrecht)" in tekst and "Lumpsum: Wijkracht Hengelo" in tekst
    csv = zs("overgang", "monitor", "--per", "15-04-2025", "--csv").stdout.splitlines()
    assert csv[0] == "jaar;peildatum;onderdeel;categorie;maat;aantal"
    assert "2025;2025-04-15;levering;pxq;totaal;5" in csv


def test_monitor_zegt_synthetische_populatie_na_een_gegenereerde_import(zs, tmp_path):
    definieer(zs)
    pad = tmp_path / "syn.csv"
    aanbieders = tmp_path / "aanbieders.txt"
    zs("overgang", "genereer", "--uitvoer", str(pad), "--aantal", "200", "--seed", "5",
       "--aanbieders-uitvoer", str(aanbieders))
    for naam in aanbieders.read_text(encoding="utf-8").splitlines()[1:]:
        zs("overgang", "jaar", "aanbieder-toevoegen", "2025", naam)
    u = zs.json("overgang", "importeer", str(pad), *J, "--datum", "02-01-2025", "--batch", "64")
    assert (u["synthetisch"], u["nieuw_totaal"], u["afgewezen"], u["batches"]) == (True, 200, [], 4)
    assert "SYNTHETISCHE POPULATIE" in zs("overgang", "monitor", "--per", "01-06-2025").stdout
    assert zs.json("overgang", "monitor", "--per", "01-06-2025")[0]["synthetisch"] is True
    assert "SYNTHETISCHE POPULATIE" in zs("overgang", "jaar", "toon", "2025").stdout


# --- the nightly job ---------------------------------------------------------------------------------------


def test_verwerk_sluit_r1_op_de_einddatum_legt_signalen_vast_en_twee_keer_verandert_niets(zs, populatie):
    geimporteerd(zs, populatie)
    te_vroeg = zs("overgang", "verwerk", "--tot", "31-12-2099", ok=False)
    assert te_vroeg.exit_code == 1 and "toekomst" in te_vroeg.stderr
    u = zs.json("overgang", "verwerk", "--tot", "30-06-2025", "--actor", "nachtjob")
    assert (u["beeindigd"], u["gesignaleerd"]) == (2, {"overgangsdatum_verstreken": 3, "jaar_verstreken": 0})
    voor = laatste_gebeurtenis(zs)
    tweede = zs("overgang", "verwerk", "--tot", "30-06-2025")
    assert "Niets (meer) te verwerken tot en met 30 juni 2025" in tweede.stdout
    assert laatste_gebeurtenis(zs) == voor
    c = toon(zs, "PS-J-R1")
    assert (c["status"], c["status_sinds"]) == ("afgesloten", "2025-02-28")
    beeindigd = [g["datum"] for g in c["geschiedenis"] if g["gebeurtenis"] == "indicatie beëindigd (einddatum)"]
    assert beeindigd == ["2025-02-28"]
    w = toon(zs, "PS-W-R2T")
    assert [(g["datum"], g["details"]["soort"]) for g in w["geschiedenis"] if g["gebeurtenis"] == "gesignaleerd"] == [
        ("2025-03-04", "overgangsdatum_verstreken")]
    jaar_om = zs.json("overgang", "verwerk", "--tot", "05-01-2026")
    assert jaar_om["gesignaleerd"] == {"overgangsdatum_verstreken": 1, "jaar_verstreken": 4}
    assert jaar_om["beeindigd"] == 1  # PS-W-R1, on 31 December
    assert zs.json("overgang", "verwerk", "--tot", "05-01-2026")["gewijzigd"] == 0


# --- erasure and personal data -------------------------------------------------------------------------------


def test_vergeet_vernietigt_de_sleutel_en_de_monitor_telt_door(zs, populatie):
    geimporteerd(zs, populatie)
    open_ = zs("overgang", "vergeet", "PS-W-R2", *J, "--reden", "Verzoek art. 17 AVG", ok=False)
    assert open_.exit_code == 1 and "kan alleen in status" in open_.stderr
    zs("overgang", "verwerk", "--tot", "31-03-2025")
    zonder = zs("overgang", "vergeet", "PS-J-R1", *J, ok=False)
    assert zonder.exit_code == 1 and "vraagt een reden" in zonder.stderr
    c = zs.json("overgang", "vergeet", "PS-J-R1", *J, "--reden", "Verzoek art. 17 AVG d.d. 1-4-2025",
                "--datum", "02-04-2025", "--actor", "privacy-officer")
    assert (c["client"], c["gewist"], c["regel"], c["status"]) == ("[gewist op 2 april 2025]", "2025-04-02", "R1", "afgesloten")
    assert c["geschiedenis"][-1]["reden"] == "Verzoek art. 17 AVG d.d. 1-4-2025"  # why, in the clear
    nog_eens = zs("overgang", "vervolg", "PS-J-R1", *J, "--uitkomst", "geen", ok=False)
    assert nog_eens.exit_code == 1 and "gewist" in nog_eens.stderr
    [m] = zs.json("overgang", "monitor", "--per", "15-04-2025")
    assert (m["clienten"], m["gewist"], m["per_regel"]["R1"]["aantal"]) == (8, 1, 3)
    assert "PS-J-R1" not in signalen(zs, "15-04-2025") and "[gegevens gewist]" not in signalen(zs, "15-04-2025")


def test_avg_vergeet_wist_ook_een_client(zs, populatie):
    """`avg vergeet` is the one door for every natural person: a client is JAAR/CLIENT."""
    geimporteerd(zs, populatie)
    zs("overgang", "verwerk", "--tot", "31-03-2025")
    onbekend = zs("avg", "vergeet", "2025/PS-BESTAAT-NIET", "--reden", "Verzoek art. 17 AVG", ok=False)
    assert onbekend.exit_code == 1 and "Geen persoon bekend als '2025/PS-BESTAAT-NIET'" in onbekend.stderr
    u = zs.json("avg", "vergeet", "2025/PS-J-R1", "--reden", "Verzoek art. 17 AVG", "--actor", "privacy-officer")
    assert (u["deel"], u["sleutel"], u["overdracht"]["client"]) == ("overdrachten", "2025/PS-J-R1", f"[gewist op {nl_datum(date.today())}]")
    [m] = zs.json("overgang", "monitor", "--per", "15-04-2025")
    assert (m["clienten"], m["gewist"]) == (8, 1)


def test_geen_pseudoniem_of_reden_leesbaar_in_gebeurtenissen_projectie_of_log(zs, populatie, db_url):
    geimporteerd(zs, populatie)
    zs("overgang", "verplaats", "PS-W-R2", *J, "--overgangsdatum", "01-08-2025", "--reden", "GEHEIME-ZORGNOTITIE")
    log = zs("--log-niveau", "info", "--log-json", "overgang", "toestemming", "PS-W-R2", "vragen", *J,
             "--reden", "GEHEIME-ZORGNOTITIE-2")
    assert "opgeslagen" in log.stderr and "PS-W-R2" not in log.stderr and "GEHEIME" not in log.stderr
    zs("projecties", "bijwerken")
    alles = opgeslagen_tekst(db_url)
    for geheim in ("PS-W-R1", "PS-W-R2", "PS-J-R2N", "GEHEIME-ZORGNOTITIE"):
        assert geheim not in alles, geheim
    assert "Zorg Oost" in alles and "begeleiding" in alles  # what the monitor counts stays readable
    # The history is audit lines (workflow.audit): the reason decrypted for who may see the client,
    # never a ciphertext, a key id or the pseudonym in a line's details or description.
    c = toon(zs, "PS-W-R2")
    assert [g["reden"] for g in c["geschiedenis"] if g["reden"]] == ["GEHEIME-ZORGNOTITIE", "GEHEIME-ZORGNOTITIE-2"]
    lijnen = json.dumps([{k: v for k, v in g.items() if k != "reden"} for g in c["geschiedenis"]])
    assert "versleuteld" not in lijnen and "sleutel_id" not in lijnen and "PS-W-R2" not in lijnen
    assert all(g["bij"].startswith("cliëntoverdracht ") for g in c["geschiedenis"])


def opgeslagen_tekst(db_url: str) -> str:
    """Every event's state and every row of the projection tables, as text."""
    from sqlalchemy import text

    from projections.database import maak_engine
    from store.config import Opslag

    opslag = Opslag(db_url)
    engine = maak_engine(opslag)
    tabel = "zaakstroom_events" if opslag.is_postgres else "stored_events"
    try:
        with engine.connect() as conn:
            delen = [bytes(r[0]).decode("utf-8", "replace") for r in conn.execute(text(f"SELECT state FROM {tabel}"))]
            for t in ("clientoverdrachten", "overgangsjaren"):
                delen += [json.dumps([str(x) for x in r]) for r in conn.execute(text(f"SELECT * FROM {t}"))]
    finally:
        engine.dispose()
    return "\n".join(delen)


def test_zonder_het_geheim_van_het_jaar_wordt_niets_stil_opnieuw_gemaakt(zs, populatie, db_url):
    from uuid import uuid5

    from domain.overdracht import overgangsjaar_id
    from store.config import Opslag
    from store.person_keys import Persoonssleutels

    geimporteerd(zs, populatie)
    kluis = Persoonssleutels(Opslag(db_url))
    try:
        assert kluis.vernietig(str(uuid5(overgangsjaar_id(2025), "pseudoniemen")))
    finally:
        kluis.sluit()
    weg = zs("overgang", "toon", "PS-W-R1", *J, ok=False)
    assert weg.exit_code == 1 and "Het geheim van overgangsjaar 2025 ontbreekt" in weg.stderr
    assert "ontbreekt" in zs("overgang", "importeer", populatie, *J, ok=False).stderr
