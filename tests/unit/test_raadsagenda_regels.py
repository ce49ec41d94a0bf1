"""Pure rules of raadsbesluitvorming: agendacodes, sections, politieke markt, inwerkingtreding."""

from datetime import date

import pytest

from domain.besluitvorming import (
    Agendering,
    Besluitvorming,
    PolitiekeMarkt,
    SoortPolitiekeMarkt,
    Uitkomst,
    controleer_agendapunt,
    controleer_agenderen,
    inwerkingtreding,
    lees_agendacode,
    politieke_markt_ontbreekt,
)
from domain.fouten import DomeinFout
from workflow.definitie import definitie


@pytest.mark.parametrize(("tekst", "code"), [("B01", "B01"), ("b01", "B01"), (" c12 ", "C12"), ("D99", "D99"),
                                              ("A02", "A02")])
def test_agendacode_sectieletter_en_twee_cijfers_kleine_letters_worden_hoofdletters(tekst, code):
    assert lees_agendacode(tekst) == code


@pytest.mark.parametrize("tekst", ["E01", "B1", "B001", "01", "B", "BB1", "B 01", "B-01", "", "Ｂ01", "B٠١"])
def test_agendacode_buiten_het_patroon_wordt_geweigerd_met_het_patroon(tekst):
    with pytest.raises(DomeinFout, match=r"past niet in het patroon: sectieletter A, B, C of D gevolgd door twee cijfers"):
        lees_agendacode(tekst)


def test_agendacode_nummering_begint_bij_01():
    with pytest.raises(DomeinFout, match="begint bij 01"):
        lees_agendacode("B00")


def pm(datum: date, soort=SoortPolitiekeMarkt.OORDEELSVORMEND) -> PolitiekeMarkt:
    return PolitiekeMarkt(datum, soort, None, None, True, 5, [], 0, [], datum)


def test_sectie_moet_passen_bij_hamerstuk_of_bespreekstuk():
    leeg = Besluitvorming()
    assert controleer_agendapunt("b01", "hamerstuk", leeg) == "B01"
    assert controleer_agendapunt("C01", "bespreekstuk", leeg) == "C01"
    assert controleer_agendapunt("D01", None, leeg) == "D01"
    with pytest.raises(DomeinFout, match=r"C01 hoort bij sectie C .*een hamerstuk staat in sectie B \(bv. B01\)"):
        controleer_agendapunt("C01", "hamerstuk", leeg)
    with pytest.raises(DomeinFout, match=r"een bespreekstuk staat in sectie C"):
        controleer_agendapunt("D01", "bespreekstuk", leeg)
    with pytest.raises(DomeinFout, match="Sectie A .* vaste punten"):
        controleer_agendapunt("A02", None, leeg)


def test_d_punt_kan_niet_na_een_oordeelsvormende_politieke_markt():
    bv = Besluitvorming(politieke_markten=[pm(date(2022, 10, 4))])
    with pytest.raises(DomeinFout, match="Sectie D is voor voorstellen zonder tussenkomst"):
        controleer_agendapunt("D01", None, bv)
    beeldvormend = Besluitvorming(politieke_markten=[pm(date(2022, 7, 12), SoortPolitiekeMarkt.BEELDVORMEND)])
    assert controleer_agendapunt("D01", None, beeldvormend) == "D01"


RAAD = date(2022, 10, 26)


@pytest.mark.parametrize(
    ("code", "markten", "melding"),
    [
        ("D01", [], None),  # D: zonder politieke markt
        ("B01", [pm(date(2022, 10, 4))], None),
        ("C01", [pm(RAAD)], None),  # the same day counts: the PM was held before the raad took its besluit
        ("C01", [], "er is geen politieke markt gepland"),
        ("B01", [pm(date(2022, 7, 12), SoortPolitiekeMarkt.BEELDVORMEND)], "er was alleen een beeldvormende"),
        ("C01", [pm(date(2022, 10, 27))], "van 27 oktober 2022 valt na 26 oktober 2022"),
    ],
)
def test_raadsbesluit_vraagt_politieke_markt_bij_b_en_c_niet_bij_d(code, markten, melding):
    bv = Besluitvorming(politieke_markten=markten, agenderingen=[Agendering(RAAD, code, date(2022, 10, 4))])
    uitkomst = politieke_markt_ontbreekt(bv, "3261787", RAAD)
    if melding is None:
        assert uitkomst is None
    else:
        assert f"Agendapunt {code}" in uitkomst and melding in uitkomst


