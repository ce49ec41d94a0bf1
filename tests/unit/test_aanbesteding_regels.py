"""Aanbesteding: phase rules, the Alcatel standstill, contract terms and what the raad may see.

Every expected date is worked out by hand in the comment next to it.
"""

from __future__ import annotations

from datetime import date

import pytest

from domain.aanbesteding import MAX_CONTRACTJAREN, Aanbesteding, Contract, contract_einde, looptijd_tekst
from domain.fouten import DomeinFout
from domain.termijnen import Soort, Telling
from domain.vertrouwelijkheid import raadsweergave
from domain.zaak import LopendeTermijn
from workflow.engine import procedure

CGD = "concurrentiegerichte-dialoog"


def standstill(verzonden: date):
    [record] = procedure(CGD).termijnen_bij_binnenkomst("standstill", verzonden, date(2023, 1, 1))
    spec = LopendeTermijn.uit_record(record)
    return spec, spec.bereken()


# --- the standstill (Aanbestedingswet 2012 art. 2.127) ---------------------------------------


def test_standstill_is_20_kalenderdagen_vanaf_de_dag_na_verzending():
    spec, t = standstill(date(2024, 9, 6))  # vrijdag
    assert (spec.regel.lengte, spec.regel.soort, spec.regel.telling) == (20, Soort.KALENDER, Telling.DAG_ERNA)
    assert "2.127" in spec.grondslag
    # 7 september is dag 1, 26 september (donderdag) dag 20.
    assert (t.eerste_dag, t.einde) == (date(2024, 9, 7), date(2024, 9, 26))


@pytest.mark.parametrize(("verzonden", "einde"), [
    (date(2024, 9, 9), date(2024, 9, 29)),    # ma → zondag 29 september: blijft zondag
    (date(2024, 9, 8), date(2024, 9, 28)),    # zo → zaterdag 28 september: blijft zaterdag
    (date(2024, 12, 5), date(2024, 12, 25)),  # eerste Kerstdag: geen Atw-verlenging voor kalenderdagen
])
def test_standstill_die_op_een_vrije_dag_eindigt_blijft_daar(verzonden, einde):
    _, t = standstill(verzonden)
    assert t.einde == einde
    assert t.verschuivingen == ()


# --- the phases as data -------------------------------------------------------------------


def test_de_fasen_volgen_de_definitie():
    wf = procedure(CGD)
    assert wf.definitie.begintoestand == "voorbereiding"
    vanuit = {t.naam: sorted(o.stap for o in wf.overgangen_vanuit(t.naam)) for t in wf.definitie.toestanden}
    assert vanuit["voorbereiding"] == ["intrekken", "marktconsultatie_starten", "selectieleidraad_publiceren"]
    assert vanuit["standstill"] == ["definitief_gunnen", "intrekken", "kort_geding_aanhangig"]
    # Een kort geding schort de gunning op: vanuit kort_geding kan niet gegund worden.
    assert vanuit["kort_geding"] == ["intrekken", "uitspraak_afgewezen", "uitspraak_toegewezen"]
    assert vanuit["gestart"] == vanuit["ingetrokken"] == []
    [gunnen] = [o for o in wf.definitie.overgangen if o.stap == "definitief_gunnen"]
    assert gunnen.na_termijn == "standstilltermijn"
    assert wf.definitie.toestand("selectiefase").handelingen == ("aanmelding", "toelaten", "afwijzen")


def test_de_machine_wordt_per_versie_eenmaal_gebouwd():
    assert procedure(CGD) is procedure(CGD, 1)
    with pytest.raises(DomeinFout, match="Onbekende procedure 'openbaar'"):
        procedure("openbaar")


@pytest.mark.parametrize("naam", ["../definities/raadsvoorstel", "raadsvoorstel", f"{CGD}/..", f"{CGD}/v1"])
def test_alleen_namen_die_de_proceduremap_noemt(naam):
    # A zaaktype (raadsvoorstel) is no procedure, and a path never reaches the file system.
    with pytest.raises(DomeinFout, match=f"^Onbekende procedure '{naam}'. Bekende procedures: {CGD}.$"):
        procedure(naam)


# --- the aggregate's own rules --------------------------------------------------------------


