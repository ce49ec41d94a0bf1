"""Raadsbesluitvorming with `zaakstroom raad …`, on SQLite and PostgreSQL.

The seed case is zaak 3261787 (scenarios/FEITEN.md §1): politieke markt 4-10-2022,
raad 26-10-2022 as hamerstuk B01 with 8 beslispunten. The bekendmaking of
2-11-2022 is invented (the seeds do not give it), and so is everything after it.
"""

from __future__ import annotations

import pytest

from tests.e2e.test_zaak import registreer_hvz

BESLISPUNTEN = [  # FEITEN.md §1c (raadsbesluit s000:892-908)
    "Kennisnemen van het ZKA-onderzoek hotelmarkt d.d. 5-05-2022 en dit gebruiken bij de planologische uitwerking.",
    "Instemmen met de behandeling van de zienswijzen in de Nota zienswijzen, die deel uitmaakt van het besluit.",
    "De Nota van uitgangspunten Hart van Zuid De Koppeling vaststellen als kader voor de planologische uitwerking.",
    "Na vaststelling de indieners van zienswijzen informeren over het besluit.",
    "De grondexploitatie HvZ De Koppeling vaststellen en verantwoorden in een nieuw in te richten administratief complex.",
    "De grondexploitatie Centraal Station Twente (complex 711) gewijzigd vaststellen en afsluiten.",
    "Voorziening grondexploitaties verlagen met € 1.090.000 en reserve grondexploitaties verhogen met € 899.000.",
    "De coördinatieregeling (art. 3.30 Wro) toepassen; in werking de dag na bekendmaking.",
]
PM_VOLGORDE = ["Opening voorzitter", "Korte inleidende presentatie namens het college", "Ruimte voor insprekers",
               "Ronde langs de fracties", "Reactie college"]


def plan_pm(zs, zaaknummer="3261787", *extra):
    return zs.json("raad", "politieke-markt", zaaknummer, "04-10-2022", "--soort", "oordeelsvormend",
                   "--datum", "20-09-2022", *extra)


def agendeer(zs, code, zaaknummer="3261787", *extra):
    return zs.json("raad", "agendeer", zaaknummer, "26-10-2022", code, "--datum", "04-10-2022", "--actor", "griffie",
                   *extra)


def besluit(zs, zaaknummer="3261787", uitkomst="vastgesteld", datum="26-10-2022"):
    return zs.json("raad", "besluit", zaaknummer, "--uitkomst", uitkomst, "--beslispunt", "Vaststellen.",
                   "--datum", datum)


def registreer(zs, zaaknummer, omschrijving, portefeuillehouder, datum):
    zs("zaak", "registreer", zaaknummer, "--zaaktype", "raadsvoorstel", "--omschrijving", omschrijving,
       "--portefeuillehouder", portefeuillehouder, "--behandelaar", "n.n.b.", "--datum", datum)


def geweigerd(zs, args, melding, zaken=("3261787",), vergadering="26-10-2022"):
    """The command is refused with `melding` and nothing is written: no zaak event, no agenda change."""
    voor = [zs.json("audit", "geschiedenis", z) for z in zaken], zs.json("raad", "agenda", vergadering)
    result = zs(*args, ok=False)
    assert result.exit_code == 1, result.output
    assert melding in result.stderr
    assert "Traceback" not in result.output
    assert ([zs.json("audit", "geschiedenis", z) for z in zaken], zs.json("raad", "agenda", vergadering)) == voor
    return result


