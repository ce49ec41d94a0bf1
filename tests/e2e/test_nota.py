"""`zaakstroom nota`: the Nota zienswijzen of zaak 3261787 (18 mei 2022) with the seed's exact structure."""

from __future__ import annotations

from datetime import date

from domain.datums import nl_datum
from tests.e2e.hart_van_zuid import (
    HVZ,
    REACTIE_1,
    SAMENVATTING_1,
    STANDAARDREACTIES,
    VOORSTEL,
    registreer_en_leg_ter_inzage,
    seed,
)

INLEIDING = (
    "Na voorafgaande publicatie in het Hengelo’s Weekblad heeft het concept van de Nota van Uitgangspunten Hart van "
    "Zuid Businessdistrict (hierna: de concept NVU) van 30 juni tot en met 10 augustus 2021 ter inzage gelegen. "
    "Binnen de termijn van terinzagelegging zijn drie schriftelijke zienswijzen ingediend."
)
GEEN_AANPASSING = "De zienswijze van indiener geeft geen aanleiding de concept NVU aan te passen."
CONCLUSIE = [
    "De zienswijzen geven geen aanleiding om wijzigingen aan te brengen in het concept van de Nota van Uitgangspunten "
    "Hart van Zuid Businessdistrict.",
    "Thema's: hotelprogramma (3 van de 3). Zienswijzen die tot aanpassing leiden: 0 van de 3. "
    "Vervolgacties: nader onderzoek (indiener 1, 2 en 3).",
    VOORSTEL,
]


def nota(zs, *extra: str, ok: bool = True):
    return zs("nota", HVZ, "--datum", "18-05-2022", "--voorstel", VOORSTEL, *extra, ok=ok)


def test_nota_zienswijzen_van_de_seed_heeft_de_structuur_van_het_origineel(zs):
    seed(zs)
    md = nota(zs).stdout
    regels = md.splitlines()
    # The skeleton: marking, title, the three parts, per indiener the seed's headings in order of receipt.
    assert [r for r in regels if r.startswith(("#", "*", "ANONIEM"))] == [
        "ANONIEM",
        "# Nota zienswijzen d.d. 18 mei 2022",
        "## I INLEIDING",
        "## II SAMENVATTING VAN EN REACTIE OP DE ZIENSWIJZEN",
        "### Indiener 1 d.d. 9 juli 2021", "*Samenvatting en kern van de zienswijze:*", "*Reactie*",
        "### Indiener 2 d.d. 9 juli 2021", "*Samenvatting en kern van de zienswijze:*", "*Reactie*",
        "### Indiener 3 d.d. 12 juli 2021", "*Samenvatting en kern van de zienswijze:*", "*Reactie*",
        "## III CONCLUSIE EN VOORSTEL",
    ]
    assert "Nota van uitgangspunten Hart van Zuid De Koppeling (zaak 3261787)" in regels
    deel_i = md.split("## I INLEIDING\n\n")[1].split("\n\n## II")[0]
    assert deel_i == INLEIDING
    deel_iii = md.split("## III CONCLUSIE EN VOORSTEL\n\n")[1]
    assert deel_iii == "\n\n".join(CONCLUSIE) + "\n"
    assert regels.count(GEEN_AANPASSING) == 3
    # Each entry ends with its conclusion sentence, just before the next heading.
    for kop in ("### Indiener 2 d.d. 9 juli 2021", "### Indiener 3 d.d. 12 juli 2021", "## III CONCLUSIE EN VOORSTEL"):
        assert regels[regels.index(kop) - 2] == GEEN_AANPASSING
    # The standaardreactie on the ZKA study is quoted in full in all three replies; the own text of reply 1 too.
    assert md.count(STANDAARDREACTIES["ZKA"]) == 3
    assert md.count(STANDAARDREACTIES["VEREENIGING"]) == 2
    assert "zodat geen sprake is van onrechtmatig handelen of bedrog." in md
    assert "{{" not in md
    # The late letter of 8 December 2021 is an overige reactie: not in the nota.
    assert "8 december 2021" not in md and "Heemschut" not in md


