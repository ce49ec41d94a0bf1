"""An inkoper's tender with `zaakstroom aanbesteding …`, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

import pytest

K = "HGL-BO-2023"
WIJKRACHT = "Wijkracht Hengelo"
KERNPARTNERS = ["Wijkracht", "Aveleijn", "Carintreggeland", "Humanitas Onder Dak", "Mediant", "RIBW Overijssel",
                "Tactus"]


def partijen(namen):
    return [x for naam in namen for x in ("--partij", naam)]


def registreer(zs, kenmerk=K, *extra, max_kandidaten="2", looptijd=("--looptijd", "4", "--optie", "2", "--optie", "2")):
    return zs("aanbesteding", "registreer", kenmerk, "--titel", "Realisatie en doorontwikkeling Basisondersteuning",
              "--procedure", "concurrentiegerichte-dialoog", "--max-kandidaten", max_kandidaten, *looptijd,
              "--datum", "10-01-2023", "--actor", "inkoper", *(extra or ("--perceel", "Basisondersteuning")))


def tot_selectie(zs, kenmerk=K, **kw):
    registreer(zs, kenmerk, **kw)
    zs("aanbesteding", "stap", kenmerk, "marktconsultatie_starten", "--datum", "01-02-2023")
    zs("aanbesteding", "marktconsultatie", kenmerk, "--omschrijving", "Startbijeenkomst", "--deelnemers", "200",
       "--datum", "14-02-2023")
    zs("aanbesteding", "stap", kenmerk, "selectieleidraad_publiceren", "--datum", "03-07-2023")


def tot_dialoog(zs, kenmerk=K, **kw):
    tot_selectie(zs, kenmerk, **kw)
    zs("aanbesteding", "aanmelding", kenmerk, WIJKRACHT, *partijen(KERNPARTNERS), "--datum", "21-08-2023")
    zs("aanbesteding", "aanmelding", kenmerk, "Zorgcombinatie Twente", "--datum", "22-08-2023")
    zs("aanbesteding", "toelaten", kenmerk, WIJKRACHT, "--score", "87,5", "--datum", "02-10-2023")
    zs("aanbesteding", "afwijzen", kenmerk, "Zorgcombinatie Twente", "--reden", "Voldoet niet aan alle eisen",
       "--datum", "02-10-2023")
    zs("aanbesteding", "stap", kenmerk, "dialoog_starten", "--datum", "09-10-2023")


def tot_inschrijving(zs, kenmerk=K, **kw):
    tot_dialoog(zs, kenmerk, **kw)
    zs("aanbesteding", "dialoogsessie", kenmerk, "--onderwerp", "Scope", "--deelnemer", WIJKRACHT,
       "--opdrachtomschrijving", "Individuele en groepsgerichte basisondersteuning",
       "--kernwaarde", "Zakelijk partnerschap", "--financiele-afspraak", "Lumpsum-opdrachtsom",
       "--overlegstructuur", "Gesprekscyclus op vier niveaus", "--risico", "Ventielafspraken",
       "--datum", "07-11-2023")
    zs("aanbesteding", "inschrijfleidraad", kenmerk, "--sluitingsdatum", "14-05-2024", "--datum", "02-04-2024")


def tot_standstill(zs, kenmerk=K, **kw):
    tot_inschrijving(zs, kenmerk, **kw)
    zs("aanbesteding", "inschrijving", kenmerk, WIJKRACHT, "--datum", "13-05-2024")
    zs("aanbesteding", "stap", kenmerk, "beoordeling_starten", "--datum", "15-05-2024")
    zs("aanbesteding", "verificatie", kenmerk, WIJKRACHT, "--instrument", "KIT", "--voldoet", "--datum", "01-07-2024")
    zs("aanbesteding", "gunningsbeslissing", kenmerk, "--winnaar", WIJKRACHT, "--datum", "06-09-2024")


INZAGE = ("--vertrouwelijk", "--reden", "dossiercontrole")  # every full view is asked for with a reason


def volledig(zs, kenmerk=K):
    return zs.json("aanbesteding", "toon", kenmerk, *INZAGE)


def geschiedenis(zs, kenmerk=K):
    """The facts of the aanbesteding, in full: without the looks recorded by asking for them (this one's
    is saved after the view was read, so the next call would count it)."""
    return [r for r in zs.json("aanbesteding", "tijdlijn", kenmerk, *INZAGE)["tijdlijn"]
            if r["soort"] != "VertrouwelijkIngezien"]


# --- the seed tender ---------------------------------------------------------------------------


def test_de_seed_aanbesteding_van_marktconsultatie_tot_start(zs):
    tot_standstill(zs)
    w = zs.json("aanbesteding", "toon", K)
    [p] = w["percelen"]
    assert (p["fase"], p["standstill"]["eerste_dag"], p["standstill"]["einde"]) == (
        "standstill", "2024-09-07", "2024-09-26")
    assert [(s["stap"], s["commando"]) for s in p["volgende_stappen"]] == [
        ("kort_geding_aanhangig", "aanbesteding kort-geding"), ("definitief_gunnen", "aanbesteding gunnen"),
        ("intrekken", "aanbesteding intrekken")]
    assert p["handelingen"] == []

    zs("aanbesteding", "gunnen", K, "--datum", "27-09-2024", "--actor", "college")
    z = zs.json("aanbesteding", "contract", K, "--ingangsdatum", "01-01-2025", "--datum", "30-09-2024")
    assert z["percelen"][0]["contract"]["einddatum"] == "2028-12-31"
    zs("aanbesteding", "stap", K, "implementatie_starten", "--datum", "30-09-2024")
    te_vroeg = zs("aanbesteding", "stap", K, "starten", "--datum", "31-12-2024", ok=False)
    assert te_vroeg.exit_code == 1 and "gaat in op 1 januari 2025" in te_vroeg.stderr
    zs("aanbesteding", "stap", K, "starten", "--datum", "01-01-2025")

    [p] = volledig(zs)["percelen"]
    assert (p["fase"], p["afgerond"], p["winnaar"]) == ("gestart", True, WIJKRACHT)
    assert p["aantallen"] == {"aangemeld": 2, "toegelaten": 1, "afgewezen": 1, "ingeschreven": 1, "geweigerd": 0,
                              "uitgesloten": 0}
    [wijkracht, _] = p["kandidaten"]
    assert wijkracht["partijen"] == KERNPARTNERS and wijkracht["selectiescore"] == 87.5
    assert [v["partij"] for v in wijkracht["verificaties"]] == KERNPARTNERS
    [sessie] = p["dialoogsessies"]
    assert sessie["uitkomsten"] == {
        "opdrachtomschrijving": ["Individuele en groepsgerichte basisondersteuning"],
        "kernwaarden": ["Zakelijk partnerschap"], "financiële afspraken": ["Lumpsum-opdrachtsom"],
        "overlegstructuren": ["Gesprekscyclus op vier niveaus"], "risico's en ventielafspraken": ["Ventielafspraken"]}
    c = p["contract"]
    assert (c["ingangsdatum"], c["einddatum"], c["maximale_einddatum"]) == ("2025-01-01", "2028-12-31", "2032-12-31")
    assert [o["status"] for o in c["opties"]] == ["open", "open"]

    uit = zs("aanbesteding", "toon", K).stdout
    assert "Perceel Basisondersteuning — Opdracht gestart [gestart] sinds 1 januari 2025" in uit
    assert "standstill" in uit and "7 september 2024 t/m 26 september 2024 (verstreken)" in uit
    assert "gegund aan" in uit and WIJKRACHT in uit and "Zorgcombinatie" not in uit
    tijdlijn = zs("aanbesteding", "tijdlijn", K).stdout
    assert ("Definitief gunnen (na de standstilltermijn) — aanbesteding HGL-BO-2023\n"
            "     Gunningsbeslissing verzonden, standstilltermijn → Definitief gegund; gegund aan Wijkracht Hengelo\n"
            "     met ingang van 27 september 2024; vastgelegd ") in tijdlijn
    assert "Zorgcombinatie" not in tijdlijn and "door " not in tijdlijn and "reden" not in tijdlijn


def test_voor_de_gunning_ziet_de_raad_geen_namen_en_vertrouwelijk_inzien_wordt_gelogd(zs):
    tot_standstill(zs)
    for args in (("toon", K), ("tijdlijn", K), ("rapport",)):
        tekst = zs("aanbesteding", *args, "--json").stdout
        assert WIJKRACHT not in tekst and "Zorgcombinatie" not in tekst and "87.5" not in tekst and "Aveleijn" not in tekst
    [rij] = zs.json("aanbesteding", "rapport")
    assert (rij["kenmerk"], rij["fase"], rij["standstill"]["einde"], rij["aantallen"]["toegelaten"]) == (
        K, "standstill", "2024-09-26", 1)
    assert "winnaar" not in rij

    gezien = zs("aanbesteding", "toon", K, *INZAGE, "--actor", "inkoper.jansen")
    assert WIJKRACHT in gezien.stdout and "Zorgcombinatie Twente: afgewezen" in gezien.stdout
    assert "aanbesteding.vertrouwelijk_ingezien" in gezien.stderr and "inkoper.jansen" in gezien.stderr

    zs("aanbesteding", "gunnen", K, "--datum", "27-09-2024")
    [rij] = zs.json("aanbesteding", "rapport")
    assert (rij["fase"], rij["winnaar"]) == ("gegund", WIJKRACHT)
    na = zs("aanbesteding", "toon", K, "--json").stdout
    assert WIJKRACHT in na and "Zorgcombinatie" not in na and "87.5" not in na


def test_een_inzage_die_niet_kan_worden_vastgelegd_toont_niets(zs, monkeypatch):
    """The look is saved before the full view is returned: when saving fails, nothing is shown."""
    from domain.fouten import DomeinFout
    from workflow.kern import Kern

    tot_standstill(zs)

    def mislukt(self, *aggregates, **context):
        raise DomeinFout("Dit is intussen door een ander gewijzigd; bekijk de stand en probeer opnieuw.")

    monkeypatch.setattr(Kern, "bewaar", mislukt)
    for commando in (("aanbesteding", "toon", K), ("aanbesteding", "tijdlijn", K), ("audit", "geschiedenis", K),
                     ("audit", "toon", K, "--per", "10-09-2024")):
        fout = zs(*commando, *INZAGE, ok=False)
        assert fout.exit_code == 1 and fout.stdout == "" and WIJKRACHT not in fout.output, commando
        assert "door een ander gewijzigd" in fout.stderr
    monkeypatch.undo()
    assert not [r for r in zs.json("aanbesteding", "tijdlijn", K, *INZAGE)["tijdlijn"]
                if r["soort"] == "VertrouwelijkIngezien"]


# --- refusals: a message, and nothing written ----------------------------------------------------


def geweigerd(zs, *args, melding: str, kenmerk=K):
    voor = geschiedenis(zs, kenmerk)
    result = zs(*args, ok=False)
    assert result.exit_code == 1, result.output
    assert melding in result.stderr
    assert "Traceback" not in result.output
    assert geschiedenis(zs, kenmerk) == voor
    return result


def test_niet_meer_kandidaten_toelaten_dan_het_maximum(zs):
    tot_selectie(zs)
    for naam in ("A", "B", "C"):
        zs("aanbesteding", "aanmelding", K, naam, "--datum", "01-08-2023")
    zs("aanbesteding", "toelaten", K, "A", "--datum", "01-09-2023")
    zs("aanbesteding", "toelaten", K, "B", "--datum", "01-09-2023")
    geweigerd(zs, "aanbesteding", "toelaten", K, "C", "--datum", "01-09-2023",
              melding="Ten hoogste 2 kandidaten mogen door naar de dialoogfase en dat aantal is bereikt (A, B)")


def test_dialoogsessie_met_een_afgewezen_kandidaat(zs):
    tot_dialoog(zs)
    geweigerd(zs, "aanbesteding", "dialoogsessie", K, "--onderwerp", "Scope", "--deelnemer", WIJKRACHT,
              "--deelnemer", "Zorgcombinatie Twente", "--datum", "07-11-2023",
              melding="Zorgcombinatie Twente is afgewezen op 2 oktober 2023 (Voldoet niet aan alle eisen) en mag "
                      "niet aan de dialoog deelnemen; toegelaten: Wijkracht Hengelo.")


def test_inschrijving_na_de_sluiting_wordt_geweigerd_en_zo_vastgelegd(zs):
    tot_inschrijving(zs)
    geweigerd(zs, "aanbesteding", "inschrijving", K, WIJKRACHT, "--datum", "15-05-2024",
              melding="ontvangen op 15 mei 2024, na de sluiting (uiterlijk 14 mei 2024), en telt niet mee")
    zonder_reden = zs("aanbesteding", "inschrijving-weigeren", K, WIJKRACHT, "--datum", "15-05-2024", ok=False)
    assert "vraagt een reden" in zonder_reden.stderr
    zs("aanbesteding", "inschrijving-weigeren", K, WIJKRACHT, "--datum", "15-05-2024",
       "--reden", "Ontvangen na de sluitingsdatum van 14 mei 2024")
    [p] = volledig(zs)["percelen"]
    assert p["aantallen"]["geweigerd"] == 1 and p["aantallen"]["ingeschreven"] == 0
    assert p["kandidaten"][0]["geweigerd"] == {"datum": "2024-05-15",
                                               "reden": "Ontvangen na de sluitingsdatum van 14 mei 2024"}
    assert geschiedenis(zs)[-1]["gebeurtenis"] == "inschrijving geweigerd"
    # No valid inschrijving: the procedure cannot go on to beoordeling, only be stopped.
    geweigerd(zs, "aanbesteding", "stap", K, "beoordeling_starten", "--datum", "16-05-2024",
              melding="geen geldige inschrijving ontvangen; trek de procedure in")


def test_definitief_gunnen_tijdens_de_standstill_noemt_de_einddatum(zs):
    tot_standstill(zs)
    geweigerd(zs, "aanbesteding", "gunnen", K, "--datum", "26-09-2024",
              melding="De standstilltermijn loopt tot en met 26 september 2024; 'definitief_gunnen' kan vanaf "
                      "27 september 2024.")
    generiek = geweigerd(zs, "aanbesteding", "stap", K, "definitief_gunnen", "--datum", "30-09-2024",
                         melding="gebruik 'zaakstroom aanbesteding gunnen HGL-BO-2023 …'")
    assert generiek.exit_code == 1


def test_kort_geding_schort_de_gunning_op_tot_de_uitspraak(zs):
    tot_standstill(zs)
    zs("aanbesteding", "kort-geding", K, "--eiser", "Zorgcombinatie Twente", "--datum", "20-09-2024")
    geweigerd(zs, "aanbesteding", "gunnen", K, "--datum", "30-09-2024",
              melding="De gunning van perceel Basisondersteuning is opgeschort: er loopt een kort geding sinds "
                      "20 september 2024")
    z = zs.json("aanbesteding", "uitspraak", K, "--vordering", "afgewezen", "--datum", "15-10-2024")
    [p] = z["percelen"]
    # Back in the standstill with the same term: it ended on 26 September, so the award may proceed.
    assert (p["fase"], p["standstill"]["einde"], p["uitspraken"]) == (
        "standstill", "2024-09-26", [{"datum": "2024-10-15", "vordering": "afgewezen"}])
    assert "Zorgcombinatie" not in json.dumps(z)
    zs("aanbesteding", "gunnen", K, "--datum", "16-10-2024")
    assert volledig(zs)["percelen"][0]["winnaar"] == WIJKRACHT


def test_toegewezen_vordering_leidt_terug_naar_de_beoordeling(zs):
    tot_standstill(zs)
    zs("aanbesteding", "kort-geding", K, "--eiser", "Zorgcombinatie Twente", "--datum", "10-09-2024")
    zs("aanbesteding", "uitspraak", K, "--vordering", "toegewezen", "--datum", "01-10-2024",
       "--reden", "Herbeoordeling bevolen")
    [p] = volledig(zs)["percelen"]
    assert (p["fase"], p["voorlopige_winnaar"]) == ("beoordeling", None)
    z = zs.json("aanbesteding", "intrekken", K, "--reden", "Na de uitspraak gestopt", "--datum", "15-10-2024")
    assert z["percelen"][0]["fase"] == "ingetrokken"


def test_kort_geding_na_de_standstill_schort_niets_op(zs):
    tot_standstill(zs)
    geweigerd(zs, "aanbesteding", "kort-geding", K, "--eiser", "X", "--datum", "27-09-2024",
              melding="eindigde op 26 september 2024; een kort geding dat daarna wordt aangespannen schort de "
                      "gunning niet op")


def test_optie_die_niet_bestaat_of_vervallen_is(zs):
    tot_standstill(zs)
    zs("aanbesteding", "gunnen", K, "--datum", "27-09-2024")
    zs("aanbesteding", "contract", K, "--ingangsdatum", "01-01-2025", "--datum", "30-09-2024")
    geweigerd(zs, "aanbesteding", "optie-uitoefenen", K, "3", "--datum", "01-10-2024",
              melding="Optie 3 bestaat niet: het contract van perceel Basisondersteuning is 4 + 2 + 2 jaar "
                      "(ten hoogste 8), met optie 1 (2 jaar), optie 2 (2 jaar).")
    geweigerd(zs, "aanbesteding", "optie-uitoefenen", K, "2", "--datum", "01-10-2024",
              melding="Optie 2 van perceel Basisondersteuning kan niet worden uitgeoefend: kan pas na optie 1.")

    # A short contract that has ended already: 1 + 1 jaar from 1 januari 2023.
    registreer(zs, "KORT-1", "--perceel", "Schoonmaak", looptijd=("--looptijd", "1", "--optie", "1"))
    zs("aanbesteding", "stap", "KORT-1", "selectieleidraad_publiceren", "--datum", "01-02-2023")
    zs("aanbesteding", "aanmelding", "KORT-1", "Poets BV", "--datum", "02-02-2023")
    zs("aanbesteding", "toelaten", "KORT-1", "Poets BV", "--datum", "03-02-2023")
    zs("aanbesteding", "stap", "KORT-1", "dialoog_starten", "--datum", "04-02-2023")
    zs("aanbesteding", "dialoogsessie", "KORT-1", "--onderwerp", "Alles", "--deelnemer", "Poets BV",
       "--datum", "05-02-2023")
    zs("aanbesteding", "inschrijfleidraad", "KORT-1", "--sluitingsdatum", "10-02-2023", "--datum", "06-02-2023")
    zs("aanbesteding", "inschrijving", "KORT-1", "Poets BV", "--datum", "09-02-2023")
    zs("aanbesteding", "stap", "KORT-1", "beoordeling_starten", "--datum", "11-02-2023")
    zs("aanbesteding", "verificatie", "KORT-1", "Poets BV", "--instrument", "KIT", "--voldoet", "--datum", "12-02-2023")
    zs("aanbesteding", "gunningsbeslissing", "KORT-1", "--winnaar", "Poets BV", "--datum", "13-02-2023")
    zs("aanbesteding", "gunnen", "KORT-1", "--datum", "06-03-2023")
    z = zs.json("aanbesteding", "contract", "KORT-1", "--ingangsdatum", "01-04-2023", "--datum", "06-03-2023")
    assert z["percelen"][0]["contract"]["einddatum"] == "2024-03-31"
    geweigerd(zs, "aanbesteding", "optie-uitoefenen", "KORT-1", "1", "--datum", "01-05-2024", kenmerk="KORT-1",
              melding="Optie 1 van perceel Schoonmaak kan niet worden uitgeoefend: vervallen: het contract liep af "
                      "op 31 maart 2024 zonder deze optie.")


def test_afzien_van_een_optie_en_daarna_toch_uitoefenen(zs):
    tot_standstill(zs)
    zs("aanbesteding", "gunnen", K, "--datum", "27-09-2024")
    zs("aanbesteding", "contract", K, "--ingangsdatum", "01-01-2025", "--datum", "30-09-2024")
    zs("aanbesteding", "optie-laten-vervallen", K, "1", "--datum", "01-10-2025", "--actor", "contractmanager",
       "--reden", "Niet verlengen (verzonnen)")
    [p] = volledig(zs)["percelen"]
    assert [o["status"] for o in p["contract"]["opties"]] == ["vervallen", "vervallen"]
    geweigerd(zs, "aanbesteding", "optie-uitoefenen", K, "1", "--datum", "02-10-2025",
              melding="Optie 1 van perceel Basisondersteuning kan niet worden uitgeoefend: vervallen: op "
                      "1 oktober 2025 besloten niet te verlengen.")


def test_ingangsdatum_voor_de_gunning_wordt_geweigerd(zs):
    tot_standstill(zs)
    zs("aanbesteding", "gunnen", K, "--datum", "27-09-2024")
    geweigerd(zs, "aanbesteding", "contract", K, "--ingangsdatum", "01-09-2024", "--datum", "30-09-2024",
              melding="De ingangsdatum 1 september 2024 ligt voor de definitieve gunning (27 september 2024).")


# --- branches --------------------------------------------------------------------------------------


def test_geen_kandidaat_voldoet_dan_wordt_de_procedure_ingetrokken(zs):
    tot_selectie(zs)
    zs("aanbesteding", "aanmelding", K, "Zorgcombinatie Twente", "--datum", "01-08-2023")
    zs("aanbesteding", "afwijzen", K, "Zorgcombinatie Twente", "--reden", "Geen referenties", "--datum", "01-09-2023")
    geweigerd(zs, "aanbesteding", "stap", K, "dialoog_starten", "--datum", "02-09-2023",
              melding="Geen kandidaat voor perceel Basisondersteuning voldoet aan de eisen (1 aangemeld, geen "
                      "toegelaten); zonder kandidaat geen dialoog: trek de procedure in")
    zonder_reden = zs("aanbesteding", "intrekken", K, "--datum", "02-09-2023", ok=False)
    assert zonder_reden.exit_code == 1 and "Intrekken vraagt een reden" in zonder_reden.stderr
    zs("aanbesteding", "intrekken", K, "--datum", "02-09-2023", "--reden", "Geen kandidaat voldoet aan de eisen")
    [rij] = zs.json("aanbesteding", "rapport")
    assert (rij["fase"], rij["afgerond"], rij["aantallen"]["afgewezen"]) == ("ingetrokken", True, 1)
    assert "Zorgcombinatie" not in json.dumps(rij)
    geweigerd(zs, "aanbesteding", "aanmelding", K, "Laatkomer", "--datum", "03-09-2023",
              melding="'aanbesteding aanmelding' kan alleen in fase 'selectiefase'; perceel Basisondersteuning is "
                      "in fase 'ingetrokken'")


def test_een_partij_die_niet_voldoet_sluit_de_kandidaat_uit(zs):
    tot_inschrijving(zs)
    zs("aanbesteding", "inschrijving", K, WIJKRACHT, "--datum", "13-05-2024")
    zs("aanbesteding", "stap", K, "beoordeling_starten", "--datum", "15-05-2024")
    geweigerd(zs, "aanbesteding", "gunningsbeslissing", K, "--winnaar", WIJKRACHT, "--datum", "16-05-2024",
              melding="Nog niet alle partijen van Wijkracht Hengelo zijn geverifieerd; nog te doen: Wijkracht, Aveleijn")
    zs("aanbesteding", "verificatie", K, WIJKRACHT, "--partij", "Tactus", "--instrument", "KIT", "--voldoet-niet",
       "--reden", "Integriteitsscreening niet doorstaan (verzonnen)", "--datum", "01-07-2024")
    [p] = volledig(zs)["percelen"]
    assert p["kandidaten"][0]["status"] == "uitgesloten" and p["aantallen"]["uitgesloten"] == 1
    geweigerd(zs, "aanbesteding", "gunningsbeslissing", K, "--winnaar", WIJKRACHT, "--datum", "02-07-2024",
              melding="Wijkracht Hengelo kan niet gegund worden: uitgesloten.")
    assert zs.json("aanbesteding", "rapport")[0]["aantallen"]["uitgesloten"] == 1


def test_percelen_worden_elk_afzonderlijk_gegund(zs):
    registreer(zs, "PERC-1", "--perceel", "Noord", "--perceel", "Zuid")
    z = zs.json("aanbesteding", "stap", "PERC-1", "selectieleidraad_publiceren", "--datum", "01-02-2023")
    assert [p["fase"] for p in z["percelen"]] == ["selectiefase", "selectiefase"]
    zonder = zs("aanbesteding", "aanmelding", "PERC-1", "A", "--datum", "02-02-2023", ok=False)
    assert "heeft 2 percelen; noem er een met --perceel (Noord, Zuid)" in zonder.stderr
    for perceel, naam in (("Noord", "A"), ("Zuid", "B")):
        zs("aanbesteding", "aanmelding", "PERC-1", naam, "--perceel", perceel, "--datum", "02-02-2023")
        zs("aanbesteding", "toelaten", "PERC-1", naam, "--perceel", perceel, "--datum", "03-02-2023")
    zs("aanbesteding", "stap", "PERC-1", "dialoog_starten", "--datum", "04-02-2023")
    zs("aanbesteding", "dialoogsessie", "PERC-1", "--perceel", "Noord", "--onderwerp", "x", "--deelnemer", "A",
       "--datum", "05-02-2023")
    fout = zs("aanbesteding", "dialoogsessie", "PERC-1", "--perceel", "Noord", "--onderwerp", "x",
              "--deelnemer", "B", "--datum", "05-02-2023", ok=False)
    assert "'B' heeft zich niet aangemeld voor perceel Noord; aangemeld: A." in fout.stderr
    z = zs.json("aanbesteding", "inschrijfleidraad", "PERC-1", "--perceel", "Noord", "--sluitingsdatum", "01-03-2023",
                "--datum", "06-02-2023")
    assert [(p["perceel"], p["fase"]) for p in z["percelen"]] == [("Noord", "inschrijvingsfase"),
                                                                  ("Zuid", "dialoogfase")]
    zs("aanbesteding", "intrekken", "PERC-1", "--perceel", "Zuid", "--reden", "Geen dialoog", "--datum", "07-02-2023")
    rijen = zs.json("aanbesteding", "rapport")
    assert [(r["perceel"], r["fase"]) for r in rijen] == [("Noord", "inschrijvingsfase"), ("Zuid", "ingetrokken")]


# --- input that must never be stored --------------------------------------------------------------


def niet_geregistreerd(zs, *args, melding: str):
    result = zs("aanbesteding", "registreer", "NIEUW-1", "--max-kandidaten", "2", "--datum", "10-01-2023", *args,
                ok=False)
    assert result.exit_code == 1, result.output
    assert melding in result.stderr and "Traceback" not in result.output
    assert "Aanbesteding NIEUW-1 bestaat niet." in zs("aanbesteding", "toon", "NIEUW-1", ok=False).stderr
    assert zs.json("aanbesteding", "rapport") == []


GELDIG = {"--titel": "Schoonmaak", "--procedure": "concurrentiegerichte-dialoog", "--perceel": "Noord",
          "--looptijd": "4"}


def met(**anders) -> list[str]:
    """The options of a valid registration, with some replaced."""
    opties = {**GELDIG, **{f"--{k}": v for k, v in anders.items()}}
    return [x for k, v in opties.items() for x in (k, v)]


def test_looptijd_en_opties_samen_ten_hoogste_30_jaar(zs):
    niet_geregistreerd(zs, *met(looptijd="999999"),
                       melding="Een contract van 999999 jaar (looptijd en opties samen) is te lang: ten hoogste 30 jaar.")
    niet_geregistreerd(zs, *met(looptijd="20"), "--optie", "6", "--optie", "5",
                       melding="Een contract van 31 jaar (looptijd en opties samen) is te lang")


def test_het_langste_contract_loopt_door_tot_in_de_projectie(zs):
    # 20 + 5 + 5 = 30 jaar, the longest accepted.
    tot_standstill(zs, looptijd=("--looptijd", "20", "--optie", "5", "--optie", "5"))
    zs("aanbesteding", "gunnen", K, "--datum", "27-09-2024")
    z = zs.json("aanbesteding", "contract", K, "--ingangsdatum", "01-01-2025", "--datum", "30-09-2024")
    c = z["percelen"][0]["contract"]
    assert (c["einddatum"], c["maximale_einddatum"]) == ("2044-12-31", "2054-12-31")
    zs("aanbesteding", "optie-uitoefenen", K, "1", "--datum", "01-10-2024")
    zs("projecties", "bijwerken")
    [rij] = zs.json("aanbesteding", "rapport")
    assert (rij["fase"], rij["contract"]["einddatum"]) == ("gecontracteerd", "2049-12-31")
    assert "20 + 5 + 5 jaar (ten hoogste 30)" in zs("aanbesteding", "toon", K).stdout
    assert ("Contract tekenen (ingangsdatum, looptijd en opties) — aanbesteding HGL-BO-2023\n"
            "     Definitief gegund → Contract getekend; loopt 1 januari 2025 t/m 31 december 2044, 20 + 5 + 5 jaar "
            "(ten hoogste 30); met alle opties t/m 31 december 2054") in zs("aanbesteding", "tijdlijn", K).stdout


def test_alleen_procedures_uit_de_eigen_map(zs):
    for naam in ("../definities/raadsvoorstel", "raadsvoorstel", "concurrentiegerichte-dialoog/../x", ""):
        niet_geregistreerd(zs, *met(procedure=naam),
                           melding=f"Onbekende procedure '{naam}'. Bekende procedures: concurrentiegerichte-dialoog.")


@pytest.mark.parametrize("opties, melding", [
    (met(perceel=""), "Een perceel heeft een naam; --perceel is leeg."),
    (met(perceel="  "), "Een perceel heeft een naam; --perceel is leeg."),
    (met(titel=" "), "Een aanbesteding heeft een titel nodig (--titel)."),
])
def test_lege_tekst_bij_registreren_wordt_geweigerd(zs, opties, melding):
    niet_geregistreerd(zs, *opties, melding=melding)


def test_lege_tekst_voor_kandidaten_en_dialoog_wordt_geweigerd(zs):
    registreer(zs)
    zs("aanbesteding", "stap", K, "marktconsultatie_starten", "--datum", "01-02-2023")
    geweigerd(zs, "aanbesteding", "marktconsultatie", K, "--omschrijving", " ", "--deelnemers", "3",
              "--datum", "14-02-2023", melding="Geef de bijeenkomst een omschrijving")
    zs("aanbesteding", "stap", K, "selectieleidraad_publiceren", "--datum", "03-07-2023")
    geweigerd(zs, "aanbesteding", "aanmelding", K, "", "--datum", "21-08-2023",
              melding="Een aanmelding noemt de kandidaat.")
    geweigerd(zs, "aanbesteding", "aanmelding", K, "  ", "--datum", "21-08-2023",
              melding="Een aanmelding noemt de kandidaat.")
    geweigerd(zs, "aanbesteding", "aanmelding", K, WIJKRACHT, "--partij", "Wijkracht", "--partij", " ",
              "--datum", "21-08-2023", melding="Een partij van Wijkracht Hengelo heeft een naam; --partij is leeg.")
    zs("aanbesteding", "aanmelding", K, WIJKRACHT, "--datum", "21-08-2023")
    zs("aanbesteding", "aanmelding", K, "Zorgcombinatie Twente", "--datum", "22-08-2023")
    geweigerd(zs, "aanbesteding", "toelaten", K, "", "--datum", "02-10-2023",
              melding="Noem de kandidaat; aangemeld voor perceel Basisondersteuning: Wijkracht Hengelo, "
                      "Zorgcombinatie Twente.")
    geweigerd(zs, "aanbesteding", "afwijzen", K, "Zorgcombinatie Twente", "--reden", " ", "--datum", "02-10-2023",
              melding="Afwijzen vraagt een reden (--reden)")
    zs("aanbesteding", "toelaten", K, WIJKRACHT, "--datum", "02-10-2023")
    zs("aanbesteding", "afwijzen", K, "Zorgcombinatie Twente", "--reden", "Voldoet niet", "--datum", "02-10-2023")
    zs("aanbesteding", "stap", K, "dialoog_starten", "--datum", "09-10-2023")
    geweigerd(zs, "aanbesteding", "dialoogsessie", K, "--onderwerp", "", "--deelnemer", WIJKRACHT,
              "--datum", "07-11-2023", melding="Een dialoogsessie heeft een onderwerp (--onderwerp).")
    geweigerd(zs, "aanbesteding", "dialoogsessie", K, "--onderwerp", "Scope", "--deelnemer", WIJKRACHT,
              "--kernwaarde", " ", "--datum", "07-11-2023",
              melding="Een uitkomst (kernwaarden) is leeg; vul haar in of laat haar weg.")
    z = zs.json("aanbesteding", "dialoogsessie", K, "--onderwerp", "  Scope ", "--deelnemer", WIJKRACHT,
                "--datum", "07-11-2023")
    assert z["percelen"][0]["fase"] == "dialoogfase"
    assert volledig(zs)["percelen"][0]["dialoogsessies"][0]["onderwerp"] == "Scope"


def test_aantallen_in_enkelvoud_en_meervoud(zs):
    registreer(zs, max_kandidaten="1")
    zs("aanbesteding", "stap", K, "marktconsultatie_starten", "--datum", "01-02-2023")
    uit = zs("aanbesteding", "marktconsultatie", K, "--omschrijving", "Startbijeenkomst", "--deelnemers", "1",
             "--datum", "14-02-2023").stdout
    assert "Marktconsultatie 'Startbijeenkomst' vastgelegd (1 deelnemer)." in uit
    zs("aanbesteding", "marktconsultatie", K, "--omschrijving", "Vervolg", "--deelnemers", "30", "--datum", "14-03-2023")
    toon = zs("aanbesteding", "toon", K).stdout
    assert "ten hoogste 1 kandidaat per perceel" in toon
    assert "14 februari 2023: Startbijeenkomst, 1 deelnemer\n" in toon and "Vervolg, 30 deelnemers" in toon
    assert "1 perceel; namen van kandidaten" in zs("aanbesteding", "rapport").stdout
    registreer(zs, "PERC-2", "--perceel", "Noord", "--perceel", "Zuid")
    assert "3 percelen; namen van kandidaten" in zs("aanbesteding", "rapport").stdout
    assert "ten hoogste 2 kandidaten per perceel" in zs("aanbesteding", "toon", "PERC-2").stdout


@pytest.mark.parametrize("score", ["nan", "inf", "-5", "1e400"])
def test_een_score_is_een_eindig_getal_van_nul_of_meer(zs, score):
    tot_selectie(zs)
    zs("aanbesteding", "aanmelding", K, WIJKRACHT, "--datum", "21-08-2023")
    voor = geschiedenis(zs)
    r = zs("aanbesteding", "toelaten", K, WIJKRACHT, "--score", score, "--datum", "02-10-2023", ok=False)
    assert r.exit_code == 2 and "is geen score" in r.stderr
    assert geschiedenis(zs) == voor
