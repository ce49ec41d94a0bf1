"""Two processes storing the same definition version at once (domain.definitieversie): the store
refuses the second copy by its id; the second registration then compares and saves its zaak alone."""

from __future__ import annotations

import pytest

from domain.definitieversie import Definitieversie, definitieversie_id
from domain.fouten import DomeinFout
from domain.zaak import zaak_id
from store.config import Opslag
from workflow.application import Zaakstroom
from workflow.definitie import INGEBOUWD

WMO = definitieversie_id("zaaktype", "wmo-melding", 1)


def registreer(app: Zaakstroom, nummer: str) -> dict:
    return app.dienst("zaken").registreer(zaaknummer=nummer, zaaktype="wmo-melding", omschrijving="Melding",
                                          portefeuillehouders=[], behandelaar="consulent", actor="test")


@pytest.fixture
def apps(db_url):
    geopend: list[Zaakstroom] = []

    def open_(te_laat: bool = False) -> Zaakstroom:
        """An application; `te_laat`: it looked for the stored version just before another process saved it."""
        app = Zaakstroom(Opslag(db_url))
        geopend.append(app)
        if te_laat:
            dienst = app.dienst("definities")
            echt, gekeken = dienst._lees, []

            def lees(soort, naam, versie):
                if (soort.naam, naam, versie) == ("zaaktype", "wmo-melding", 1) and not gekeken:
                    gekeken.append(naam)
                    return None
                return echt(soort, naam, versie)

            dienst._lees = lees
        return app

    yield open_
    for app in geopend:
        app.close()


def test_de_tweede_registratie_slaagt_als_de_ander_dezelfde_versie_net_vastlegde(apps):
    a, b = apps(), apps(te_laat=True)
    registreer(a, "700001")
    assert registreer(b, "700002")["status"] == "onderzoek"
    assert len(a.kern.gebeurtenissen(WMO)) == 1
    assert apps().dienst("zaken").toon("700002")["zaaktype_versie"] == 1


def test_de_tweede_registratie_wordt_geweigerd_als_de_ander_andere_inhoud_vastlegde(apps):
    a, b = apps(), apps(te_laat=True)
    tekst = (INGEBOUWD / "wmo-melding" / "v1.toml").read_text(encoding="utf-8").replace("lengte = 2", "lengte = 3")
    a.save(Definitieversie.leg_vast(soort="zaaktype", naam="wmo-melding", versie=1, tekst=tekst, bron="/elders",
                                    actor="ander", datum=a.vandaag(), reden=None))
    with pytest.raises(DomeinFout, match="Zaaktype wmo-melding v1 is al vastgelegd met andere inhoud"):
        registreer(b, "700002")
    assert not a.kern.bestaat(zaak_id("700002"))


def test_een_bestaand_zaaknummer_blijft_een_bestaand_zaaknummer(apps):
    a, b = apps(), apps(te_laat=True)
    registreer(a, "700001")
    with pytest.raises(DomeinFout, match="Zaak 700001 bestaat al"):
        registreer(b, "700001")
    assert len(a.kern.gebeurtenissen(WMO)) == 1
