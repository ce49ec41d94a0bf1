"""Reading a population file: encodings, separators, columns, and every row checked with its line number."""

from __future__ import annotations

from datetime import date

import pytest

from domain.fouten import DomeinFout
from domain.overdracht import Wet
from workflow.overdracht_csv import elfproef, lees_populatie
from workflow.overdracht_generator import genereer

PRODUCTEN = ("begeleiding", "dagbesteding", "dagopvang")
KOP = "client;wet;product;indicatie_start;indicatie_einde;latende_aanbieder;toestemming"


def lees(tekst: str, codering: str = "utf-8"):
    return lees_populatie(tekst.encode(codering), PRODUCTEN)


def test_nederlandse_en_iso_datums_en_toestemming():
    inv = lees(f"{KOP}\nA1;Wmo;begeleiding;1-3-2022;31 december 2025;Zorg Oost;ja\n"
               "A2;jeugdwet;Dagbesteding;2023-05-01;1.1.2026;Zorg  Oost;\n"
               "A3;WMO 2015;dagopvang;01-02-2021;31-03-2027;Zorg Oost;Nee\n")
    assert not inv.afgewezen
    a1, a2, a3 = inv.rijen
    assert (a1.wet, a1.indicatie_start, a1.einddatum, a1.toestemming) == (Wet.WMO, date(2022, 3, 1), date(2025, 12, 31),
                                                                         "gegeven")
    assert (a2.wet, a2.product, a2.einddatum, a2.toestemming, a2.latende_aanbieder) == (
        Wet.JEUGDWET, "dagbesteding", date(2026, 1, 1), None, "Zorg Oost")
    assert (a3.wet, a3.toestemming) == (Wet.WMO, "geweigerd")
    assert [r.regel for r in inv.rijen] == [2, 3, 4]


def test_elke_foute_regel_met_regelnummer_en_reden_de_goede_gaan_door():
    inv = lees(f"# commentaar\n{KOP}\n"
               "B1;Wmo;begeleiding;31-02-2024;31-12-2026;Zorg Oost;\n"  # 3: no such date
               "B2;Wlz;begeleiding;01-01-2024;31-12-2026;Zorg Oost;\n"  # 4: unknown wet
               "B3;Wmo;huishoudelijke hulp;01-01-2024;31-12-2026;Zorg Oost;\n"  # 5: not in the overgang
               "B4;Wmo;begeleiding;01-06-2024;31-01-2024;Zorg Oost;\n"  # 6: ends before it starts
               "B5;Wmo;begeleiding;morgen;31-01-2026;Zorg Oost;\n"  # 7: not a date
               "B6;Wmo;begeleiding;01-01-2024;;Zorg Oost;\n"  # 8: no einddatum
               "B7;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;misschien\n"  # 9: consent unknown word
               "B8;Wmo;begeleiding;01-01-2024;31-12-2026\n"  # 10: too few fields
               ";Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;\n"  # 11: no client
               "Jan Jansen;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;\n"  # 12: not a pseudonym
               "123456782;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;\n"  # 13: a BSN
               "\n"
               "OK1;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;ja\n")  # 15
    redenen = {a.regel: a.reden for a in inv.afgewezen}
    assert sorted(redenen) == list(range(3, 14))
    assert "geen bestaande datum" in redenen[3]
    assert "onbekende wet 'Wlz'" in redenen[4]
    assert "valt niet onder de overgang" in redenen[5]
    assert "ligt voor indicatie_start" in redenen[6]
    assert "Onbekende datum" in redenen[7]
    assert "indicatie_einde ontbreekt" in redenen[8]
    assert "toestemming 'misschien'" in redenen[9]
    assert "5 velden, de kopregel 7" in redenen[10]
    assert "pseudoniem) ontbreekt" in redenen[11]
    assert "geen pseudoniem" in redenen[12] and "Jansen" not in redenen[12]
    assert "BSN" in redenen[13] and "123456782" not in redenen[13]
    assert [(r.regel, r.client) for r in inv.rijen] == [(15, "OK1")]
    assert inv.gelezen == 12


