"""Termijnberekening. Elke verwachte datum is met de hand uitgerekend (zie commentaar)."""

from datetime import date

import pytest

from domain.termijnen import (
    ART_2_REDEN,
    Eenheid,
    Feestdagenkalender,
    Soort,
    Telling,
    Termijnregel,
    bereken_termijn,
    paasdatum,
)

TER_INZAGE = Termijnregel(6, Eenheid.WEKEN, Telling.ZELFDE_DAG, Soort.WETTELIJK)  # Awb 3:16
BEZWAAR = Termijnregel(6, Eenheid.WEKEN, Telling.DAG_ERNA, Soort.WETTELIJK)  # Awb 6:8
DRIE_DAGEN_ERNA = Termijnregel(3, Eenheid.DAGEN, Telling.DAG_ERNA, Soort.WETTELIJK)
ALCATEL = Termijnregel(20, Eenheid.DAGEN, Telling.DAG_ERNA, Soort.KALENDER)  # Aw 2012 art. 2.127


def stappen(termijn):
    return [(v.van, v.naar) for v in termijn.verschuivingen]


def redenen(termijn):
    return [v.reden for v in termijn.verschuivingen]


# --- Awb 3:16 en 6:8: de gewone telling ------------------------------------------------


def test_ter_inzage_hart_van_zuid():
    # Wo 30-06-2021 telt mee: 30-06 + 42 dagen - 1 = di 10-08-2021, een werkdag.
    t = bereken_termijn(TER_INZAGE, date(2021, 6, 30))
    assert t.eerste_dag == date(2021, 6, 30)
    assert t.onverlengd_einde == t.einde == date(2021, 8, 10)
    assert t.verschuivingen == ()


def test_bezwaar_begint_de_dag_na_bekendmaking():
    # Bekendmaking do 27-10-2022; termijn loopt vanaf vr 28-10; 27-10 + 42 = do 08-12-2022.
    t = bereken_termijn(BEZWAAR, date(2022, 10, 27))
    assert t.eerste_dag == date(2022, 10, 28)
    assert t.einde == date(2022, 12, 8)
    assert t.verschuivingen == ()


def test_termijn_in_dagen():
    # Wmo-beschikking binnen 2 weken = 14 dagen; ook als dagen geteld: aanvraag ma 2-3-2026.
    # ZELFDE_DAG: 2-3 + 14 - 1 = zo 15-3 -> ma 16-3; DAG_ERNA: 2-3 + 14 = ma 16-3.
    zelfde = Termijnregel(14, Eenheid.DAGEN, Telling.ZELFDE_DAG, Soort.WETTELIJK)
    erna = Termijnregel(14, Eenheid.DAGEN, Telling.DAG_ERNA, Soort.WETTELIJK)
    assert bereken_termijn(zelfde, date(2026, 3, 2)).onverlengd_einde == date(2026, 3, 15)
    assert bereken_termijn(zelfde, date(2026, 3, 2)).einde == date(2026, 3, 16)
    assert bereken_termijn(erna, date(2026, 3, 2)).einde == date(2026, 3, 16)


# --- Atw art. 1: eindigt op zaterdag, zondag of feestdag --------------------------------


def test_einde_op_zaterdag_schuift_naar_maandag():
    # Wmo-melding za 27-06-2026, onderzoek 6 weken vanaf de dag erna: 27-06 + 42 = za 08-08-2026.
    # Za 8 en zo 9 augustus vallen af -> ma 10-08-2026.
    t = bereken_termijn(BEZWAAR, date(2026, 6, 27))
    assert t.onverlengd_einde == date(2026, 8, 8)
    assert t.einde == date(2026, 8, 10)
    assert redenen(t) == ["8 augustus 2026 is een zaterdag", "9 augustus 2026 is een zondag"]
    assert stappen(t) == [(date(2026, 8, 8), date(2026, 8, 9)), (date(2026, 8, 9), date(2026, 8, 10))]


def test_einde_op_5_mei_2026():
    # Bekendmaking di 24-03-2026 + 42 = di 05-05-2026 (5 mei) -> wo 06-05-2026.
    t = bereken_termijn(BEZWAAR, date(2026, 3, 24))
    assert t.onverlengd_einde == date(2026, 5, 5)
    assert t.einde == date(2026, 5, 6)
    assert redenen(t) == ["5 mei 2026 is een algemeen erkende feestdag (5 mei)"]


