"""`zaakstroom audit …`: one line format for every part, as an auditor reads it, on SQLite and PostgreSQL."""

from __future__ import annotations

from tests.e2e.hart_van_zuid import HVZ, seed
from tests.e2e.test_aanbesteding import K, WIJKRACHT, registreer, tot_standstill

NAAM = "Henriëtte Vereeniging-Stork"
VERSCHOONBAAR = "Poststoring rond 10 augustus 2021, aangetoond met de poststempel"
PM = "Collegebesluit raadsvoorstel; nota zienswijzen d.d. 18 mei 2022"


def test_geschiedenis_van_hart_van_zuid_bevat_de_inspraak_in_woorden_en_op_volgorde(zs):
    seed(zs, "--naam", NAAM, "--adres", "Marktstraat 41, 7551 DT Hengelo")
    zs("zienswijze", "verschoonbaar", f"{HVZ}-4", "--reden", VERSCHOONBAAR, "--datum", "19-05-2022",
       "--actor", "jurist")
    zs("zienswijze", "beantwoorden", f"{HVZ}-4", "--standaardreactie", "ZKA", "--geen-aanpassing",
       "--datum", "19-05-2022")
    zs("zaak", "stap", HVZ, "zienswijzen_beoordelen", "--datum", "11-08-2021")
    zs("raad", "politieke-markt", HVZ, "04-10-2022", "--soort", "oordeelsvormend", "--datum", "20-09-2022",
       "--reden", PM)

    regels = zs.json("audit", "geschiedenis", HVZ)
    # Every aggregate of the zaak, merged in the order of recording, numbered from 1.
    assert {r["bij"] for r in regels} == {"zaak 3261787", "inspraakdossier 3261787", "zienswijze 3261787-1",
                                          "zienswijze 3261787-2", "zienswijze 3261787-3", "zienswijze 3261787-4"}
    assert [r["volgnummer"] for r in regels] == list(range(1, len(regels) + 1))
    assert [r["geregistreerd"] for r in regels] == sorted(r["geregistreerd"] for r in regels)
    zienswijzen = [(r["bij"], r["label"]) for r in regels if r["aggregaat"]["soort"] == "zienswijze"]
    assert zienswijzen == [
        ("zienswijze 3261787-1", "Zienswijze ingediend"),
        ("zienswijze 3261787-2", "Zienswijze ingediend"),
        ("zienswijze 3261787-3", "Zienswijze ingediend"),
        ("zienswijze 3261787-4", "Overige reactie ingediend"),
        ("zienswijze 3261787-1", "Zienswijze beantwoord"),
        ("zienswijze 3261787-2", "Zienswijze beantwoord"),
        ("zienswijze 3261787-3", "Zienswijze beantwoord"),
        ("zienswijze 3261787-4", "Verschoonbaar verklaard"),
        ("zienswijze 3261787-4", "Zienswijze beantwoord"),
    ]
    # Each zienswijze's line follows its registration in the dossier.
    bijs = [r["bij"] for r in regels]
    assert bijs.index("inspraakdossier 3261787") < bijs.index("zienswijze 3261787-1")
    # Steps are named by the definition: the step's titel, the states' titles.
    [ter_inzage] = [r for r in regels if r.get("stap") == "ter_inzage_leggen"]
    assert (ter_inzage["label"], ter_inzage["omschrijving"]) == (
        "Ontwerp ter inzage leggen",
        "Collegebesluitvorming → Ter inzage (zienswijzetermijn); zienswijzetermijn t/m 10 augustus 2021")
    [verschoonbaar] = [r for r in regels if r["gebeurtenis"] == "verschoonbaar verklaard"]
    assert (verschoonbaar["actor"], verschoonbaar["reden"], verschoonbaar["datum"]) == (
        "jurist", VERSCHOONBAAR, "2022-05-19")
    [eerste] = [r for r in regels if r["bij"] == "zienswijze 3261787-1" and r["gebeurtenis"] == "zienswijze ingediend"]
    assert eerste["details"]["persoonsgegevens"] == "versleuteld"
    assert "indiener_ref" not in eerste["details"] and "indiener_versleuteld" not in eerste["details"]
    assert eerste["omschrijving"].startswith("schriftelijk; thema: hotelprogramma; ontvangen op 9 juli 2021, "
                                             "binnen de zienswijzetermijn")

    uit = zs("audit", "geschiedenis", HVZ)
    tekst = uit.stdout
    assert tekst.startswith("Geschiedenis van zaak 3261787 — Nota van uitgangspunten Hart van Zuid De Koppeling\n")
    assert "van de zaak, het inspraakdossier en 4 zienswijzen, in de volgorde waarin ze zijn vastgelegd" in tekst
    assert ("Verschoonbaar verklaard — zienswijze 3261787-4\n"
            "     alsnog ontvankelijk: te laat, maar verschoonbaar (Awb 6:11)\n"
            "     met ingang van 19 mei 2022; vastgelegd ") in tekst
    # The reason once: not again in the description, not again for the politieke markt recorded with its step.
    assert tekst.count(VERSCHOONBAAR) == 1
    assert tekst.count(PM) == 1
    assert ("Politieke markt gepland — zaak 3261787\n"
            "     oordeelsvormend op 4 oktober 2022; geen spreekrecht\n"
            "     (datum, vastlegging, actor en reden als bij ") in tekst
    # Identities are encrypted in the events and never decrypted for the audit; looking is not recorded either.
    for gegeven in (NAAM, "Marktstraat"):
        assert gegeven not in uit.output and gegeven not in zs("audit", "geschiedenis", HVZ, "--json").stdout
    assert "persoonsgegevens ingezien" not in [r["gebeurtenis"] for r in zs.json("audit", "geschiedenis", HVZ)]