def test_hart_van_zuid_van_collegebesluit_tot_onherroepelijk(zs):
    registreer_hvz(zs)  # collegebesluit 29-06-2021
    z = plan_pm(zs, "3261787", "--voorzitter", "Elske Mooijman", "--zaal", "Vergaderkamer 5", "--spreekrecht",
                "--max-spreektijd", "5", "--inspreker", "City Hotel Hengelo",
                *[x for onderdeel in PM_VOLGORDE for x in ("--volgorde", onderdeel)])
    assert (z["status"], z["status_sinds"]) == ("politieke_markt", "2022-09-20")
    [pm] = z["besluitvorming"]["politieke_markten"]
    assert (pm["datum"], pm["soort"], pm["spreekrecht"], pm["max_spreektijd_minuten"], pm["insprekers"]) == (
        "2022-10-04", "oordeelsvormend", True, 5, ["City Hotel Hengelo"])
    assert pm["volgorde"] == PM_VOLGORDE

    z = agendeer(zs, "B01", "3261787", "--behandeling", "hamerstuk")
    assert (z["status"], z["besluitvorming"]["agenderingen"][0]["behandeling"]) == ("raad", "hamerstuk")

    z = zs.json("raad", "besluit", "3261787", "--uitkomst", "vastgesteld", "--datum", "26-10-2022",
                *[x for p in BESLISPUNTEN for x in ("--beslispunt", p)])
    [b] = z["besluitvorming"]["besluiten"]
    assert (z["status"], b["uitkomst"], b["agendacode"], len(b["beslispunten"])) == ("besluit", "vastgesteld", "B01", 8)
    assert b["beslispunten"][7] == {"nummer": 8, "tekst": BESLISPUNTEN[7]}

    z = zs.json("raad", "bekendmaking", "3261787", "--datum", "02-11-2022", "--reden", "Datum verzonnen")
    [t] = z["termijnen"]
    assert (z["status"], t["naam"], t["eerste_dag"], t["einde"]) == (
        "beroepstermijn", "beroepstermijn", "2022-11-03", "2022-12-14")
    assert z["besluitvorming"]["besluiten"][0]["beroepstermijn"] == {"eerste_dag": "2022-11-03", "einde": "2022-12-14"}

    z = zs.json("raad", "inwerkingtreding", "3261787", "--regel", "dag-na-bekendmaking", "--datum", "02-11-2022")
    assert z["besluitvorming"]["besluiten"][0]["inwerkingtreding"] == "2022-11-03"

    # Last day Wednesday 14 December 2022; a beroepschrift posted that day is on time if received by
    # Wednesday 21 December (Awb 6:9 lid 2), so onherroepelijk can be recorded from Thursday 22 December,
    # per the day after the term: 15 December 2022.
    melding = ("De beroepstermijn loopt tot en met 14 december 2022; een bezwaar- of beroepschrift dat uiterlijk "
               "die dag ter post is bezorgd, is tijdig als het uiterlijk 21 december 2022 is ontvangen "
               "(Awb 6:9 lid 2); 'onherroepelijk_worden' kan vanaf 22 december 2022.")
    geweigerd(zs, ("raad", "onherroepelijk", "3261787", "--datum", "14-12-2022"), melding)
    geweigerd(zs, ("raad", "onherroepelijk", "3261787", "--datum", "21-12-2022"), melding)
    [stap] = [s for s in zs.json("audit", "toon", "3261787", "--per", "21-12-2022")["volgende_stappen"]
              if s["stap"] == "onherroepelijk_worden"]
    assert stap["kan_vanaf"] == "2022-12-22"
    z = zs.json("raad", "onherroepelijk", "3261787", "--datum", "22-12-2022")
    assert (z["status"], z["besluitvorming"]["besluiten"][0]["onherroepelijk_per"]) == ("onherroepelijk", "2022-12-15")
    z = zs.json("zaak", "afsluiten", "3261787", "--resultaat", "vastgesteld", "--datum", "22-12-2022")
    assert z["status"] == "afgesloten"

    tekst = zs("raad", "toon", "3261787").stdout
    for regel in ["Politieke markt 4 oktober 2022 (oordeelsvormend), Vergaderkamer 5, voorzitter Elske Mooijman",
                  "spreekrecht: ja, max. 5 minuten per inspreker", "insprekers: City Hotel Hengelo",
                  "Raad 26 oktober 2022: B01 hamerstuk — vastgesteld", "8. De coördinatieregeling",
                  "Beroepstermijn 3 november 2022 t/m 14 december 2022",
                  "In werking 3 november 2022 (de dag na bekendmaking)", "Onherroepelijk per 15 december 2022"]:
        assert regel in tekst