def nieuw(max_kandidaten: int = 2, looptijd_jaren: int = 4, opties_jaren=(2, 2),
          percelen=("Perceel 1",)) -> tuple[Aanbesteding, object]:
    a = Aanbesteding.registreer(
        kenmerk="T-1", titel="Test", procedure=CGD, procedure_versie=1, percelen=list(percelen),
        max_kandidaten=max_kandidaten, looptijd_jaren=looptijd_jaren, opties_jaren=list(opties_jaren),
        fase="selectiefase", termijnen=[], actor="inkoper", datum=date(2023, 7, 3), reden=None,
    )
    return a, a.perceel(None)


def test_looptijd_en_opties_samen_ten_hoogste_max_contractjaren():
    a, _ = nieuw(looptijd_jaren=20, opties_jaren=[5, 5])
    assert a.looptijd == f"20 + 5 + 5 jaar (ten hoogste {MAX_CONTRACTJAREN})"
    with pytest.raises(DomeinFout, match="Een contract van 31 jaar .* ten hoogste 30 jaar"):
        nieuw(looptijd_jaren=30, opties_jaren=[1])
    with pytest.raises(DomeinFout, match="Een contract van 999999 jaar"):
        nieuw(looptijd_jaren=999999, opties_jaren=[])


def test_de_einddata_van_een_contract_worden_berekend_voordat_het_getekend_is():
    # The CLI reads no year after 2199, but the domain does not rely on that.
    a, p = nieuw()
    with pytest.raises(DomeinFout, match="Een contract van 8 jaar vanaf 1 januari 9995 eindigt na 31 december 9999"):
        a.controleer_contract(p, date(9995, 1, 1))
    a.controleer_contract(p, date(9991, 1, 1))  # 4 + 2 + 2 jaar: t/m 31 december 9998
    assert contract_einde(date(9991, 1, 1), 8) == date(9998, 12, 31)
    assert a.version == 1 and p.contract is None


def test_lege_tekst_telt_niet_als_naam():
    with pytest.raises(DomeinFout, match="Een perceel heeft een naam"):
        nieuw(percelen=["Noord", " "])
    a, p = nieuw()
    for naam in ("", "   "):
        with pytest.raises(DomeinFout, match="Een aanmelding noemt de kandidaat"):
            a.meld_aan(p, kandidaat=naam, partijen=[], actor="i", datum=date(2023, 8, 1), reden=None)
    a.meld_aan(p, kandidaat="  Solo BV ", partijen=[" Solo BV"], actor="i", datum=date(2023, 8, 1), reden=None)
    assert p.kandidaten["Solo BV"].partijen == ["Solo BV"]


def test_nooit_meer_kandidaten_toelaten_dan_het_maximum():
    a, p = nieuw(max_kandidaten=1)
    for naam in ("A", "B"):
        a.meld_aan(p, kandidaat=naam, partijen=[], actor="i", datum=date(2023, 8, 1), reden=None)
    a.beoordeel_aanmelding(p, kandidaat="A", toegelaten=True, score=None, actor="i", datum=date(2023, 9, 1), reden=None)
    with pytest.raises(DomeinFout, match="Ten hoogste 1 kandidaat mag door naar de dialoogfase"):
        a.beoordeel_aanmelding(p, kandidaat="B", toegelaten=True, score=None, actor="i", datum=date(2023, 9, 1),
                               reden=None)
    with pytest.raises(DomeinFout, match="Afwijzen vraagt een reden"):
        a.beoordeel_aanmelding(p, kandidaat="B", toegelaten=False, score=None, actor="i", datum=date(2023, 9, 1),
                               reden=None)
    assert [k.status for k in p.kandidaten.values()] == ["toegelaten", "aangemeld"]


def test_een_kandidaat_zonder_partijen_is_zelf_de_te_screenen_partij():
    a, p = nieuw()
    a.meld_aan(p, kandidaat="Solo BV", partijen=[], actor="i", datum=date(2023, 8, 1), reden=None)
    assert p.kandidaten["Solo BV"].partijen == ["Solo BV"]
    with pytest.raises(DomeinFout, match="al aangemeld"):
        a.meld_aan(p, kandidaat="Solo BV", partijen=[], actor="i", datum=date(2023, 8, 2), reden=None)


# --- contract terms ---------------------------------------------------------------------------


def test_contract_einde_in_jaren():
    assert contract_einde(date(2025, 1, 1), 4) == date(2028, 12, 31)
    assert contract_einde(date(2025, 1, 1), 8) == date(2032, 12, 31)
    assert contract_einde(date(2024, 2, 29), 1) == date(2025, 2, 28)  # geen 29 februari in 2025
    assert looptijd_tekst(4, [2, 2]) == "4 + 2 + 2 jaar (ten hoogste 8)"