def test_geschiedenis_en_stand_van_een_aanbesteding_binnen_de_vertrouwelijkheid(zs):
    tot_standstill(zs)
    zs("aanbesteding", "gunnen", K, "--datum", "27-09-2024", "--actor", "college", "--reden", "Standstill voorbij")

    raad = zs("audit", "geschiedenis", K)
    tekst = raad.stdout
    assert tekst.startswith(f"Geschiedenis van aanbesteding {K} — Realisatie en doorontwikkeling Basisondersteuning "
                            "(voor de raad: fasen en data, zonder namen)\n")
    assert ("Gunningsbeslissing (voorgenomen gunning) versturen — aanbesteding HGL-BO-2023\n"
            "     Beoordeling en verificatie → Gunningsbeslissing verzonden, standstilltermijn; "
            "standstill t/m 26 september 2024\n"
            "     met ingang van 6 september 2024; vastgelegd ") in tekst
    # The award is public, the candidates, scores, reasons and who typed them are not.
    assert "gegund aan Wijkracht Hengelo" in tekst
    for geheim in ("Zorgcombinatie", "voorgenomen winnaar", "87,5", "Voldoet niet", "Standstill voorbij", "door "):
        assert geheim not in tekst
    regels = zs.json("audit", "geschiedenis", K)
    assert all("actor" not in r and "reden" not in r for r in regels)
    assert [r["label"] for r in regels][:3] == ["Aanbesteding geregistreerd", "Marktconsultatie starten",
                                                "Marktconsultatie"]

    # The full view needs a reason; without one nothing is shown and nothing is recorded.
    for commando in (("audit", "geschiedenis", K), ("audit", "toon", K, "--per", "10-09-2024"),
                     ("aanbesteding", "toon", K), ("aanbesteding", "tijdlijn", K)):
        for reden in ((), ("--reden", "  ")):
            fout = zs(*commando, "--vertrouwelijk", "--actor", "inkoper", *reden, ok=False)
            assert fout.exit_code == 1 and fout.stdout == ""
            assert ("Vertrouwelijke gegevens van een aanbesteding inzien (--vertrouwelijk) vraagt een reden "
                    "(--reden)") in fout.stderr
            assert WIJKRACHT not in fout.output
    assert len(zs.json("audit", "geschiedenis", K)) == len(regels)

    volledig = zs("audit", "geschiedenis", K, "--vertrouwelijk", "--actor", "inkoper", "--reden", "Controle VIC")
    assert "aanbesteding.vertrouwelijk_ingezien" in volledig.stderr and "inkoper" in volledig.stderr
    assert ("Toegelaten tot de dialoog — aanbesteding HGL-BO-2023\n"
            "     Wijkracht Hengelo; selectiescore 87,5\n") in volledig.stdout
    assert "Aanmelding afgewezen — aanbesteding HGL-BO-2023\n     Zorgcombinatie Twente\n" in volledig.stdout
    assert "reden: Voldoet niet aan alle eisen" in volledig.stdout
    # Who looked, when and why is an event of the aanbesteding: the next full history shows it, the raad's not.
    geschiedenis = zs.json("audit", "geschiedenis", K, "--vertrouwelijk", "--actor", "accountant",
                           "--reden", "Jaarrekeningcontrole 2024")
    [inzage] = [r for r in geschiedenis if r["soort"] == "VertrouwelijkIngezien"]
    assert (inzage["label"], inzage["omschrijving"], inzage["actor"], inzage["reden"], inzage["gebeurtenis"]) == (
        "Vertrouwelijke gegevens ingezien", "in de volledige geschiedenis", "inkoper", "Controle VIC",
        "vertrouwelijk ingezien")
    assert len(zs.json("audit", "geschiedenis", K)) == len(regels)
    assert "Vertrouwelijke gegevens ingezien" not in zs("audit", "geschiedenis", K).stdout
    # The timeline is the same lines, by effective date instead of by recording (it also shows the look just made).
    tijdlijn = zs.json("aanbesteding", "tijdlijn", K, "--vertrouwelijk", "--reden", "Controle VIC")["tijdlijn"]
    assert [r for r in sorted(tijdlijn, key=lambda r: r["volgnummer"])][:-1] == geschiedenis
    assert (tijdlijn[-1]["actor"], tijdlijn[-1]["omschrijving"]) == ("accountant", "in de volledige geschiedenis")

    # As it stood during the standstill: no winner for the raad yet; the inkoper sees who would win.
    # The looks were recorded today, so they count in the total, not in the stand of that day.
    toen = zs.json("audit", "toon", K, "--per", "10-09-2024")
    [p] = toen["percelen"]
    assert (toen["soort"], p["fase"], p["gunning_definitief"], "winnaar" in p) == (
        "aanbesteding", "standstill", False, False)
    assert (toen["per"], toen["gebeurtenissen_meegeteld"], toen["gebeurtenissen_totaal"]) == ("2024-09-10", 21, 25)
    tekst = zs("audit", "toon", K, "--per", "10-09-2024").stdout
    assert "Stand per      10 september 2024 (21 van 25 gebeurtenissen)" in tekst
    assert "Gunningsbeslissing verzonden, standstilltermijn [standstill] sinds 6 september 2024" in tekst
    assert WIJKRACHT not in tekst and "87,5" not in tekst
    toen = zs("audit", "toon", K, "--per", "10-09-2024", "--vertrouwelijk", "--reden", "Bezwaar Zorgcombinatie",
              "--actor", "jurist")
    assert WIJKRACHT in toen.stdout
    [inzage] = [r for r in zs.json("audit", "geschiedenis", K, "--vertrouwelijk", "--reden", "Controle VIC")
                if r["soort"] == "VertrouwelijkIngezien" and r["actor"] == "jurist"]
    assert (inzage["omschrijving"], inzage["reden"]) == ("in de volledige weergave per 10 september 2024",
                                                         "Bezwaar Zorgcombinatie")
    [na] = zs.json("audit", "toon", K, "--per", "27-09-2024")["percelen"]
    assert (na["fase"], na["winnaar"]) == ("gegund", WIJKRACHT)
    voor = zs("audit", "toon", K, "--per", "01-01-2020", ok=False)
    assert voor.exit_code == 1 and f"Aanbesteding {K} bestond op 1 januari 2020 nog niet" in voor.stderr


