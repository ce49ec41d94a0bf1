"""The Zaak records its own facts: each command checks the fact, has its step taken, then records one event."""

from datetime import date
from pathlib import Path

import pytest

from domain.besluitvorming import Raadsagenda, Uitkomst
from domain.fouten import DomeinFout
from domain.zaak import Zaak

ROOT = Path(__file__).resolve().parents[2]


def nieuwe_zaak() -> Zaak:
    zaak = Zaak.registreer(
        zaaknummer="900001", zaaktype="raadsvoorstel", zaaktype_versie=1, omschrijving="Voorstel",
        portefeuillehouders=[], behandelaar="b", sector=None, status="college", termijnen=[],
        actor="t", datum=date(2022, 9, 1), reden=None,
    )
    zaak.collect_events()
    return zaak


def stap_naar(zaak: Zaak, naar: str, genomen: list):
    """A stand-in for the workflow's step: records StatusGewijzigd as ZaakDienst.voer_stap_uit does."""
    def stap() -> None:
        genomen.append(naar)
        zaak.ga_naar(stap=f"naar_{naar}", naar=naar, termijnen=[], actor="t", datum=date(2022, 10, 4), reden=None)
    return stap


def test_de_zaak_legt_de_stap_en_dan_het_feit_vast():
    zaak, genomen = nieuwe_zaak(), []
    code = zaak.agendeer(date(2022, 10, 26), "d01", behandeling=None, agenda=None, actor="griffie",
                         datum=date(2022, 10, 4), reden=None, stap=stap_naar(zaak, "raad", genomen))
    assert (code, genomen) == ("D01", ["raad"])
    assert [type(e).__name__ for e in zaak.collect_events()] == ["StatusGewijzigd", "Geagendeerd"]
    assert zaak.besluitvorming.agendering.code == "D01"


def test_een_geweigerd_feit_neemt_zijn_stap_niet():
    zaak, genomen = nieuwe_zaak(), []
    with pytest.raises(DomeinFout, match="staat niet op de agenda"):
        zaak.neem_raadsbesluit(Uitkomst.VASTGESTELD, ["x"], actor="t", datum=date(2022, 10, 26), reden=None,
                               stap=stap_naar(zaak, "besluit", genomen))
    assert (genomen, zaak.collect_events()) == ([], [])


def test_een_feit_zonder_stap_vraagt_een_open_zaak_en_een_datum_in_de_huidige_stap():
    zaak = nieuwe_zaak()
    agenda = Raadsagenda.maak(date(2022, 10, 26), actor="t", datum=date(2022, 10, 4), reden=None)
    zaak.agendeer(date(2022, 10, 26), "D01", behandeling=None, agenda=agenda, actor="t", datum=date(2022, 10, 4),
                  reden=None, stap=stap_naar(zaak, "raad", []))
    wijzig = dict(behandeling=None, agenda=agenda, actor="t", reden="verzoek fractie")
    with pytest.raises(DomeinFout, match="ligt voor de huidige stap"):
        zaak.wijzig_agendapunt("D02", **wijzig, datum=date(2022, 10, 3))
    zaak.sluit_af(stap="intrekken", naar="afgesloten", resultaat="ingetrokken", actor="t", datum=date(2022, 10, 5),
                  reden=None)
    with pytest.raises(DomeinFout, match="is afgesloten"):
        zaak.wijzig_agendapunt("D02", **wijzig, datum=date(2022, 10, 6))


def test_geen_use_case_legt_zelf_een_gebeurtenis_vast():
    """Only an aggregate's own command methods call trigger_event (domain/)."""
    buiten = [f"{p.relative_to(ROOT)}:{n}" for deel in ("workflow", "cli", "projections")
              for p in sorted((ROOT / deel).rglob("*.py"))
              for n, regel in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
              if ".trigger_event(" in regel]
    assert buiten == []
