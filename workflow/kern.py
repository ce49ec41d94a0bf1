"""What every use-case needs, and the base of every part's service.

`Kern` is the application's small public face towards the use-cases: today's
date, the checked effective date of an action, loading and saving aggregates,
and the services of the other parts (`kern.dienst("zaken")`). A service gets
the Kern, never the application, so what a part may use is written here.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from store.log import log


class Kern:
    def __init__(self, app, vandaag: date | None = None) -> None:
        self._app = app
        self._vandaag = vandaag
        self.repository = app.repository
        self.opslag = app.opslag

    def dienst(self, naam: str):
        """The service of another part, created on first use (workflow.delen)."""
        return self._app.dienst(naam)

    def vandaag(self) -> date:
        return self._vandaag or date.today()

    def datum(self, datum: date | None) -> date:
        """The effective date of an action: today unless given, never in the future."""
        if datum is None:
            return self.vandaag()
        if datum > self.vandaag():
            raise DomeinFout(
                f"De datum {nl_datum(datum)} ligt in de toekomst; --datum is de dag waarop het "
                "gebeurde, uiterlijk vandaag."
            )
        return datum

    def laad(self, aggregate_id: UUID, niet_gevonden: str):
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise DomeinFout(niet_gevonden) from None

    def bestaat(self, aggregate_id: UUID) -> bool:
        # Not `id in repository`: the library answers that by replaying the whole aggregate.
        return bool(self._app.recorder.select_events(aggregate_id, limit=1))

    def gebeurtenissen(self, aggregate_id: UUID) -> list:
        """The stored events of one aggregate, in order (empty when it does not exist)."""
        return list(self.repository.event_store.get(aggregate_id))

    def bewaar(self, *aggregates, bestaat_al: str | None = None, **context: Any) -> None:
        """Save the aggregates' new events in one transaction, or none of them.

        A conflict means another process saved first: a new aggregate whose id
        exists already (`bestaat_al` says what), or a concurrent change.
        """
        try:
            self._app.save(*aggregates)
        except IntegrityError:
            if bestaat_al:
                raise DomeinFout(bestaat_al) from None
            raise DomeinFout("Dit is intussen door een ander gewijzigd; bekijk de stand en probeer opnieuw.") from None
        log.info("opgeslagen", **context)


class Dienst:
    """The use-cases of one part of the domain (zaken, zienswijzen, aanbestedingen, …).

    Methods take and return plain values (strings, dates, dicts), never
    aggregates, so the CLI, the tests and the benchmarks talk the same language.
    """

    def __init__(self, kern: Kern) -> None:
        self.kern = kern

    @property
    def zaken(self):
        """The zaken service: most parts hang on a zaak (workflow.zaken.ZaakDienst)."""
        return self.kern.dienst("zaken")

    def sluit(self) -> None:
        """Release what the service opened itself (a connection for personal-data keys, …)."""