def test_zaaknummer_of_kenmerk_en_een_duidelijke_melding_als_het_geen_van_beide_is(zs):
    registreer(zs, "2023001")  # a kenmerk of digits only: no zaak has that number, so it is the aanbesteding
    assert zs.json("audit", "geschiedenis", "2023001")[0]["bij"] == "aanbesteding 2023001"
    for onbekend in ("3261787", "HGL-XX-1999"):
        for commando in (("geschiedenis", onbekend), ("toon", onbekend, "--per", "01-01-2024")):
            fout = zs("audit", *commando, ok=False)
            assert fout.exit_code == 1
            assert (f"Fout: Er is geen zaak en geen aanbesteding '{onbekend}'. Een zaaknummer bestaat uit cijfers "
                    "(bijvoorbeeld 3261787), een aanbesteding heeft een kenmerk (bijvoorbeeld HGL-BO-2023).") in fout.stderr
    seed(zs)
    fout = zs("audit", "geschiedenis", f"{HVZ}-2", ok=False)
    assert "3261787-2 is het kenmerk van een zienswijze; de geschiedenis staat bij zaak 3261787" in fout.stderr


def test_elke_inzage_van_persoonsgegevens_staat_in_de_geschiedenis_met_wie_en_waarom(zs):
    """zienswijze toon/lijst --intern and nota --intern: each look at an identity is an event on the
    zienswijze, recorded before the identity is shown; without a reason nothing is shown or recorded."""
    seed(zs, "--naam", NAAM)
    voor = len(zs.json("audit", "geschiedenis", HVZ))
    for commando in (("zienswijze", "toon", f"{HVZ}-1"), ("zienswijze", "lijst", HVZ),
                     ("nota", HVZ, "--datum", "18-05-2022")):
        fout = zs(*commando, "--intern", "--actor", "griffier", ok=False)
        assert fout.exit_code == 1 and NAAM not in fout.output and "vraagt een reden (--reden)" in fout.stderr
    assert len(zs.json("audit", "geschiedenis", HVZ)) == voor

    for commando, reden in ((("zienswijze", "toon", f"{HVZ}-1"), "bezwaarschrift"),
                            (("zienswijze", "lijst", HVZ), "brieven aan de indieners"),
                            (("nota", HVZ, "--datum", "18-05-2022"), "interne nota voor de raadsgriffie")):
        assert NAAM in zs(*commando, "--intern", "--actor", "griffier", "--reden", reden).stdout
    inzagen = [(r["bij"], r["label"], r["omschrijving"], r["actor"], r["reden"])
               for r in zs.json("audit", "geschiedenis", HVZ) if r["gebeurtenis"] == "persoonsgegevens ingezien"]
    assert inzagen == [
        ("zienswijze 3261787-1", "Persoonsgegevens van de indiener ingezien", "in de zienswijze", "griffier",
         "bezwaarschrift"),
        ("zienswijze 3261787-1", "Persoonsgegevens van de indiener ingezien",
         "in de lijst van zienswijzen van zaak 3261787", "griffier", "brieven aan de indieners"),
        ("zienswijze 3261787-1", "Persoonsgegevens van de indiener ingezien",
         "in de interne nota zienswijzen d.d. 18 mei 2022", "griffier", "interne nota voor de raadsgriffie"),
    ]
