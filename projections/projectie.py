"""What a projection is to the runner: a name, the tables it owns, and how it applies an event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, func, select
from sqlalchemy.orm import Session

from domain.fouten import DomeinFout


class ProjectieFout(DomeinFout):
    """A projection could not apply an event; nothing of that batch was saved."""


@dataclass(frozen=True)
class Projectie:
    """A read model fed by the event log.

    `pas_toe(session, event)` changes the projection's rows for one decoded domain
    event and must ignore events it does not handle (other aggregates' events).
    It must not commit: the runner commits the rows together with the position.
    """

    naam: str
    tabellen: tuple[Table, ...]
    pas_toe: Callable[[Session, Any], None]

    def wis(self, session: Session) -> None:
        for tabel in reversed(self.tabellen):
            session.execute(delete(tabel))

    def tel(self, session: Session) -> int:
        return sum(session.scalar(select(func.count()).select_from(t)) or 0 for t in self.tabellen)


def controleer_volgorde(naam: str, versie: int, event) -> None:
    """A row must receive its aggregate's events in order, each exactly once; anything else
    means the projection and the log disagree, and the batch must not be written."""
    if versie + 1 != event.originator_version:
        raise ProjectieFout(
            f"{naam} staat in de projectie op versie {versie}, maar de volgende gebeurtenis heeft "
            f"versie {event.originator_version}."
        )
