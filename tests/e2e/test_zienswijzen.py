"""Zienswijzen through the CLI, on SQLite and PostgreSQL: the Hart van Zuid case, refusals, the gate, erasure."""

from __future__ import annotations

from datetime import date

from domain.datums import nl_datum
from tests.e2e.hart_van_zuid import (
    HVZ,
    STANDAARDREACTIES,
    beantwoord_seed,
    dien_seed_zienswijzen_in,
    opgeslagen_bytes,
    registreer_en_leg_ter_inzage,
    seed,
    stand,
    tot_het_raadsbesluit,
)


def indienen(zs, ontvangen: str, *extra: str, ok: bool = True):
    return zs("zienswijze", "indienen", HVZ, "--ontvangen", ontvangen, "--thema", "hotelprogramma",
              "--samenvatting", "Tegen het hotel.", *extra, ok=ok)


def test_seed_drie_zienswijzen_op_volgorde_van_ontvangst_en_de_late_brief_als_overige_reactie(zs):
    registreer_en_leg_ter_inzage(zs)
    dien_seed_zienswijzen_in(zs)
    rijen = zs.json("zienswijze", "lijst", HVZ)
    assert [(r["aanduiding"], r["kenmerk"], r["soort"], r["ontvankelijkheid"]["uitkomst"]) for r in rijen] == [
        ("Indiener 1 d.d. 9 juli 2021", "3261787-1", "zienswijze", "tijdig"),
        ("Indiener 2 d.d. 9 juli 2021", "3261787-2", "zienswijze", "tijdig"),
        ("Indiener 3 d.d. 12 juli 2021", "3261787-3", "zienswijze", "tijdig"),
        ("Overige reactie d.d. 8 december 2021", "3261787-4", "overige reactie", "te laat"),
    ]
    assert rijen[0]["ontvankelijkheid"]["reden"] == (
        "Ontvangen op 9 juli 2021, binnen de zienswijzetermijn van 30 juni 2021 tot en met 10 augustus 2021: "
        "tijdig (Awb 3:16 lid 3 en 6:9 lid 1).")
    assert not rijen[3]["ontvankelijk"]
    assert "na afloop van de zienswijzetermijn" in rijen[3]["ontvankelijkheid"]["reden"]
    assert all(r["themas"] == ["hotelprogramma"] for r in rijen[:3])

    uit = zs("zienswijze", "lijst", HVZ).stdout
    assert "Indiener 2 d.d. 9 juli 2021" in uit and "Overige reactie d.d. 8 december 2021" in uit
    assert "3 zienswijzen, 1 overige reactie; beantwoord 0 van 3" in uit

    beantwoord_seed(zs)
    rijen = zs.json("zienswijze", "lijst", HVZ)
    assert [r["antwoord"]["leidt_tot_aanpassing"] for r in rijen[:3]] == [False, False, False]
    assert [r["antwoord"]["vervolgacties"] for r in rijen[:3]] == [["nader onderzoek"]] * 3
    assert rijen[2]["antwoord"]["standaardreacties"] == ["ZKA", "ZKA-CITAAT"]
    assert rijen[0]["antwoord"]["standaardreacties"] == ["VEREENIGING", "HTC", "ZKA", "KANSEN", "ZKA-CITAAT"]
    assert "circa 95 tot 105 hotelkamers" in rijen[2]["antwoord"]["volledig"]


def test_volgnummer_volgt_de_ontvangst_niet_de_registratie(zs):
    registreer_en_leg_ter_inzage(zs)
    indienen(zs, "12-07-2021")
    indienen(zs, "09-07-2021")
    indienen(zs, "09-07-2021")
    rijen = zs.json("zienswijze", "lijst", HVZ)
    assert [(r["aanduiding"], r["kenmerk"]) for r in rijen] == [
        ("Indiener 1 d.d. 9 juli 2021", "3261787-2"),
        ("Indiener 2 d.d. 9 juli 2021", "3261787-3"),
        ("Indiener 3 d.d. 12 juli 2021", "3261787-1"),
    ]


