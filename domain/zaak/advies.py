"""The Zaak's commands for the advies of an adviesraad: received, the college's reactie, sent to the raad.

Mixed into Zaak (domain.zaak). Each command checks its fact with the pure rules
of domain.advies, takes the zaaktype's step that comes with it (`stap`,
Zaak._neem_stap) and records one event. Rules, state and events are
domain.advies, imported on first use, so their stored topics stay
domain.advies:AdviesOntvangen, ….
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.zaak import Stap


class AdviesCommando:
    def ontvang_advies(self, *, adviesorgaan: str, kenmerk: str | None, dagtekening: date | None,
                       adviezen: list[str], stap: Stap | None, actor: str, datum: date, reden: str | None) -> None:
        """The advies received on `datum`, its numbered adviezen in order; dated `dagtekening` (default `datum`)."""
        from domain import advies
        from domain.besluitvorming import toestand

        feit = advies.controleer_advies(toestand(self).advies, zaaknummer=self.zaaknummer, adviesorgaan=adviesorgaan,
                                        kenmerk=kenmerk, dagtekening=dagtekening, adviezen=list(adviezen), datum=datum)
        self._neem_stap(stap, datum)
        self.trigger_event(advies.AdviesOntvangen, **feit, actor=actor, datum=datum, reden=reden)

    def reageer_op_advies(self, reacties: list[tuple[int, str, str]], *, afwijking: str | None,
                          termijn_tot: date | None, stap: Stap | None, actor: str, datum: date,
                          reden: str | None) -> None:
        """The college's reactie, (nummer, uitkomst, tekst) per advies, against the reactietermijn."""
        from domain import advies
        from domain.besluitvorming import toestand

        termijn = self.lopende_termijn("reactietermijn", datum)  # of the state the step leaves
        feit = advies.controleer_reactie(toestand(self).advies, zaaknummer=self.zaaknummer, reacties=list(reacties),
                                         termijn_einde=termijn and termijn.einde, afwijking=afwijking,
                                         termijn_tot=termijn_tot, datum=datum)
        self._neem_stap(stap, datum)
        self.trigger_event(advies.CollegeReactieVerzonden, **feit, actor=actor, datum=datum, reden=reden)

    def stuur_advies_naar_raad(self, *, met_reactie: bool, actor: str, datum: date, reden: str | None) -> None:
        """The advies (with the reactie, or before it) went to the raad (no step)."""
        from domain import advies
        from domain.besluitvorming import toestand

        advies.controleer_naar_raad(toestand(self).advies, zaaknummer=self.zaaknummer, met_reactie=met_reactie,
                                    datum=datum)
        self._neem_stap(None, datum)
        self.trigger_event(advies.AdviesNaarRaad, met_reactie=met_reactie, actor=actor, datum=datum, reden=reden)
