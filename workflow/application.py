"""The event-sourced application: one event store and notification log for every aggregate.

The use-cases live in one module per part of the domain (zaken, zienswijzen,
besluitvorming, aanbestedingen); this class only wires them to the store.
Methods take and return plain values (strings, dates, dicts), never
aggregates, so the CLI, the tests and the benchmark talk the same language.
"""

from __future__ import annotations

from datetime import date

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, Transcoding

from workflow.aanbestedingen import AanbestedingHandelingen
from workflow.basis import Basis
from workflow.besluitvorming import BesluitvormingHandelingen
from workflow.opslag import Opslag
from workflow.zaken import ZaakHandelingen
from workflow.zienswijzen import ZienswijzeHandelingen


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class Zaakstroom(
    ZaakHandelingen,
    ZienswijzeHandelingen,
    BesluitvormingHandelingen,
    AanbestedingHandelingen,
    Basis,
    Application,
):
    name = "zaakstroom"

    def __init__(self, opslag: Opslag | None = None, vandaag: date | None = None) -> None:
        self.opslag = opslag or Opslag.uit_omgeving()
        self._vandaag = vandaag
        super().__init__(env=self.opslag.eventsourcing_env())

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())