def test_per_post_verzonden_op_de_laatste_dag_en_binnen_een_week_ontvangen_is_tijdig(zs):
    registreer_en_leg_ter_inzage(zs)
    z = zs.json("zienswijze", "indienen", HVZ, "--ontvangen", "17-08-2021", "--verzonden", "10-08-2021",
                "--samenvatting", "Per post.", "--datum", "18-08-2021")
    assert (z["soort"], z["ontvankelijkheid"]["uitkomst"]) == ("zienswijze", "tijdig per post")
    assert "uiterlijk 17 augustus 2021" in z["ontvankelijkheid"]["reden"]
    z = zs.json("zienswijze", "indienen", HVZ, "--ontvangen", "18-08-2021", "--verzonden", "10-08-2021",
                "--samenvatting", "Per post, te laat.")
    assert (z["soort"], z["ontvankelijkheid"]["uitkomst"]) == ("overige reactie", "te laat")


def test_voor_de_termijn_ingediend_terwijl_het_ontwerp_al_bestond_is_ontvankelijk(zs):
    registreer_en_leg_ter_inzage(zs)
    z = zs.json("zienswijze", "indienen", HVZ, "--ontvangen", "29-06-2021", "--samenvatting", "Vroeg.",
                "--datum", "30-06-2021")
    assert (z["soort"], z["ontvankelijkheid"]["uitkomst"]) == ("zienswijze", "voor de termijn, ontwerp bestond")


def test_informele_reactie_binnen_de_termijn_blijft_overige_reactie(zs):
    registreer_en_leg_ter_inzage(zs)
    z = zs.json("zienswijze", "indienen", HVZ, "--ontvangen", "15-07-2021", "--overige-reactie", "--vorm", "mondeling",
                "--samenvatting", "Presentatie van de Erfgoedcommissie: positief over hergebruik.")
    assert (z["soort"], z["ontvankelijk"], z["informeel"]) == ("overige reactie", True, True)
    fout = zs("zienswijze", "verschoonbaar", z["kenmerk"], "--reden", "x", ok=False)
    assert fout.exit_code == 1 and "als overige reactie geregistreerd" in fout.stderr


def test_te_laat_verschoonbaar_verklaard_wordt_een_zienswijze(zs):
    registreer_en_leg_ter_inzage(zs)
    z = zs.json("zienswijze", "indienen", HVZ, "--ontvangen", "12-08-2021", "--samenvatting", "Te laat.")
    assert z["soort"] == "overige reactie"
    voor = stand(zs.db)
    fout = zs("zienswijze", "verschoonbaar", z["kenmerk"], ok=False)
    assert fout.exit_code == 1 and "vraagt een reden" in fout.stderr
    assert stand(zs.db) == voor

    z = zs.json("zienswijze", "verschoonbaar", z["kenmerk"], "--reden", "Poststoring rond 10 augustus 2021",
                "--actor", "jurist", "--datum", "20-08-2021")
    assert (z["soort"], z["ontvankelijk"], z["ontvankelijkheid"]["uitkomst"]) == ("zienswijze", True, "verschoonbaar")
    assert z["ontvankelijkheid"]["reden"] == (
        "Te laat, maar door jurist verschoonbaar geacht (Awb 6:11): Poststoring rond 10 augustus 2021")
    assert z["aanduiding"] == "Indiener 1 d.d. 12 augustus 2021"
    assert [e["gebeurtenis"] for e in z["geschiedenis"]] == ["Ingediend", "VerschoonbaarVerklaard"]
    fout = zs("zienswijze", "verschoonbaar", z["kenmerk"], "--reden", "nogmaals", ok=False)
    assert fout.exit_code == 1 and "alleen bij een te late zienswijze" in fout.stderr