def test_nota_als_structuur_en_html(zs):
    seed(zs)
    n = zs.json("nota", HVZ, "--datum", "18-05-2022", "--voorstel", VOORSTEL)
    assert (n["titel"], n["markering"], n["anoniem"], n["concept"]) == (
        "Nota zienswijzen d.d. 18 mei 2022", "ANONIEM", True, False)
    assert [(h["nummer"], h["titel"]) for h in n["hoofdstukken"]] == [
        ("I", "INLEIDING"), ("II", "SAMENVATTING VAN EN REACTIE OP DE ZIENSWIJZEN"), ("III", "CONCLUSIE EN VOORSTEL")]
    assert n["hoofdstukken"][0]["alineas"] == [INLEIDING]
    entries = n["hoofdstukken"][1]["zienswijzen"]
    assert [e["kop"] for e in entries] == [
        "Indiener 1 d.d. 9 juli 2021", "Indiener 2 d.d. 9 juli 2021", "Indiener 3 d.d. 12 juli 2021"]
    assert [len(e["samenvatting"]) for e in entries] == [2, 2, 1]
    assert [len(e["reactie"]) for e in entries] == [8, 5, 2]
    assert all("indiener" not in e and "kenmerk" not in e for e in entries)
    assert n["hoofdstukken"][2]["alineas"] == CONCLUSIE

    html = nota(zs, "--html").stdout
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    for stuk in ('<p class="markering">ANONIEM</p>', "<h1>Nota zienswijzen d.d. 18 mei 2022</h1>",
                 "<h2>I INLEIDING</h2>", f"<p>{INLEIDING}</p>",
                 "<h2>II SAMENVATTING VAN EN REACTIE OP DE ZIENSWIJZEN</h2>",
                 "<h3>Indiener 1 d.d. 9 juli 2021</h3>", "<h4>Samenvatting en kern van de zienswijze:</h4>",
                 "<h4>Reactie</h4>", f'<p class="conclusie">{GEEN_AANPASSING}</p>',
                 "<h2>III CONCLUSIE EN VOORSTEL</h2>"):
        assert stuk in html
    assert "college van B&amp;W" in html and "B&W" not in html  # what indieners wrote is escaped


def test_nota_naar_bestand(zs, tmp_path):
    seed(zs)
    pad = tmp_path / "nota.md"
    uit = nota(zs, "--uitvoer", str(pad)).stdout
    assert f"geschreven naar {pad} (anoniem)" in uit
    assert pad.read_text(encoding="utf-8") == nota(zs).stdout


def test_nota_naar_een_map_die_niet_bestaat_schrijft_niets_ook_geen_inzage(zs, tmp_path):
    seed(zs, "--naam", "Iemand")
    voor = zs.json("zienswijze", "toon", f"{HVZ}-1")["geschiedenis"]
    r = nota(zs, "--intern", "--reden", "brieven", "--uitvoer", str(tmp_path / "bestaat-niet" / "nota.md"), ok=False)
    assert r.exit_code == 2 and "bestaat niet" in r.stderr
    assert zs.json("zienswijze", "toon", f"{HVZ}-1")["geschiedenis"] == voor


NAAM = "Henriëtte Vereeniging-Stork"


def test_nota_is_anoniem_en_de_interne_versie_moet_expliciet_worden_gevraagd(zs):
    seed(zs, "--naam", NAAM, "--email", "h.stork@example.nl")
    anoniem = nota(zs)
    assert NAAM not in anoniem.stdout and "example.nl" not in anoniem.stdout
    assert "persoonsgegevens.ingezien" not in anoniem.stderr

    intern = nota(zs, "--intern", "--actor", "griffier", "--reden", "brieven aan indieners")
    assert intern.stdout.startswith("INTERN — bevat persoonsgegevens, niet openbaar maken\n")
    assert f"Indiener: {NAAM}, h.stork@example.nl (kenmerk 3261787-1)" in intern.stdout
    assert "Indiener: (geen persoonsgegevens vastgelegd) (kenmerk 3261787-2)" in intern.stdout
    assert "persoonsgegevens.ingezien" in intern.stderr and "griffier" in intern.stderr
    # The look is recorded on the zienswijze whose identity was shown: who, why, in what.
    [inzage] = [e for e in zs.json("zienswijze", "toon", f"{HVZ}-1")["geschiedenis"]
                if e["gebeurtenis"] == "PersoonsgegevensIngezien"]
    assert (inzage["actor"], inzage["reden"], inzage["wat"]) == (
        "griffier", "brieven aan indieners", "de interne nota zienswijzen d.d. 18 mei 2022")
    assert "PersoonsgegevensIngezien" not in zs("zienswijze", "toon", f"{HVZ}-2").stdout  # nothing to see there

    # Erasure: the nota still renders, the same but for Indiener 1's samenvatting and own reactie text, where the
    # erasure and its day stand; the internal one says so of the identity too.
    zs("zienswijze", "vergeet-indiener", f"{HVZ}-1", "--reden", "Verzoek indiener (AVG art. 17)")
    gewist = f"[gewist op {nl_datum(date.today())}]"
    na = nota(zs).stdout
    assert na.split("### Indiener 2")[1] == anoniem.stdout.split("### Indiener 2")[1]
    assert na.count(gewist) == 2 and SAMENVATTING_1[:60] not in na and REACTIE_1[:60] not in na
    assert (f"*Samenvatting en kern van de zienswijze:*\n\n{gewist}\n\n*Reactie*\n\n{gewist}\n\n"
            f"{STANDAARDREACTIES['VEREENIGING']}\n\n") in na
    intern = nota(zs, "--intern", "--actor", "griffier", "--reden", "controle").stdout
    assert f"Indiener: {gewist} (kenmerk 3261787-1)" in intern and NAAM not in intern
    structuur = zs.json("nota", HVZ, "--datum", "18-05-2022", "--voorstel", VOORSTEL)
    assert [z["kop"] for z in structuur["hoofdstukken"][1]["zienswijzen"]] == [
        "Indiener 1 d.d. 9 juli 2021", "Indiener 2 d.d. 9 juli 2021", "Indiener 3 d.d. 12 juli 2021"]
    assert structuur["hoofdstukken"][2]["alineas"] == CONCLUSIE  # the counts are unchanged


