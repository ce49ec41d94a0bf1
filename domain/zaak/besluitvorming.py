"""The Zaak's commands for raadsbesluitvorming: politieke markt, raadsagenda, raadsbesluit, bekendmaking, beroep.

Mixed into Zaak (domain.zaak). Each command checks its fact with the pure rules
of domain.besluitvorming, takes the zaaktype's step that comes with it
(`stap`, Zaak._neem_stap) and records one event. The rules, the state and the
events are domain.besluitvorming, imported on first use: a plain `zaak stap`
never loads them, and the events keep their stored topics
(domain.besluitvorming:Geagendeerd, …).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.besluitvorming import Raadsagenda, SoortPolitiekeMarkt, Uitkomst, UitspraakUitkomst
    from domain.zaak import Stap


class BesluitvormingCommando:
    def plan_politieke_markt(
        self, pm_datum: date, soort: SoortPolitiekeMarkt, *, voorzitter: str | None, zaal: str | None,
        spreekrecht: bool, max_spreektijd: int | None, insprekers: list[str], particuliere_insprekers: int,
        volgorde: list[str], stap: Stap | None, actor: str, datum: date, reden: str | None,
    ) -> None:
        """A politieke markt on `pm_datum`, planned on `datum`; no `stap` when beeldvormend or a further session."""
        from domain import besluitvorming as bvm

        feit = bvm.controleer_politieke_markt(
            bvm.toestand(self), pm_datum=pm_datum, soort=soort, voorzitter=voorzitter, zaal=zaal,
            spreekrecht=spreekrecht, max_spreektijd=max_spreektijd, insprekers=list(insprekers),
            particuliere_insprekers=particuliere_insprekers, volgorde=list(volgorde), datum=datum,
        )
        self._neem_stap(stap, datum)
        self.trigger_event(bvm.PolitiekeMarktGepland, **feit, actor=actor, datum=datum, reden=reden)

    def agendeer(self, vergaderdatum: date, code: str, *, behandeling: str | None, agenda: Raadsagenda | None,
                 stap: Stap | None, actor: str, datum: date, reden: str | None) -> str:
        """On the agenda of the raad of `vergaderdatum` as `code` (free on `agenda`); returns the code as written."""
        from domain import besluitvorming as bvm

        code = bvm.controleer_agenderen(bvm.toestand(self), agenda, zaaknummer=self.zaaknummer,
                                        vergaderdatum=vergaderdatum, code=code, behandeling=behandeling, datum=datum)
        self._neem_stap(stap, datum)
        self.trigger_event(bvm.Geagendeerd, vergaderdatum=vergaderdatum, agendacode=code,
                           actor=actor, datum=datum, reden=reden)
        return code

    def wijzig_agendapunt(self, code: str, *, behandeling: str | None, agenda: Raadsagenda, actor: str,
                          datum: date, reden: str | None) -> str:
        """The zaak's item on the current agenda gets `code` (no step); returns the code as written."""
        from domain import besluitvorming as bvm

        bv = bvm.toestand(self)
        nieuw = bvm.controleer_agendawijziging(bv, agenda, zaaknummer=self.zaaknummer, code=code,
                                               behandeling=behandeling, datum=datum, reden=reden)
        self._neem_stap(None, datum)
        self.trigger_event(bvm.AgendapuntGewijzigd, vergaderdatum=bv.agendering.vergaderdatum,
                           oud=bv.agendering.code, nieuw=nieuw, actor=actor, datum=datum, reden=reden)
        return nieuw

    def neem_raadsbesluit(self, uitkomst: Uitkomst, beslispunten: list[str], *, stap: Stap | None, actor: str,
                          datum: date, reden: str | None) -> None:
        from domain import besluitvorming as bvm

        feit = bvm.controleer_raadsbesluit(bvm.toestand(self), zaaknummer=self.zaaknummer, uitkomst=uitkomst,
                                           beslispunten=list(beslispunten), datum=datum)
        self._neem_stap(stap, datum)
        self.trigger_event(bvm.RaadsbesluitGenomen, **feit, actor=actor, datum=datum, reden=reden)

    def maak_bekend(self, *, vindplaats: str | None, stap: Stap | None, actor: str, datum: date,
                    reden: str | None) -> None:
        """The besluit is bekendgemaakt; the beroepstermijn the step starts (Awb 6:7, 6:8, Atw) is kept with it."""
        from domain import besluitvorming as bvm

        feit = bvm.controleer_bekendmaking(bvm.toestand(self), self.zaaknummer, vindplaats)
        self._neem_stap(stap, datum)
        termijn = self.lopende_termijn("beroepstermijn", datum)
        self.trigger_event(
            bvm.Bekendgemaakt, **feit,
            beroepstermijn_eerste_dag=termijn and termijn.eerste_dag, beroepstermijn_einde=termijn and termijn.einde,
            actor=actor, datum=datum, reden=reden,
        )

    def leg_inwerkingtreding_vast(self, *, regel: str | None, op: date | None, actor: str, datum: date,
                                  reden: str | None) -> None:
        """The day the besluit enters into force: `op`, or counted by `regel` from the bekendmaking (no step)."""
        from domain import besluitvorming as bvm

        feit = bvm.controleer_inwerkingtreding(bvm.toestand(self), zaaknummer=self.zaaknummer, regel=regel, op=op)
        self._neem_stap(None, datum)
        self.trigger_event(bvm.InwerkingtredingVastgelegd, **feit, actor=actor, datum=datum, reden=reden)

    def stel_beroep_in(self, *, indiener: str | None, particulier: bool, instantie: str, verzonden: date | None,
                       stap: Stap | None, actor: str, datum: date, reden: str | None) -> None:
        """A beroep received on `datum` (posted on `verzonden`), judged on time or late (Awb 6:9)."""
        from domain import besluitvorming as bvm

        feit = bvm.controleer_beroep(bvm.toestand(self), zaaknummer=self.zaaknummer, indiener=indiener,
                                     particulier=particulier, instantie=instantie, datum=datum, verzonden=verzonden)
        self._neem_stap(stap, datum)
        self.trigger_event(bvm.BeroepIngesteld, **feit, actor=actor, datum=datum, reden=reden)

    def doe_uitspraak(self, uitkomst: UitspraakUitkomst, *, stap: Stap | None, actor: str, datum: date,
                      reden: str | None) -> None:
        from domain import besluitvorming as bvm

        bvm.controleer_uitspraak(bvm.toestand(self), self.zaaknummer)
        self._neem_stap(stap, datum)
        self.trigger_event(bvm.UitspraakGedaan, uitkomst=uitkomst.value, actor=actor, datum=datum, reden=reden)

    def word_onherroepelijk(self, *, stap: Stap | None, actor: str, datum: date, reden: str | None) -> None:
        """The besluit became onherroepelijk the day after its beroepstermijn, which the step waited for."""
        from domain import besluitvorming as bvm

        termijn = self.lopende_termijn("beroepstermijn", datum)  # of the state the step leaves
        self._neem_stap(stap, datum)  # first: its refusal (status, term still running) says more
        feit = bvm.controleer_onherroepelijk(bvm.toestand(self), self.zaaknummer, termijn)
        self.trigger_event(bvm.OnherroepelijkGeworden, **feit, actor=actor, datum=datum, reden=reden)
