"""What every use-case needs: today's date, checked effective dates, loading and saving."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.zaak import Zaak, zaak_id
from workflow.engine import Workflow, workflow
from store.log import log


class Basis:
    """Mixed into the Application; the other use-case mixins build on these helpers."""

    def vandaag(self) -> date:
        return self._vandaag or date.today()

    def _datum(self, datum: date | None) -> date:
        """The effective date of an action: today unless given, never in the future."""
        if datum is None:
            return self.vandaag()
        if datum > self.vandaag():
            raise DomeinFout(
                f"De datum {nl_datum(datum)} ligt in de toekomst; --datum is de dag waarop het "
                "gebeurde, uiterlijk vandaag."
            )
        return datum

    def _laad(self, aggregate_id: UUID, niet_gevonden: str):
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            raise DomeinFout(niet_gevonden) from None

    def _zaak(self, zaaknummer: str) -> Zaak:
        return self._laad(zaak_id(zaaknummer), f"Zaak {zaaknummer} bestaat niet.")

    @staticmethod
    def _workflow(zaak: Zaak) -> Workflow:
        return workflow(zaak.zaaktype, zaak.zaaktype_versie)

    def _bewaar(self, *aggregates, bestaat_al: str | None = None, **context: Any) -> None:
        """Save the aggregates' new events in one transaction, or none of them.

        A conflict means another process saved first: a new aggregate whose id
        exists already (`bestaat_al` says what), or a concurrent change.
        """
        try:
            self.save(*aggregates)
        except IntegrityError:
            if bestaat_al:
                raise DomeinFout(bestaat_al) from None
            raise DomeinFout("Dit is intussen door een ander gewijzigd; bekijk de stand en probeer opnieuw.") from None
        log.info("opgeslagen", **context)


class Dienst:
    """The use-cases of one part of the domain (zienswijzen, besluitvorming, …).

    The application creates each on first use (`app.zienswijzen`, …), so a
    command imports only the part of the domain it touches: importing every
    aggregate's event classes is most of a command's start-up time. What a
    service does not have itself (`_zaak`, `_bewaar`, `repository`, …) it
    takes from the application.
    """

    def __init__(self, app) -> None:
        self._app = app

    def __getattr__(self, naam: str):
        return getattr(self._app, naam)
