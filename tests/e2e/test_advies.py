"""The advies of the adviesraad sociaal domein on the maatregelenpakket (zaak 3317818), with `zaakstroom advies …`.

Facts from scenarios/FEITEN.md §5: advies d.d. 5-10-2021 (kenmerk 21 047), received
5-10-2021 [afgeleid], to the raad 11-10-2021, reactie 21-10-2021, 12 adviezen. The
college never says "gevolgd"; each outcome below is the [afgeleid] class of FEITEN.
"""

from __future__ import annotations

import pytest

ADVIEZEN = [  # (advies, outcome, the college's reactie in brief)
    ("Het advies direct na verzending aan de raad sturen, anders dan de afspraken over openbaarheid.",
     "gevolgd", "Op 11 oktober aan de raad verstuurd; reactietermijn verkort."),
    ("De onderliggende analyse, gegevens en evaluaties aan de stukken toevoegen.",
     "niet gevolgd", "Verwijst naar informele bijeenkomsten met raadsleden en biedt een gesprek aan."),
    ("Maatwerk als leidend principe, niet als uitzondering.",
     "deels gevolgd", "Maatwerk blijft het uitgangspunt, maar niet altijd volledig geïndiceerde zorg."),
    ("Geen drempels opwerpen; uitgaan van de vraag van de inwoner.",
     "deels gevolgd", "Absoluut niet wat wij willen; wel meer nadruk op zelfredzaamheid."),
    ("Geen 'extra handjes'; inzicht in de organisatie en budgetten sinds 2015.",
     "gevolgd", "Wij zijn het eens met uw advies; informatie staat in de P&C-documenten."),
    ("Tijd nemen zodat inwoners kunnen meedenken.",
     "toegelicht", "Communicatie de komende maanden; geen standpunt."),
    ("Schade in beeld brengen en schadebeperkende maatregelen nemen.",
     "deels gevolgd", "Maandelijkse rapportages en dashboards; bijsturen waar nodig."),
    ("Let op de toonzetting in notities over inwoners.",
     "toegelicht", "Uitleg; communicatieplan na de begroting."),
    ("De maatregel 'max 4 dagdelen' laten vervallen.",
     "niet gevolgd", "Houdt het max kader aan (normenkader 2018)."),
    ("Inclusie als leidend principe.", "gevolgd", "Wij zijn het eens met dit advies."),
    ("De kern van de doorbraakmethode implementeren.", "gevolgd", "Dit advies omarmen wij; professionals geschoold."),
    ("Schoolzorg- en huisartsondersteuners en de WMO-WLZ-maatregel in lijn brengen.",
     "gevolgd", "Ook dit advies omarmen wij."),
]
AFWIJKING = ("Zoals de adviesraad adviseert (advies 1) verkort, zodat de reactie kan worden betrokken bij de "
             "politieke markt van 26 oktober 2021")


def registreer(zs, zaaknummer="3317818"):
    zs("zaak", "registreer", zaaknummer, "--zaaktype", "adviesaanvraag",
       "--omschrijving", "Advies maatregelenpakket adviesraad sociaal domein", "--portefeuillehouder", "n.n.b.",
       "--behandelaar", "n.n.b.", "--sector", "MSO-SD", "--datum", "21-09-2021", "--actor", "griffie")


def ontvang(zs, zaaknummer="3317818"):
    return zs.json("advies", "ontvangen", zaaknummer, "--adviesorgaan", "Adviesraad sociaal domein",
                   "--kenmerk", "21 047", "--dagtekening", "05-10-2021", "--datum", "05-10-2021",
                   *[x for advies, _, _ in ADVIEZEN for x in ("--advies", advies)])


def reacties(adviezen=ADVIEZEN):
    return [x for n, (_, uitkomst, reactie) in enumerate(adviezen, start=1)
            for x in ("--advies", str(n), uitkomst.replace(" ", "-"), reactie)]


def geweigerd(zs, args, melding, zaaknummer="3317818"):
    voor = zs.json("audit", "geschiedenis", zaaknummer)
    result = zs(*args, ok=False)
    assert result.exit_code == 1, result.output
    assert melding in result.stderr
    assert zs.json("audit", "geschiedenis", zaaknummer) == voor


