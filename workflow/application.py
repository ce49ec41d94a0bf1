"""The composition root: one event store and notification log for every aggregate, and
the services of the parts (workflow.delen), each created on first use.

`app.dienst("zienswijzen")` is a part's service; the services see the
application only through their Kern (workflow.kern).
"""

from __future__ import annotations

from datetime import date

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder

from domain.fouten import DomeinFout
from store.config import Opslag
from store.events import STORE_NAME, register_transcodings, store_env
from workflow import delen
from workflow.kern import Dienst, Kern


class Zaakstroom(Application):
    name = STORE_NAME

    def __init__(self, opslag: Opslag | None = None, vandaag: date | None = None) -> None:
        self.opslag = opslag or Opslag.uit_omgeving()
        super().__init__(env=store_env(self.opslag))
        self.kern = Kern(self, vandaag)
        self._diensten: dict[str, Dienst] = {}

    def dienst(self, naam: str) -> Dienst:
        if naam not in self._diensten:
            deel = delen.PER_NAAM.get(naam)
            if deel is None or not deel.dienst:
                raise DomeinFout(f"Onbekend onderdeel '{naam}'; bekend: {', '.join(d.naam for d in delen.DELEN)}.")
            self._diensten[naam] = delen.laad(deel.dienst)(self.kern)
        return self._diensten[naam]

    def vandaag(self) -> date:
        return self.kern.vandaag()

    def close(self) -> None:
        for dienst in self._diensten.values():
            dienst.sluit()
        super().close()

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        register_transcodings(transcoder)
