"""The `aanbestedingen` projection: one row per perceel with its phase, key dates and counts.

Raad-safe by construction: candidates are counted, never named; the winner is
stored only from the definitive award (DefinitiefGegund), never from the
gunningsbeslissing. `raadsrapport` still passes every row through
domain.vertrouwelijkheid.raadsweergave, the one place that decides what the
raad sees. Dates are computed by the domain (the standstill from the deadline
record the event carries, contract ends by domain.aanbesteding.contract_einde).
Nothing here may fail on an event the domain accepted: a contract is signed only
once its end date with all options exists (Aanbesteding.controleer_contract), and
every end date projected here falls on or before that one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.aanbesteding import Aanbesteding, contract_einde
from domain.vertrouwelijkheid import raadsweergave
from domain.zaak import LopendeTermijn
from projections.database import maak_engine
from projections.models import AanbestedingRij
from projections.projectie import Projectie, ProjectieFout, controleer_volgorde

A = Aanbesteding


def _geregistreerd(session: Session, e: A.Geregistreerd) -> list[AanbestedingRij]:
    rijen = []
    for perceel in e.percelen:
        if session.get(AanbestedingRij, (e.kenmerk, perceel)) is not None:
            raise ProjectieFout(f"Aanbesteding {e.kenmerk} perceel {perceel} staat al in de projectie aanbestedingen.")
        rij = AanbestedingRij(
            kenmerk=e.kenmerk, perceel=perceel, aanbesteding_id=str(e.originator_id), titel=e.titel,
            procedure=e.procedure, procedure_versie=e.procedure_versie, looptijd_jaren=e.looptijd_jaren,
            opties_jaren=list(e.opties_jaren), fase=e.fase, fase_sinds=e.datum, datums={},
            opties_uitgeoefend=0, aangemeld=0, toegelaten=0, afgewezen=0, ingeschreven=0, geweigerd=0,
            uitgesloten=0, laatst_gewijzigd=e.timestamp, versie=0,
        )
        session.add(rij)
        rijen.append(rij)
    return rijen


def _fase(rij: AanbestedingRij, e: A.FaseGewijzigd) -> None:
    rij.fase = e.naar
    rij.fase_sinds = e.datum
    rij.datums = {**rij.datums, e.stap: e.datum.isoformat()}
    if isinstance(e, A.InschrijfleidraadGepubliceerd):
        rij.inschrijving_sluit = e.sluitingsdatum
    elif isinstance(e, A.GunningsbeslissingVerzonden):
        rij.gunningsbeslissing = e.datum
        rij.standstill_einde = max((LopendeTermijn.uit_record(t).bereken().einde for t in e.termijnen), default=None)
    elif isinstance(e, A.KortGedingAangespannen):
        rij.kort_geding_sinds = e.datum
    elif isinstance(e, A.UitspraakGedaan):
        rij.kort_geding_sinds = None
    elif isinstance(e, A.DefinitiefGegund):
        rij.definitief_gegund = e.datum
        rij.winnaar = e.winnaar
    elif isinstance(e, A.ContractGetekend):
        rij.contract_ingang = e.ingangsdatum
        rij.contract_einde = contract_einde(e.ingangsdatum, e.looptijd_jaren)


def _optie_uitgeoefend(rij: AanbestedingRij, e: A.OptieUitgeoefend) -> None:
    rij.opties_uitgeoefend = e.nummer
    rij.contract_einde = contract_einde(rij.contract_ingang, rij.looptijd_jaren + sum(rij.opties_jaren[:e.nummer]))


def _tel(kolom: str | Callable[[A.Event], str | None]) -> Callable[[AanbestedingRij, A.Event], None]:
    def verwerk(rij: AanbestedingRij, e: A.Event) -> None:
        naam = kolom(e) if callable(kolom) else kolom
        if naam:
            setattr(rij, naam, getattr(rij, naam) + 1)

    return verwerk


_VERWERKERS: dict[type, Callable[[AanbestedingRij, A.Event], None]] = {
    A.AanmeldingOntvangen: _tel("aangemeld"),
    A.AanmeldingBeoordeeld: _tel(lambda e: "toegelaten" if e.toegelaten else "afgewezen"),
    A.InschrijvingOntvangen: _tel("ingeschreven"),
    A.InschrijvingGeweigerd: _tel("geweigerd"),
    # The domain refuses to screen an excluded candidate, so each exclusion counts once.
    A.Geverifieerd: _tel(lambda e: None if e.voldoet else "uitgesloten"),
    A.OptieUitgeoefend: _optie_uitgeoefend,
}


def _rijen(session: Session, event: A.Event) -> list[AanbestedingRij]:
    """The aanbesteding's rows, checked to be exactly one version behind the event."""
    if isinstance(event, A.Geregistreerd):
        return _geregistreerd(session, event)
    rijen = list(session.scalars(
        select(AanbestedingRij).where(AanbestedingRij.aanbesteding_id == str(event.originator_id))
    ))
    if not rijen:
        raise ProjectieFout(f"Aanbesteding met id {event.originator_id} ontbreekt in de projectie aanbestedingen.")
    for rij in rijen:
        controleer_volgorde(f"Aanbesteding {rij.kenmerk}", rij.versie, event)
    return rijen


