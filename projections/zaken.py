"""The `zaken` projection: one row per zaak with its status and the deadline that counts.

Deadlines are computed by the domain (LopendeTermijn.bereken, i.e.
domain.termijnen.bereken_termijn) from the deadline records the events carry,
exactly as `zaak toon` computes them; nothing here knows deadline arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.termijnen import Termijn
from domain.zaak import LopendeTermijn, Zaak
from projections.models import ZaakRij
from projections.projectie import Projectie, ProjectieFout, controleer_volgorde


def huidige_termijn(termijnen: list[dict], verschoven_dagen: int) -> tuple[LopendeTermijn, Termijn] | None:
    """The deadline of the current step that the lists show, or None if the step has none.

    The earliest behandeltermijn (the one the behandelaar must act before); only
    when the step has none, the earliest wachttermijn. A step's deadlines all
    move by the same `verschoven_dagen` (Zaak.verschoven_dagen).
    """
    lopend = [(t, t.bereken(verschoven_dagen)) for t in map(LopendeTermijn.uit_record, termijnen)]
    if not lopend:
        return None
    return min(lopend, key=lambda tt: (tt[0].aard != "behandeltermijn", tt[1].einde))


def _bereken_termijn(rij: ZaakRij) -> None:
    gevonden = huidige_termijn(rij.termijnen, rij.verschoven_dagen)
    if gevonden is None:
        rij.termijn_naam = rij.termijn_aard = rij.termijn_einde = None
    else:
        spec, termijn = gevonden
        rij.termijn_naam, rij.termijn_aard, rij.termijn_einde = spec.naam, spec.aard, termijn.einde


def _nieuwe_stap(rij: ZaakRij, status: str, datum: date, termijnen: list[dict]) -> None:
    # As Zaak._nieuwe_stap: a new step starts its deadlines afresh.
    rij.status = status
    rij.status_sinds = datum
    rij.termijnen = list(termijnen)
    rij.opgeschort_sinds = None
    rij.verschoven_dagen = 0


def _geregistreerd(rij: ZaakRij, e: Zaak.Geregistreerd) -> None:
    rij.zaaknummer = e.zaaknummer
    rij.zaak_id = str(e.originator_id)
    rij.zaaktype = e.zaaktype
    rij.zaaktype_versie = e.zaaktype_versie
    rij.omschrijving = e.omschrijving
    rij.portefeuillehouders = list(e.portefeuillehouders)
    rij.behandelaar = e.behandelaar
    rij.sector = e.sector
    rij.startdatum = e.datum
    rij.resultaat = None
    rij.einddatum = None
    _nieuwe_stap(rij, e.status, e.datum, e.termijnen)


def _status_gewijzigd(rij: ZaakRij, e: Zaak.StatusGewijzigd) -> None:
    _nieuwe_stap(rij, e.naar, e.datum, e.termijnen)


def _opgeschort(rij: ZaakRij, e: Zaak.Opgeschort) -> None:
    rij.opgeschort_sinds = e.datum


def _hervat(rij: ZaakRij, e: Zaak.Hervat) -> None:
    rij.opgeschort_sinds = None
    rij.verschoven_dagen += e.opgeschorte_dagen


def _verlengd(rij: ZaakRij, e: Zaak.Verlengd) -> None:
    rij.verschoven_dagen += e.dagen


def _afgesloten(rij: ZaakRij, e: Zaak.Afgesloten) -> None:
    rij.resultaat = e.resultaat
    rij.einddatum = e.datum
    _nieuwe_stap(rij, e.naar, e.datum, [])


_VERWERKERS: dict[type, Callable[[ZaakRij, Zaak.Event], None]] = {
    Zaak.Geregistreerd: _geregistreerd,
    Zaak.StatusGewijzigd: _status_gewijzigd,
    Zaak.Opgeschort: _opgeschort,
    Zaak.Hervat: _hervat,
    Zaak.Verlengd: _verlengd,
    Zaak.Afgesloten: _afgesloten,
}


def _rij(session: Session, event) -> ZaakRij:
    """The row the event changes, checked to be exactly one version behind it."""
    if isinstance(event, Zaak.Geregistreerd):
        if session.get(ZaakRij, event.zaaknummer) is not None:
            raise ProjectieFout(f"Zaak {event.zaaknummer} staat al in de projectie zaken.")
        rij = ZaakRij(versie=0)
        session.add(rij)
        return rij
    rij = session.scalars(select(ZaakRij).where(ZaakRij.zaak_id == str(event.originator_id))).one_or_none()
    if rij is None:
        raise ProjectieFout(f"Zaak met id {event.originator_id} ontbreekt in de projectie zaken.")
    controleer_volgorde(f"Zaak {rij.zaaknummer}", rij.versie, event)
    return rij


def pas_toe(session: Session, event) -> None:
    if not isinstance(event, Zaak.Event):
        return  # another aggregate's event
    rij = _rij(session, event)
    verwerk = _VERWERKERS.get(type(event))
    if verwerk is not None:  # a zaak event that changes nothing shown here only counts the version
        verwerk(rij, event)
        _bereken_termijn(rij)
    rij.versie = event.originator_version
    rij.laatst_gewijzigd = event.timestamp
    session.flush()


ZAKEN = Projectie(naam="zaken", tabellen=(ZaakRij.__table__,), pas_toe=pas_toe)
