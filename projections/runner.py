"""Keeping the projections caught up with the event log, each event applied exactly once.

Per projection, per batch of notifications, one database transaction: lock the
projection's position, read the notifications after it, apply them, move the
position to the last one, commit. The rows and the position commit together or
not at all, so a failure leaves both as they were and the next run starts at the
same notification. The lock (SELECT … FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE
on SQLite) makes a second runner wait and then re-read the position, so two
runners never apply the same batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from projections import register
from projections.database import heeft_tabellen, maak_engine, migreer
from projections.models import ProjectiePositie
from projections.projectie import Projectie, ProjectieFout
from store.log import log
from store.config import Opslag
from store.events import EventLog

BATCHGROOTTE = 500

Voortgang = Callable[[int, int], None]  # (positie, laatste) after each batch



def werk_bij(opslag: Opslag, *, voortgang: Voortgang | None = None, batchgrootte: int | None = None) -> dict:
    """Apply every event not yet applied to every projection; migrates the tables first.

    Returns {"laatste": last notification id, "toegepast": how many events of the
    log were new to at least one projection, "projecties": [{"naam", "toegepast", "positie"}]}.
    """
    with _schrijfengine(opslag) as engine, _eventlog(opslag) as app:
        return _werk_bij(engine, app, voortgang, batchgrootte or BATCHGROOTTE)


def herbouw(opslag: Opslag, *, voortgang: Voortgang | None = None, batchgrootte: int | None = None) -> dict:
    """Empty every projection and its position in one transaction each, then catch up from zero.

    Returns what werk_bij returns, with "rijen" (rows rebuilt) per projection.
    """
    with _schrijfengine(opslag) as engine, _eventlog(opslag) as app:
        for projectie in register.PROJECTIES:
            with Session(engine) as session, session.begin():
                positie = _vergrendel_positie(session, projectie.naam)
                projectie.wis(session)
                session.delete(positie)
            log.info("projectie.gewist", projectie=projectie.naam)
        uitkomst = _werk_bij(engine, app, voortgang, batchgrootte or BATCHGROOTTE)
        with Session(engine) as session:
            tellingen = {p.naam: p.tel(session) for p in register.PROJECTIES}
    for p in uitkomst["projecties"]:
        p["rijen"] = tellingen[p["naam"]]
    return uitkomst


def status(opslag: Opslag) -> list[dict]:
    """Per projection: its position, the last event id in the log and how far behind it is.

    `achterstand` is the difference in notification ids: exact, unless a write to
    the event store was rolled back and left a gap in the ids (PostgreSQL).
    """
    engine = maak_engine(opslag)
    try:
        posities = _posities(engine)
        with _eventlog(opslag) as app:
            laatste = app.recorder.max_notification_id() or 0
    finally:
        engine.dispose()
    return [
        {"naam": p.naam, "positie": (positie := posities.get(p.naam, 0)), "laatste": laatste,
         "achterstand": max(laatste - positie, 0)}
        for p in register.PROJECTIES
    ]


# --- internals ----------------------------------------------------------------


@contextmanager
def _schrijfengine(opslag: Opslag) -> Iterator[Engine]:
    engine = maak_engine(opslag, schrijven=True)
    try:
        migreer(engine)
        yield engine
    finally:
        engine.dispose()


def _eventlog(opslag: Opslag) -> EventLog:
    """The notification log and its decoder, without the write side.
    (Opening it concurrently is safe: it creates the event tables under a lock.)"""
    return EventLog(opslag)


def _posities(engine: Engine) -> dict[str, int]:
    if not heeft_tabellen(engine):
        return {}
    with Session(engine) as session:
        return dict(session.execute(select(ProjectiePositie.naam, ProjectiePositie.positie)).all())


def _werk_bij(engine: Engine, app, voortgang: Voortgang | None, batchgrootte: int) -> dict:
    laatste = app.recorder.max_notification_id() or 0
    projecties = []
    for projectie in register.PROJECTIES:
        toegepast, positie = _haal_in(engine, app, projectie, laatste, voortgang, batchgrootte)
        projecties.append({"naam": projectie.naam, "toegepast": toegepast, "positie": positie})
    # Every projection ends at `laatste`, so the one that was furthest behind read them all.
    nieuw = max((p["toegepast"] for p in projecties), default=0)
    return {"laatste": laatste, "toegepast": nieuw, "projecties": projecties}


def _haal_in(engine: Engine, app, projectie: Projectie, laatste: int, voortgang: Voortgang | None,
             batchgrootte: int) -> tuple[int, int]:
    """Catch one projection up to notification `laatste`, one transaction per batch."""
    toegepast = 0
    while True:
        with Session(engine) as session, session.begin():
            rij = _vergrendel_positie(session, projectie.naam)
            positie = rij.positie
            if positie >= laatste:
                return toegepast, positie
            meldingen = app.recorder.select_notifications(start=positie + 1, limit=batchgrootte, stop=laatste)
            if not meldingen:
                return toegepast, positie
            for melding in meldingen:
                _pas_toe(session, app, projectie, melding, positie)
            rij.positie = positie = meldingen[-1].id
        toegepast += len(meldingen)
        log.info("projectie.batch", projectie=projectie.naam, positie=positie, laatste=laatste)
        if voortgang is not None:
            voortgang(positie, laatste)


def _pas_toe(session: Session, app, projectie: Projectie, melding, positie: int) -> None:
    try:
        projectie.pas_toe(session, app.mapper.to_domain_event(melding))
    except Exception as e:
        log.debug("projectie.fout", projectie=projectie.naam, notificatie=melding.id, exc_info=True)
        oorzaak = str(e) if isinstance(e, ProjectieFout) else f"{type(e).__name__}: {e}"
        raise ProjectieFout(
            f"Projectie '{projectie.naam}' kon gebeurtenis {melding.id} ({melding.topic}) niet verwerken: "
            f"{oorzaak.rstrip('.')}. Niets van deze batch is opgeslagen; de projectie staat nog op positie {positie} "
            "(details met --log-niveau debug)."
        ) from e


def _vergrendel_positie(session: Session, naam: str) -> ProjectiePositie:
    """The projection's position row, locked until the transaction ends; created at 0 if missing."""
    zoek = select(ProjectiePositie).where(ProjectiePositie.naam == naam).with_for_update()
    rij = session.scalars(zoek).one_or_none()
    if rij is None:
        session.execute(_invoegen(session).values(naam=naam, positie=0).on_conflict_do_nothing())
        rij = session.scalars(zoek).one()
    return rij


def _invoegen(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(ProjectiePositie)