@pytest.mark.parametrize(
    ("code", "markten", "melding"),
    [
        ("D01", [], None),
        ("B01", [pm(RAAD)], None),
        ("C01", [], "er is geen politieke markt gepland. Plan eerst de oordeelsvormende politieke markt"),
        ("B01", [pm(date(2022, 7, 12), SoortPolitiekeMarkt.BEELDVORMEND)], "alleen een beeldvormende"),
        ("C01", [pm(date(2022, 10, 27))], "Agendeer het voor een raadsvergadering op of na 27 oktober 2022."),
    ],
)
def test_agenderen_als_b_of_c_vraagt_een_politieke_markt_uiterlijk_op_de_vergaderdatum(code, markten, melding):
    bv = Besluitvorming(politieke_markten=markten)
    agenderen = dict(zaaknummer="3261787", vergaderdatum=RAAD, code=code, behandeling=None, datum=date(2022, 10, 4))
    if melding is None:
        assert controleer_agenderen(bv, None, **agenderen) == code
    else:
        with pytest.raises(DomeinFout, match=melding):
            controleer_agenderen(bv, None, **agenderen)


VOOR_HET_RAADSBESLUIT = {"college", "ter_inzage", "zienswijzen_beoordelen", "politieke_markt", "raad", "aangehouden",
                         "vernietigd"}


@pytest.mark.parametrize("zaaktype", ["raadsvoorstel", "adviesaanvraag"])
def test_elke_status_heeft_een_weg_vooruit(zaaktype):
    d = definitie(zaaktype)
    for t in d.toestanden:
        assert t.eind or any(t.naam in o.van for o in d.overgangen), t.naam


def test_intrekken_kan_in_elke_status_zonder_raadsbesluit_en_alleen_als_ingetrokken():
    overgangen = {o.stap: o for o in definitie("raadsvoorstel").overgangen}
    assert set(overgangen["intrekken"].van) == VOOR_HET_RAADSBESLUIT
    assert overgangen["intrekken"].resultaten == ("ingetrokken",)
    assert "ingetrokken" not in overgangen["afsluiten"].resultaten
    assert not VOOR_HET_RAADSBESLUIT & set(overgangen["afsluiten"].van)


def test_raadsbesluit_zonder_agendapunt_wordt_geweigerd():
    afgedaan = Agendering(RAAD, "B01", date(2022, 10, 4), uitkomst=Uitkomst.AANGEHOUDEN)
    with pytest.raises(DomeinFout, match="staat niet op de agenda van een raadsvergadering"):
        politieke_markt_ontbreekt(Besluitvorming(agenderingen=[afgedaan]), "3261787", RAAD)


@pytest.mark.parametrize(
    ("regel", "bekendmaking", "verwacht"),
    [
        ("dag-na-bekendmaking", date(2022, 11, 2), date(2022, 11, 3)),  # seed 3261787 bp 8 (bekendmaking verzonnen)
        ("dag-na-bekendmaking", date(2022, 12, 31), date(2023, 1, 1)),  # a feestdag: no Atw, it is a day, not a term
        ("dag-na-bekendmaking", date(2022, 11, 4), date(2022, 11, 5)),  # Friday → Saturday
        ("achtste-dag-na-bekendmaking", date(2022, 11, 2), date(2022, 11, 10)),  # Gemeentewet art. 142
    ],
)
def test_inwerkingtreding_volgt_uit_de_bekendmaking(regel, bekendmaking, verwacht):
    assert inwerkingtreding(regel, bekendmaking) == verwacht


def test_onbekende_regel_voor_inwerkingtreding():
    with pytest.raises(DomeinFout, match="kies uit dag-na-bekendmaking"):
        inwerkingtreding("volgende-week", date(2022, 11, 2))
