"""The Zienswijze records what may identify its indiener only as ciphertext (version 2 of its events):
it gets the clear texts and a function that encrypts them with its key."""

from datetime import date

import pytest

from domain.fouten import DomeinFout
from domain.ontvankelijkheid import Ontvankelijkheid
from domain.zienswijze import REACTIE, SAMENVATTING, Zienswijze


def versleutel(gegevens, doel=None) -> str:
    """A stand-in for store.keys.Sleutelkluis.versleutel_met bound to a key: visibly not the clear text."""
    return f"<{doel or 'identiteit'}:{len(str(gegevens))}>"


def dien_in(indiener: dict) -> Zienswijze:
    return Zienswijze.dien_in(
        zaaknummer="900001", kenmerk="900001-1", registratienummer=1, ontvangstdatum=date(2021, 7, 9),
        verzenddatum=None, vorm="schriftelijk", themas=["hotel"], samenvatting="  Mevrouw X is tegen.  ",
        indiener=indiener, sleutel="sleutel-1", versleutel=versleutel, informeel=False,
        ontvankelijkheid=Ontvankelijkheid(True, "tijdig", "Op tijd."), actor="t", datum=date(2021, 7, 9), reden=None,
    )


def test_indienen_legt_alleen_versleutelde_teksten_vast_ook_zonder_identiteit():
    [e] = dien_in({"naam": "X"}).collect_events()
    assert (e.samenvatting, e.samenvatting_versleuteld) == (None, f"<{SAMENVATTING}:19>")
    assert (e.indiener_ref, e.indiener_versleuteld) == ("sleutel-1", "<identiteit:13>")
    [e] = dien_in({}).collect_events()
    assert (e.indiener_ref, e.indiener_versleuteld, e.samenvatting_versleuteld) == ("sleutel-1", None, "<samenvatting:19>")


def test_de_eigen_reactietekst_wordt_versleuteld_en_na_wissen_niet_meer_vastgelegd():
    z = dien_in({})
    z.beantwoord(reactie=" Eigen tekst. ", standaardreacties=["ZKA"], aanpassing=None, vervolgacties=[],
                 versleutel=versleutel, actor="t", datum=date(2022, 5, 18), reden=None)
    e = z.collect_events()[-1]
    assert (e.reactie, e.reactie_versleuteld) == (None, f"<{REACTIE}:12>")
    z.beantwoord(reactie="", standaardreacties=["ZKA"], aanpassing=None, vervolgacties=[], versleutel=versleutel,
                 actor="t", datum=date(2022, 5, 18), reden=None)
    e = z.collect_events()[-1]
    assert (e.reactie, e.reactie_versleuteld) == ("", None)  # only shared texts: nothing personal to encrypt

    z.vergeet_indiener(actor="t", datum=date(2026, 12, 1), reden="AVG art. 17")
    with pytest.raises(DomeinFout, match="gewist op 1 december 2026: een eigen reactietekst kan niet meer"):
        z.beantwoord(reactie="Nog iets.", standaardreacties=[], aanpassing=None, vervolgacties=[],
                     versleutel=versleutel, actor="t", datum=date(2026, 12, 2), reden=None)
    with pytest.raises(DomeinFout, match="vraagt een reden"):
        dien_in({}).vergeet_indiener(actor="t", datum=date(2026, 12, 1), reden=" ")