def test_advies_maatregelenpakket_met_12_adviezen_en_verkorte_reactietermijn(zs):
    registreer(zs)
    z = ontvang(zs)
    assert z["status"] == "reactie_college"
    [t] = z["termijnen"]
    # 4 weeks from the day after receipt (5-10-2021): Tuesday 2 November 2021.
    assert (t["naam"], t["aard"], t["einde"]) == ("reactietermijn", "behandeltermijn", "2021-11-02")
    assert (z["advies"]["aantal"], z["advies"]["kenmerk"]) == (12, "21 047")

    # The advies goes to the raad before the college reacts (advies 1).
    z = zs.json("advies", "naar-raad", "3317818", "--datum", "11-10-2021",
                "--reden", "Direct, in afwijking van de afspraken over openbaarheid, op advies 1")
    assert (z["status"], z["advies"]["naar_raad"]) == (
        "reactie_college", [{"datum": "2021-10-11", "met_reactie": False, "voor_reactie": True}])

    z = zs.json("advies", "reactie", "3317818", "--datum", "21-10-2021", *reacties(),
                "--termijn-tot", "26-10-2021", "--afwijking", AFWIJKING, "--actor", "college")
    assert z["status"] == "gereageerd"
    a = z["advies"]
    assert a["telling"] == {"gevolgd": 5, "deels gevolgd": 3, "niet gevolgd": 2, "toegelicht": 2}
    assert [x["nummer"] for x in a["adviezen"] if x["uitkomst"] == "gevolgd"] == [1, 5, 10, 11, 12]
    assert a["reactietermijn"] == {
        "einde": "2021-11-02", "reactie": "2021-10-21",
        "afwijking": {"reden": AFWIJKING, "termijn_tot": "2021-10-26", "soort": "verkort"},
        "dagen_na_ontvangst": 16, "binnen_termijn": True, "binnen_afwijkende_termijn": True,
        "oordeel": "binnen de termijn (12 dagen vóór het einde); binnen de afwijkende termijn",
    }
    zs("advies", "naar-raad", "3317818", "--met-reactie", "--datum", "21-10-2021")

    tekst = zs("advies", "toon", "3317818").stdout
    for regel in [
        "Adviesorgaan     Adviesraad sociaal domein, kenmerk 21 047",
        "Reactietermijn   t/m 2 november 2021",
        f"Afwijking        verkort tot 26 oktober 2021: {AFWIJKING}",
        "Reactie college  21 oktober 2021, 16 dagen na ontvangst: binnen de termijn (12 dagen vóór het einde)",
        "Naar de raad     11 oktober 2021 (advies, vóór de reactie van het college)",
        "Naar de raad     21 oktober 2021 (advies en reactie)",
        "Adviezen (gevolgd 5, deels gevolgd 3, niet gevolgd 2, toegelicht 2)",
        " 9. De maatregel 'max 4 dagdelen' laten vervallen.",
        "NIET GEVOLGD: Houdt het max kader aan (normenkader 2018).",
    ]:
        assert regel in tekst
    z = zs.json("zaak", "afsluiten", "3317818", "--resultaat", "advies verwerkt", "--datum", "10-11-2021")
    assert zs.json("advies", "toon", "3317818")["advies"]["reactietermijn"]["einde"] == "2021-11-02"


def test_advies_toon_voor_de_reactie_zegt_tot_wanneer_de_termijn_loopt(zs):
    registreer(zs)
    assert "Nog geen advies ontvangen." in zs("advies", "toon", "3317818").stdout
    ontvang(zs)
    t = zs.json("advies", "toon", "3317818")["advies"]["reactietermijn"]
    # Today is long after 2 November 2021.
    assert t["oordeel"] == "nog geen reactie; de termijn is verstreken op 2 november 2021"


def test_late_reactie_vraagt_een_reden_en_wordt_als_te_laat_getoond(zs):
    registreer(zs)
    ontvang(zs)
    geweigerd(zs, ("advies", "reactie", "3317818", "--datum", "03-11-2021", *reacties()),
              "De reactietermijn liep tot en met 2 november 2021; een reactie op 3 november 2021 wijkt daarvan af "
              "en vraagt een reden (--afwijking)")
    z = zs.json("advies", "reactie", "3317818", "--datum", "03-11-2021", *reacties(),
                "--afwijking", "Afstemming met de wethouder duurde langer")
    t = z["advies"]["reactietermijn"]
    assert (t["binnen_termijn"], t["oordeel"], t["afwijking"]["soort"]) == (
        False, "1 dag na het einde van de termijn", None)


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (reacties(ADVIEZEN[:11]), "geen reactie op advies 12"),
        ([*reacties(), "--advies", "13", "gevolgd", "x"], "Advies 13 bestaat niet; het advies heeft 12 adviezen"),
        ([*reacties(ADVIEZEN[:11]), "--advies", "1", "gevolgd", "x"], "Advies 1 heeft meer dan één reactie"),
        ([*reacties(), "--termijn-tot", "26-10-2021"], "vraagt de reden van de afwijking (--afwijking)"),
    ],
)
def test_foute_reactie_schrijft_niets(zs, args, melding):
    registreer(zs)
    ontvang(zs)
    geweigerd(zs, ("advies", "reactie", "3317818", "--datum", "21-10-2021", *args), melding)