def test_5_mei_is_elk_jaar_feestdag_ook_buiten_lustrumjaar():
    # 5 mei 2027 is een woensdag; 6 mei 2027 is Hemelvaartsdag (Pasen 28-03 + 39),
    # 7 mei 2027 gelijkgesteld, 8-9 mei weekend -> een termijn die op 5 mei eindigt loopt tot ma 10-05-2027.
    kalender = Feestdagenkalender.standaard()
    assert kalender.is_vrije_dag(date(2027, 5, 5))
    t = bereken_termijn(BEZWAAR, date(2027, 3, 24))  # wo 24-03-2027 + 42 = wo 05-05-2027
    assert t.onverlengd_einde == date(2027, 5, 5)
    assert t.einde == date(2027, 5, 10)
    assert len(t.verschuivingen) == 5
    assert redenen(t)[1] == "6 mei 2027 is een algemeen erkende feestdag (Hemelvaartsdag)"


def test_einde_op_goede_vrijdag_2026():
    # Pasen 2026 = 5 april. Bekendmaking vr 20-02-2026 + 42 = vr 03-04-2026 (Goede Vrijdag).
    # Vr 3 (Goede Vrijdag), za 4, zo 5, ma 6 (tweede Paasdag) vallen af -> di 07-04-2026.
    t = bereken_termijn(BEZWAAR, date(2026, 2, 20))
    assert t.onverlengd_einde == date(2026, 4, 3)
    assert t.einde == date(2026, 4, 7)
    assert redenen(t) == [
        "3 april 2026 is Goede Vrijdag, bij art. 3 lid 2 Atw gelijkgesteld met een algemeen erkende feestdag",
        "4 april 2026 is een zaterdag",
        "5 april 2026 is een zondag",
        "6 april 2026 is een algemeen erkende feestdag (tweede Paasdag)",
    ]


def test_einde_op_hemelvaartsdag_2026_slaat_gelijkgestelde_vrijdag_over():
    # Bekendmaking do 02-04-2026 + 42 = do 14-05-2026 (Hemelvaartsdag, Pasen 5-4 + 39).
    # Vr 15-05 is bij besluit gelijkgesteld, dan het weekend -> ma 18-05-2026.
    t = bereken_termijn(BEZWAAR, date(2026, 4, 2))
    assert t.onverlengd_einde == date(2026, 5, 14)
    assert t.einde == date(2026, 5, 18)
    assert redenen(t)[1].startswith("15 mei 2026 is bij besluit gelijkgesteld met een algemeen erkende feestdag")


def test_kerst_2026():
    # Bekendmaking do 12-11-2026 + 42 = do 24-12-2026: geen feestdag, geen verschuiving.
    assert bereken_termijn(BEZWAAR, date(2026, 11, 12)).einde == date(2026, 12, 24)
    # Bekendmaking vr 13-11-2026 + 42 = vr 25-12-2026 (eerste Kerstdag);
    # za 26 (tweede Kerstdag), zo 27 -> ma 28-12-2026.
    t = bereken_termijn(BEZWAAR, date(2026, 11, 13))
    assert t.einde == date(2026, 12, 28)
    assert redenen(t)[0] == "25 december 2026 is een algemeen erkende feestdag (eerste Kerstdag)"


def test_gelijkgestelde_dag_na_nieuwjaar_2026():
    # Bekendmaking do 20-11-2025 + 42 = do 01-01-2026 (Nieuwjaarsdag); vr 02-01-2026 gelijkgesteld,
    # za 3, zo 4 -> ma 05-01-2026.
    t = bereken_termijn(BEZWAAR, date(2025, 11, 20))
    assert t.onverlengd_einde == date(2026, 1, 1)
    assert t.einde == date(2026, 1, 5)
    assert redenen(t)[1] == (
        "2 januari 2026 is bij besluit gelijkgesteld met een algemeen erkende feestdag (dag na Nieuwjaarsdag)"
    )


# --- Atw art. 2: ten minste twee werkdagen in een termijn van drie dagen of meer -------


def test_art_2_niet_nodig_als_art_1_al_genoeg_werkdagen_geeft():
    # 3 dagen vanaf do 02-04-2026 zelf: do 2, vr 3 (Goede Vrijdag), za 4 -> einde za;
    # art. 1: za 4, zo 5, ma 6 (tweede Paasdag) vallen af -> di 07-04-2026.
    # Werkdagen in 2..7 april: do 2 en di 7 = twee, dus art. 2 voegt niets toe.
    regel = Termijnregel(3, Eenheid.DAGEN, Telling.ZELFDE_DAG, Soort.WETTELIJK)
    t = bereken_termijn(regel, date(2026, 4, 2))
    assert t.onverlengd_einde == date(2026, 4, 4)
    assert t.einde == date(2026, 4, 7)
    assert not any("art. 2" in r for r in redenen(t))