def test_te_vroeg_maar_ontwerp_redelijkerwijs_gemeend_wordt_een_zienswijze(zs):
    registreer_en_leg_ter_inzage(zs)  # ontwerp of 29 June 2021, ter inzage from 30 June 2021
    z = zs.json("zienswijze", "indienen", HVZ, "--ontvangen", "28-06-2021", "--samenvatting", "Nog voor het ontwerp.",
                "--datum", "30-06-2021")
    assert (z["soort"], z["ontvankelijk"], z["ontvankelijkheid"]["uitkomst"]) == ("overige reactie", False, "te vroeg")
    assert "tenzij de indiener redelijkerwijs kon menen dat het ontwerp al bestond (sub b)" in z["ontvankelijkheid"]["reden"]
    voor = stand(zs.db)
    fout = zs("zienswijze", "verschoonbaar", z["kenmerk"], "--datum", "01-07-2021", ok=False)
    assert fout.exit_code == 1
    assert "vraagt een reden (--reden): waarom kon de indiener redelijkerwijs menen dat het ontwerp al bestond?" \
        in fout.stderr
    assert stand(zs.db) == voor

    uit = zs("zienswijze", "verschoonbaar", z["kenmerk"], "--actor", "jurist", "--datum", "01-07-2021",
             "--reden", "Het collegebesluit van 29 juni 2021 stond op 25 juni al als persbericht aangekondigd")
    assert "3261787-1 verschoonbaar verklaard (Awb 6:10 lid 1 sub b): Indiener 1 d.d. 28 juni 2021." in uit.stdout
    z = zs.json("zienswijze", "toon", z["kenmerk"])
    assert (z["soort"], z["ontvankelijk"], z["ontvankelijkheid"]["uitkomst"]) == (
        "zienswijze", True, "te vroeg, bestaan ontwerp redelijkerwijs gemeend")
    assert z["ontvankelijkheid"]["reden"] == (
        "Ingediend voordat het ontwerp bestond, maar volgens jurist kon de indiener redelijkerwijs menen dat het al "
        "bestond (Awb 6:10 lid 1 sub b): Het collegebesluit van 29 juni 2021 stond op 25 juni al als persbericht "
        "aangekondigd")
    assert [e["gebeurtenis"] for e in z["geschiedenis"]] == ["Ingediend", "VerschoonbaarVerklaard"]
    voor = stand(zs.db)
    fout = zs("zienswijze", "verschoonbaar", z["kenmerk"], "--reden", "nogmaals", ok=False)
    assert fout.exit_code == 1 and "deze is 'te vroeg, bestaan ontwerp redelijkerwijs gemeend'" in fout.stderr
    assert stand(zs.db) == voor


def test_zienswijze_op_een_zaak_die_nooit_ter_inzage_lag_wordt_geweigerd(zs):
    zs("zaak", "registreer", "3482239", "--zaaktype", "raadsvoorstel", "--omschrijving", "Intrekkingsverordening",
       "--behandelaar", "n.n.b.", "--datum", "20-09-2022")
    voor = stand(zs.db)
    fout = zs("zienswijze", "indienen", "3482239", "--ontvangen", "21-09-2022", "--samenvatting", "x",
              "--naam", "Piet Puk", ok=False)
    assert fout.exit_code == 1
    assert "Zaak 3482239 is nooit ter inzage gelegd" in fout.stderr
    assert stand(zs.db) == voor
    assert zs.json("zienswijze", "lijst", "3482239") == []


def test_onbekende_zaak_en_onbekende_zienswijze_worden_geweigerd(zs):
    registreer_en_leg_ter_inzage(zs)
    voor = stand(zs.db)
    fout = zs("zienswijze", "indienen", "999", "--ontvangen", "09-07-2021", "--samenvatting", "x", ok=False)
    assert fout.exit_code == 1 and "Zaak 999 bestaat niet" in fout.stderr
    fout = zs("zienswijze", "beantwoorden", f"{HVZ}-7", "--reactie", "Dank.", "--geen-aanpassing", ok=False)
    assert fout.exit_code == 1 and "Zienswijze 3261787-7 bestaat niet" in fout.stderr
    fout = zs("zienswijze", "beantwoorden", "onzin", "--reactie", "Dank.", "--geen-aanpassing", ok=False)
    assert fout.exit_code == 1 and "Zienswijze onzin bestaat niet" in fout.stderr
    assert stand(zs.db) == voor


def test_beantwoorden_met_onbekende_standaardreactie_wordt_geweigerd(zs):
    registreer_en_leg_ter_inzage(zs)
    indienen(zs, "09-07-2021")
    zs("standaardreactie", "toevoegen", HVZ, "zka", "--tekst", "Het ZKA-onderzoek.")
    voor = stand(zs.db)
    for args in (["--standaardreactie", "HOTEL"], ["--reactie", "Zie {{HOTEL}}."]):
        fout = zs("zienswijze", "beantwoorden", f"{HVZ}-1", *args, "--geen-aanpassing", ok=False)
        assert fout.exit_code == 1
        assert "Onbekende standaardreactie HOTEL bij zaak 3261787; bekend: ZKA" in fout.stderr
    assert stand(zs.db) == voor
    assert zs.json("zienswijze", "toon", f"{HVZ}-1")["beantwoord"] is False