def test_volgorde_en_zaaktype_worden_bewaakt(zs):
    registreer(zs)
    geweigerd(zs, ("advies", "naar-raad", "3317818", "--datum", "11-10-2021"), "heeft nog geen advies")
    geweigerd(zs, ("advies", "reactie", "3317818", "--datum", "21-10-2021", *reacties()), "heeft nog geen advies")
    geweigerd(zs, ("zaak", "stap", "3317818", "advies_ontvangen"),
              "'advies_ontvangen' legt ook gegevens vast; gebruik 'zaakstroom advies ontvangen'")
    ontvang(zs)
    geweigerd(zs, ("advies", "naar-raad", "3317818", "--met-reactie", "--datum", "11-10-2021"),
              "Het college heeft nog niet gereageerd")
    geweigerd(zs, ("advies", "ontvangen", "3317818", "--adviesorgaan", "X", "--advies", "y"), "heeft al een advies")
    zs("zaak", "registreer", "900001", "--zaaktype", "wmo-melding", "--omschrijving", "x", "--behandelaar", "y")
    geweigerd(zs, ("advies", "ontvangen", "900001", "--adviesorgaan", "X", "--advies", "y"),
              "Zaak 900001 (zaaktype wmo-melding) is geen adviesaanvraag", zaaknummer="900001")
    result = zs("advies", "reactie", "3317818", "--advies", "1", "overgenomen", "x", ok=False)
    assert result.exit_code == 2


def test_onbekende_uitkomst_noemt_de_vormen_die_je_typt(zs):
    registreer(zs)
    ontvang(zs)
    voor = zs.json("audit", "geschiedenis", "3317818")
    result = zs("advies", "reactie", "3317818", "--advies", "1", "onzin", "x", ok=False)
    assert result.exit_code == 2
    assert ("Fout: Ongeldige waarde voor '--advies': 'onzin' is geen geldige keuze; kies uit 'gevolgd', 'deels-gevolgd', "
            "'niet-gevolgd', 'toegelicht'.") in result.stderr
    assert zs.json("audit", "geschiedenis", "3317818") == voor


def test_een_enkel_advies_en_afsluiten_na_de_reactie(zs):
    registreer(zs)
    uit = zs("advies", "ontvangen", "3317818", "--adviesorgaan", "Adviesraad sociaal domein", "--datum", "05-10-2021",
             "--advies", "Maak inclusie het leidende principe.").stdout
    assert "Advies bij zaak 3317818 ontvangen: 1 advies." in uit
    assert "ontvangen 5 oktober 2021; 1 advies" in uit
    geweigerd(zs, ("advies", "reactie", "3317818", "--datum", "06-10-2021", "--advies", "2", "gevolgd", "x"),
              "Advies 2 bestaat niet; het advies heeft 1 advies (nummer 1).")
    uit = zs("advies", "reactie", "3317818", "--datum", "06-10-2021", "--advies", "1", "deels-gevolgd", "Ja, maar.")
    assert "Reactie college  6 oktober 2021, 1 dag na ontvangst" in uit.stdout
    assert zs.json("advies", "toon", "3317818")["advies"]["telling"]["deels gevolgd"] == 1
    # After the reactie the advies was dealt with: 'ingetrokken' and 'advies niet uitgebracht' are over.
    geweigerd(zs, ("zaak", "afsluiten", "3317818", "--resultaat", "ingetrokken", "--datum", "07-10-2021"),
              "Resultaat 'ingetrokken' past niet bij zaak 3317818 in status 'gereageerd'; toegestaan: advies verwerkt.")
    zs("zaak", "afsluiten", "3317818", "--resultaat", "advies verwerkt", "--datum", "07-10-2021")