def test_art_2_verlengt_verder_dan_art_1():
    # Gebeurtenis do 24-12-2026, 3 dagen vanaf de dag erna: vr 25 (eerste Kerstdag),
    # za 26 (tweede Kerstdag), zo 27 -> art. 1: ma 28-12. Werkdagen in 25..28: alleen ma 28.
    # Art. 2 eist er twee -> di 29-12-2026.
    t = bereken_termijn(DRIE_DAGEN_ERNA, date(2026, 12, 24))
    assert t.eerste_dag == date(2026, 12, 25)
    assert t.onverlengd_einde == date(2026, 12, 27)
    assert t.einde == date(2026, 12, 29)
    assert stappen(t) == [(date(2026, 12, 27), date(2026, 12, 28)), (date(2026, 12, 28), date(2026, 12, 29))]
    assert redenen(t)[0] == "27 december 2026 is een zondag"
    assert redenen(t)[1].startswith(ART_2_REDEN)
    assert "25 december 2026 tot en met 28 december 2026" in redenen(t)[1]


def test_art_2_geldt_niet_voor_termijn_korter_dan_drie_dagen():
    # 2 dagen vanaf do 24-12-2026: vr 25, za 26 -> art. 1: zo 27 valt af -> ma 28-12-2026; art. 2 niet.
    regel = Termijnregel(2, Eenheid.DAGEN, Telling.DAG_ERNA, Soort.WETTELIJK)
    assert bereken_termijn(regel, date(2026, 12, 24)).einde == date(2026, 12, 28)


# --- Kalendertermijnen -----------------------------------------------------------------


def test_alcatel_termijn_verschuift_nooit():
    # Gunningsbeslissing verstuurd ma 02-09-2024; 20 kalenderdagen vanaf de dag erna:
    # 02-09 + 20 = zo 22-09-2024, en daar blijft het.
    t = bereken_termijn(ALCATEL, date(2024, 9, 2))
    assert t.einde == t.onverlengd_einde == date(2024, 9, 22)
    assert t.verschuivingen == ()


# --- Opschorting en verlenging ---------------------------------------------------------


def test_opschorting_van_tien_dagen():
    # Di 10-08-2021 + 10 dagen = vr 20-08-2021, een werkdag.
    t = bereken_termijn(TER_INZAGE, date(2021, 6, 30), extra_dagen=10)
    assert t.extra_dagen == 10
    assert t.einde == t.onverlengd_einde == date(2021, 8, 20)


def test_opschorting_die_op_zaterdag_uitkomt_wordt_door_de_atw_verlengd():
    # Di 10-08-2021 + 11 dagen = za 21-08-2021 -> ma 23-08-2021.
    t = bereken_termijn(TER_INZAGE, date(2021, 6, 30), extra_dagen=11)
    assert t.onverlengd_einde == date(2021, 8, 21)
    assert t.einde == date(2021, 8, 23)


def test_negatieve_extra_dagen_geweigerd():
    with pytest.raises(ValueError):
        bereken_termijn(TER_INZAGE, date(2021, 6, 30), extra_dagen=-1)


# --- Termijnregel ----------------------------------------------------------------------


def test_lengte_nul_geweigerd():
    with pytest.raises(ValueError, match="ten minste 1"):
        Termijnregel(0, Eenheid.WEKEN, Telling.ZELFDE_DAG, Soort.WETTELIJK)


def test_regel_uit_data_en_onbekende_waarde():
    assert Termijnregel(6, "weken", "dag_erna", "wettelijk") == BEZWAAR
    with pytest.raises(ValueError, match="kies uit"):
        Termijnregel(6, "maanden", "dag_erna", "wettelijk")


def test_beschrijving():
    assert TER_INZAGE.beschrijving() == (
        "6 weken, te rekenen vanaf de dag van de gebeurtenis (wettelijke termijn, Algemene termijnenwet)"
    )
    assert BEZWAAR.beschrijving() == (
        "6 weken, te rekenen vanaf de dag na de gebeurtenis (wettelijke termijn, Algemene termijnenwet)"
    )
    assert ALCATEL.beschrijving() == "20 dagen, te rekenen vanaf de dag na de gebeurtenis (kalenderdagen)"
    assert Termijnregel(1, "weken", "dag_erna", "kalender").beschrijving().startswith("1 week,")


# --- Feestdagenkalender ----------------------------------------------------------------


@pytest.mark.parametrize(
    "jaar, pasen",
    [(2021, date(2021, 4, 4)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
     (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28))],
)
def test_paasdatum(jaar, pasen):
    assert paasdatum(jaar) == pasen