def test_beantwoorden_vraagt_of_het_tot_aanpassing_leidt(zs):
    registreer_en_leg_ter_inzage(zs)
    indienen(zs, "09-07-2021")
    fout = zs("zienswijze", "beantwoorden", f"{HVZ}-1", "--reactie", "Dank.", ok=False)
    assert fout.exit_code == 2 and "--geen-aanpassing" in fout.stderr
    z = zs.json("zienswijze", "beantwoorden", f"{HVZ}-1", "--reactie", "Terecht.",
                "--aanpassing", "het hotel wordt 60 - 80 kamers in plaats van 80")
    assert (z["antwoord"]["leidt_tot_aanpassing"], z["antwoord"]["wat_gewijzigd"]) == (
        True, "het hotel wordt 60 - 80 kamers in plaats van 80")


def test_standaardreacties_zijn_uniek_per_zaak(zs):
    registreer_en_leg_ter_inzage(zs)
    zs("standaardreactie", "toevoegen", HVZ, "ZKA", "--tekst", "Het ZKA-onderzoek.", "--titel", "ZKA hotelmarkt")
    voor = stand(zs.db)
    fout = zs("standaardreactie", "toevoegen", HVZ, "zka", "--tekst", "Anders.", ok=False)
    assert fout.exit_code == 1 and "heeft al een standaardreactie ZKA" in fout.stderr
    assert stand(zs.db) == voor
    assert [(s["code"], s["titel"]) for s in zs.json("standaardreactie", "lijst", HVZ)] == [("ZKA", "ZKA hotelmarkt")]
    assert "ZKA — ZKA hotelmarkt" in zs("standaardreactie", "lijst", HVZ).stdout


def test_besluitvorming_wacht_tot_elke_ontvankelijke_zienswijze_beantwoord_is(zs):
    registreer_en_leg_ter_inzage(zs)
    dien_seed_zienswijzen_in(zs)
    zs("zaak", "stap", HVZ, "zienswijzen_beoordelen", "--datum", "11-08-2021")
    zs("zienswijze", "beantwoorden", f"{HVZ}-1", "--reactie", "Dank.", "--geen-aanpassing", "--datum", "18-05-2022")
    zs("zienswijze", "beantwoorden", f"{HVZ}-3", "--reactie", "Dank.", "--geen-aanpassing", "--datum", "18-05-2022")
    voor = stand(zs.db)
    # The steps naar_politieke_markt and naar_raad, taken through the commands that record their facts.
    for stap in (["raad", "politieke-markt", HVZ, "04-10-2022", "--soort", "oordeelsvormend"],
                 ["raad", "agendeer", HVZ, "26-10-2022", "D01"]):
        fout = zs(*stap, "--datum", "20-09-2022", ok=False)
        assert fout.exit_code == 1
        assert ("Zaak 3261787 kan niet naar de besluitvorming: nog niet beantwoord: "
                "Indiener 2 d.d. 9 juli 2021 (3261787-2).") in fout.stderr
        assert "Overige reactie" not in fout.stderr  # the late letter does not hold up the zaak
    assert stand(zs.db) == voor
    assert zs.json("zaak", "toon", HVZ)["status"] == "zienswijzen_beoordelen"

    zs("zienswijze", "beantwoorden", f"{HVZ}-2", "--reactie", "Dank.", "--geen-aanpassing", "--datum", "18-05-2022")
    z = zs.json("raad", "politieke-markt", HVZ, "04-10-2022", "--soort", "oordeelsvormend", "--datum", "20-09-2022")
    assert z["status"] == "politieke_markt"