def test_dubbele_regels_eerste_telt_en_de_latere_noemt_haar():
    inv = lees(f"{KOP}\nC1;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;ja\n"
               "C1;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;ja\n"
               "C1;Wmo;dagbesteding;01-01-2024;31-12-2027;Zorg Oost;ja\n")
    assert [r.regel for r in inv.rijen] == [2]
    assert [(a.regel, a.reden) for a in inv.afgewezen] == [
        (3, "dubbele regel (gelijk aan regel 2); één regel per cliënt"),
        (4, "cliënt staat al op regel 2; één regel per cliënt"),
    ]


@pytest.mark.parametrize("kop, melding", [
    ("client;wet;product;indicatie_start;latende_aanbieder", "indicatie_einde ontbreekt"),
    (KOP + ";naam", r"persoonsgegevens \(naam\)"),
    ("client;bsn;wet;product;indicatie_start;indicatie_einde;latende_aanbieder;geboortedatum",
     r"persoonsgegevens \(bsn, geboortedatum\)"),
    (KOP + ";opmerking", "Onbekende kolom 'opmerking'"),
    (KOP + ";wet", "meer dan eens"),
])
def test_een_bestand_met_verkeerde_kolommen_wordt_in_zijn_geheel_geweigerd(kop, melding):
    with pytest.raises(DomeinFout, match=melding) as fout:
        lees(f"{kop}\nD1;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;ja;x\n")
    assert "niets geïmporteerd" in str(fout.value)


def test_geen_kopregel():
    with pytest.raises(DomeinFout, match="geen kopregel"):
        lees("# alleen commentaar\n\n")


def test_bom_utf16_en_komma_of_tab_als_scheidingsteken():
    regel = "E1,Wmo,begeleiding,01-01-2024,31-12-2026,Zorg Oost,ja"
    met_bom = lees_populatie(b"\xef\xbb\xbf" + f"{KOP.replace(';', ',')}\n{regel}\n".encode(), PRODUCTEN)
    assert (met_bom.codering, met_bom.scheidingsteken, len(met_bom.rijen)) == ("utf-8-sig", ",", 1)
    utf16 = lees_populatie(f"{KOP.replace(';', chr(9))}\n{regel.replace(',', chr(9))}\n".encode("utf-16"), PRODUCTEN)
    assert (utf16.codering, utf16.scheidingsteken, utf16.rijen[0].client) == ("utf-16", "\t", "E1")


def test_geen_utf8_wordt_geweigerd_met_de_regel_waar_het_misgaat():
    tekst = (f"{KOP}\nF1;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;ja\n"
             "F2;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Ëst;\n")
    with pytest.raises(DomeinFout, match=r"geen UTF-8: byte 0xcb op regel 3"):
        lees_populatie(tekst.encode("cp1252"), PRODUCTEN)


def test_aliassen_van_kolommen_en_optionele_overgangsdatum():
    inv = lees("Clientnummer;Wet;Product;Startdatum;Einddatum;Zorgaanbieder;Toestemming;Overgangsdatum\n"
               "G1;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;ja;02-06-2025\n")
    assert inv.rijen[0].overgangsdatum == date(2025, 6, 2)


def test_synthetisch_herkend_aan_het_commentaar_en_het_sha256():
    p = genereer(aantal=50, seed=3)
    inv = lees_populatie(p.tekst.encode(), PRODUCTEN)
    assert inv.synthetisch and len(inv.rijen) == 50 and not inv.afgewezen
    assert len(inv.sha256) == 64
    assert not lees(f"{KOP}\nH1;Wmo;begeleiding;01-01-2024;31-12-2026;Zorg Oost;ja\n").synthetisch


def test_elfproef():
    assert elfproef("123456782") and not elfproef("123456789") and not elfproef("12345678")
