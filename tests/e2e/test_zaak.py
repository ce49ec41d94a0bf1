"""A behandelaar's day with `zaakstroom zaak …`, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


def registreer_hvz(zs, *extra: str):
    return zs(
        "zaak", "registreer", "3261787", "--zaaktype", "raadsvoorstel",
        "--omschrijving", "Nota van uitgangspunten Hart van Zuid De Koppeling",
        "--portefeuillehouder", "G. Gerrits", "--behandelaar", "K. van Ekeris", "--sector", "FYS-PVG",
        "--datum", "29-06-2021", "--actor", "k.vanekeris", *extra,
    )


def test_ter_inzage_toont_termijn_en_wacht_tot_die_verstreken_is(zs):
    registreer_hvz(zs)
    z = zs.json("zaak", "stap", "3261787", "ter_inzage_leggen", "--datum", "30-06-2021")
    assert z["status"] == "ter_inzage"
    [termijn] = z["termijnen"]
    assert (termijn["naam"], termijn["eerste_dag"], termijn["einde"]) == ("zienswijzetermijn", "2021-06-30", "2021-08-10")
    assert "Awb 3:16" in termijn["grondslag"]

    te_vroeg = zs("zaak", "stap", "3261787", "zienswijzen_beoordelen", "--datum", "10-08-2021", ok=False)
    assert te_vroeg.exit_code == 1
    assert "loopt tot en met 10 augustus 2021" in te_vroeg.stderr
    assert "kan vanaf 11 augustus 2021" in te_vroeg.stderr

    z = zs.json("zaak", "stap", "3261787", "zienswijzen_beoordelen", "--datum", "11-08-2021")
    assert z["status"] == "zienswijzen_beoordelen"
    assert [s["stap"] for s in z["volgende_stappen"]] == ["naar_politieke_markt", "naar_raad", "intrekken"]


def test_zaak_toon_voor_mensen(zs):
    registreer_hvz(zs)
    zs("zaak", "stap", "3261787", "ter_inzage_leggen", "--datum", "30-06-2021")
    uit = zs("zaak", "toon", "3261787").stdout
    assert "Zaak 3261787 — Nota van uitgangspunten Hart van Zuid De Koppeling" in uit
    assert "Ter inzage (zienswijzetermijn) [ter_inzage] sinds 30 juni 2021" in uit
    assert "zienswijzetermijn (wachttermijn): 30 juni 2021 t/m 10 augustus 2021" in uit
    assert "[zaak stap 3261787 zienswijzen_beoordelen]" in uit
    toen = zs("audit", "toon", "3261787", "--per", "15-07-2021").stdout
    assert "loopt" in toen and "(kan vanaf 11 augustus 2021)" in toen


def test_bekendmaking_start_beroepstermijn_de_dag_erna(zs):
    registreer_hvz(zs)
    # These steps record facts of their own, so they go through the `raad` commands.
    zs("raad", "politieke-markt", "3261787", "04-10-2022", "--soort", "oordeelsvormend", "--datum", "20-09-2022")
    zs("raad", "agendeer", "3261787", "26-10-2022", "B01", "--datum", "04-10-2022")
    zs("raad", "besluit", "3261787", "--uitkomst", "vastgesteld", "--beslispunt", "De nota vaststellen.",
       "--datum", "26-10-2022")
    z = zs.json("raad", "bekendmaking", "3261787", "--datum", "27-10-2022")
    [t] = z["termijnen"]
    assert (t["eerste_dag"], t["einde"]) == ("2022-10-28", "2022-12-08")
    # Last day Thursday 8 December 2022; a beroepschrift posted that day may arrive until Thursday
    # 15 December (Awb 6:9 lid 2): onherroepelijk can be recorded from Friday 16 December.
    z = zs.json("raad", "onherroepelijk", "3261787", "--datum", "16-12-2022")
    assert z["status"] == "onherroepelijk"
    z = zs.json("zaak", "afsluiten", "3261787", "--resultaat", "vastgesteld", "--datum", "16-12-2022")
    assert (z["status"], z["resultaat"], z["einddatum"]) == ("afgesloten", "vastgesteld", "2022-12-16")
    assert z["volgende_stappen"] == []


def test_wmo_opschorten_schuift_de_termijn_en_hervatten_zonder_opschorting_wordt_geweigerd(zs):
    zs("zaak", "registreer", "900001", "--zaaktype", "wmo-melding", "--omschrijving", "Melding huishoudelijke hulp",
       "--behandelaar", "consulent", "--datum", "01-03-2021")
    z = zs.json("zaak", "toon", "900001")
    # 6 weeks from the day after Monday 1 March 2021: Monday 12 April 2021 (Easter Monday was 5 April).
    assert z["termijnen"][0]["einde"] == "2021-04-12"
    # The onderzoek after a melding has no suspension (Wmo 2015 art. 2.3.2; Awb 4:15 is about aanvragen).
    onderzoek = zs("zaak", "opschorten", "900001", "--datum", "05-03-2021", "--reden", "r", ok=False)
    assert onderzoek.exit_code == 1 and "alleen toe in beschikking" in onderzoek.stderr

    z = zs.json("zaak", "stap", "900001", "aanvraag_ontvangen", "--datum", "08-03-2021")
    assert z["termijnen"][0]["einde"] == "2021-03-22"  # 2 weeks from the day after the aanvraag
    fout = zs("zaak", "hervatten", "900001", ok=False)
    assert fout.exit_code == 1 and "is niet opgeschort" in fout.stderr
    zonder_reden = zs("zaak", "opschorten", "900001", "--datum", "10-03-2021", ok=False)
    assert zonder_reden.exit_code == 1 and "reden" in zonder_reden.stderr

    zs("zaak", "opschorten", "900001", "--datum", "10-03-2021", "--reden", "Uitgenodigd de aanvraag aan te vullen")
    z = zs.json("zaak", "hervatten", "900001", "--datum", "20-03-2021")
    [t] = z["termijnen"]
    # Awb 4:15: suspended from the day after the uitnodiging (11 March) until the aanvulling (20 March):
    # 9 days, so 22 March + 9 = Wednesday 31 March 2021.
    assert (t["verschoven_dagen"], t["einde"]) == (9, "2021-03-31")


def test_een_verstreken_termijn_kan_niet_meer_worden_opgeschort_of_verlengd(zs):
    zs("zaak", "registreer", "900004", "--zaaktype", "omgevingsvergunning-regulier",
       "--omschrijving", "Aanbouw", "--behandelaar", "vergunningverlener", "--datum", "02-03-2026")
    # 8 weeks from the day after 2 March 2026 = Monday 27 April 2026, Koningsdag → Tuesday 28 April.
    assert zs.json("zaak", "toon", "900004")["termijnen"][0]["einde"] == "2026-04-28"
    for args in (("verlengen", "900004", "--weken", "6"), ("opschorten", "900004")):
        r = zs("zaak", *args, "--reden", "te laat", "--datum", "01-06-2026", ok=False)
        assert r.exit_code == 1
        assert "is op 28 april 2026 verstreken" in r.stderr and "zolang de termijn loopt" in r.stderr
    assert len(zs.json("audit", "geschiedenis", "900004")) == 1


def test_verlengen_binnen_wat_het_zaaktype_toestaat(zs):
    zs("zaak", "registreer", "900002", "--zaaktype", "omgevingsvergunning-regulier",
       "--omschrijving", "Dakkapel", "--behandelaar", "vergunningverlener", "--datum", "02-09-2024")
    te_lang = zs("zaak", "verlengen", "900002", "--weken", "7", "--reden", "Advies nodig", ok=False)
    assert te_lang.exit_code == 1 and "ten hoogste 6 weken" in te_lang.stderr
    z = zs.json("zaak", "verlengen", "900002", "--weken", "6", "--reden", "Advies welstand nodig",
                "--datum", "01-10-2024")
    # 8 weeks from the day after 2 Sept 2024 = 28 Oct 2024; + 6 weeks = 9 Dec 2024.
    assert z["termijnen"][0]["einde"] == "2024-12-09"
    nogmaals = zs("zaak", "verlengen", "900002", "--weken", "1", "--reden", "Nog meer tijd", ok=False)
    assert nogmaals.exit_code == 1 and "al 1 keer verlengd" in nogmaals.stderr

    geen = zs("zaak", "registreer", "900003", "--zaaktype", "wmo-melding", "--omschrijving", "x",
              "--behandelaar", "y")
    assert geen.exit_code == 0
    geweigerd = zs("zaak", "verlengen", "900003", "--weken", "1", "--reden", "r", ok=False)
    assert "staat geen verlenging toe" in geweigerd.stderr


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("zaak", "toon", "1234567"), "Zaak 1234567 bestaat niet."),
        (("zaak", "stap", "3261787", "besluiten"), "'besluiten' is niet toegestaan vanuit status 'college'. "
                                                  "Toegestaan vanuit 'college': ter_inzage_leggen, naar_politieke_markt, naar_raad"),
        (("zaak", "stap", "3261787", "vliegen"), "'vliegen' is geen stap van zaaktype raadsvoorstel"),
        (("zaak", "stap", "3261787", "naar_raad", "--datum", "31-02-2022"), "is geen bestaande datum"),
        (("zaak", "stap", "3261787", "naar_raad", "--datum", "gisteren"), "Onbekende datum 'gisteren'"),
        (("raad", "agendeer", "3261787", "26-10-2022", "D01", "--datum", "01-01-2021"), "ligt voor de huidige stap"),
        (("zaak", "stap", "3261787", "naar_raad"), "'naar_raad' legt ook gegevens vast; gebruik 'zaakstroom raad agendeer'"),
        (("zaak", "afsluiten", "3261787", "--resultaat", "prima"),
         "Resultaat 'prima' past niet bij zaak 3261787 in status 'college'; toegestaan: ingetrokken."),
        # Without a raadsbesluit a raadsvoorstel can only be withdrawn, not 'vastgesteld'.
        (("zaak", "afsluiten", "3261787", "--resultaat", "vastgesteld"),
         "Resultaat 'vastgesteld' past niet bij zaak 3261787 in status 'college'; toegestaan: ingetrokken."),
        (("zaak", "opschorten", "3261787", "--reden", "x"), "Zaaktype raadsvoorstel staat geen opschorting toe."),
        (("zaak", "registreer", "3261787", "--zaaktype", "raadsvoorstel", "--omschrijving", "x", "--behandelaar", "y"),
         "Zaak 3261787 bestaat al"),
        (("zaak", "registreer", "42", "--zaaktype", "bouwplan", "--omschrijving", "x", "--behandelaar", "y"),
         "Onbekend zaaktype 'bouwplan'. Bekende zaaktypen: adviesaanvraag, omgevingsvergunning-regulier"),
        (("zaak", "registreer", "A-1", "--zaaktype", "raadsvoorstel", "--omschrijving", "x", "--behandelaar", "y"),
         "Zaaknummer 'A-1' is ongeldig"),
    ],
)
def test_foute_invoer_krijgt_een_melding_en_schrijft_niets(zs, args, melding):
    registreer_hvz(zs)
    voor = zs.json("audit", "geschiedenis", "3261787")
    result = zs(*args, ok=False)
    assert result.exit_code != 0
    assert melding in result.stderr
    assert zs.json("audit", "geschiedenis", "3261787") == voor


def test_datum_in_de_toekomst_wordt_geweigerd(zs):
    morgen = (date.today() + timedelta(days=1)).strftime("%d-%m-%Y")
    registreer_hvz(zs)
    result = zs("zaak", "stap", "3261787", "ter_inzage_leggen", "--datum", morgen, ok=False)
    assert result.exit_code == 1 and "ligt in de toekomst" in result.stderr


def test_elke_gebeurtenis_legt_wie_wanneer_en_waarom_vast(zs, monkeypatch):
    registreer_hvz(zs, "--reden", "Collegebesluit 29 juni 2021")
    monkeypatch.setenv("ZAAKSTROOM_ACTOR", "griffie")
    zs("raad", "agendeer", "3261787", "26-10-2022", "D01", "--datum", "20-09-2022", "--reden", "D-stuk")
    # The zaak's own events, and the raadsagenda's entries about it (recorded in the same transaction).
    [eerste, tweede, derde, agenda, punt] = zs.json("audit", "geschiedenis", "3261787")
    assert (eerste["gebeurtenis"], eerste["actor"], eerste["datum"], eerste["reden"]) == (
        "geregistreerd", "k.vanekeris", "2021-06-29", "Collegebesluit 29 juni 2021")
    assert (tweede["gebeurtenis"], tweede["stap"], tweede["label"], tweede["actor"], tweede["datum"], tweede["reden"]) == (
        "stap", "naar_raad", "Agenderen voor de raad", "griffie", "2022-09-20", "D-stuk")
    assert tweede["details"] == {"stap": "naar_raad", "van": "college", "naar": "raad", "termijnen": []}
    assert tweede["omschrijving"] == "Collegebesluitvorming → Geagendeerd voor de raad"
    assert (derde["gebeurtenis"], derde["actor"], derde["datum"], derde["reden"], derde["details"]) == (
        "geagendeerd", "griffie", "2022-09-20", "D-stuk", {"vergaderdatum": "2022-10-26", "agendacode": "D01"})
    assert derde["omschrijving"] == "raad van 26 oktober 2022, agendapunt D01 (zonder politieke markt)"
    assert [(r["bij"], r["label"], r["reden"]) for r in (agenda, punt)] == [
        ("raadsagenda 26 oktober 2022", "Raadsagenda aangemaakt", "D-stuk"),
        ("raadsagenda 26 oktober 2022", "Agendapunt toegekend", "D-stuk")]
    assert [r["aggregaat"] for r in (eerste, punt)] == [
        {"soort": "zaak", "sleutel": "3261787", "versie": 1},
        {"soort": "raadsagenda", "sleutel": "26 oktober 2022", "versie": 2}]
    assert [r["volgnummer"] for r in (eerste, tweede, derde, agenda, punt)] == [1, 2, 3, 4, 5]
    assert eerste["geregistreerd"][:10] == date.today().isoformat()

    tekst = zs("audit", "geschiedenis", "3261787").stdout
    assert "met ingang van 20 september 2022" in tekst and "door griffie" in tekst
    assert tekst.count("reden: D-stuk") == 1  # one command, four events: the reason once


def test_audit_toon_per_datum_bouwt_de_zaak_uit_de_gebeurtenissen(zs):
    registreer_hvz(zs)
    zs("zaak", "stap", "3261787", "ter_inzage_leggen", "--datum", "30-06-2021")
    zs("zaak", "stap", "3261787", "zienswijzen_beoordelen", "--datum", "11-08-2021")
    zs("raad", "politieke-markt", "3261787", "04-10-2022", "--soort", "oordeelsvormend", "--datum", "20-09-2022")

    juli = zs.json("audit", "toon", "3261787", "--per", "15-07-2021")
    # 5 events: registered, 3 steps, and the politieke markt recorded with its step.
    assert (juli["status"], juli["gebeurtenissen_meegeteld"], juli["gebeurtenissen_totaal"]) == ("ter_inzage", 2, 5)
    assert juli["termijnen"][0]["verstreken"] is False
    assert zs.json("audit", "toon", "3261787", "--per", "2022-09-20")["status"] == "politieke_markt"
    # Everything was recorded today, so "what the system knew" yesterday is nothing.
    gisteren = (date.today() - timedelta(days=1)).isoformat()
    fout = zs("audit", "toon", "3261787", "--per", gisteren, "--geregistreerd", ok=False)
    assert "bestond op" in fout.stderr
    voor = zs("audit", "toon", "3261787", "--per", "01-01-2021", ok=False)
    assert voor.exit_code == 1 and "bestond op 1 januari 2021 nog niet" in voor.stderr


def test_gebeurtenissen_van_een_zaak_volgen_elkaar_in_de_tijd_op(zs):
    zs("zaak", "registreer", "900005", "--zaaktype", "omgevingsvergunning-regulier", "--omschrijving", "Schuur",
       "--behandelaar", "vergunningverlener", "--datum", "02-11-2026")
    zs("zaak", "opschorten", "900005", "--datum", "10-11-2026", "--reden", "Uitgenodigd aan te vullen")
    zs("zaak", "verlengen", "900005", "--weken", "2", "--datum", "15-11-2026", "--reden", "Advies nodig")
    terug = zs("zaak", "hervatten", "900005", "--datum", "12-11-2026", ok=False)
    assert terug.exit_code == 1
    assert "12 november 2026 ligt voor de laatste gebeurtenis van zaak 900005 (15 november 2026)" in terug.stderr
    assert len(zs.json("audit", "geschiedenis", "900005")) == 3
    assert zs.json("audit", "toon", "900005", "--per", "13-11-2026")["opgeschort_sinds"] == "2026-11-10"