def test_brieven_aan_de_indieners(zs):
    seed(zs)
    uit = zs("zienswijze", "brief", f"{HVZ}-1", f"{HVZ}-2", f"{HVZ}-3", "--soort", "voorstel",
             "--datum", "21-09-2022").stdout
    assert "Brief (voorstel) vastgelegd voor 3 indieners:" in uit
    assert [r["brieven"] for r in zs.json("zienswijze", "lijst", HVZ)[:3]] == [
        [{"soort": "voorstel", "datum": "2022-09-21"}]] * 3
    voor = stand(zs.db)
    fout = zs("zienswijze", "brief", f"{HVZ}-1", "--soort", "besluit", "--datum", "21-09-2022", ok=False)
    assert fout.exit_code == 1
    assert "Zaak 3261787 heeft geen raadsbesluit: een brief over het besluit kan pas daarna" in fout.stderr
    assert stand(zs.db) == voor

    tot_het_raadsbesluit(zs)
    voor = stand(zs.db)
    fout = zs("zienswijze", "brief", f"{HVZ}-1", "--soort", "besluit", "--datum", "25-10-2022", ok=False)
    assert fout.exit_code == 1 and "kan niet vóór het raadsbesluit van 26 oktober 2022" in fout.stderr
    fout = zs("zienswijze", "brief", f"{HVZ}-1", "--soort", "voorstel", "--datum", "27-10-2022", ok=False)
    assert fout.exit_code == 1 and "een brief over het voorstel van 27 oktober 2022 kan niet meer" in fout.stderr
    fout = zs("zienswijze", "brief", f"{HVZ}-1", f"{HVZ}-9", "--soort", "besluit", ok=False)
    assert fout.exit_code == 1 and "3261787-9 bestaat niet" in fout.stderr
    assert zs("zienswijze", "brief", f"{HVZ}-1", "--soort", "bedankje", ok=False).exit_code == 2
    assert stand(zs.db) == voor
    # A letter about the voorstel sent before the besluit may still be recorded afterwards.
    zs("zienswijze", "brief", f"{HVZ}-4", "--soort", "voorstel", "--datum", "21-09-2022")

    uit = zs("zienswijze", "brief", f"{HVZ}-1", f"{HVZ}-2", f"{HVZ}-3", "--soort", "besluit",
             "--datum", "02-11-2022").stdout
    assert "Brief (besluit) vastgelegd voor 3 indieners:" in uit
    assert "voorstel 21 september 2022, besluit 2 november 2022" in zs("zienswijze", "lijst", HVZ).stdout
    assert "Brief (besluit) vastgelegd voor 1 indiener:" in zs("zienswijze", "brief", f"{HVZ}-4", "--soort", "besluit",
                                                               "--datum", "02-11-2022").stdout


def test_kennisgeving_alleen_bij_een_zaaktype_met_ter_inzage(zs):
    zs("zaak", "registreer", "900001", "--zaaktype", "wmo-melding", "--omschrijving", "Melding",
       "--behandelaar", "consulent", "--datum", "01-03-2021")
    fout = zs("zienswijze", "kennisgeving", "900001", "--publicatie", "x", "--ontwerp", "y", ok=False)
    assert fout.exit_code == 1 and "kent geen ter inzage legging" in fout.stderr


NAAM, ADRES, EMAIL = "Henriëtte Vereeniging-Stork", "Marktstraat 41, 7551 DT Hengelo", "h.stork@example.nl"


