"""Many behandelaars starting at once on a brand-new PostgreSQL database."""

from __future__ import annotations

import threading

import pytest

from workflow.application import Zaakstroom
from store.config import Opslag


@pytest.mark.postgres
def test_gelijktijdige_starts_op_een_nieuwe_database_maken_de_tabellen_een_keer(postgres_url):
    fouten: list[str] = []

    def registreer(i: int) -> None:
        try:
            app = Zaakstroom(Opslag(postgres_url))
            app.dienst("zaken").registreer(zaaknummer=str(7000 + i), zaaktype="wmo-melding", omschrijving="Melding",
                           portefeuillehouders=[], behandelaar="consulent", actor="test")
            app.close()
        except Exception as e:  # collected: the assertion below shows every failure
            fouten.append(repr(e))

    draden = [threading.Thread(target=registreer, args=(i,)) for i in range(8)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert fouten == []
    app = Zaakstroom(Opslag(postgres_url))
    assert [app.dienst("zaken").toon(str(7000 + i))["status"] for i in range(8)] == ["onderzoek"] * 8
    app.close()