def test_agenda_van_de_raad_per_sectie(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "b01")  # lowercase is read as B01
    registreer(zs, "3462621", "Transformatieplan sociaal domein", "J. Freriksen", "30-06-2022")
    plan_pm(zs, "3462621")
    agendeer(zs, "C01", "3462621", "--behandeling", "bespreekstuk")
    registreer(zs, "3482239", "Intrekkingsverordening individuele studietoeslag", "J. Freriksen", "20-09-2022")
    agendeer(zs, "D01", "3482239")

    a = zs.json("raad", "agenda", "26-10-2022")
    assert [(s["sectie"], [(p["code"], p["zaaknummer"], p["behandeling"]) for p in s["punten"]]) for s in a["secties"]] == [
        ("A", []), ("B", [("B01", "3261787", "hamerstuk")]), ("C", [("C01", "3462621", "bespreekstuk")]),
        ("D", [("D01", "3482239", "zonder politieke markt")]),
    ]
    tekst = zs("raad", "agenda", "26-10-2022").stdout
    assert "Agenda van de raadsvergadering van 26 oktober 2022" in tekst
    assert "B01  Nota van uitgangspunten Hart van Zuid De Koppeling (zaak 3261787)" in tekst
    assert "hamerstuk; portefeuillehouder: G. Gerrits" in tekst
    assert "C  Voorstellen met tussenkomst van de Politieke Markt" in tekst
    assert "Er staan geen raadsvoorstellen" in zs("raad", "agenda", "09-11-2022").stdout


def test_d_punt_gaat_zonder_politieke_markt_naar_de_raad(zs):
    registreer(zs, "3482239", "Intrekkingsverordening individuele studietoeslag", "J. Freriksen", "20-09-2022")
    zs("raad", "agendeer", "3482239", "26-10-2022", "D01", "--datum", "20-09-2022")
    z = zs.json("raad", "besluit", "3482239", "--uitkomst", "vastgesteld", "--datum", "26-10-2022",
                "--beslispunt", "De Intrekkingsverordening Individuele Studietoeslag vaststellen.")
    assert (z["status"], z["besluitvorming"]["politieke_markten"]) == ("besluit", [])


def test_beeldvormende_politieke_markt_laat_de_zaak_staan_en_particulieren_worden_geteld(zs):
    registreer(zs, "3462621", "Transformatieplan sociaal domein", "J. Freriksen", "30-06-2022")
    z = zs.json("raad", "politieke-markt", "3462621", "12-07-2022", "--soort", "beeldvormend", "--spreekrecht",
                "--particuliere-insprekers", "2", "--datum", "01-07-2022")
    [pm] = z["besluitvorming"]["politieke_markten"]
    assert (z["status"], pm["soort"], pm["insprekers"], pm["particuliere_insprekers"]) == (
        "college", "beeldvormend", [], 2)
    assert "particuliere inspreker 2 (naam niet vastgelegd)" in zs("raad", "toon", "3462621").stdout
    # Only a beeldvormende PM: not on the agenda as a C item.
    geweigerd(zs, ("raad", "agendeer", "3462621", "26-10-2022", "C01", "--datum", "04-10-2022"),
              "vraagt een oordeelsvormende politieke markt vóór de raad; er was alleen een beeldvormende politieke "
              "markt. Plan eerst de oordeelsvormende politieke markt", zaken=("3462621",))


def test_agendapunt_wijzigen_bij_vaststellen_agenda_met_reden(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "B01")
    geweigerd(zs, ("raad", "agenda-wijzig", "3261787", "C01", "--datum", "26-10-2022"), "vraagt een reden")
    z = zs.json("raad", "agenda-wijzig", "3261787", "C01", "--datum", "26-10-2022",
                "--reden", "Fractie vraagt bij A02 om bespreking")
    [a] = z["besluitvorming"]["agenderingen"]
    assert (a["agendacode"], a["behandeling"]) == ("C01", "bespreekstuk")
    assert a["wijzigingen"] == [{"datum": "2022-10-26", "oud": "B01", "nieuw": "C01",
                                 "reden": "Fractie vraagt bij A02 om bespreking"}]
    *_, gewijzigd, op_de_agenda = zs.json("audit", "geschiedenis", "3261787")
    assert (gewijzigd["bij"], gewijzigd["gebeurtenis"], gewijzigd["details"]) == (
        "zaak 3261787", "agendapunt gewijzigd", {"vergaderdatum": "2022-10-26", "oud": "B01", "nieuw": "C01"})
    assert (op_de_agenda["bij"], op_de_agenda["omschrijving"], op_de_agenda["reden"]) == (
        "raadsagenda 26 oktober 2022", "B01 → C01: zaak 3261787", "Fractie vraagt bij A02 om bespreking")
    [b, c] = [s["punten"] for s in zs.json("raad", "agenda", "26-10-2022")["secties"]][1:3]
    assert (b, [(p["code"], p["eerder"]) for p in c]) == ([], [("C01", ["B01"])])
    geweigerd(zs, ("raad", "agenda-wijzig", "3261787", "B02", "--datum", "27-10-2022", "--reden", "te laat"),
              "kan tot en met die dag worden gewijzigd")