def test_opties_op_volgorde_en_vervallen():
    c = Contract(getekend=date(2024, 9, 30), ingangsdatum=date(2025, 1, 1), looptijd_jaren=4, opties_jaren=[2, 2])
    assert c.optie(1, date(2028, 6, 1)) == ("open", "uit te oefenen uiterlijk 31 december 2028")
    assert c.optie(2, date(2028, 6, 1)) == ("open", "kan pas na optie 1")
    assert c.optie(1, date(2029, 1, 1))[0] == "vervallen"
    c.uitgeoefend[1] = date(2028, 6, 1)
    assert c.einddatum == date(2030, 12, 31)
    assert c.optie(2, date(2030, 12, 31)) == ("open", "uit te oefenen uiterlijk 31 december 2030")
    c.afgezien[2] = date(2030, 6, 1)
    assert c.optie(2, date(2030, 6, 2))[0] == "vervallen"
    assert c.einddatum == date(2030, 12, 31) and c.maximale_einddatum == date(2032, 12, 31)


def test_afzien_van_optie_1_laat_optie_2_mee_vervallen():
    c = Contract(getekend=date(2024, 9, 30), ingangsdatum=date(2025, 1, 1), looptijd_jaren=4, opties_jaren=[2, 2])
    c.afgezien[1] = date(2028, 3, 1)
    status, toelichting = c.optie(2, date(2028, 3, 2))
    assert status == "vervallen" and "optie 1 is niet uitgeoefend" in toelichting


# --- confidentiality -------------------------------------------------------------------------


def weergave(gegund: bool) -> dict:
    return {
        "kenmerk": "T-1", "titel": "Test", "procedure": CGD, "marktconsultaties": [], "vertrouwelijk": True,
        "percelen": [{
            "perceel": "P1", "fase": "gegund" if gegund else "standstill", "fase_sinds": date(2024, 9, 27),
            "aantallen": {"aangemeld": 2}, "gunning_definitief": gegund,
            "kandidaten": [{"naam": "Geheim BV", "score": 91.5}, {"naam": "Verliezer BV", "score": 40.0}],
            "voorlopige_winnaar": "Geheim BV", "winnaar": "Geheim BV" if gegund else None,
            "winnaar_partijen": ["Geheim BV"] if gegund else [],
            "kort_geding": {"sinds": date(2024, 9, 10), "eiser": "Verliezer BV"},
            "dialoogsessies": [{"datum": date(2024, 1, 1), "deelnemers": ["Geheim BV"], "onderwerp": "Prijs"}],
        }],
        "tijdlijn": [
            {"volgnummer": 2, "datum": date(2023, 8, 1), "perceel": "P1", "gebeurtenis": "aanmelding ontvangen",
             "label": "Aanmelding ontvangen", "fase": None, "reden": "x",
             "details": {"kandidaat": "Verliezer BV", "partijen": ["Verliezer BV"]}},
            {"volgnummer": 9, "datum": date(2024, 9, 6), "perceel": "P1", "gebeurtenis": "gunningsbeslissing verzonden",
             "label": "Gunningsbeslissing", "fase": "standstill", "reden": "Geheim BV wint",
             "details": {"voorgenomen_winnaar": "Geheim BV", "standstill_einde": date(2024, 9, 26)}},
        ],
    }


def test_raadsweergave_voor_de_gunning_noemt_geen_namen_of_scores():
    raad = raadsweergave(weergave(gegund=False))
    tekst = repr(raad)
    assert "Geheim BV" not in tekst and "Verliezer BV" not in tekst and "91.5" not in tekst
    [p] = raad["percelen"]
    assert p["kort_geding"] == {"sinds": date(2024, 9, 10)}
    assert p["dialoogsessies"] == [{"datum": date(2024, 1, 1)}]
    assert [r["gebeurtenis"] for r in raad["tijdlijn"]] == ["gunningsbeslissing verzonden"]
    assert raad["tijdlijn"][0]["details"] == {"standstill_einde": date(2024, 9, 26)}
    assert raad["vertrouwelijk"] is False


def test_raadsweergave_na_de_gunning_noemt_de_winnaar_maar_niet_de_anderen():
    [p] = raadsweergave(weergave(gegund=True))["percelen"]
    assert (p["winnaar"], p["winnaar_partijen"]) == ("Geheim BV", ["Geheim BV"])
    assert "Verliezer BV" not in repr(p) and "91.5" not in repr(p)