def test_concept_nota_en_een_zienswijze_die_tot_aanpassing_leidt(zs):
    registreer_en_leg_ter_inzage(zs)
    for ontvangen in ("09-07-2021", "12-07-2021"):
        zs("zienswijze", "indienen", HVZ, "--ontvangen", ontvangen, "--samenvatting", "Minder kamers.",
           "--thema", "hotelprogramma")
    zs("zienswijze", "beantwoorden", f"{HVZ}-2", "--reactie", "Het ZKA-onderzoek geeft 60 tot 80 kamers.",
       "--aanpassing", "het hotel krijgt circa 60 - 80 kamers in plaats van circa 80.", "--datum", "18-05-2022")
    n = zs.json("nota", HVZ, "--datum", "18-05-2022")
    assert n["concept"] is True
    [eerste, tweede] = n["hoofdstukken"][1]["zienswijzen"]
    assert (eerste["reactie"], eerste["conclusie"]) == ([], "Deze zienswijze is nog niet beantwoord.")
    assert tweede["conclusie"] == ("De zienswijze van indiener leidt tot aanpassing van de concept NVU: "
                                   "het hotel krijgt circa 60 - 80 kamers in plaats van circa 80.")
    assert n["hoofdstukken"][2]["alineas"] == [
        "Eén van de twee zienswijzen leidt tot aanpassing van het concept van de Nota van Uitgangspunten Hart van "
        "Zuid Businessdistrict: Indiener 2 d.d. 12 juli 2021: het hotel krijgt circa 60 - 80 kamers in plaats van "
        "circa 80. Nog niet beantwoord: Indiener 1 d.d. 9 juli 2021.",
        "Thema's: hotelprogramma (2 van de 2). Zienswijzen die tot aanpassing leiden: 1 van de 2.",
        "Voorgesteld wordt de concept NVU met de genoemde aanpassingen ter vaststelling aan te bieden aan de raad.",
    ]
    assert "**CONCEPT: niet alle zienswijzen zijn beantwoord.**" in zs("nota", HVZ).stdout


def test_de_nota_van_een_dag_blijft_dezelfde_wat_er_later_ook_gebeurt(zs):
    seed(zs)
    zs("zienswijze", "indienen", HVZ, "--ontvangen", "12-08-2021", "--samenvatting", "Te laat, per koerier.",
       "--thema", "parkeren")  # 3261787-5: an overige reactie on 18 May 2022
    md, structuur = nota(zs).stdout, zs.json("nota", HVZ, "--datum", "18-05-2022", "--voorstel", VOORSTEL)

    # After the nota: a new standaardreactie, a new answer to zienswijze 2, the late one verschoonbaar.
    zs("standaardreactie", "toevoegen", HVZ, "PARKEREN", "--tekst", "Er komt een parkeergarage.",
       "--datum", "01-06-2022")
    zs("zienswijze", "beantwoorden", f"{HVZ}-2", "--standaardreactie", "PARKEREN",
       "--aanpassing", "een parkeergarage onder het hotel", "--datum", "01-06-2022")
    zs("zienswijze", "verschoonbaar", f"{HVZ}-5", "--reden", "Koerier bevestigt bezorging op 10 augustus 2021",
       "--datum", "20-06-2022")
    assert nota(zs).stdout == md
    assert zs.json("nota", HVZ, "--datum", "18-05-2022", "--voorstel", VOORSTEL) == structuur

    # The nota of a later day has them.
    later = zs.json("nota", HVZ, "--datum", "01-07-2022")
    assert [e["kop"] for e in later["hoofdstukken"][1]["zienswijzen"]] == [
        "Indiener 1 d.d. 9 juli 2021", "Indiener 2 d.d. 9 juli 2021", "Indiener 3 d.d. 12 juli 2021",
        "Indiener 4 d.d. 12 augustus 2021"]
    assert later["hoofdstukken"][1]["zienswijzen"][1]["reactie"] == ["Er komt een parkeergarage."]
    assert "Na afloop van de termijn is één zienswijze ingediend" in later["hoofdstukken"][0]["alineas"][0]
    # In between: the new answer, not yet the verschoonbaarverklaring.
    tussen = zs.json("nota", HVZ, "--datum", "01-06-2022")
    assert len(tussen["hoofdstukken"][1]["zienswijzen"]) == 3
    assert tussen["hoofdstukken"][2]["alineas"][0].startswith("Eén van de drie zienswijzen leidt tot aanpassing")
    # Before anything came in: no zienswijzen yet, and the term still running.
    vroeg = zs.json("nota", HVZ, "--datum", "01-07-2021")
    assert vroeg["hoofdstukken"][1]["alineas"] == ["Er zijn geen zienswijzen ingediend."]


