"""Use-cases for a zaak: register, advance, suspend, resume, extend, close, look back."""

from __future__ import annotations

import re
from datetime import date
from functools import partial

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.termijnen import Eenheid
from domain.tijdreis import zoals_op
from domain.zaak import Zaak, zaak_id
from workflow import engine
from workflow.definitie import ZAAKTYPE, Vereist, definitie, zaaktypen
from workflow.engine import Workflow, bouw_workflow, kan_vanaf, workflow
from workflow.kern import Dienst
from workflow.voorwaarden import Context
from workflow.weergave import zaak_als_dict


class ZaakDienst(Dienst):
    # --- what the other parts use -----------------------------------------------

    def zaak(self, zaaknummer: str) -> Zaak:
        return self.kern.laad(zaak_id(zaaknummer), f"Zaak {zaaknummer} bestaat niet.")

    def workflow(self, zaak: Zaak) -> Workflow:
        """The rules the zaak runs on: the text of the zaaktype version it was registered on
        (workflow.definitieversies: its file when unchanged, else as stored)."""
        return bouw_workflow(self.kern.dienst("definities").regels(
            ZAAKTYPE, zaak.zaaktype, zaak.zaaktype_versie, zaak.zaaktype_sha256))

    def weergave(self, zaak: Zaak, per: date | None = None) -> dict:
        return zaak_als_dict(zaak, self.workflow(zaak), per or self.kern.vandaag())

    def zaak_voor(self, zaaknummer: str, vereist: Vereist, anders: str) -> Zaak:
        """The zaak, when its zaaktype supports the part whose names `vereist` declares (checked
        against the definition); otherwise refused with 'Zaak … (zaaktype …) {anders}'."""
        zaak = self.zaak(zaaknummer)
        d = self.workflow(zaak).definitie
        if vereist.onderdeel not in d.onderdelen:
            raise DomeinFout(f"Zaak {zaaknummer} (zaaktype {zaak.zaaktype}) {anders}")
        vereist.controleer(d)
        return zaak

    # --- commands -------------------------------------------------------------

    def registreer(
        self,
        *,
        zaaknummer: str,
        zaaktype: str,
        omschrijving: str,
        portefeuillehouders: list[str],
        behandelaar: str,
        sector: str | None = None,
        actor: str,
        datum: date | None = None,
        reden: str | None = None,
    ) -> dict:
        zaaknummer = zaaknummer.strip()
        if not re.fullmatch(r"[0-9]+", zaaknummer):
            raise DomeinFout(f"Zaaknummer '{zaaknummer}' is ongeldig: alleen cijfers, bijvoorbeeld 3261787.")
        if not omschrijving.strip():
            raise DomeinFout("Een zaak heeft een omschrijving nodig.")
        if not behandelaar.strip():
            raise DomeinFout("Een zaak heeft een behandelaar nodig.")
        wf = workflow(zaaktype)
        # A duplicate zaaknummer is found by the store itself (same aggregate id, version 1).
        bestaat_al = f"Zaak {zaaknummer} bestaat al; een zaaknummer is uniek."
        datum = self.kern.datum(datum)
        maak = partial(
            Zaak.registreer,
            zaaknummer=zaaknummer,
            zaaktype=wf.definitie.naam,
            zaaktype_versie=wf.definitie.versie,
            zaaktype_sha256=wf.definitie.sha256,
            omschrijving=omschrijving.strip(),
            portefeuillehouders=[p.strip() for p in portefeuillehouders if p.strip()],
            behandelaar=behandelaar.strip(),
            sector=sector,
            status=wf.definitie.begintoestand,
            termijnen=wf.termijnen_bij_binnenkomst(wf.definitie.begintoestand, datum, datum),
            actor=actor,
            datum=datum,
            reden=reden,
        )
        # The zaak runs on this version's text from now on: stored with it if no zaak used it before.
        zaak = self.kern.dienst("definities").bewaar_nieuw(
            ZAAKTYPE, wf.definitie, maak, actor=actor, reden=f"Eerste zaak op deze versie: {zaaknummer}.",
            bestaat_al=bestaat_al, zaaknummer=zaaknummer, gebeurtenis="geregistreerd",
        )
        return self.weergave(zaak)

    def stap(self, zaaknummer: str, stap: str, *, actor: str, datum: date | None = None,
             reden: str | None = None) -> dict:
        zaak = self.zaak(zaaknummer)
        self.voer_stap_uit(zaak, stap, actor=actor, datum=self.kern.datum(datum), reden=reden, algemeen=True)
        self.kern.bewaar(zaak, zaaknummer=zaak.zaaknummer, gebeurtenis=stap, actor=actor)
        return self.weergave(zaak)

    def voer_stap_uit(self, zaak: Zaak, stap: str, *, actor: str, datum: date, reden: str | None,
                       algemeen: bool = False):
        """Check and record step `stap`; the caller saves. Returns the transition taken.

        Dedicated commands (raad besluit, …) call this with the facts they record
        alongside; the generic `zaak stap` (algemeen=True) refuses steps that
        have such a command, so their facts cannot be skipped.
        """
        toegestaan = self._toets(zaak, stap, datum, algemeen=algemeen)
        o = toegestaan.overgang
        zaak.ga_naar(stap=o.stap, naar=o.naar, termijnen=toegestaan.termijnen, actor=actor, datum=datum, reden=reden)
        return o

    def _toets(self, zaak: Zaak, stap: str, datum: date, *, algemeen: bool = False,
               afsluiten: bool = False) -> engine.Toegestaan:
        return engine.stap(
            self.workflow(zaak), zaak.status, stap, lopend=zaak.lopende_termijnen(datum), datum=datum,
            context=Context(self.kern, zaak, datum), startdatum=zaak.startdatum, kenmerk=zaak.zaaknummer,
            algemeen=algemeen, afsluiten=afsluiten,
        )

    def sluit_af(self, zaaknummer: str, resultaat: str, *, actor: str, datum: date | None = None,
                 reden: str | None = None) -> dict:
        zaak = self.zaak(zaaknummer)
        wf = self.workflow(zaak)
        datum = self.kern.datum(datum)
        afsluitend = [o for o in wf.overgangen_vanuit(zaak.status) if o.afsluiten]
        if not afsluitend:
            mogelijk = ", ".join(o.stap for o in wf.overgangen_vanuit(zaak.status)) or "geen"
            raise DomeinFout(
                f"Zaak {zaaknummer} kan vanuit status '{zaak.status}' niet worden afgesloten. "
                f"Mogelijke stappen: {mogelijk}.{_afsluiten_na(wf, zaak, datum)}"
            )
        # Each closing step allows its own resultaten (e.g. only 'ingetrokken' before a besluit).
        passend = [o for o in afsluitend if resultaat in (o.resultaten or wf.definitie.resultaten or (resultaat,))]
        if not passend:
            toegestaan = sorted({r for o in afsluitend for r in (o.resultaten or wf.definitie.resultaten)})
            raise DomeinFout(
                f"Resultaat '{resultaat}' past niet bij zaak {zaaknummer} in status '{zaak.status}'; "
                f"toegestaan: {', '.join(toegestaan)}."
            )
        # After a raadsbesluit the zaak's resultaat is what the raad decided, not a free choice.
        besluit = zaak.besluitvorming.besluit if zaak.besluitvorming else None
        uitkomsten = {u.value for u in type(besluit.uitkomst)} if besluit else set()
        if besluit and resultaat in uitkomsten and resultaat != besluit.uitkomst.value:
            raise DomeinFout(
                f"De raad besloot op {nl_datum(besluit.datum)}: {besluit.uitkomst.value}; "
                f"sluit zaak {zaaknummer} af met --resultaat \"{besluit.uitkomst.value}\"."
            )
        # A closing step is a step: it waits for its wachttermijn (e.g. the bezwaartermijn) and its checks.
        o = self._toets(zaak, passend[0].stap, datum, afsluiten=True).overgang
        zaak.sluit_af(stap=o.stap, naar=o.naar, resultaat=resultaat, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(zaak, zaaknummer=zaak.zaaknummer, gebeurtenis="afgesloten", actor=actor)
        return self.weergave(zaak)

    def schort_op(self, zaaknummer: str, *, actor: str, reden: str, datum: date | None = None) -> dict:
        zaak = self.zaak(zaaknummer)
        d = self.workflow(zaak).definitie
        if not d.opschorting_toegestaan:
            raise DomeinFout(f"Zaaktype {d.naam} staat geen opschorting toe.")
        if d.opschorting_toestanden and zaak.status not in d.opschorting_toestanden:
            raise DomeinFout(
                f"Zaaktype {d.naam} staat opschorting alleen toe in {', '.join(d.opschorting_toestanden)} "
                f"({d.opschorting_grondslag}); zaak {zaaknummer} is in '{zaak.status}'."
            )
        if not reden or not reden.strip():
            raise DomeinFout("Opschorten vraagt een reden (--reden).")
        datum = self.kern.datum(datum)
        _weiger_na_verstreken_termijn(zaak, datum, "opschorten")
        zaak.schort_op(actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(zaak, zaaknummer=zaak.zaaknummer, gebeurtenis="opgeschort", actor=actor)
        return self.weergave(zaak)

    def hervat(self, zaaknummer: str, *, actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        zaak = self.zaak(zaaknummer)
        zaak.hervat(actor=actor, datum=self.kern.datum(datum), reden=reden)
        self.kern.bewaar(zaak, zaaknummer=zaak.zaaknummer, gebeurtenis="hervat", actor=actor)
        return self.weergave(zaak)

    def verleng(self, zaaknummer: str, lengte: int, eenheid: Eenheid, *, actor: str, reden: str,
                datum: date | None = None) -> dict:
        zaak = self.zaak(zaaknummer)
        d = self.workflow(zaak).definitie
        v = d.verlenging
        if v.max_aantal == 0:
            raise DomeinFout(f"Zaaktype {d.naam} staat geen verlenging toe.")
        if len(zaak.verlengingen) >= v.max_aantal:
            raise DomeinFout(
                f"Zaak {zaaknummer} is al {len(zaak.verlengingen)} keer verlengd; "
                f"zaaktype {d.naam} staat er {v.max_aantal} toe ({v.grondslag})."
            )
        if not any(t.aard == "behandeltermijn" for t in zaak.termijnen):
            raise DomeinFout(f"Status '{zaak.status}' van zaak {zaaknummer} heeft geen termijn om te verlengen.")
        if lengte < 1:
            raise DomeinFout("Een verlenging duurt minstens 1 dag.")
        dagen = lengte * (7 if eenheid is Eenheid.WEKEN else 1)
        if dagen > v.max_dagen:
            raise DomeinFout(
                f"Verlenging met {lengte} {eenheid.value} is te lang: zaaktype {d.naam} staat ten hoogste "
                f"{v.max_lengte} {v.eenheid.value} toe ({v.grondslag})."
            )
        if not reden or not reden.strip():
            raise DomeinFout("Verlengen vraagt een reden (--reden).")
        datum = self.kern.datum(datum)
        _weiger_na_verstreken_termijn(zaak, datum, "verlengen")
        zaak.verleng(dagen=dagen, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(zaak, zaaknummer=zaak.zaaknummer, gebeurtenis="verlengd", actor=actor)
        return self.weergave(zaak)

    # --- queries --------------------------------------------------------------

    def controleer_filter(self, *, zaaktype: str | None = None, status: str | None = None) -> None:
        """Refuse a filter of zaken (`zaak lijst`) that names an unknown zaaktype or a status none of
        the zaaktypen (or the one named) has, naming the known ones."""
        if zaaktype is not None:
            definitie(zaaktype)  # "Onbekend zaaktype '…'. Bekende zaaktypen: …"
        if status is not None:
            bekend = sorted({t.naam for n in ([zaaktype] if zaaktype else zaaktypen()) for t in definitie(n).toestanden})
            if status not in bekend:
                raise DomeinFout(f"Onbekende status '{status}'; bekende statussen: {', '.join(bekend)}.")

    def toon(self, zaaknummer: str) -> dict:
        return self.weergave(self.zaak(zaaknummer))

    def _gebeurtenissen(self, zaaknummer: str) -> list[Zaak.Event]:
        events = self.kern.gebeurtenissen(zaak_id(zaaknummer))
        if not events:
            raise DomeinFout(f"Zaak {zaaknummer} bestaat niet.")
        return events

    def toon_per(self, zaaknummer: str, per: date, *, geregistreerd: bool = False) -> dict:
        """The zaak as it was on `per`, rebuilt from its events.

        By default an event counts from the day it took effect (`datum`); with
        `geregistreerd` from the day it was recorded: what the system knew then.
        """
        events = self._gebeurtenissen(zaaknummer)
        stand = zoals_op(events, per, geregistreerd=geregistreerd)
        zaak = stand.aggregate
        if zaak is None:
            eerste = events[0]
            raise DomeinFout(
                f"Zaak {zaaknummer} bestond op {nl_datum(per)} nog niet "
                f"(geregistreerd met ingang van {nl_datum(eerste.datum)}, "
                f"vastgelegd op {nl_datum(eerste.timestamp.date())})."
            )
        weergave = self.weergave(zaak, per)
        weergave["per"] = per
        weergave["gebeurtenissen_meegeteld"] = stand.meegeteld
        weergave["gebeurtenissen_totaal"] = stand.totaal
        return weergave


def _afsluiten_na(wf: Workflow, zaak: Zaak, datum: date) -> str:
    """' Afsluiten kan na …': the steps from the zaak's status after which it can be closed, and from
    when, for a refusal to close now."""
    lopend = zaak.lopende_termijnen(datum)
    na = []
    for o in wf.overgangen_vanuit(zaak.status):
        if any(x.afsluiten for x in wf.overgangen_vanuit(o.naar)):
            vanaf = kan_vanaf(o, lopend, datum)
            hoe = [f"zaakstroom {o.commando}" if o.commando else None, f"kan vanaf {nl_datum(vanaf)}" if vanaf else None]
            na.append(f"'{o.stap}'" + (f" ({', '.join(h for h in hoe if h)})" if any(hoe) else ""))
    return f" Afsluiten kan na {' of '.join(na)}." if na else ""


def _weiger_na_verstreken_termijn(zaak: Zaak, datum: date, wat: str) -> None:
    """Opschorting and verlenging must be decided while the term runs: an expired
    beslistermijn cannot be revived (Awb 4:14, 4:15; Omgevingswet art. 16.64 lid 2)."""
    verstreken = zaak.verstreken_behandeltermijn(datum)
    if verstreken:
        spec, termijn = verstreken
        raise DomeinFout(
            f"De {spec.naam} van zaak {zaak.zaaknummer} is op {nl_datum(termijn.einde)} verstreken; "
            f"{wat} kan alleen zolang de termijn loopt (uiterlijk {nl_datum(termijn.einde)})."
        )
