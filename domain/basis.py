"""What every event and every aggregate of the domain shares.

`Gebeurtenis` is the one event base: each aggregate's `Event` derives from it,
so every event records who did it (`actor`), the day it took effect in the
world (`datum`, which may precede the recording), and why (`reden`, where a
person chose). The recorded time is the library's `timestamp`.

`Keuze` is the one base for the domain's closed lists of words (uitkomsten,
soorten): read leniently from input, refused with the allowed values named.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from eventsourcing.domain import Aggregate

from domain.fouten import DomeinFout


class Gebeurtenis(Aggregate.Event):
    actor: str
    datum: date  # the day it took effect in the world (may precede the recording)
    reden: str | None


class Keuze(str, Enum):
    @classmethod
    def lees(cls, waarde: str, wat: str):
        try:
            return cls(waarde.strip().lower().replace("-", " ").replace("_", " "))
        except ValueError:
            raise DomeinFout(f"Onbekende {wat} '{waarde}'; kies uit {', '.join(k.value for k in cls)}.") from None