def test_aangehouden_voorstel_wordt_opnieuw_geagendeerd(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "B01")
    z = besluit(zs, uitkomst="aangehouden")
    assert (z["status"], z["besluitvorming"]["agenderingen"][0]["uitkomst"]) == ("aangehouden", "aangehouden")
    z = zs.json("raad", "agendeer", "3261787", "09-11-2022", "C01", "--datum", "27-10-2022")
    assert z["status"] == "raad"
    z = besluit(zs, uitkomst="gewijzigd-vastgesteld", datum="09-11-2022")
    assert (z["status"], z["besluitvorming"]["besluiten"][-1]["uitkomst"]) == ("besluit", "gewijzigd vastgesteld")
    assert zs.json("raad", "agenda", "26-10-2022")["secties"][1]["punten"][0]["uitkomst"] == "aangehouden"


def test_beroep_en_uitspraak(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "B01")
    besluit(zs)
    zs("raad", "bekendmaking", "3261787", "--datum", "02-11-2022")
    geweigerd(zs, ("raad", "uitspraak", "3261787", "--uitkomst", "ongegrond", "--datum", "01-03-2023"),
              "Tegen het besluit van zaak 3261787 is geen beroep ingesteld")
    geweigerd(zs, ("raad", "beroep", "3261787", "--datum", "10-12-2022"), "--particulier")
    z = zs.json("raad", "beroep", "3261787", "--particulier", "--datum", "10-12-2022")
    assert z["status"] == "in_beroep"
    z = zs.json("raad", "beroep", "3261787", "--indiener", "Vereniging Vrienden van het Vereenigingsgebouw",
                "--datum", "16-12-2022")  # a further beroep, after the term: recorded, the court judges it
    assert [(x["indiener"], x["binnen_termijn"]) for x in z["besluitvorming"]["besluiten"][0]["beroepen"]] == [
        ("Appellant 1", True), ("Vereniging Vrienden van het Vereenigingsgebouw", False)]
    geweigerd(zs, ("raad", "onherroepelijk", "3261787", "--datum", "20-12-2022"),
              "'onherroepelijk_worden' is niet toegestaan vanuit status 'in_beroep'")
    z = zs.json("raad", "uitspraak", "3261787", "--uitkomst", "ongegrond", "--datum", "01-03-2023")
    assert (z["status"], z["besluitvorming"]["besluiten"][0]["onherroepelijk_per"]) == ("onherroepelijk", "2023-03-01")


