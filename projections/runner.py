"""Keeping the projections caught up with the event log, each event applied exactly once.

Per batch the log is read and decoded once for all projections; then per
projection one database transaction: lock the projection's position, apply the
notifications of the batch after it, move the position to the last one, commit. The rows and the position commit together or
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



def werk_bij(opslag: Opslag, *, voortgang: Voortgang | None = None, batchgrootte: int | None = None,
             namen: list[str] | None = None) -> dict:
    """Apply every event not yet applied to every projection (or those `namen`: a report
    catches up what it reads); migrates the tables first.

    Returns {"laatste": last notification id, "toegepast": how many events of the
    log were new to at least one projection, "projecties": [{"naam", "toegepast", "positie"}]}.
    """
    with _schrijfengine(opslag) as engine, _eventlog(opslag) as eventlog:
        return _werk_bij(engine, eventlog, voortgang, batchgrootte or BATCHGROOTTE, _projecties(namen))


def herbouw(opslag: Opslag, *, voortgang: Voortgang | None = None, batchgrootte: int | None = None) -> dict:
    """Empty every projection and its position in one transaction each, then catch up from zero.

    Returns what werk_bij returns, with "rijen" (rows rebuilt) per projection.
    """
    with _schrijfengine(opslag) as engine, _eventlog(opslag) as eventlog:
        for projectie in register.PROJECTIES:
            with Session(engine) as session, session.begin():
                positie = _vergrendel_positie(session, projectie.naam)
                projectie.wis(session)
                session.delete(positie)
            log.info("projectie.gewist", projectie=projectie.naam)
        uitkomst = _werk_bij(engine, eventlog, voortgang, batchgrootte or BATCHGROOTTE)
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
        with _eventlog(opslag) as eventlog:
            laatste = eventlog.laatste()
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


def _projecties(namen: list[str] | None) -> list[Projectie]:
    if namen is None:
        return list(register.PROJECTIES)
    bekend = {p.naam: p for p in register.PROJECTIES}
    if onbekend := [n for n in namen if n not in bekend]:
        raise ProjectieFout(f"Onbekende projectie {', '.join(onbekend)}; bekend: {', '.join(bekend)}.")
    return [bekend[n] for n in namen]


def _werk_bij(engine: Engine, eventlog: EventLog, voortgang: Voortgang | None, batchgrootte: int,
              projecties: list[Projectie] | None = None) -> dict:
    """Catch every projection up to the last notification: one read of the log per batch for all
    of them, then per projection one transaction that applies what it has not seen yet.

    A projection that fails keeps its rows and position as they were and is left out of the
    following batches; the others go on. The failures are raised together at the end.
    """
    laatste = eventlog.laatste()
    projecties = list(register.PROJECTIES) if projecties is None else projecties
    posities = _posities(engine)
    stand = {p.naam: {"naam": p.naam, "toegepast": 0, "positie": posities.get(p.naam, 0)} for p in projecties}
    fouten: dict[str, ProjectieFout] = {}
    actief = list(projecties)
    while actief:
        vanaf = min(stand[p.naam]["positie"] for p in actief)
        if vanaf >= laatste:
            break
        meldingen = eventlog.recorder.select_notifications(start=vanaf + 1, limit=batchgrootte, stop=laatste)
        if not meldingen:
            break
        gedecodeerd: dict[int, object] = {}  # each notification decoded once, for every projection
        for projectie in list(actief):
            try:
                n, positie = _pas_batch_toe(engine, eventlog, projectie, meldingen, gedecodeerd)
            except ProjectieFout as e:
                fouten[projectie.naam] = e
                actief.remove(projectie)
                continue
            stand[projectie.naam]["toegepast"] += n
            stand[projectie.naam]["positie"] = positie
        log.info("projecties.batch", positie=meldingen[-1].id, laatste=laatste)
        if voortgang is not None:
            voortgang(meldingen[-1].id, laatste)
    if fouten:
        goed = [naam for naam in stand if naam not in fouten]
        raise ProjectieFout(" ".join(str(e) for e in fouten.values()) + (
            f" De andere projecties ({', '.join(goed)}) zijn bijgewerkt tot en met gebeurtenis {laatste}."
            if goed else ""))
    rijen = [stand[p.naam] for p in projecties]
    # Every projection ends at `laatste`, so the one that was furthest behind read them all.
    nieuw = max((p["toegepast"] for p in rijen), default=0)
    return {"laatste": laatste, "toegepast": nieuw, "projecties": rijen}


def _pas_batch_toe(engine: Engine, eventlog: EventLog, projectie: Projectie, meldingen: list,
                   gedecodeerd: dict) -> tuple[int, int]:
    """Apply the notifications of this batch the projection has not seen, in one transaction
    with its position. Another runner may have moved the position meanwhile: the lock makes
    this one wait, and it then applies only what is still new."""
    with Session(engine) as session, session.begin():
        rij = _vergrendel_positie(session, projectie.naam)
        positie = rij.positie
        nieuw = [m for m in meldingen if m.id > positie]
        if not nieuw:
            return 0, positie
        for melding in nieuw:
            _pas_toe(session, eventlog, projectie, melding, positie, gedecodeerd)
        rij.positie = nieuw[-1].id
    log.info("projectie.batch", projectie=projectie.naam, positie=nieuw[-1].id)
    return len(nieuw), nieuw[-1].id


def _pas_toe(session: Session, eventlog: EventLog, projectie: Projectie, melding, positie: int,
             gedecodeerd: dict) -> None:
    try:
        if melding.id not in gedecodeerd:
            gedecodeerd[melding.id] = eventlog.mapper.to_domain_event(melding)
        projectie.pas_toe(session, gedecodeerd[melding.id])
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