def test_feestdagen_2026_volledig():
    assert Feestdagenkalender.standaard().feestdagen(2026) == {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 1, 2): "gelijkgestelde dag (dag na Nieuwjaarsdag)",
        date(2026, 4, 3): "Goede Vrijdag",  # Pasen 5-4 - 2
        date(2026, 4, 6): "tweede Paasdag",  # Pasen + 1
        date(2026, 4, 27): "Koningsdag",  # maandag
        date(2026, 5, 5): "5 mei",
        date(2026, 5, 14): "Hemelvaartsdag",  # Pasen + 39
        date(2026, 5, 15): "gelijkgestelde dag (dag na Hemelvaartsdag)",
        date(2026, 5, 25): "tweede Pinksterdag",  # Pasen + 50
        date(2026, 12, 25): "eerste Kerstdag",
        date(2026, 12, 26): "tweede Kerstdag",
    }


def test_koningsdag_op_zondag_wordt_zaterdag():
    # 27 april 2025 is een zondag: Koningsdag is za 26 april 2025.
    kalender = Feestdagenkalender.standaard()
    assert kalender.feestdagen(2025)[date(2025, 4, 26)] == "Koningsdag"
    assert date(2025, 4, 27) not in kalender.feestdagen(2025)
    assert kalender.reden(date(2025, 4, 26)) == "26 april 2025 is een algemeen erkende feestdag (Koningsdag)"


def test_koninginnedag_voor_2014():
    kalender = Feestdagenkalender.standaard()
    assert kalender.feestdagen(2013)[date(2013, 4, 30)] == "Koninginnedag"  # dinsdag
    assert date(2013, 4, 27) not in kalender.feestdagen(2013)
    assert kalender.feestdagen(2006)[date(2006, 4, 29)] == "Koninginnedag"  # 30-04-2006 was een zondag


def test_reden_en_vrije_dag():
    kalender = Feestdagenkalender.standaard()
    assert kalender.reden(date(2026, 12, 24)) is None  # donderdag, geen feestdag
    assert not kalender.is_vrije_dag(date(2026, 12, 24))
    assert kalender.is_vrije_dag(date(2026, 8, 8))  # zaterdag


def test_gelijkgestelde_dagen_uit_de_data():
    kalender = Feestdagenkalender.standaard()
    lijst = [date(2022, 5, 27), date(2023, 4, 28), date(2023, 5, 19), date(2024, 5, 10), date(2024, 12, 27),
             date(2025, 5, 30), date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7), date(2028, 4, 28),
             date(2028, 5, 26)]
    for d in lijst:
        assert d.weekday() < 5, d  # gelijkstellen heeft alleen zin voor een werkdag
        assert kalender.reden(d).startswith(f"{d.day} ") and "bij besluit gelijkgesteld" in kalender.reden(d)


def test_kalender_uitbreidbaar_met_data():
    # Een nieuwe gelijkgestelde dag is een regel data, geen code: vr 11-05-2029 (dag na Hemelvaart).
    kalender = Feestdagenkalender({"gelijkgesteld": [{"datum": date(2029, 5, 11), "noot": "dag na Hemelvaartsdag"}]})
    assert kalender.is_vrije_dag(date(2029, 5, 11))
    regel = Termijnregel(1, Eenheid.DAGEN, Telling.ZELFDE_DAG, Soort.WETTELIJK)
    assert bereken_termijn(regel, date(2029, 5, 11), kalender=kalender).einde == date(2029, 5, 14)
    with pytest.raises(ValueError, match="TOML-datum"):
        Feestdagenkalender({"gelijkgesteld": [{"datum": "2029-05-11"}]})


def test_standaard_kalender_wordt_eenmaal_gelezen():
    assert Feestdagenkalender.standaard() is Feestdagenkalender.standaard()


def test_na_de_laatst_bekende_gelijkgestelde_dagen_waarschuwt_de_berekening():
    # 30 March 2029 + 6 weeks (day after) = Friday 11 May 2029, the day after Hemelvaart: likely to be
    # gelijkgesteld once the decree for 2029 exists, so the engine must say it cannot know yet.
    regel = Termijnregel(6, Eenheid.WEKEN, Telling.DAG_ERNA, Soort.WETTELIJK)
    later = bereken_termijn(regel, date(2029, 3, 30))
    assert later.einde == date(2029, 5, 11)
    assert len(later.opmerkingen) == 1 and "Voor 2029 zijn nog geen gelijkgestelde dagen vastgelegd" in later.opmerkingen[0]
    assert bereken_termijn(regel, date(2027, 3, 30)).opmerkingen == ()
    kalender_termijn = Termijnregel(20, Eenheid.DAGEN, Telling.DAG_ERNA, Soort.KALENDER)
    assert bereken_termijn(kalender_termijn, date(2029, 3, 30)).opmerkingen == ()