def test_nota_van_voor_de_ter_inzage_legging_of_uit_de_toekomst_bestaat_niet(zs):
    seed(zs)
    fout = zs("nota", HVZ, "--datum", "29-06-2021", ok=False)
    assert fout.exit_code == 1
    assert "Zaak 3261787 lag op 29 juni 2021 nog niet ter inzage; er is geen nota zienswijzen van die dag." in fout.stderr
    fout = zs("nota", HVZ, "--datum", "01-01-2199", ok=False)
    assert fout.exit_code == 1 and "ligt in de toekomst" in fout.stderr


def test_inleiding_noemt_zienswijzen_van_buiten_de_termijn_die_toch_ontvankelijk_zijn(zs):
    registreer_en_leg_ter_inzage(zs)  # ontwerp of 29 June 2021, ter inzage 30 June t/m 10 August 2021
    for ontvangen, datum in (("29-06-2021", "30-06-2021"), ("28-06-2021", "30-06-2021"), ("27-06-2021", "30-06-2021"),
                             ("12-08-2021", "12-08-2021"), ("09-07-2021", "09-07-2021")):
        zs("zienswijze", "indienen", HVZ, "--ontvangen", ontvangen, "--samenvatting", "Over het hotel.",
           "--datum", datum)
    for kenmerk in ("3261787-2", "3261787-3"):  # te vroeg: the indiener could think the ontwerp existed
        zs("zienswijze", "verschoonbaar", kenmerk, "--reden", "Aangekondigd in een persbericht", "--datum", "01-07-2021")
    zs("zienswijze", "verschoonbaar", f"{HVZ}-4", "--reden", "Poststoring", "--datum", "13-08-2021")
    [inleiding] = zs.json("nota", HVZ, "--datum", "18-05-2022")["hoofdstukken"][0]["alineas"]
    assert inleiding.split("ter inzage gelegen. ")[1] == (
        "Binnen de termijn van terinzagelegging is één schriftelijke zienswijze ingediend. "
        "Daarnaast is vóór het begin van de termijn één zienswijze ingediend toen het ontwerp al bestond; die is "
        "ontvankelijk (Awb 6:10). "
        "Vóór het begin van de termijn zijn twee zienswijzen ingediend voordat het ontwerp bestond, terwijl de "
        "indieners redelijkerwijs konden menen dat het al bestond (Awb 6:10 lid 1 sub b); die zijn hierna "
        "meegenomen. "
        "Na afloop van de termijn is één zienswijze ingediend waarvan de termijnoverschrijding verschoonbaar is "
        "geacht (Awb 6:11); die is hierna meegenomen."
    )


def test_nota_van_een_zaak_die_nooit_ter_inzage_lag_wordt_geweigerd(zs):
    zs("zaak", "registreer", "3467519", "--zaaktype", "raadsvoorstel", "--omschrijving", "Participatie denkkader",
       "--behandelaar", "n.n.b.", "--datum", "29-09-2021")
    fout = zs("nota", "3467519", ok=False)
    assert fout.exit_code == 1 and "Zaak 3467519 is nooit ter inzage gelegd" in fout.stderr
    fout = zs("nota", "123", ok=False)
    assert fout.exit_code == 1 and "Zaak 123 bestaat niet" in fout.stderr
