"""Use-cases for the advies of an adviesraad (`advies …`, zaaktype adviesaanvraag).

  advies ontvangen   step advies_ontvangen (starts the college's reactietermijn)
  advies reactie     step reageren (a reactie after the term needs the reason it deviates)
  advies naar-raad   no step: the advies may go to the raad before the college reacted
  advies toon        the tracking report: outcome per advies, reactietermijn against the facts
  zaak afsluiten     after the reactie only as 'advies verwerkt'; before the advies step intrekken

The advies is state on the zaak's Besluitvorming (domain.advies), so the zaak
helpers are those of raadsbesluitvorming (workflow.besluitvorming).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum, auto

from domain.advies import AdviesUitkomst
from domain.besluitvorming import toestand
from domain.datums import nl_datum
from domain.zaak import Zaak
from workflow.definitie import vereist
from workflow.kern import Dienst


# --- the names of the zaaktype this part uses: every definition with onderdelen = ["advies"] has them


class Stappen(StrEnum):
    advies_ontvangen = auto()
    reageren = auto()


class Termijnen(StrEnum):
    reactietermijn = auto()


VEREIST = vereist("advies", stappen=Stappen, termijnen=Termijnen)


class AdviesDienst(Dienst):
    def _adviszaak(self, zaaknummer: str) -> Zaak:
        return self.zaken.zaak_voor(zaaknummer, VEREIST, "is geen adviesaanvraag.")

    def _advies_weergave(self, zaak: Zaak) -> dict:
        weergave = self.zaken.weergave(zaak)
        weergave["advies"] = advies_als_dict(zaak, self.kern.vandaag())
        return weergave

    def advies_ontvangen(self, zaaknummer: str, *, adviesorgaan: str, kenmerk: str | None = None,
                         dagtekening: date | None = None, adviezen: list[str], actor: str,
                         datum: date | None = None, reden: str | None = None) -> dict:
        zaak = self._adviszaak(zaaknummer)
        datum = self.kern.datum(datum)
        zaak.ontvang_advies(
            adviesorgaan=adviesorgaan, kenmerk=kenmerk, dagtekening=dagtekening, adviezen=adviezen,
            actor=actor, datum=datum, reden=reden,
            stap=lambda: self.zaken.voer_stap_uit(zaak, Stappen.advies_ontvangen, actor=actor, datum=datum, reden=reden),
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="advies_ontvangen", actor=actor)
        return self._advies_weergave(zaak)

    def advies_reactie(self, zaaknummer: str, reacties: list[tuple[int, str, str]], *, afwijking: str | None = None,
                       termijn_tot: date | None = None, actor: str, datum: date | None = None,
                       reden: str | None = None) -> dict:
        zaak = self._adviszaak(zaaknummer)
        datum = self.kern.datum(datum)
        zaak.reageer_op_advies(
            reacties, afwijking=afwijking, termijn_tot=termijn_tot, actor=actor, datum=datum, reden=reden,
            stap=lambda: self.zaken.voer_stap_uit(zaak, Stappen.reageren, actor=actor, datum=datum, reden=reden),
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="advies_reactie", actor=actor)
        return self._advies_weergave(zaak)

    def advies_naar_raad(self, zaaknummer: str, *, met_reactie: bool = False, actor: str,
                         datum: date | None = None, reden: str | None = None) -> dict:
        zaak = self._adviszaak(zaaknummer)
        datum = self.kern.datum(datum)
        zaak.stuur_advies_naar_raad(met_reactie=met_reactie, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="advies_naar_raad", actor=actor)
        return self._advies_weergave(zaak)

    def advies_toon(self, zaaknummer: str) -> dict:
        return self._advies_weergave(self._adviszaak(zaaknummer))


# --- views ------------------------------------------------------------------------


def advies_als_dict(zaak: Zaak, per: date) -> dict | None:
    """The advies tracking report: each advies with the college's outcome, the reactietermijn against the facts."""
    a = toestand(zaak).advies
    if a is None:
        return None
    lopend = None if zaak.is_afgesloten else zaak.lopende_termijn(Termijnen.reactietermijn, per)
    einde = a.reactietermijn_einde or (lopend and lopend.einde)
    adviezen = []
    for nummer, tekst in enumerate(a.adviezen, start=1):
        r = a.reacties.get(nummer)
        adviezen.append({"nummer": nummer, "advies": tekst, "uitkomst": r.uitkomst.value if r else None,
                         "reactie": r.tekst if r else None})
    telling = {u.value: sum(x["uitkomst"] == u.value for x in adviezen) for u in AdviesUitkomst}
    return {
        "adviesorgaan": a.adviesorgaan, "kenmerk": a.kenmerk, "dagtekening": a.dagtekening,
        "ontvangen": a.ontvangen, "aantal": len(a.adviezen), "adviezen": adviezen, "telling": telling,
        "reactietermijn": _reactietermijn(a, einde, per),
        "naar_raad": [
            {"datum": z["datum"], "met_reactie": z["met_reactie"],
             "voor_reactie": a.reactie_datum is None or z["datum"] < a.reactie_datum}
            for z in a.naar_raad
        ],
    }


def _reactietermijn(a, einde: date | None, per: date) -> dict:
    afwijking = None
    if a.afwijking is not None:
        soort = None
        if a.termijn_tot is not None and einde is not None:
            soort = "verkort" if a.termijn_tot < einde else "verlengd" if a.termijn_tot > einde else None
        afwijking = {"reden": a.afwijking, "termijn_tot": a.termijn_tot, "soort": soort}
    t = {"einde": einde, "reactie": a.reactie_datum, "afwijking": afwijking}
    if a.reactie_datum is not None:
        t["dagen_na_ontvangst"] = (a.reactie_datum - a.ontvangen).days
        t["binnen_termijn"] = einde is None or a.reactie_datum <= einde
        if a.termijn_tot is not None:
            t["binnen_afwijkende_termijn"] = a.reactie_datum <= a.termijn_tot
        t["oordeel"] = _oordeel(a.reactie_datum, einde, a.termijn_tot)
    elif einde is not None:
        t["oordeel"] = (f"nog geen reactie; de termijn loopt tot en met {nl_datum(einde)}" if per <= einde
                        else f"nog geen reactie; de termijn is verstreken op {nl_datum(einde)}")
    return t


def _dagen(n: int) -> str:
    return f"{n} dag" if n == 1 else f"{n} dagen"


def _oordeel(reactie: date, einde: date | None, termijn_tot: date | None) -> str:
    if einde is None:
        return f"gereageerd op {nl_datum(reactie)}"
    tekst = (f"binnen de termijn ({_dagen((einde - reactie).days)} vóór het einde)" if reactie <= einde
             else f"{_dagen((reactie - einde).days)} na het einde van de termijn")
    if termijn_tot is not None:
        tekst += ("; binnen de afwijkende termijn" if reactie <= termijn_tot
                  else "; ook na de afwijkende termijn")
    return tekst
