"""Timeliness of a zienswijze (Awb 3:16 lid 3 → 6:9, 6:10, 6:11), each rule at its boundaries."""

from __future__ import annotations

from datetime import date

import pytest

from domain.fouten import DomeinFout
from domain.ontvankelijkheid import (
    TE_LAAT,
    TE_VROEG,
    TE_VROEG_GEMEEND,
    TIJDIG,
    TIJDIG_PER_POST,
    VERSCHOONBAAR,
    VOOR_BEGIN,
    VOOR_TERMIJN,
    Zienswijzetermijn,
    beoordeel,
    tijdigheid,
    verschoonbaar,
)
from domain.termijnen import Eenheid, Soort, Telling, Termijnregel, bereken_termijn

ZES_WEKEN = Termijnregel(6, Eenheid.WEKEN, Telling.ZELFDE_DAG, Soort.WETTELIJK)


def termijn(ter_inzage: date, ontwerp_sinds: date | None = None) -> Zienswijzetermijn:
    return Zienswijzetermijn.uit(bereken_termijn(ZES_WEKEN, ter_inzage), ontwerp_sinds)


# Hart van Zuid: ter inzage 30 juni t/m 10 augustus 2021 (a Tuesday), ontwerp of 29 juni 2021.
HVZ = termijn(date(2021, 6, 30), date(2021, 6, 29))
# Laid ter inzage on Sunday 4 July 2021: the six weeks end on Saturday 14 August, extended to Monday 16 August.
ZATERDAG = termijn(date(2021, 7, 4), date(2021, 7, 1))


def test_de_termijn_van_de_seed():
    assert (HVZ.eerste_dag, HVZ.einde) == (date(2021, 6, 30), date(2021, 8, 10))
    assert (ZATERDAG.onverlengd_einde, ZATERDAG.einde) == (date(2021, 8, 14), date(2021, 8, 16))


def test_ontvangen_op_de_laatste_dag_is_tijdig():
    o = beoordeel(HVZ, date(2021, 8, 10))
    assert (o.ontvankelijk, o.uitkomst) == (True, TIJDIG)
    assert o.reden == ("Ontvangen op 10 augustus 2021, binnen de zienswijzetermijn van 30 juni 2021 tot en met "
                       "10 augustus 2021: tijdig (Awb 3:16 lid 3 en 6:9 lid 1).")


def test_ontvangen_op_de_eerste_dag_is_tijdig():
    assert beoordeel(HVZ, date(2021, 6, 30)).uitkomst == TIJDIG


def test_ontvangen_de_dag_na_de_laatste_dag_is_te_laat():
    o = beoordeel(HVZ, date(2021, 8, 11))
    assert (o.ontvankelijk, o.uitkomst) == (False, TE_LAAT)
    assert "Ontvangen op 11 augustus 2021, na afloop van de zienswijzetermijn" in o.reden
    assert "tot en met 10 augustus 2021" in o.reden and "Awb 6:11" in o.reden


def test_termijn_eindigt_op_zaterdag_ontvangen_op_maandag_is_tijdig():
    o = beoordeel(ZATERDAG, date(2021, 8, 16))
    assert (o.ontvankelijk, o.uitkomst) == (True, TIJDIG)
    assert "tot en met 16 augustus 2021" in o.reden
    assert "zou op 14 augustus 2021 eindigen" in o.reden and "Algemene termijnenwet" in o.reden
    assert beoordeel(ZATERDAG, date(2021, 8, 14)).uitkomst == TIJDIG


def test_termijn_eindigt_op_zaterdag_ontvangen_op_dinsdag_is_te_laat():
    assert beoordeel(ZATERDAG, date(2021, 8, 17)).uitkomst == TE_LAAT


def test_per_post_op_de_laatste_dag_en_binnen_een_week_ontvangen_is_tijdig():
    o = beoordeel(HVZ, date(2021, 8, 12), verzenddatum=date(2021, 8, 10))
    assert (o.ontvankelijk, o.uitkomst) == (True, TIJDIG_PER_POST)
    assert "Per post verzonden op 10 augustus 2021" in o.reden
    assert "uiterlijk 17 augustus 2021" in o.reden and "Awb 6:9 lid 2" in o.reden


def test_per_post_op_de_laatste_dag_en_op_dag_7_erna_ontvangen_is_tijdig():
    o = beoordeel(HVZ, date(2021, 8, 17), verzenddatum=date(2021, 8, 10))
    assert (o.ontvankelijk, o.uitkomst) == (True, TIJDIG_PER_POST)


def test_per_post_op_de_laatste_dag_en_op_dag_8_erna_ontvangen_is_te_laat():
    o = beoordeel(HVZ, date(2021, 8, 18), verzenddatum=date(2021, 8, 10))
    assert (o.ontvankelijk, o.uitkomst) == (False, TE_LAAT)
    assert "pas ontvangen op 18 augustus 2021" in o.reden and "uiterlijk 17 augustus 2021" in o.reden


def test_per_post_de_dag_na_de_termijn_verzonden_is_te_laat():
    assert beoordeel(HVZ, date(2021, 8, 12), verzenddatum=date(2021, 8, 11)).uitkomst == TE_LAAT


