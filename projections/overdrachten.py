"""The `overdrachten` projection: one row per overgangsjaar and one per client's transfer.

Fed by the runner (projections.runner) with the events of Overgangsjaar and
Clientoverdracht. A transfer's first event only queues its row (no query, no ORM object), and the
queued rows of a batch go in with one executemany; later events load the row and check
it is exactly one version behind. The reports are in projections/overdracht_rapport.py.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from domain.overdracht import Clientoverdracht, Overgangsjaar
from projections.overdracht_models import OvergangsjaarRij, OverdrachtRij
from projections.projectie import Projectie, ProjectieFout, controleer_volgorde

C, J = Clientoverdracht, Overgangsjaar


def _jaar(session: Session, e: J.Event) -> None:
    if isinstance(e, J.Gedefinieerd):
        if session.get(OvergangsjaarRij, e.jaar) is not None:
            raise ProjectieFout(f"Overgangsjaar {e.jaar} staat al in de projectie overdrachten.")
        session.add(OvergangsjaarRij(
            jaar=e.jaar, jaar_id=str(e.originator_id), start=e.start, einde=e.einde,
            ontvangende_aanbieder=e.ontvangende_aanbieder, latende_aanbieders=list(e.latende_aanbieders),
            waarschuwing_dagen=e.waarschuwing_dagen, plan_vanaf=e.plan_vanaf, plan_tot=e.plan_tot,
            synthetisch=False, imports=0, clienten_datum_gewijzigd=0, datum_wijzigingen=0,
            clienten_indicatie_gewijzigd=0, r1_naar_r2=0, r2_naar_r1=0, gewist=0,
            laatst_gewijzigd=e.timestamp, versie=e.originator_version,
        ))
        return
    rij = session.query(OvergangsjaarRij).filter_by(jaar_id=str(e.originator_id)).one_or_none()
    if rij is None:
        raise ProjectieFout(f"Overgangsjaar met id {e.originator_id} ontbreekt in de projectie overdrachten.")
    controleer_volgorde(f"Overgangsjaar {rij.jaar}", rij.versie, e)
    if isinstance(e, J.AanbiederToegevoegd):
        rij.latende_aanbieders = [*rij.latende_aanbieders, e.naam]
    elif isinstance(e, J.PopulatieGeimporteerd):
        rij.imports += 1
        rij.synthetisch = rij.synthetisch or e.synthetisch
    rij.versie, rij.laatst_gewijzigd = e.originator_version, e.timestamp


# A new transfer's row waits in the session until the batch is written (before the runner commits,
# or before the session next reads): then all of them go in one executemany. Building ORM objects for
# a population of 100,000 cost more than reading and decoding their events.
_NIEUW = "overdrachten.nieuwe_rijen"


def _aangemeld(session: Session, e: C.Aangemeld) -> None:
    nieuw = session.info.get(_NIEUW)
    if nieuw is None:
        nieuw = session.info[_NIEUW] = []
        event.listen(session, "before_commit", _schrijf_nieuwe)
        event.listen(session, "do_orm_execute", lambda stand: _schrijf_nieuwe(stand.session))
    nieuw.append(dict(
        overdracht_id=str(e.originator_id), jaar=e.jaar, regel=e.regel, status=e.status, status_sinds=e.datum,
        wet=e.wet, product=e.product, latende_aanbieder=e.latende_aanbieder, indicatie_start=e.indicatie_start,
        einddatum=e.einddatum, overgangsdatum=e.overgangsdatum, eerste_overgangsdatum=e.overgangsdatum,
        datum_wijzigingen=0, einddatum_wijzigingen=0, r1_naar_r2=0, r2_naar_r1=0, toestemming=e.toestemming,
        toestemming_sinds=e.datum if e.toestemming else None, warme_overdracht_op=None, overgedragen_op=None,
        dossier_overgedragen=None, afgesloten_op=None, uitgevallen_op=None, uitval_oorzaak=None, vervolg=None,
        signaal_overgangsdatum=None, signaal_jaar=False, gewist=None, sleutel_id=e.sleutel_id,
        client_versleuteld=e.client_versleuteld, laatst_gewijzigd=e.timestamp, versie=e.originator_version,
    ))


def _schrijf_nieuwe(session: Session) -> None:
    rijen = session.info.get(_NIEUW)
    if rijen:
        session.info[_NIEUW] = []  # first: the insert below runs through do_orm_execute too
        session.execute(insert(OverdrachtRij.__table__), rijen)


def _stap(rij: OverdrachtRij, e: C.Stap) -> None:
    rij.status, rij.status_sinds = e.naar, e.datum
    if isinstance(e, C.ToestemmingGevraagd):
        rij.toestemming, rij.toestemming_sinds = "gevraagd", e.datum
    elif isinstance(e, C.ToestemmingGegeven):
        rij.toestemming, rij.toestemming_sinds = "gegeven", e.datum
    elif isinstance(e, C.ToestemmingGeweigerd):
        rij.toestemming, rij.toestemming_sinds = "geweigerd", e.datum
    elif isinstance(e, C.WarmeOverdrachtGehouden):
        rij.warme_overdracht_op = e.datum
    elif isinstance(e, C.Overgedragen):
        rij.overgedragen_op, rij.dossier_overgedragen = e.datum, e.dossier_overgedragen
    elif isinstance(e, (C.Afgesloten, C.IndicatieBeeindigd)):
        rij.afgesloten_op = e.datum
    elif isinstance(e, C.Uitgevallen):
        rij.uitgevallen_op, rij.uitval_oorzaak = e.datum, e.oorzaak


def _indicatie(rij: OverdrachtRij, e: C.IndicatieGewijzigd, jaar: OvergangsjaarRij) -> None:
    rij.einddatum, rij.regel, rij.overgangsdatum = e.nieuwe_einddatum, e.nieuwe_regel, e.overgangsdatum
    if rij.einddatum_wijzigingen == 0:
        jaar.clienten_indicatie_gewijzigd += 1
    rij.einddatum_wijzigingen += 1
    if e.oude_regel == "R1" and e.nieuwe_regel == "R2":
        rij.r1_naar_r2 += 1
        jaar.r1_naar_r2 += 1
        rij.eerste_overgangsdatum = rij.eerste_overgangsdatum or e.overgangsdatum
    elif e.oude_regel == "R2" and e.nieuwe_regel == "R1":
        rij.r2_naar_r1 += 1
        jaar.r2_naar_r1 += 1
    if e.naar != e.van:
        rij.status, rij.status_sinds = e.naar, e.datum


def _verplaatst(rij: OverdrachtRij, e: C.OvergangsdatumGewijzigd, jaar: OvergangsjaarRij) -> None:
    rij.overgangsdatum = e.nieuw
    if rij.datum_wijzigingen == 0:
        jaar.clienten_datum_gewijzigd += 1
    jaar.datum_wijzigingen += 1
    rij.datum_wijzigingen += 1


def _vervolg(rij: OverdrachtRij, e: C.VervolgVastgelegd) -> None:
    rij.vervolg = e.vervolg


def _signaal(rij: OverdrachtRij, e: C.Gesignaleerd) -> None:
    if e.soort == "overgangsdatum_verstreken":
        from datetime import date

        rij.signaal_overgangsdatum = date.fromisoformat(e.sleutel)
    elif e.soort == "jaar_verstreken":
        rij.signaal_jaar = True


def _vergeten(rij: OverdrachtRij, e: C.ClientVergeten, jaar: OvergangsjaarRij) -> None:
    rij.gewist, rij.client_versleuteld = e.datum, None
    jaar.gewist += 1


_VERWERKERS: dict[type, Callable[[OverdrachtRij, C.Event], None]] = {
    C.VervolgVastgelegd: _vervolg,
    C.Gesignaleerd: _signaal,
}
# These also count on the overgangsjaar's row (what was adjusted or erased, for the monitor).
_MET_JAAR: dict[type, Callable[[OverdrachtRij, C.Event, OvergangsjaarRij], None]] = {
    C.IndicatieGewijzigd: _indicatie,
    C.OvergangsdatumGewijzigd: _verplaatst,
    C.ClientVergeten: _vergeten,
}


def pas_toe(session: Session, event) -> None:
    if isinstance(event, C.Event):
        if isinstance(event, C.Aangemeld):
            _aangemeld(session, event)
            return
        rij = session.get(OverdrachtRij, str(event.originator_id))
        if rij is None:
            raise ProjectieFout(f"Overdracht met id {event.originator_id} ontbreekt in de projectie overdrachten.")
        controleer_volgorde("Een cliëntoverdracht", rij.versie, event)
        if isinstance(event, C.Stap):
            _stap(rij, event)
        elif verwerk := _VERWERKERS.get(type(event)):
            verwerk(rij, event)
        elif verwerk_met_jaar := _MET_JAAR.get(type(event)):
            jaar = session.get(OvergangsjaarRij, rij.jaar)
            if jaar is None:
                raise ProjectieFout(f"Overgangsjaar {rij.jaar} ontbreekt in de projectie overdrachten.")
            verwerk_met_jaar(rij, event, jaar)
        rij.versie, rij.laatst_gewijzigd = event.originator_version, event.timestamp
    elif isinstance(event, J.Event):
        _jaar(session, event)


OVERDRACHTEN = Projectie(naam="overdrachten", tabellen=(OvergangsjaarRij.__table__, OverdrachtRij.__table__),
                         pas_toe=pas_toe)