def test_beroep_per_post_op_de_laatste_dag_is_tijdig_tot_en_met_een_week_erna(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "B01")
    besluit(zs)
    # Bekendmaking Wednesday 2 November 2022: beroepstermijn 3 November t/m Wednesday 14 December 2022;
    # posted by then, a beroepschrift is on time if received by Wednesday 21 December (Awb 6:9 lid 2).
    zs("raad", "bekendmaking", "3261787", "--datum", "02-11-2022")
    # Posted the day after the last day: late, however fast it arrived. Recorded, flagged.
    uit = zs("raad", "beroep", "3261787", "--particulier", "--verzonden", "15-12-2022", "--datum", "16-12-2022")
    assert "door Appellant 1, NA de termijn (per post verzonden 15 december 2022)." in uit.stdout
    assert "Let op: ontvangen na de beroepstermijn (3 november 2022 t/m 14 december 2022)" in uit.stderr
    geweigerd(zs, ("raad", "beroep", "3261787", "--particulier", "--verzonden", "22-12-2022", "--datum", "21-12-2022"),
              "De verzenddatum (22 december 2022) ligt na de ontvangst van het beroepschrift (21 december 2022).")
    # Posted on the last day, received on day 7 after it: on time.
    uit = zs("raad", "beroep", "3261787", "--particulier", "--verzonden", "14-12-2022", "--datum", "21-12-2022")
    assert "Let op" not in uit.stderr
    # Posted on the last day, received on day 8 after it: late.
    z = zs.json("raad", "beroep", "3261787", "--indiener", "Stichting X", "--verzonden", "14-12-2022",
                "--datum", "22-12-2022")
    assert [(x["indiener"], x["datum"], x["verzonden"], x["binnen_termijn"], x["tijdigheid"])
            for x in z["besluitvorming"]["besluiten"][0]["beroepen"]] == [
        ("Appellant 1", "2022-12-16", "2022-12-15", False, "te laat"),
        ("Appellant 2", "2022-12-21", "2022-12-14", True, "tijdig per post"),
        ("Stichting X", "2022-12-22", "2022-12-14", False, "te laat"),
    ]
    tekst = zs("raad", "toon", "3261787").stdout
    assert ("Beroep 21 december 2022 door Appellant 2 bij Afdeling bestuursrechtspraak van de Raad van State, "
            "binnen de termijn (per post verzonden 14 december 2022, binnen een week na de termijn ontvangen "
            "(Awb 6:9 lid 2))") in tekst
    assert "Beroep 22 december 2022 door Stichting X bij Afdeling bestuursrechtspraak van de Raad van State, " \
           "NA de termijn (per post verzonden 14 december 2022)" in tekst


def test_gegronde_uitspraak_vernietigt_het_besluit_en_de_raad_besluit_opnieuw(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "B01")
    besluit(zs)
    zs("raad", "bekendmaking", "3261787", "--datum", "02-11-2022")
    zs("raad", "beroep", "3261787", "--indiener", "Stichting X", "--datum", "01-12-2022")
    z = zs.json("raad", "uitspraak", "3261787", "--uitkomst", "gegrond", "--datum", "01-06-2023")
    assert (z["status"], z["besluitvorming"]["besluiten"][0]["vernietigd"]) == ("vernietigd", True)
    # A new besluit: straight to the raad, via a politieke markt first, or the voorstel is withdrawn.
    assert [s["stap"] for s in z["volgende_stappen"]] == ["naar_politieke_markt", "naar_raad", "intrekken"]
    zs("raad", "agendeer", "3261787", "05-07-2023", "B01", "--datum", "20-06-2023")
    z = besluit(zs, datum="05-07-2023")
    assert (z["status"], len(z["besluitvorming"]["besluiten"])) == ("besluit", 2)


