"""Queries on the projection tables for `zaak lijst` and `rapport zaken`.

They read only the projection (never the event store), so they show the state
as of the last catch-up. "Te laat" is decided at query time, for the day `per`:
the zaak is open, not suspended, and its behandeltermijn ended before `per`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from domain.zaak import opgeschorte_dagen
from projections.database import heeft_tabellen, maak_engine
from projections.models import ZaakRij
from projections.zaken import huidige_termijn
from store.config import Opslag


def _open() -> ColumnElement[bool]:
    return ZaakRij.einddatum.is_(None)


def _lopend() -> ColumnElement[bool]:
    """Open and not suspended: its deadline is fixed and can pass."""
    return and_(_open(), ZaakRij.opgeschort_sinds.is_(None))


def _te_laat(per: date) -> ColumnElement[bool]:
    return and_(_lopend(), ZaakRij.termijn_aard == "behandeltermijn", ZaakRij.termijn_einde < per)


def zaken_lijst(opslag: Opslag, *, zaaktype: str | None = None, status: str | None = None,
                te_laat: bool = False, alleen_open: bool = False, per: date) -> list[dict]:
    """The zaken matching the filters, the nearest deadline first.

    A suspended zaak's deadline is shown as it stands on `per` (it moves each day
    of the suspension), as `zaak toon` shows it; it is never te laat.
    """
    vraag = select(ZaakRij, _te_laat(per).label("te_laat"))
    if zaaktype is not None:
        vraag = vraag.where(ZaakRij.zaaktype == zaaktype)
    if status is not None:
        vraag = vraag.where(ZaakRij.status == status)
    if te_laat:
        vraag = vraag.where(_te_laat(per))
    if alleen_open:
        vraag = vraag.where(_open())
    rijen = [_als_dict(rij, bool(laat), per) for rij, laat in _lees(opslag, vraag)]
    return sorted(rijen, key=lambda r: (r["termijn_einde"] is None, r["termijn_einde"] or date.min, r["zaaknummer"]))


def zaken_overzicht(opslag: Opslag, per: date) -> list[dict]:
    """Per zaaktype and status: how many zaken, how many suspended and te laat, and the
    earliest deadline among the open, not suspended ones (which may have passed)."""
    vraag = (
        select(
            ZaakRij.zaaktype,
            ZaakRij.status,
            func.count().label("aantal"),
            func.sum(case((ZaakRij.opgeschort_sinds.is_not(None), 1), else_=0)).label("opgeschort"),
            func.sum(case((_te_laat(per), 1), else_=0)).label("te_laat"),
            func.min(case((_lopend(), ZaakRij.termijn_einde))).label("eerstvolgende_termijn"),
        )
        .group_by(ZaakRij.zaaktype, ZaakRij.status)
    )
    rijen = [dict(r._mapping) for r in _lees(opslag, vraag)]
    for r in rijen:
        r["opgeschort"], r["te_laat"] = int(r["opgeschort"] or 0), int(r["te_laat"] or 0)
    return sorted(rijen, key=lambda r: (r["zaaktype"], _statusvolgorde(r["zaaktype"]).get(r["status"], 999),
                                        r["status"]))


def _lees(opslag: Opslag, vraag) -> list:
    engine = maak_engine(opslag)
    try:
        if not heeft_tabellen(engine):
            return []  # never caught up: nothing to show yet
        with Session(engine) as session:
            return list(session.execute(vraag).all())
    finally:
        engine.dispose()


def _als_dict(rij: ZaakRij, te_laat: bool, per: date) -> dict:
    termijn_einde = rij.termijn_einde
    if rij.opgeschort_sinds is not None and rij.termijnen:
        lopend = opgeschorte_dagen(rij.opgeschort_sinds, per)
        gevonden = huidige_termijn(rij.termijnen, rij.verschoven_dagen + lopend)
        termijn_einde = gevonden[1].einde if gevonden else None
    return {
        "zaaknummer": rij.zaaknummer,
        "zaaktype": rij.zaaktype,
        "status": rij.status,
        "omschrijving": rij.omschrijving,
        "portefeuillehouders": list(rij.portefeuillehouders),
        "behandelaar": rij.behandelaar,
        "sector": rij.sector,
        "termijn_naam": rij.termijn_naam,
        "termijn_aard": rij.termijn_aard,
        "termijn_einde": termijn_einde,
        "te_laat": te_laat,
        "opgeschort_sinds": rij.opgeschort_sinds,
        "resultaat": rij.resultaat,
        "einddatum": rij.einddatum,
    }


def _statusvolgorde(zaaktype: str) -> dict[str, int]:
    """Statuses in the order the zaaktype's newest definition lists them (empty if unknown)."""
    from domain.fouten import DomeinFout
    from workflow.definitie import definitie

    try:
        return {t.naam: i for i, t in enumerate(definitie(zaaktype).toestanden)}
    except DomeinFout:
        return {}
