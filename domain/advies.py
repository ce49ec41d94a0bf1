"""The advies of an adviesraad on a zaak (zaaktype adviesaanvraag): numbered adviezen and the college's reactie.

Facts are events of the Zaak (topic = this module); the state is an `Advies` on
the zaak's Besluitvorming (domain.besluitvorming). An advies may go to the raad
before the college reacted (zaak 3317818: advies to the raad 11-10-2021, reactie
21-10-2021), so sending it is a fact of its own, not a step of the zaak.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.basis import Keuze
from domain.besluitvorming import wijzigbare_toestand
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.zaak import Zaak


class AdviesUitkomst(Keuze):
    GEVOLGD = "gevolgd"
    DEELS_GEVOLGD = "deels gevolgd"
    NIET_GEVOLGD = "niet gevolgd"
    TOEGELICHT = "toegelicht"  # the college explains but takes no position


@dataclass
class Reactie:
    uitkomst: AdviesUitkomst
    tekst: str


@dataclass
class Advies:
    adviesorgaan: str
    kenmerk: str | None
    dagtekening: date
    ontvangen: date
    adviezen: list[str]  # advies n is adviezen[n - 1]
    reacties: dict[int, Reactie] = field(default_factory=dict)
    reactie_datum: date | None = None
    reactietermijn_einde: date | None = None  # the agreed term, as it stood when the college reacted
    afwijking: str | None = None  # why the college deviated from the agreed term
    termijn_tot: date | None = None  # the deviating last day, when the college set one
    naar_raad: list[dict] = field(default_factory=list)  # {"datum", "met_reactie"}


def _tekst(tekst: str, wat: str) -> str:
    if not tekst or not tekst.strip():
        raise DomeinFout(f"{wat} mag niet leeg zijn.")
    return tekst.strip()


def controleer_advies(bestaand: Advies | None, *, zaaknummer: str, adviesorgaan: str, kenmerk: str | None,
                      dagtekening: date | None, adviezen: list[str], datum: date) -> dict:
    if bestaand is not None:
        raise DomeinFout(
            f"Zaak {zaaknummer} heeft al een advies ({bestaand.adviesorgaan}, ontvangen {nl_datum(bestaand.ontvangen)})."
        )
    if not adviezen:
        raise DomeinFout("Een advies bevat ten minste één advies (--advies, in de volgorde van het advies).")
    dagtekening = dagtekening or datum
    if dagtekening > datum:
        raise DomeinFout(
            f"De dagtekening ({nl_datum(dagtekening)}) ligt na de ontvangst ({nl_datum(datum)}); "
            "--datum is de dag van ontvangst."
        )
    return dict(
        adviesorgaan=_tekst(adviesorgaan, "Het adviesorgaan"),
        kenmerk=_tekst(kenmerk, "Het kenmerk") if kenmerk is not None else None,
        dagtekening=dagtekening,
        adviezen=[_tekst(a, "Een advies") for a in adviezen],
    )


def controleer_reactie(advies: Advies | None, *, zaaknummer: str, reacties: list[tuple[int, str, str]],
                       termijn_einde: date | None, afwijking: str | None, termijn_tot: date | None,
                       datum: date) -> dict:
    if advies is None:
        raise DomeinFout(f"Zaak {zaaknummer} heeft nog geen advies; leg het vast met 'zaakstroom advies ontvangen'.")
    if advies.reactie_datum is not None:
        raise DomeinFout(f"Het college reageerde al op {nl_datum(advies.reactie_datum)} op dit advies.")
    n = len(advies.adviezen)
    gezien: dict[int, dict] = {}
    for nummer, uitkomst, tekst in reacties:
        if not 1 <= nummer <= n:
            heeft = "1 advies (nummer 1)" if n == 1 else f"{n} adviezen (1–{n})"
            raise DomeinFout(f"Advies {nummer} bestaat niet; het advies heeft {heeft}.")
        if nummer in gezien:
            raise DomeinFout(f"Advies {nummer} heeft meer dan één reactie.")
        gezien[nummer] = {"nummer": nummer, "uitkomst": AdviesUitkomst.lees(uitkomst, "uitkomst").value,
                          "tekst": _tekst(tekst, f"De reactie op advies {nummer}")}
    if ontbreekt := [str(i) for i in range(1, n + 1) if i not in gezien]:
        raise DomeinFout(
            f"De reactie van het college gaat op elk advies in; geen reactie op advies {', '.join(ontbreekt)}. "
            "Neemt het college geen standpunt in, gebruik dan 'toegelicht'."
        )
    if termijn_tot is not None and afwijking is None:
        raise DomeinFout("Een afwijkende termijn (--termijn-tot) vraagt de reden van de afwijking (--afwijking).")
    if termijn_tot is not None and termijn_tot < advies.ontvangen:
        raise DomeinFout(f"De afwijkende termijn kan niet eindigen vóór de ontvangst van het advies "
                         f"({nl_datum(advies.ontvangen)}).")
    if termijn_einde is not None and datum > termijn_einde and afwijking is None:
        raise DomeinFout(
            f"De reactietermijn liep tot en met {nl_datum(termijn_einde)}; een reactie op {nl_datum(datum)} "
            "wijkt daarvan af en vraagt een reden (--afwijking)."
        )
    return dict(
        reacties=[gezien[i] for i in sorted(gezien)], reactietermijn_einde=termijn_einde,
        afwijking=_tekst(afwijking, "De reden van de afwijking") if afwijking is not None else None,
        termijn_tot=termijn_tot,
    )


def controleer_naar_raad(advies: Advies | None, *, zaaknummer: str, met_reactie: bool, datum: date) -> None:
    if advies is None:
        raise DomeinFout(f"Zaak {zaaknummer} heeft nog geen advies om naar de raad te sturen.")
    if met_reactie and advies.reactie_datum is None:
        raise DomeinFout("Het college heeft nog niet gereageerd; stuur het advies zonder --met-reactie.")
    if any(z["datum"] == datum and z["met_reactie"] == met_reactie for z in advies.naar_raad):
        raise DomeinFout(f"Dit is al op {nl_datum(datum)} naar de raad gestuurd.")


# --- events on the Zaak -------------------------------------------------------


class AdviesOntvangen(Zaak.Event):
    adviesorgaan: str
    kenmerk: str | None
    dagtekening: date
    adviezen: list[str]

    def apply(self, zaak: Zaak) -> None:
        wijzigbare_toestand(zaak).advies = Advies(self.adviesorgaan, self.kenmerk, self.dagtekening, self.datum, list(self.adviezen))


class CollegeReactieVerzonden(Zaak.Event):
    reacties: list[dict]  # {"nummer", "uitkomst", "tekst"}
    reactietermijn_einde: date | None
    afwijking: str | None
    termijn_tot: date | None

    def apply(self, zaak: Zaak) -> None:
        a = wijzigbare_toestand(zaak).advies
        a.reacties = {r["nummer"]: Reactie(AdviesUitkomst(r["uitkomst"]), r["tekst"]) for r in self.reacties}
        a.reactie_datum = self.datum
        a.reactietermijn_einde = self.reactietermijn_einde
        a.afwijking, a.termijn_tot = self.afwijking, self.termijn_tot


class AdviesNaarRaad(Zaak.Event):
    met_reactie: bool

    def apply(self, zaak: Zaak) -> None:
        wijzigbare_toestand(zaak).advies.naar_raad.append({"datum": self.datum, "met_reactie": self.met_reactie})