def test_na_vernietiging_van_een_d_besluit_eerst_naar_de_politieke_markt(zs):
    registreer(zs, "3482239", "Intrekkingsverordening individuele studietoeslag", "J. Freriksen", "20-09-2022")
    zs("raad", "agendeer", "3482239", "26-10-2022", "D01", "--datum", "20-09-2022")
    besluit(zs, "3482239")
    zs("raad", "bekendmaking", "3482239", "--datum", "02-11-2022")
    zs("raad", "beroep", "3482239", "--indiener", "Stichting X", "--datum", "01-12-2022")
    zs("raad", "uitspraak", "3482239", "--uitkomst", "gegrond", "--datum", "01-06-2023")
    geweigerd(zs, ("raad", "agendeer", "3482239", "05-07-2023", "C01", "--datum", "02-06-2023"),
              "er is geen politieke markt gepland. Plan eerst de oordeelsvormende politieke markt",
              zaken=("3482239",), vergadering="05-07-2023")
    z = zs.json("raad", "politieke-markt", "3482239", "20-06-2023", "--soort", "oordeelsvormend", "--datum", "02-06-2023")
    assert z["status"] == "politieke_markt"
    zs("raad", "agendeer", "3482239", "05-07-2023", "C01", "--datum", "20-06-2023")
    z = besluit(zs, "3482239", datum="05-07-2023")
    assert (z["status"], [b["agendacode"] for b in z["besluitvorming"]["besluiten"]]) == ("besluit", ["D01", "C01"])


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("raad", "agendeer", "3261787", "26-10-2022", "E01"),
         "Agendacode 'E01' past niet in het patroon: sectieletter A, B, C of D gevolgd door twee cijfers"),
        (("raad", "agendeer", "3261787", "26-10-2022", "B1"), "Agendacode 'B1' past niet in het patroon"),
        (("raad", "agendeer", "3261787", "26-10-2022", "A02"), "Sectie A (Algemeen) is voor de vaste punten"),
        (("raad", "agendeer", "3261787", "26-10-2022", "C01", "--behandeling", "hamerstuk"),
         "Agendacode C01 hoort bij sectie C (Voorstellen met tussenkomst van de Politieke Markt: bespreekstuk); "
         "een hamerstuk staat in sectie B (bv. B01)."),
        (("raad", "agendeer", "3261787", "26-10-2022", "D01"), "Sectie D is voor voorstellen zonder tussenkomst"),
        (("raad", "agendeer", "3261787", "26-10-2022", "C02", "--datum", "04-10-2022"), "Agendapunt C02 van de raad van 26 oktober 2022 is al zaak 3462621"),
        (("raad", "agendeer", "3261787", "26-10-2022", "C01", "--datum", "27-10-2022"),
         "ligt vóór de dag van agenderen"),
        (("raad", "besluit", "3261787", "--uitkomst", "vastgesteld", "--beslispunt", "x"),
         "Zaak 3261787 staat niet op de agenda van een raadsvergadering"),
        (("raad", "politieke-markt", "3261787", "01-10-2022", "--soort", "beeldvormend", "--max-spreektijd", "5"),
         "Spreektijd en insprekers horen bij spreekrecht"),
        (("raad", "bekendmaking", "3261787"), "Zaak 3261787 heeft nog geen raadsbesluit om bekend te maken"),
        (("raad", "inwerkingtreding", "3261787", "--regel", "dag-na-bekendmaking"), "(Awb 3:40)"),
        (("raad", "agendeer", "9999999", "26-10-2022", "C01"), "Zaak 9999999 bestaat niet."),
    ],
)
def test_foute_invoer_op_de_raadsagenda_schrijft_niets(zs, args, melding):
    registreer_hvz(zs)
    plan_pm(zs)
    registreer(zs, "3462621", "Transformatieplan sociaal domein", "J. Freriksen", "30-06-2022")
    plan_pm(zs, "3462621")
    agendeer(zs, "C02", "3462621")
    geweigerd(zs, args, melding, zaken=("3261787", "3462621"))


@pytest.mark.parametrize("code", ["B01", "C01"])
def test_b_of_c_punt_zonder_politieke_markt_komt_niet_op_de_agenda(zs, code):
    # Once on the agenda (status 'raad') no politieke markt can be planned, and without one a B or C
    # item cannot be decided: refused at the agendering, naming the ways out.
    registreer_hvz(zs)
    geweigerd(zs, ("raad", "agendeer", "3261787", "26-10-2022", code, "--datum", "20-09-2022"),
              f"Agendapunt {code} ({'hamerstuk' if code == 'B01' else 'bespreekstuk'}) vraagt een oordeelsvormende "
              "politieke markt vóór de raad; er is geen politieke markt gepland. Plan eerst de oordeelsvormende "
              "politieke markt, uiterlijk op 26 oktober 2022 ('zaakstroom raad politieke-markt 3261787 DATUM_PM "
              "--soort oordeelsvormend'), of agendeer het voorstel in sectie D (bv. D01) als het zonder politieke "
              "markt naar de raad mag.")
    # A politieke markt after the vergadering does not count either.
    zs("raad", "politieke-markt", "3261787", "27-10-2022", "--soort", "oordeelsvormend", "--datum", "20-09-2022")
    geweigerd(zs, ("raad", "agendeer", "3261787", "26-10-2022", code, "--datum", "04-10-2022"),
              "de oordeelsvormende politieke markt van 27 oktober 2022 valt na 26 oktober 2022. Agendeer het voor een "
              "raadsvergadering op of na 27 oktober 2022.")
    z = zs.json("raad", "agendeer", "3261787", "09-11-2022", code, "--datum", "04-10-2022")
    assert z["status"] == "raad"
    geweigerd(zs, ("raad", "besluit", "3261787", "--uitkomst", "vastgesteld", "--datum", "09-11-2022"),
              "heeft ten minste één beslispunt", vergadering="09-11-2022")
    geweigerd(zs, ("raad", "besluit", "3261787", "--uitkomst", "vastgesteld", "--beslispunt", "x",
                   "--datum", "08-11-2022"), "De raad besluit in zijn vergadering van 9 november 2022",
              vergadering="09-11-2022")
    geweigerd(zs, ("zaak", "stap", "3261787", "besluiten", "--datum", "09-11-2022"),
              "'besluiten' legt ook gegevens vast; gebruik 'zaakstroom raad besluit'", vergadering="09-11-2022")
    assert besluit(zs, datum="09-11-2022")["status"] == "besluit"


