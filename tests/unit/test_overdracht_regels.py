"""The rules of the overgangsjaar: R1/R2/R3, the dossier gate per wet, the default plan, reclassification."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.fouten import DomeinFout
from domain.overdracht import (
    Aanwezige,
    Clientoverdracht,
    Overgangsjaar,
    Regel,
    Wet,
    deel_in,
    dossierbesluit,
    plan_overgangsdatum,
    werkdagen,
)

START, EINDE = date(2025, 1, 1), date(2025, 12, 31)


def regel(start: date, einde: date, aanbieder: str | None = "Zorg Oost") -> Regel:
    return deel_in(jaar_start=START, jaar_einde=EINDE, indicatie_start=start, einddatum=einde,
                   latende_aanbieder=aanbieder)


# --- R1, R2, R3 ----------------------------------------------------------------------------------


def test_einddatum_op_de_laatste_dag_van_het_jaar_is_r1_een_dag_later_r2():
    assert regel(date(2022, 3, 1), date(2025, 12, 31)) is Regel.R1
    assert regel(date(2022, 3, 1), date(2026, 1, 1)) is Regel.R2


def test_einddatum_op_de_eerste_dag_van_het_jaar_is_r1():
    assert regel(date(2024, 6, 1), date(2025, 1, 1)) is Regel.R1


def test_een_indicatie_die_al_voor_het_jaar_afliep_past_bij_geen_regel():
    with pytest.raises(DomeinFout, match="eindigde al op 31 december 2024"):
        regel(date(2024, 1, 1), date(2024, 12, 31))


def test_nieuwe_hulpvraag_vanaf_1_januari_zonder_aanbieder_is_r3():
    assert regel(date(2025, 1, 1), date(2026, 12, 31), aanbieder=None) is Regel.R3
    assert regel(date(2025, 3, 15), date(2025, 9, 30), aanbieder=None) is Regel.R3  # ends in the year: still R3


def test_zonder_aanbieder_maar_van_voor_het_jaar_is_geen_nieuwe_hulpvraag():
    with pytest.raises(DomeinFout, match="heeft een latende aanbieder"):
        regel(date(2024, 12, 31), date(2026, 6, 30), aanbieder=None)


def test_verlengde_indicatie_vanaf_1_januari_bij_de_oude_aanbieder_gaat_naar_de_einddatum():
    assert regel(date(2025, 1, 1), date(2025, 6, 30)) is Regel.R1
    assert regel(date(2025, 1, 1), date(2027, 6, 30)) is Regel.R2


def test_einde_voor_start_wordt_geweigerd():
    with pytest.raises(DomeinFout, match="ligt voor de startdatum"):
        regel(date(2025, 6, 30), date(2025, 1, 31))


# --- the dossier gate ---------------------------------------------------------------------------


@pytest.mark.parametrize("toestemming, mee", [("gegeven", True), ("geweigerd", False), ("gevraagd", False), (None, False)])
def test_wmo_dossier_alleen_met_toestemming(toestemming, mee):
    uit, grond = dossierbesluit(wet=Wet.WMO, regel="toestemming", toestemming=toestemming, noodzaak=False)
    assert uit is mee
    if not mee:
        assert "toestemming" in grond


def test_jeugdwet_zonder_toestemming_alleen_met_vastgelegde_noodzaak_en_nooit_na_een_weigering():
    r = "toestemming_of_noodzaak"
    assert dossierbesluit(wet=Wet.JEUGDWET, regel=r, toestemming=None, noodzaak=False)[0] is False
    mee, grond = dossierbesluit(wet=Wet.JEUGDWET, regel=r, toestemming=None, noodzaak=True)
    assert mee and "7.4.0 lid 1" in grond and "te bevestigen" in grond
    assert dossierbesluit(wet=Wet.JEUGDWET, regel=r, toestemming="geweigerd", noodzaak=True)[0] is False
    assert dossierbesluit(wet=Wet.JEUGDWET, regel=r, toestemming="gegeven", noodzaak=False)[0] is True


# --- the overgangsjaar and the default plan --------------------------------------------------------


def jaar(**kw) -> Overgangsjaar:
    args = dict(jaar=2025, start=START, einde=EINDE, ontvangende_aanbieder="Wijkracht Hengelo",
                latende_aanbieders=["Zorg Oost", "Jeugdhulp West"], waarschuwing_dagen=60, plan_vanaf=None,
                plan_tot=None, actor="contractmanager", datum=date(2024, 10, 1), reden=None)
    return Overgangsjaar.definieer(**{**args, **kw})


def test_standaard_planperiode_van_een_maand_na_de_start_tot_de_waarschuwingstermijn():
    j = jaar()
    assert (j.plan_vanaf, j.plan_tot) == (date(2025, 2, 1), date(2025, 10, 31))
    assert j.aanbieder("  zorg   OOST ") == "Zorg Oost" and j.aanbieder("Zorg Noord") is None


@pytest.mark.parametrize("kw, melding", [
    ({"latende_aanbieders": []}, "Noem de latende aanbieders"),
    ({"latende_aanbieders": ["A", "a"]}, "meer dan eens"),
    ({"latende_aanbieders": ["Wijkracht Hengelo"]}, "ontvangende aanbieder"),
    ({"einde": date(2024, 12, 31)}, "voor of op zijn start"),
    ({"plan_vanaf": date(2024, 12, 1)}, "binnen het overgangsjaar"),
])
def test_een_onmogelijk_overgangsjaar_wordt_geweigerd(kw, melding):
    with pytest.raises(DomeinFout, match=melding):
        jaar(**kw)


def test_het_plan_is_een_werkdag_in_de_periode_en_hangt_alleen_van_het_id_af():
    dagen = werkdagen(date(2025, 2, 1), date(2025, 10, 31))
    assert date(2025, 4, 18) not in dagen  # Goede Vrijdag
    assert date(2025, 5, 5) not in dagen and all(d.weekday() < 5 for d in dagen)
    ids = [uuid4() for _ in range(2000)]
    plan = [plan_overgangsdatum(i, dagen) for i in ids]
    assert plan == [plan_overgangsdatum(i, list(dagen)) for i in ids]
    per_maand = {m: sum(1 for d in plan if d.month == m) for m in range(2, 11)}
    assert min(per_maand.values()) > 150  # spread over the months, not bunched


# --- reclassification ---------------------------------------------------------------------------------


def overdracht(regel_: Regel = Regel.R1, einddatum: date = date(2025, 8, 31)) -> Clientoverdracht:
    status = "loopt_door" if regel_ is Regel.R1 else "gepland"
    return Clientoverdracht.meld_aan(
        id_=uuid4(), jaar=2025, definitie_versie=1, stap="indelen_r1", status=status, regel=regel_, wet=Wet.WMO,
        product="begeleiding", indicatie_start=date(2023, 1, 1), einddatum=einddatum, latende_aanbieder="Zorg Oost",
        overgangsdatum=None if regel_ is Regel.R1 else date(2025, 5, 1), toestemming=None, sleutel_id="s",
        client_versleuteld="x", actor="import", datum=date(2025, 1, 2),
    )


def test_verlenging_over_de_jaargrens_legt_de_oude_en_nieuwe_regel_vast():
    o = overdracht()
    o.wijzig_einddatum(nieuw=date(2026, 3, 31), nieuwe_regel=Regel.R2, stap="herindelen_r2", naar="gepland",
                       overgangsdatum=date(2025, 7, 1), actor="consulent", datum=date(2025, 3, 15),
                       reden_versleuteld="versleuteld")
    [e] = [e for e in o.collect_events() if isinstance(e, Clientoverdracht.IndicatieGewijzigd)]
    assert (e.soort, e.oude_regel, e.nieuwe_regel, e.van, e.naar) == ("verlengd", "R1", "R2", "loopt_door", "gepland")
    assert (e.oude_einddatum, e.nieuwe_einddatum, e.overgangsdatum) == (date(2025, 8, 31), date(2026, 3, 31),
                                                                        date(2025, 7, 1))
    assert e.reden is None  # a reason about a client is never in the clear
    assert (o.regel, o.status, o.overgangsdatum) == (Regel.R2, "gepland", date(2025, 7, 1))


def test_inkorten_binnen_het_jaar_maakt_r2_weer_r1_zonder_overgangsdatum():
    o = overdracht(Regel.R2, date(2026, 6, 30))
    o.wijzig_einddatum(nieuw=date(2025, 9, 30), nieuwe_regel=Regel.R1, stap="herindelen_r1", naar="loopt_door",
                       overgangsdatum=None, actor="consulent", datum=date(2025, 3, 15), reden_versleuteld="x")
    assert (o.regel, o.status, o.overgangsdatum, o.einddatum) == (Regel.R1, "loopt_door", None, date(2025, 9, 30))


def test_een_indicatie_wijzigen_of_een_datum_verplaatsen_vraagt_een_reden():
    o = overdracht()
    with pytest.raises(DomeinFout, match="reden"):
        o.wijzig_einddatum(nieuw=date(2025, 10, 31), nieuwe_regel=Regel.R1, stap=None, naar="loopt_door",
                           overgangsdatum=None, actor="c", datum=date(2025, 3, 1), reden_versleuteld=None)
    r2 = overdracht(Regel.R2, date(2026, 6, 30))
    with pytest.raises(DomeinFout, match="reden"):
        r2.verplaats(nieuw=date(2025, 6, 2), actor="c", datum=date(2025, 3, 1), reden_versleuteld=None)


def test_warme_overdracht_vraagt_beide_aanbieders_en_de_client_of_een_vertegenwoordiger():
    o = overdracht(Regel.R2, date(2026, 6, 30))
    with pytest.raises(DomeinFout, match="de ontvangende aanbieder.*de cliënt"):
        o.houd_warme_overdracht(aanwezigen=[Aanwezige.LATENDE_AANBIEDER], stap="warme_overdracht",
                                naar="warme_overdracht", actor="c", datum=date(2025, 4, 1), reden_versleuteld=None)
    o.houd_warme_overdracht(aanwezigen=[Aanwezige.OUDER, Aanwezige.LATENDE_AANBIEDER, Aanwezige.ONTVANGENDE_AANBIEDER],
                            stap="warme_overdracht", naar="warme_overdracht", actor="c", datum=date(2025, 4, 1),
                            reden_versleuteld=None)
    assert o.aanwezigen == ["ouder", "latende aanbieder", "ontvangende aanbieder"]


def test_na_wissen_kan_niets_meer_en_signaleren_gebeurt_eenmaal():
    o = overdracht(Regel.R2, date(2026, 6, 30))
    assert o.signaleer(soort="overgangsdatum_verstreken", sleutel="2025-05-01", actor="nacht", datum=date(2025, 5, 2))
    assert not o.signaleer(soort="overgangsdatum_verstreken", sleutel="2025-05-01", actor="nacht", datum=date(2025, 5, 3))
    o.vergeet(actor="fg", datum=date(2025, 6, 1), reden="Verzoek art. 17 AVG")
    with pytest.raises(DomeinFout, match="gewist"):
        o.verplaats(nieuw=date(2025, 6, 2), actor="c", datum=date(2025, 6, 2), reden_versleuteld="x")