def test_persoonsgegevens_staan_nooit_leesbaar_in_de_events_en_kunnen_worden_gewist(zs):
    seed(zs, "--naam", NAAM, "--adres", ADRES, "--email", EMAIL)
    for gegeven in (NAAM, ADRES, EMAIL):
        assert gegeven.encode() not in opgeslagen_bytes(zs.db)
    assert "Henri" not in zs("zienswijze", "toon", f"{HVZ}-1").stdout
    assert "indiener" not in zs.json("zienswijze", "toon", f"{HVZ}-1")

    voor = stand(zs.db)
    for intern in (["zienswijze", "toon", f"{HVZ}-1"], ["zienswijze", "lijst", HVZ], ["nota", HVZ]):
        fout = zs(*intern, "--intern", "--actor", "jurist", ok=False)
        assert fout.exit_code == 1 and "Persoonsgegevens inzien vraagt een reden (--reden)" in fout.stderr
        assert "Henri" not in fout.output
    assert stand(zs.db) == voor

    intern = zs.json("zienswijze", "toon", f"{HVZ}-1", "--intern", "--actor", "jurist", "--reden", "bezwaar")
    assert intern["indiener"] == {"naam": NAAM, "adres": ADRES, "email": EMAIL}
    assert intern["persoonsgegevens"] == "versleuteld"
    assert intern["geschiedenis"][-1] | {"geregistreerd": None} == {
        "gebeurtenis": "PersoonsgegevensIngezien", "wat": "de zienswijze", "actor": "jurist", "reden": "bezwaar",
        "datum": intern["geschiedenis"][-1]["datum"], "geregistreerd": None}
    # The list shows all identities: the look is recorded on each zienswijze with personal data (only -1 here).
    uit = zs("zienswijze", "lijst", HVZ, "--intern", "--actor", "griffier", "--reden", "brieven aan de indieners")
    assert NAAM in uit.stdout and "persoonsgegevens.ingezien" in uit.stderr
    assert "PersoonsgegevensIngezien (de lijst van zienswijzen van zaak 3261787) door griffier — brieven aan de " \
           "indieners" in zs("zienswijze", "toon", f"{HVZ}-1").stdout
    assert "PersoonsgegevensIngezien" not in zs("zienswijze", "toon", f"{HVZ}-2").stdout

    voor = stand(zs.db)
    fout = zs("zienswijze", "vergeet-indiener", f"{HVZ}-1", ok=False)
    assert fout.exit_code == 1 and "vraagt een reden" in fout.stderr
    assert stand(zs.db) == voor

    z = zs.json("zienswijze", "vergeet-indiener", f"{HVZ}-1", "--reden", "Verzoek van indiener (AVG art. 17)",
                "--actor", "privacy-officer")
    assert z["persoonsgegevens"] == "gewist"
    assert z["indiener_gewist"]["reden"] == "Verzoek van indiener (AVG art. 17)"
    assert stand(zs.db) == (voor[0] + 1, voor[1] - 1)  # one event more, the key gone

    # History replays, the identity is gone, the rest is intact.
    intern = zs.json("zienswijze", "toon", f"{HVZ}-1", "--intern", "--actor", "jurist", "--reden", "bezwaar")
    assert intern["indiener"] == f"[gewist op {nl_datum(date.today())}]"
    assert intern["aanduiding"] == "Indiener 1 d.d. 9 juli 2021" and intern["beantwoord"]
    assert [e["gebeurtenis"] for e in intern["geschiedenis"]] == [  # nothing left to see: no inzage recorded
        "Ingediend", "Beantwoord", "PersoonsgegevensIngezien", "PersoonsgegevensIngezien", "IndienerVergeten"]
    for gegeven in (NAAM, ADRES, EMAIL):
        assert gegeven.encode() not in opgeslagen_bytes(zs.db)
    assert "[gewist op " in zs("zienswijze", "lijst", HVZ, "--intern", "--actor", "jurist",
                               "--reden", "bezwaar").stdout
    fout = zs("zienswijze", "vergeet-indiener", f"{HVZ}-1", "--reden", "nogmaals", ok=False)
    assert fout.exit_code == 1 and "al gewist" in fout.stderr