def test_d_punt_dat_toch_naar_de_politieke_markt_moet_wordt_aangehouden(zs):
    registreer(zs, "3482239", "Intrekkingsverordening individuele studietoeslag", "J. Freriksen", "20-09-2022")
    zs("raad", "agendeer", "3482239", "26-10-2022", "D01", "--datum", "20-09-2022")
    # At A02 a fraction wants it discussed: no C item without a politieke markt; the raad postpones it.
    geweigerd(zs, ("raad", "agenda-wijzig", "3482239", "C01", "--datum", "26-10-2022", "--reden", "Fractie wil bespreking"),
              "Agendapunt C01 (bespreekstuk) vraagt een oordeelsvormende politieke markt vóór de raad; er is geen "
              "politieke markt gepland. Laat het als D01 in sectie D, of laat de raad het aanhouden ('zaakstroom raad "
              "besluit 3482239 --uitkomst aangehouden') en plan daarna de oordeelsvormende politieke markt "
              "('zaakstroom raad politieke-markt 3482239 DATUM_PM --soort oordeelsvormend').", zaken=("3482239",))
    z = besluit(zs, "3482239", uitkomst="aangehouden")
    assert [s["stap"] for s in z["volgende_stappen"]] == ["naar_politieke_markt", "naar_raad", "intrekken"]
    z = zs.json("raad", "politieke-markt", "3482239", "01-11-2022", "--soort", "oordeelsvormend",
                "--datum", "27-10-2022")
    assert (z["status"], z["status_sinds"]) == ("politieke_markt", "2022-10-27")
    zs("raad", "agendeer", "3482239", "09-11-2022", "C01", "--datum", "01-11-2022")
    z = besluit(zs, "3482239", datum="09-11-2022")
    assert (z["status"], [a["agendacode"] for a in z["besluitvorming"]["agenderingen"]]) == ("besluit", ["D01", "C01"])


def test_intrekken_kan_tot_het_raadsbesluit_en_alleen_als_ingetrokken(zs):
    registreer(zs, "3482239", "Intrekkingsverordening individuele studietoeslag", "J. Freriksen", "20-09-2022")
    zs("raad", "agendeer", "3482239", "26-10-2022", "D01", "--datum", "20-09-2022")
    geweigerd(zs, ("zaak", "afsluiten", "3482239", "--resultaat", "vastgesteld", "--datum", "26-10-2022"),
              "Resultaat 'vastgesteld' past niet bij zaak 3482239 in status 'raad'; toegestaan: ingetrokken.",
              zaken=("3482239",))
    besluit(zs, "3482239", uitkomst="aangehouden")
    z = zs.json("zaak", "afsluiten", "3482239", "--resultaat", "ingetrokken", "--datum", "27-10-2022")
    assert (z["status"], z["resultaat"]) == ("afgesloten", "ingetrokken")

    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "B01")
    besluit(zs)  # after the raadsbesluit its outcome is the resultaat; intrekken is over
    geweigerd(zs, ("zaak", "afsluiten", "3261787", "--resultaat", "ingetrokken", "--datum", "27-10-2022"),
              "Resultaat 'ingetrokken' past niet bij zaak 3261787 in status 'besluit'; toegestaan: gewijzigd "
              "vastgesteld, vastgesteld, verworpen.")