def test_per_post_de_week_telt_vanaf_de_door_de_atw_verlengde_laatste_dag():
    assert beoordeel(ZATERDAG, date(2021, 8, 23), verzenddatum=date(2021, 8, 16)).uitkomst == TIJDIG_PER_POST
    assert beoordeel(ZATERDAG, date(2021, 8, 24), verzenddatum=date(2021, 8, 16)).uitkomst == TE_LAAT


def test_per_post_binnen_de_termijn_ontvangen_is_gewoon_tijdig():
    assert beoordeel(HVZ, date(2021, 7, 9), verzenddatum=date(2021, 7, 8)).uitkomst == TIJDIG


def test_voor_de_termijn_maar_het_ontwerp_bestond_al_is_ontvankelijk():
    o = beoordeel(HVZ, date(2021, 6, 29))
    assert (o.ontvankelijk, o.uitkomst) == (True, VOOR_TERMIJN)
    assert o.reden == ("Ontvangen op 29 juni 2021, vóór het begin van de termijn op 30 juni 2021, maar het ontwerp "
                       "bestond toen al (sinds 29 juni 2021): ontvankelijk (Awb 3:16 lid 3 en 6:10).")


def test_voor_het_ontwerp_bestond_is_niet_ontvankelijk():
    o = beoordeel(HVZ, date(2021, 6, 28))
    assert (o.ontvankelijk, o.uitkomst) == (False, TE_VROEG)
    assert "voordat het ontwerp bestond (sinds 29 juni 2021)" in o.reden


def test_voor_de_termijn_zonder_bekende_ontwerpdatum_wordt_geweigerd():
    with pytest.raises(DomeinFout, match="ontwerp-datum"):
        beoordeel(termijn(date(2021, 6, 30)), date(2021, 6, 29))


def test_verzonden_na_ontvangst_kan_niet():
    with pytest.raises(DomeinFout, match="verzenddatum"):
        beoordeel(HVZ, date(2021, 7, 9), verzenddatum=date(2021, 7, 10))


def test_te_laat_kan_verschoonbaar_worden_verklaard_met_reden():
    te_laat = beoordeel(HVZ, date(2021, 8, 12))
    o = verschoonbaar(te_laat, "Poststoring in Hengelo van 9 t/m 11 augustus", "jurist")
    assert (o.ontvankelijk, o.uitkomst) == (True, VERSCHOONBAAR)
    assert o.reden == "Te laat, maar door jurist verschoonbaar geacht (Awb 6:11): Poststoring in Hengelo van 9 t/m 11 augustus"


def test_verschoonbaar_vraagt_een_reden_en_een_te_late_of_te_vroege_zienswijze():
    with pytest.raises(DomeinFout, match="waarom is de te late indiening verschoonbaar"):
        verschoonbaar(beoordeel(HVZ, date(2021, 8, 12)), "  ", "jurist")
    with pytest.raises(DomeinFout, match="waarom kon de indiener redelijkerwijs menen"):
        verschoonbaar(beoordeel(HVZ, date(2021, 6, 28)), None, "jurist")
    for ontvankelijk in (beoordeel(HVZ, date(2021, 7, 9)), beoordeel(HVZ, date(2021, 6, 29)),
                         verschoonbaar(beoordeel(HVZ, date(2021, 8, 12)), "reden", "jurist"),
                         verschoonbaar(beoordeel(HVZ, date(2021, 6, 28)), "reden", "jurist")):
        with pytest.raises(DomeinFout, match="alleen bij een te late zienswijze .* of bij een te vroege"):
            verschoonbaar(ontvankelijk, "reden", "jurist")


def test_voor_het_ontwerp_maar_redelijkerwijs_gemeend_dat_het_bestond_is_ontvankelijk():
    o = verschoonbaar(beoordeel(HVZ, date(2021, 6, 28)), " Aangekondigd in de krant van 26 juni ", "jurist")
    assert (o.ontvankelijk, o.uitkomst) == (True, TE_VROEG_GEMEEND)
    assert o.reden == ("Ingediend voordat het ontwerp bestond, maar volgens jurist kon de indiener redelijkerwijs "
                       "menen dat het al bestond (Awb 6:10 lid 1 sub b): Aangekondigd in de krant van 26 juni")


# --- Awb 6:9 on its own, as beroepschriften use it too ----------------------------------


def test_tijdigheid_aan_de_grenzen():
    # HVZ: 30 June t/m Tuesday 10 August 2021; posted that day, on time if received by 17 August.
    eerste, einde = HVZ.eerste_dag, HVZ.einde
    assert tijdigheid(eerste, einde, date(2021, 6, 29)) == VOOR_BEGIN
    assert tijdigheid(eerste, einde, date(2021, 6, 30)) == TIJDIG
    assert tijdigheid(eerste, einde, date(2021, 8, 10)) == TIJDIG
    assert tijdigheid(eerste, einde, date(2021, 8, 11)) == TE_LAAT
    assert tijdigheid(eerste, einde, date(2021, 8, 17), date(2021, 8, 10)) == TIJDIG_PER_POST
    assert tijdigheid(eerste, einde, date(2021, 8, 18), date(2021, 8, 10)) == TE_LAAT
    assert tijdigheid(eerste, einde, date(2021, 8, 12), date(2021, 8, 11)) == TE_LAAT
    with pytest.raises(DomeinFout, match="verzenddatum"):
        tijdigheid(eerste, einde, date(2021, 8, 12), date(2021, 8, 13))