def pas_toe(session: Session, event) -> None:
    if not isinstance(event, A.Event):
        return  # another aggregate's event
    rijen = _rijen(session, event)
    perceel = getattr(event, "perceel", None)
    for rij in rijen:
        if perceel == rij.perceel:
            if isinstance(event, A.FaseGewijzigd):
                _fase(rij, event)
            elif verwerk := _VERWERKERS.get(type(event)):
                verwerk(rij, event)
        rij.versie = event.originator_version
        rij.laatst_gewijzigd = event.timestamp
    session.flush()


AANBESTEDINGEN = Projectie(naam="aanbestedingen", tabellen=(AanbestedingRij.__table__,), pas_toe=pas_toe)


# --- the report ---------------------------------------------------------------------------


def _perceel(rij: AanbestedingRij) -> dict:
    from workflow.engine import procedure

    toestand = procedure(rij.procedure, rij.procedure_versie).definitie.toestand(rij.fase)
    return {
        "perceel": rij.perceel,
        "fase": rij.fase,
        "fase_titel": toestand.titel,
        "fase_sinds": rij.fase_sinds,
        "afgerond": toestand.eind,
        "datums": {stap: date.fromisoformat(d) for stap, d in rij.datums.items()},
        "inschrijving_sluit": rij.inschrijving_sluit,
        "standstill": {"gebeurtenis": rij.gunningsbeslissing, "einde": rij.standstill_einde}
        if rij.standstill_einde else None,
        "kort_geding": {"sinds": rij.kort_geding_sinds} if rij.kort_geding_sinds else None,
        "aantallen": {k: getattr(rij, k) for k in
                      ("aangemeld", "toegelaten", "afgewezen", "ingeschreven", "geweigerd", "uitgesloten")},
        "gunning_definitief": rij.definitief_gegund is not None,
        "winnaar": rij.winnaar,
        "contract": {"ingangsdatum": rij.contract_ingang, "einddatum": rij.contract_einde,
                     "opties_uitgeoefend": rij.opties_uitgeoefend} if rij.contract_ingang else None,
    }


def raadsrapport(opslag) -> list[dict]:
    """Per aanbesteding and perceel what the raad may see: phase, dates, standstill, counts."""
    engine = maak_engine(opslag)
    try:
        with Session(engine) as session:
            rijen = list(session.scalars(select(AanbestedingRij).order_by(AanbestedingRij.kenmerk,
                                                                          AanbestedingRij.perceel)))
    finally:
        engine.dispose()
    per_kenmerk: dict[str, dict] = {}
    for rij in rijen:
        w = per_kenmerk.setdefault(rij.kenmerk, {"kenmerk": rij.kenmerk, "titel": rij.titel,
                                                 "procedure": rij.procedure, "percelen": []})
        w["percelen"].append(_perceel(rij))
    uit = []
    for w in per_kenmerk.values():
        openbaar = raadsweergave(w)
        uit.extend({"kenmerk": openbaar["kenmerk"], "titel": openbaar["titel"], **p} for p in openbaar["percelen"])
    return uit
