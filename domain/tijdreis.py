"""The one as-of replay: an aggregate as it was on a day, rebuilt from its events.

An event counts from the day it took effect (`datum`), or, `geregistreerd`,
from the moment it was recorded (what the system knew then). Counted events
run their own apply, in stored order, so the past is computed by the same code
as the present. A later event is skipped, not a cut-off: facts of an inspraak
need not be recorded in the order of their dates. The first event creates the
aggregate; when it does not count the aggregate did not exist yet (None),
unless `schepping_telt` (a container such as an Inspraakdossier, whose Geopend
is no fact of its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any


@dataclass(frozen=True)
class Stand:
    aggregate: Any  # None: it did not exist yet
    meegeteld: int  # events that counted
    totaal: int  # events stored


def telt(event, per: date, geregistreerd: bool = False) -> bool:
    if geregistreerd:
        return event.timestamp <= datetime.combine(per, datetime.max.time(), tzinfo=timezone.utc)
    return event.datum <= per


def zoals_op(events: Iterable, per: date, *, geregistreerd: bool = False, schepping_telt: bool = False) -> Stand:
    aggregate, meegeteld, totaal, gat = None, 0, 0, False
    for e in events:
        totaal += 1
        if totaal == 1:
            if schepping_telt or telt(e, per, geregistreerd):
                aggregate, meegeteld = e.mutate(None), 1
            continue
        if aggregate is None or not telt(e, per, geregistreerd):
            gat = True
            continue
        meegeteld += 1
        if gat:  # the library's mutate checks versions follow each other; after a skipped event they do not
            e.apply(aggregate)
        else:
            aggregate = e.mutate(aggregate)
    return Stand(aggregate, meegeteld, totaal)