def test_na_het_raadsbesluit_liggen_de_zienswijzen_vast_en_na_afsluiten_alles(zs):
    seed(zs, "--naam", NAAM)
    zs("zienswijze", "indienen", HVZ, "--ontvangen", "12-08-2021", "--samenvatting", "Te laat.")  # 3261787-5
    zs("zienswijze", "brief", f"{HVZ}-1", f"{HVZ}-2", f"{HVZ}-3", "--soort", "voorstel", "--datum", "21-09-2022")
    tot_het_raadsbesluit(zs)
    nota = zs("nota", HVZ, "--datum", "26-10-2022").stdout

    besloten = ("De raad heeft op 26 oktober 2022 over zaak 3261787 besloten (vastgesteld), met de zienswijzen en "
                "hun beantwoording zoals die toen waren: ")
    voor = stand(zs.db)
    for args, wat in [
        (["zienswijze", "beantwoorden", f"{HVZ}-2", "--reactie", "Toch anders.", "--aanpassing", "minder kamers"],
         "een zienswijze beantwoorden kan niet meer."),
        (["zienswijze", "verschoonbaar", f"{HVZ}-5", "--reden", "Poststoring"],
         "een zienswijze verschoonbaar verklaren kan niet meer."),
        (["standaardreactie", "toevoegen", HVZ, "NIEUW", "--tekst", "Nog een blok."],
         "een standaardreactie toevoegen kan niet meer."),
        (["zienswijze", "indienen", HVZ, "--ontvangen", "27-10-2022", "--samenvatting", "Na het besluit.",
          "--naam", "Piet Puk"],
         "een zienswijze indienen kan niet meer. Wat nu nog binnenkomt, is geen zienswijze meer: registreer het "
         "als overige reactie (--overige-reactie)."),
        # Received within the term but found only now: the raad decided without it.
        (["zienswijze", "indienen", HVZ, "--ontvangen", "20-07-2021", "--samenvatting", "In een la gevonden.",
          "--datum", "27-10-2022"], "een zienswijze indienen kan niet meer."),
    ]:
        fout = zs(*args, ok=False)
        assert fout.exit_code == 1, fout.output
        assert besloten + wat in fout.stderr
    assert stand(zs.db) == voor

    # Still possible: the letters about the besluit, an overige reactie, and looking up identities (recorded).
    zs("zienswijze", "brief", f"{HVZ}-1", f"{HVZ}-2", f"{HVZ}-3", "--soort", "besluit", "--datum", "02-11-2022")
    z = zs.json("zienswijze", "indienen", HVZ, "--ontvangen", "27-10-2022", "--overige-reactie",
                "--samenvatting", "Na het besluit.", "--datum", "27-10-2022")
    assert (z["kenmerk"], z["soort"]) == ("3261787-6", "overige reactie")
    zs("zaak", "afsluiten", HVZ, "--resultaat", "vastgesteld", "--datum", "22-12-2022")

    afgesloten = "Zaak 3261787 is afgesloten op 22 december 2022 (resultaat vastgesteld): "
    voor = stand(zs.db)
    for args, wat in [
        (["zienswijze", "brief", f"{HVZ}-1", "--soort", "besluit", "--datum", "23-12-2022"],
         "een brief vastleggen kan niet meer; de zienswijzen en de nota liggen vast."),
        (["zienswijze", "indienen", HVZ, "--ontvangen", "23-12-2022", "--overige-reactie", "--samenvatting", "Laat."],
         "een overige reactie registreren kan niet meer; de zienswijzen en de nota liggen vast."),
        (["zienswijze", "indienen", HVZ, "--ontvangen", "23-12-2022", "--samenvatting", "Laat."],
         "een zienswijze indienen kan niet meer"),
        (["zienswijze", "beantwoorden", f"{HVZ}-1", "--reactie", "x", "--geen-aanpassing"],
         "een zienswijze beantwoorden kan niet meer"),
        (["zienswijze", "verschoonbaar", f"{HVZ}-5", "--reden", "x"], "een zienswijze verschoonbaar verklaren"),
        (["standaardreactie", "toevoegen", HVZ, "NIEUW", "--tekst", "x"], "een standaardreactie toevoegen"),
    ]:
        fout = zs(*args, ok=False)
        assert fout.exit_code == 1, fout.output
        assert afgesloten + wat in fout.stderr
    assert stand(zs.db) == voor
    assert zs("nota", HVZ, "--datum", "26-10-2022").stdout == nota

    # Erasure (AVG art. 17) stays possible: the archive keeps the zienswijze, not the person.
    # The nota still renders: where Indiener 1's samenvatting and own reactie text stood, the erasure and its day;
    # the standaardreacties the answer cited (shared texts) and everything else are unchanged.
    z = zs.json("zienswijze", "vergeet-indiener", f"{HVZ}-1", "--reden", "Verzoek indiener (AVG art. 17)")
    assert z["persoonsgegevens"] == "gewist"
    na = zs("nota", HVZ, "--datum", "26-10-2022").stdout
    gewist = f"[gewist op {nl_datum(date.today())}]"
    eerste, rest = na.split("### Indiener 2")
    assert eerste.count(gewist) == 2 and "vertrouwensbeginsel" not in na and "renovatieplannen" not in na
    assert STANDAARDREACTIES["HTC"] in eerste
    assert rest == nota.split("### Indiener 2")[1]
