"""`zaakstroom nota`: the Nota zienswijzen of zaak 3261787 (18 mei 2022) with the seed's exact structure."""

from __future__ import annotations

from tests.e2e.hart_van_zuid import (
    HVZ,
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


def nota(zs, *extra: str):
    return zs("nota", HVZ, "--datum", "18-05-2022", "--voorstel", VOORSTEL, *extra)


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

    # Erasure: the published nota is unchanged, the internal one says the data is gone.
    zs("zienswijze", "vergeet-indiener", f"{HVZ}-1", "--reden", "Verzoek indiener (AVG art. 17)")
    assert nota(zs).stdout == anoniem.stdout
    intern = nota(zs, "--intern", "--actor", "griffier").stdout
    assert "Indiener: [gegevens gewist] (kenmerk 3261787-1)" in intern and NAAM not in intern


def test_concept_nota_en_een_zienswijze_die_tot_aanpassing_leidt(zs):
    registreer_en_leg_ter_inzage(zs)
    for ontvangen in ("09-07-2021", "12-07-2021"):
        zs("zienswijze", "indienen", HVZ, "--ontvangen", ontvangen, "--samenvatting", "Minder kamers.",
           "--thema", "hotelprogramma")
    zs("zienswijze", "beantwoorden", f"{HVZ}-2", "--reactie", "Het ZKA-onderzoek geeft 60 tot 80 kamers.",
       "--aanpassing", "het hotel krijgt circa 60 - 80 kamers in plaats van circa 80.")
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


def test_nota_van_een_zaak_die_nooit_ter_inzage_lag_wordt_geweigerd(zs):
    zs("zaak", "registreer", "3467519", "--zaaktype", "raadsvoorstel", "--omschrijving", "Participatie denkkader",
       "--behandelaar", "n.n.b.", "--datum", "29-09-2021")
    fout = zs("nota", "3467519", ok=False)
    assert fout.exit_code == 1 and "Zaak 3467519 is nooit ter inzage gelegd" in fout.stderr
    fout = zs("nota", "123", ok=False)
    assert fout.exit_code == 1 and "Zaak 123 bestaat niet" in fout.stderr