def test_verworpen_voorstel_wordt_niet_bekendgemaakt(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "C01")
    besluit(zs, uitkomst="verworpen")
    geweigerd(zs, ("raad", "bekendmaking", "3261787", "--datum", "02-11-2022"),
              "Het voorstel is verworpen: er is geen besluit om bekend te maken")


def test_ongeldige_keuzes_zijn_gebruiksfouten(zs):
    registreer_hvz(zs)
    result = zs("raad", "politieke-markt", "3261787", "04-10-2022", "--soort", "informeel", ok=False)
    assert result.exit_code == 2 and "'informeel' is geen geldige keuze; kies uit 'oordeelsvormend', 'beeldvormend'" in result.stderr
    result = zs("raad", "besluit", "3261787", "--uitkomst", "goedgekeurd", ok=False)
    # The forms to type: with a hyphen, not with a space (that would need quotes).
    assert result.exit_code == 2 and "'gewijzigd-vastgesteld'" in result.stderr
    assert "'gewijzigd vastgesteld'" not in result.stderr


def test_enkelvoud_en_meervoud_in_de_uitvoer(zs):
    zs("zaak", "registreer", "3462621", "--zaaktype", "raadsvoorstel", "--omschrijving", "Transformatieplan sociaal domein",
       "--portefeuillehouder", "J. Freriksen", "--portefeuillehouder", "M. Luttikholt", "--behandelaar", "M. Moes",
       "--datum", "30-06-2022")
    zs("raad", "politieke-markt", "3462621", "04-10-2022", "--soort", "oordeelsvormend", "--spreekrecht",
       "--max-spreektijd", "1", "--datum", "20-09-2022")
    agendeer(zs, "C01", "3462621")
    assert "spreekrecht: ja, max. 1 minuut per inspreker" in zs("raad", "toon", "3462621").stdout
    assert "bespreekstuk; portefeuillehouders: J. Freriksen, M. Luttikholt" in zs("raad", "agenda", "26-10-2022").stdout


def test_tweede_oordeelsvormende_sessie_is_een_feit_en_na_agendering_of_besluit_geweigerd(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    z = zs.json("raad", "politieke-markt", "3261787", "11-10-2022", "--soort", "oordeelsvormend",
                "--datum", "03-10-2022")
    assert (z["status"], z["status_sinds"], len(z["besluitvorming"]["politieke_markten"])) == (
        "politieke_markt", "2022-09-20", 2)
    agendeer(zs, "B01")
    geweigerd(zs, ("raad", "politieke-markt", "3261787", "20-10-2022", "--soort", "oordeelsvormend",
                   "--datum", "10-10-2022"),
              "Een oordeelsvormende politieke markt kan vanuit status college, zienswijzen_beoordelen, "
              "aangehouden, vernietigd, politieke_markt; zaak 3261787 heeft status 'raad'.")
    geweigerd(zs, ("raad", "politieke-markt", "3261787", "30-09-2022", "--soort", "beeldvormend",
                   "--datum", "10-10-2022"), "ligt vóór de dag waarop ze gepland werd")
    besluit(zs)
    geweigerd(zs, ("raad", "politieke-markt", "3261787", "01-11-2022", "--soort", "beeldvormend",
                   "--datum", "27-10-2022"), "De raad besloot al op 26 oktober 2022")


def test_het_resultaat_van_de_zaak_is_wat_de_raad_besloot(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "C01", "3261787", "--behandeling", "bespreekstuk")
    besluit(zs, uitkomst="verworpen")
    geweigerd(zs, ("zaak", "afsluiten", "3261787", "--resultaat", "vastgesteld", "--datum", "27-10-2022"),
              "De raad besloot op 26 oktober 2022: verworpen; sluit zaak 3261787 af met --resultaat \"verworpen\".")
    z = zs.json("zaak", "afsluiten", "3261787", "--resultaat", "verworpen", "--datum", "27-10-2022")
    assert (z["status"], z["resultaat"]) == ("afgesloten", "verworpen")
