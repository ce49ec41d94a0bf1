"""The event-sourced application: one event store and notification log for every aggregate.

The use-cases live in one module per part of the domain: zaken (mixed in,
every command needs them) and zienswijzen, besluitvorming, advies,
aanbestedingen (services created on first use, see workflow.basis.Dienst).
Methods take and return plain values (strings, dates, dicts), never
aggregates, so the CLI, the tests and the benchmark talk the same language.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder

from workflow.basis import Basis
from store.config import Opslag
from store.events import STORE_NAME, register_transcodings, store_env
from workflow.zaken import ZaakHandelingen


class Zaakstroom(ZaakHandelingen, Basis, Application):
    """Zaken are the core every command needs; the other parts are services made on first use."""

    name = STORE_NAME

    def __init__(self, opslag: Opslag | None = None, vandaag: date | None = None) -> None:
        self.opslag = opslag or Opslag.uit_omgeving()
        self._vandaag = vandaag
        super().__init__(env=store_env(self.opslag))

    @cached_property
    def zienswijzen(self):
        from workflow.zienswijzen import ZienswijzeHandelingen

        return ZienswijzeHandelingen(self)

    @cached_property
    def besluitvorming(self):
        from workflow.besluitvorming import BesluitvormingHandelingen

        return BesluitvormingHandelingen(self)

    @cached_property
    def advies(self):
        from workflow.advies import AdviesHandelingen

        return AdviesHandelingen(self)

    @cached_property
    def aanbestedingen(self):
        from workflow.aanbestedingen import AanbestedingHandelingen

        return AanbestedingHandelingen(self)

    def close(self) -> None:
        if "zienswijzen" in self.__dict__:
            self.zienswijzen.sluit()
        super().close()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        register_transcodings(transcoder)
