"""Use-cases for aanbestedingen: register, run each perceel through its phases, look back.

The phases are a workflow definition kept as data
(definities-aanbesteding/<procedure>/v<N>.toml, the zaaktype format, read by
workflow.definitie.definitie from that folder) run on one `transitions.Machine`
per definition version (workflow.engine.bouw_workflow). A toestand's `handelingen`
name the commands that record facts in that phase; an overgang's `voorwaarden`
name the checks in _VOORWAARDEN below; both are checked when the definition is
read. Methods return the raad's view (domain.vertrouwelijkheid) unless the
full view is asked for explicitly, and that request is logged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache, partial
from pathlib import Path

from domain.aanbesteding import (
    UITKOMSTEN,
    Aanbesteding,
    Perceel,
    aanbesteding_id,
    contract_einde,
    looptijd_tekst,
)
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.vertrouwelijkheid import raadsweergave
from domain.zaak import LopendeTermijn
from workflow.kern import Dienst
from workflow.definitie import Definitie, DefinitieFout, definitie
from workflow.definitieversies import Soort
from workflow.engine import Workflow, bouw_workflow, controleer_wachttermijn
from store.log import log
from workflow.weergave import termijn_als_dict

DEFINITIES = Path(__file__).parent / "definities-aanbesteding"
# An aanbesteding runs on its procedure version as stored when it was registered (workflow.definitieversies).
PROCEDURES = Soort("aanbestedingsprocedure", "Aanbestedingsprocedure", (DEFINITIES,))

# The `aanbesteding` commands that record a fact without changing the phase; a
# definition's toestand lists those it allows (`handelingen`).
HANDELINGEN = (
    "marktconsultatie", "aanmelding", "toelaten", "afwijzen", "dialoogsessie", "inschrijving",
    "inschrijving-weigeren", "beoordeel", "verificatie", "optie-uitoefenen", "optie-laten-vervallen",
)



# --- the procedure definitions -------------------------------------------------------


def procedures() -> list[str]:
    return sorted(p.name for p in DEFINITIES.iterdir() if p.is_dir() and any(p.glob("v*.toml")))


def procedure(naam: str, versie: int | None = None) -> Workflow:
    """The workflow of an aanbestedingsprocedure: the given version, or the newest one."""
    # Only a name the folder lists is joined into a path: '../definities/x' never reaches the file system.
    if naam not in procedures():
        raise DomeinFout(f"Onbekende procedure '{naam}'. Bekende procedures: {', '.join(procedures())}.")
    return _bouw(definitie(naam, versie, (DEFINITIES,)))


@cache
def _bouw(d: Definitie) -> Workflow:
    """Check and build one definition version: once per process.

    Not workflow.engine.workflow: these definitions also name handelingen and
    voorwaarden of their own, checked here before the machine is built.
    """
    for t in d.toestanden:
        if onbekend := sorted(set(t.handelingen) - set(HANDELINGEN)):
            raise DefinitieFout(f"Definitie {d.bron}: toestand '{t.naam}' noemt onbekende handeling "
                                f"{', '.join(onbekend)}; bekend: {', '.join(HANDELINGEN)}.")
    for o in d.overgangen:
        if onbekend := sorted(set(o.voorwaarden) - set(_VOORWAARDEN)):
            raise DefinitieFout(f"Definitie {d.bron}: stap '{o.stap}' noemt onbekende voorwaarde "
                                f"{', '.join(onbekend)}; bekend: {', '.join(sorted(_VOORWAARDEN))}.")
    return bouw_workflow(d)


# --- conditions a step may name (`voorwaarden`) -----------------------------------------

Voorwaarde = Callable[[Aanbesteding, Perceel, date], "str | None"]
_VOORWAARDEN: dict[str, Voorwaarde] = {}


def _voorwaarde(naam: str) -> Callable[[Voorwaarde], Voorwaarde]:
    def registreer(f: Voorwaarde) -> Voorwaarde:
        _VOORWAARDEN[naam] = f
        return f

    return registreer


@_voorwaarde("aanmeldingen_beoordeeld")
def _aanmeldingen_beoordeeld(a: Aanbesteding, p: Perceel, datum: date) -> str | None:
    open_ = [k.naam for k in p.kandidaten.values() if k.toegelaten is None]
    if open_:
        return (f"Nog niet alle aanmeldingen voor perceel {p.naam} zijn beoordeeld: {', '.join(open_)} "
                f"('aanbesteding toelaten' of 'aanbesteding afwijzen').")
    return None


@_voorwaarde("kandidaat_toegelaten")
def _kandidaat_toegelaten(a: Aanbesteding, p: Perceel, datum: date) -> str | None:
    if not p.toegelaten():
        return (f"Geen kandidaat voor perceel {p.naam} voldoet aan de eisen ({len(p.kandidaten)} aangemeld, "
                f"geen toegelaten); zonder kandidaat geen dialoog: trek de procedure in met "
                f"'aanbesteding intrekken {a.kenmerk} --reden …'.")
    return None


@_voorwaarde("dialoog_gevoerd")
def _dialoog_gevoerd(a: Aanbesteding, p: Perceel, datum: date) -> str | None:
    if not p.dialoogsessies:
        return f"Perceel {p.naam} heeft nog geen dialoogsessie gehad ('aanbesteding dialoogsessie')."
    return None


@_voorwaarde("inschrijving_gesloten")
def _inschrijving_gesloten(a: Aanbesteding, p: Perceel, datum: date) -> str | None:
    if datum <= p.inschrijving_sluit:
        return (f"De inschrijving voor perceel {p.naam} staat open tot en met {nl_datum(p.inschrijving_sluit)}; "
                f"beoordelen kan vanaf {nl_datum(p.inschrijving_sluit + timedelta(days=1))}.")
    return None


@_voorwaarde("inschrijving_ontvangen")
def _inschrijving_ontvangen(a: Aanbesteding, p: Perceel, datum: date) -> str | None:
    if not any(k.ingeschreven for k in p.kandidaten.values()):
        return (f"Er is voor perceel {p.naam} geen geldige inschrijving ontvangen; trek de procedure in met "
                f"'aanbesteding intrekken {a.kenmerk} --reden …'.")
    return None


@_voorwaarde("contract_ingegaan")
def _contract_ingegaan(a: Aanbesteding, p: Perceel, datum: date) -> str | None:
    if datum < p.contract.ingangsdatum:
        return (f"Het contract van perceel {p.naam} gaat in op {nl_datum(p.contract.ingangsdatum)}; "
                "de opdracht kan niet eerder starten.")
    return None


# --- the use-cases -------------------------------------------------------------------------


class AanbestedingDienst(Dienst):
    # --- helpers ---------------------------------------------------------------------

    def _aanbesteding(self, kenmerk: str) -> Aanbesteding:
        return self.kern.laad(aanbesteding_id(kenmerk), f"Aanbesteding {kenmerk} bestaat niet.")

    def _procedure(self, a: Aanbesteding) -> Workflow:
        return _bouw(self.kern.dienst("definities").regels(PROCEDURES, a.procedure, a.procedure_versie,
                                                           a.procedure_sha256))

    def _mag(self, a: Aanbesteding, p: Perceel, handeling: str) -> None:
        """Refuse a fact the perceel's phase does not allow, naming the phases that do."""
        d = self._procedure(a).definitie
        if handeling in d.toestand(p.fase).handelingen:
            return
        fasen = [f"'{t.naam}'" for t in d.toestanden if handeling in t.handelingen]
        raise DomeinFout(
            f"'aanbesteding {handeling}' kan alleen in fase {' of '.join(fasen)}; perceel {p.naam} is in fase "
            f"'{p.fase}' ({d.toestand(p.fase).titel}) sinds {nl_datum(p.fase_sinds)}."
        )

    def _ab_stap(self, a: Aanbesteding, p: Perceel, stap: str, *, actor: str, datum: date, reden: str | None,
                 algemeen: bool = False, termijnen: list[dict] | None = None,
                 soort: type[Aanbesteding.FaseGewijzigd] | None = None, **feiten) -> None:
        """Check step `stap` of perceel `p` against the definition and record it; the caller saves.

        `termijnen`: the deadline records the perceel takes along; by default those
        the target phase starts (a kort geding keeps the running standstill).
        """
        wf = self._procedure(a)
        mogelijk = wf.overgangen_vanuit(p.fase)
        overgang = next((o for o in mogelijk if o.stap == stap), None)
        if overgang is None:
            if stap not in {o.stap for o in wf.definitie.overgangen}:
                raise DomeinFout(f"'{stap}' is geen stap van procedure {wf.definitie.naam}; stappen: "
                                 f"{', '.join(dict.fromkeys(o.stap for o in wf.definitie.overgangen))}.")
            raise DomeinFout(
                f"'{stap}' kan niet vanuit fase '{p.fase}' van perceel {p.naam}. "
                + (f"Mogelijk vanuit '{p.fase}': {', '.join(o.stap for o in mogelijk)}." if mogelijk
                   else f"Perceel {p.naam} is afgerond ({wf.definitie.toestand(p.fase).titel}).")
            )
        if algemeen and overgang.commando:
            raise DomeinFout(
                f"'{stap}' legt ook gegevens vast; gebruik 'zaakstroom {overgang.commando} {a.kenmerk} …'."
            )
        controleer_wachttermijn(overgang, p.lopende_termijnen(), datum)
        for naam in overgang.voorwaarden:
            if melding := _VOORWAARDEN[naam](a, p, datum):
                raise DomeinFout(melding)
        if termijnen is None:
            termijnen = wf.termijnen_bij_binnenkomst(overgang.naar, datum, a.startdatum)
        a.ga_naar(p, stap=stap, naar=overgang.naar, termijnen=termijnen, actor=actor, datum=datum,
                  reden=reden, soort=soort, **feiten)

    def _ab_bewaar(self, a: Aanbesteding, gebeurtenis: str, actor: str) -> dict:
        self.kern.bewaar(a, kenmerk=a.kenmerk, gebeurtenis=gebeurtenis, actor=actor)
        return raadsweergave(self._ab_weergave(a))

    # --- registering and phase steps --------------------------------------------------

    def aanbesteding_registreer(
        self, *, kenmerk: str, titel: str, procedure_naam: str, percelen: list[str], max_kandidaten: int,
        looptijd_jaren: int, opties_jaren: list[int], actor: str, datum: date | None = None,
        reden: str | None = None,
    ) -> dict:
        kenmerk = kenmerk.strip()
        wf = procedure(procedure_naam)
        bestaat_al = f"Aanbesteding {kenmerk} bestaat al; een kenmerk is uniek."
        if aanbesteding_id(kenmerk) in self.kern.repository:
            raise DomeinFout(bestaat_al)
        datum = self.kern.datum(datum)
        d = wf.definitie
        maak = partial(
            Aanbesteding.registreer,
            kenmerk=kenmerk, titel=titel, procedure=d.naam, procedure_versie=d.versie, procedure_sha256=d.sha256,
            percelen=percelen, max_kandidaten=max_kandidaten,
            looptijd_jaren=looptijd_jaren, opties_jaren=list(opties_jaren), fase=d.begintoestand,
            termijnen=wf.termijnen_bij_binnenkomst(d.begintoestand, datum, datum),
            actor=actor, datum=datum, reden=reden,
        )
        a = self.kern.dienst("definities").bewaar_nieuw(
            PROCEDURES, d, maak, actor=actor, reden=f"Eerste aanbesteding op deze versie: {kenmerk}.",
            bestaat_al=bestaat_al, kenmerk=kenmerk, gebeurtenis="geregistreerd",
        )
        return raadsweergave(self._ab_weergave(a))

    def aanbesteding_stap(self, kenmerk: str, stap: str, *, perceel: str | None = None, actor: str,
                          datum: date | None = None, reden: str | None = None) -> dict:
        """A step without facts of its own; without a perceel, every perceel still under way takes it."""
        a = self._aanbesteding(kenmerk)
        datum = self.kern.datum(datum)
        for p in self._percelen(a, perceel):
            self._ab_stap(a, p, stap, actor=actor, datum=datum, reden=reden, algemeen=True)
        return self._ab_bewaar(a, stap, actor)

    def _percelen(self, a: Aanbesteding, perceel: str | None) -> list[Perceel]:
        if perceel is not None or len(a.percelen) == 1:
            return [a.perceel(perceel)]
        d = self._procedure(a).definitie
        lopend = [p for p in a.percelen.values() if not d.toestand(p.fase).eind]
        if not lopend:
            raise DomeinFout(f"Alle percelen van aanbesteding {a.kenmerk} zijn afgerond.")
        return lopend

    def aanbesteding_inschrijfleidraad(self, kenmerk: str, *, sluitingsdatum: date, perceel: str | None = None,
                                       actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        datum = self.kern.datum(datum)
        if sluitingsdatum <= datum:
            raise DomeinFout(f"De sluitingsdatum {nl_datum(sluitingsdatum)} moet na de publicatie "
                             f"({nl_datum(datum)}) liggen.")
        for p in self._percelen(a, perceel):
            self._ab_stap(a, p, "inschrijfleidraad_publiceren", actor=actor, datum=datum, reden=reden,
                          soort=Aanbesteding.InschrijfleidraadGepubliceerd, sluitingsdatum=sluitingsdatum)
        return self._ab_bewaar(a, "inschrijfleidraad gepubliceerd", actor)

    def aanbesteding_gunningsbeslissing(self, kenmerk: str, *, winnaar: str, perceel: str | None = None,
                                        actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        a.controleer_winnaar(p, winnaar)
        self._ab_stap(a, p, "gunningsbeslissing_versturen", actor=actor, datum=datum, reden=reden,
                      soort=Aanbesteding.GunningsbeslissingVerzonden, winnaar=winnaar)
        return self._ab_bewaar(a, "gunningsbeslissing verzonden", actor)

    def aanbesteding_kort_geding(self, kenmerk: str, *, eiser: str, perceel: str | None = None, actor: str,
                                 datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        if not eiser.strip():
            raise DomeinFout("Noem wie het kort geding aanspant (--eiser).")
        a.controleer_kort_geding(p, datum)
        # The standstill keeps running: a kort geding suspends the award, not the term.
        self._ab_stap(a, p, "kort_geding_aanhangig", actor=actor, datum=datum, reden=reden,
                      termijnen=p.termijn_records(), soort=Aanbesteding.KortGedingAangespannen, eiser=eiser.strip())
        return self._ab_bewaar(a, "kort geding", actor)

    def aanbesteding_uitspraak(self, kenmerk: str, *, vordering: str, perceel: str | None = None, actor: str,
                               datum: date | None = None, reden: str | None = None) -> dict:
        """Rejected: back to the standstill (same term), award may proceed. Upheld: back to beoordeling."""
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        if vordering == "afgewezen":
            self._ab_stap(a, p, "uitspraak_afgewezen", actor=actor, datum=datum, reden=reden,
                          termijnen=p.termijn_records(), soort=Aanbesteding.UitspraakGedaan, vordering=vordering)
        elif vordering == "toegewezen":
            self._ab_stap(a, p, "uitspraak_toegewezen", actor=actor, datum=datum, reden=reden,
                          soort=Aanbesteding.UitspraakGedaan, vordering=vordering)
        else:
            raise DomeinFout(f"Vordering '{vordering}': kies toegewezen of afgewezen.")
        return self._ab_bewaar(a, f"uitspraak: vordering {vordering}", actor)

    def aanbesteding_gunnen(self, kenmerk: str, *, perceel: str | None = None, actor: str,
                            datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        if p.kort_geding:
            raise DomeinFout(
                f"De gunning van perceel {p.naam} is opgeschort: er loopt een kort geding sinds "
                f"{nl_datum(p.kort_geding['sinds'])}. Leg eerst de uitspraak vast met "
                f"'aanbesteding uitspraak {a.kenmerk} --vordering toegewezen|afgewezen'."
            )
        self._ab_stap(a, p, "definitief_gunnen", actor=actor, datum=datum, reden=reden,
                      soort=Aanbesteding.DefinitiefGegund, winnaar=p.voorlopige_winnaar)
        return self._ab_bewaar(a, "definitief gegund", actor)

    def aanbesteding_contract(self, kenmerk: str, *, ingangsdatum: date, perceel: str | None = None, actor: str,
                              datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        a.controleer_contract(p, ingangsdatum)
        self._ab_stap(a, p, "contract_tekenen", actor=actor, datum=datum, reden=reden,
                      soort=Aanbesteding.ContractGetekend, ingangsdatum=ingangsdatum,
                      looptijd_jaren=a.looptijd_jaren, opties_jaren=list(a.opties_jaren))
        return self._ab_bewaar(a, "contract getekend", actor)

    def aanbesteding_intrekken(self, kenmerk: str, *, perceel: str | None = None, actor: str, reden: str | None,
                               datum: date | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        if not reden or not reden.strip():
            raise DomeinFout("Intrekken vraagt een reden (--reden), bijvoorbeeld 'geen kandidaat voldoet aan de eisen'.")
        datum = self.kern.datum(datum)
        for p in self._percelen(a, perceel):
            self._ab_stap(a, p, "intrekken", actor=actor, datum=datum, reden=reden, soort=Aanbesteding.Ingetrokken)
        return self._ab_bewaar(a, "ingetrokken", actor)

    # --- facts within a phase --------------------------------------------------------------

    def aanbesteding_marktconsultatie(self, kenmerk: str, *, omschrijving: str, deelnemers: int, actor: str,
                                      datum: date | None = None, reden: str | None = None) -> dict:
        """A session of the marktconsultatie: for the whole aanbesteding, while a perceel is in that phase."""
        a = self._aanbesteding(kenmerk)
        datum = self.kern.datum(datum)
        d = self._procedure(a).definitie
        in_fase = [p for p in a.percelen.values() if "marktconsultatie" in d.toestand(p.fase).handelingen]
        if not in_fase:
            self._mag(a, next(iter(a.percelen.values())), "marktconsultatie")
        for p in in_fase:
            a._controleer_datum(p, datum)
        a.houd_marktconsultatie(omschrijving=omschrijving, deelnemers=deelnemers,
                                actor=actor, datum=datum, reden=reden)
        return self._ab_bewaar(a, "marktconsultatie", actor)

    def aanbesteding_aanmelding(self, kenmerk: str, *, kandidaat: str, partijen: list[str],
                                perceel: str | None = None, actor: str, datum: date | None = None,
                                reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "aanmelding")
        a.meld_aan(p, kandidaat=kandidaat, partijen=partijen, actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "aanmelding", actor)

    def aanbesteding_beoordeel_aanmelding(self, kenmerk: str, *, kandidaat: str, toegelaten: bool,
                                          score: float | None = None, perceel: str | None = None, actor: str,
                                          datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "toelaten" if toegelaten else "afwijzen")
        a.beoordeel_aanmelding(p, kandidaat=kandidaat, toegelaten=toegelaten, score=score,
                               actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "toegelaten" if toegelaten else "afgewezen", actor)

    def aanbesteding_dialoogsessie(self, kenmerk: str, *, onderwerp: str, deelnemers: list[str],
                                   uitkomsten: dict[str, list[str]], perceel: str | None = None, actor: str,
                                   datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "dialoogsessie")
        a.houd_dialoogsessie(p, onderwerp=onderwerp, deelnemers=deelnemers,
                             uitkomsten={s: v for s, v in uitkomsten.items() if v},
                             actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "dialoogsessie", actor)

    def aanbesteding_inschrijving(self, kenmerk: str, *, kandidaat: str, perceel: str | None = None, actor: str,
                                  datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "inschrijving")
        a.ontvang_inschrijving(p, kandidaat=kandidaat, actor=actor, datum=self.kern.datum(datum), reden=reden,
                               kenmerk=a.kenmerk)
        return self._ab_bewaar(a, "inschrijving", actor)

    def aanbesteding_inschrijving_weigeren(self, kenmerk: str, *, kandidaat: str, perceel: str | None = None,
                                           actor: str, reden: str | None, datum: date | None = None) -> dict:
        """A refused inschrijving (late, or otherwise invalid) is recorded, not dropped: auditors see it."""
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "inschrijving-weigeren")
        a.weiger_inschrijving(p, kandidaat=kandidaat, actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "inschrijving geweigerd", actor)

    def aanbesteding_beoordeel(self, kenmerk: str, *, kandidaat: str, score: float, perceel: str | None = None,
                               actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "beoordeel")
        a.beoordeel_inschrijving(p, kandidaat=kandidaat, score=score, actor=actor, datum=self.kern.datum(datum),
                                 reden=reden)
        return self._ab_bewaar(a, "inschrijving beoordeeld", actor)

    def aanbesteding_verificatie(self, kenmerk: str, *, kandidaat: str, partijen: list[str], instrument: str,
                                 voldoet: bool, perceel: str | None = None, actor: str,
                                 datum: date | None = None, reden: str | None = None) -> dict:
        """Screen parties of a candidate; without --partij, every party not yet screened (only when they pass)."""
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "verificatie")
        datum = self.kern.datum(datum)
        if not partijen:
            if not voldoet:
                raise DomeinFout("Noem de partij die niet voldoet (--partij).")
            partijen = p.kandidaat(kandidaat).te_verifiëren()
            if not partijen:
                raise DomeinFout(f"Alle partijen van {kandidaat} zijn al geverifieerd.")
        elif not voldoet and len(partijen) > 1:
            raise DomeinFout("Leg een verificatie die niet voldoet per partij vast (één --partij).")
        for partij in partijen:
            a.verifieer(p, kandidaat=kandidaat, partij=partij.strip(), instrument=instrument,
                        voldoet=voldoet, actor=actor, datum=datum, reden=reden)
        return self._ab_bewaar(a, "verificatie", actor)

    def aanbesteding_optie(self, kenmerk: str, nummer: int, *, uitoefenen: bool, perceel: str | None = None,
                           actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, "optie-uitoefenen" if uitoefenen else "optie-laten-vervallen")
        datum = self.kern.datum(datum)
        if uitoefenen:
            a.oefen_optie_uit(p, nummer=nummer, actor=actor, datum=datum, reden=reden)
        else:
            a.laat_optie_vervallen(p, nummer=nummer, actor=actor, datum=datum, reden=reden)
        return self._ab_bewaar(a, f"optie {nummer} {'uitgeoefend' if uitoefenen else 'vervallen'}", actor)

    # --- queries -------------------------------------------------------------------------

    def aanbesteding_toon(self, kenmerk: str, *, vertrouwelijk: bool = False, actor: str) -> dict:
        """The raad's view; the full view (names, scores) only when asked, and that is logged."""
        weergave = self._ab_weergave(self._aanbesteding(kenmerk))
        return self._zichtbaar(weergave, vertrouwelijk, actor, "toon")

    def aanbesteding_tijdlijn(self, kenmerk: str, *, vertrouwelijk: bool = False, actor: str) -> dict:
        a = self._aanbesteding(kenmerk)
        weergave = self._ab_weergave(a)
        wf = self._procedure(a)
        titels = {o.stap: o.titel for o in wf.definitie.overgangen}
        weergave["tijdlijn"] = [
            _regel(e, titels) for e in self.kern.repository.event_store.get(aanbesteding_id(kenmerk))
        ]
        weergave["tijdlijn"].sort(key=lambda r: (r["datum"], r["volgnummer"]))
        return self._zichtbaar(weergave, vertrouwelijk, actor, "tijdlijn")

    @staticmethod
    def _zichtbaar(weergave: dict, vertrouwelijk: bool, actor: str, wat: str) -> dict:
        if not vertrouwelijk:
            return raadsweergave(weergave)
        # Who saw candidate names and scores before the award must be traceable; a warning
        # so it is written at the default log level.
        log.warning("aanbesteding.vertrouwelijk_ingezien", kenmerk=weergave["kenmerk"], actor=actor, weergave=wat)
        return weergave

    def _ab_weergave(self, a: Aanbesteding) -> dict:
        per = self.kern.vandaag()
        wf = self._procedure(a)
        d = wf.definitie
        return {
            "kenmerk": a.kenmerk,
            "titel": a.titel,
            "procedure": a.procedure,
            "procedure_versie": a.procedure_versie,
            "procedure_titel": d.titel,
            "startdatum": a.startdatum,
            "max_kandidaten": a.max_kandidaten,
            "looptijd_jaren": a.looptijd_jaren,
            "opties_jaren": list(a.opties_jaren),
            "looptijd": a.looptijd,
            "marktconsultaties": [dict(m) for m in a.marktconsultaties],
            "percelen": [_perceel_als_dict(p, wf, per) for p in a.percelen.values()],
            "per": per,
            "versie": a.version,
            "vertrouwelijk": True,
        }


def _perceel_als_dict(p: Perceel, wf: Workflow, per: date) -> dict:
    d = wf.definitie
    toestand = d.toestand(p.fase)
    lopend = p.lopende_termijnen()
    eindes = {spec.naam: t.einde for spec, t in lopend}
    volgende = []
    for o in wf.overgangen_vanuit(p.fase):
        wacht_tot = eindes.get(o.na_termijn)
        volgende.append({
            "stap": o.stap, "titel": o.titel, "naar": o.naar, "commando": o.commando or "aanbesteding stap",
            "kan_vanaf": wacht_tot + timedelta(days=1) if wacht_tot and per <= wacht_tot else None,
        })
    k = list(p.kandidaten.values())
    winnaar = p.kandidaten.get(p.winnaar) if p.winnaar else None
    return {
        "perceel": p.naam,
        "fase": p.fase,
        "fase_titel": toestand.titel,
        "fase_sinds": p.fase_sinds,
        "afgerond": toestand.eind,
        "datums": dict(p.datums),
        "inschrijving_sluit": p.inschrijving_sluit,
        "standstill": _standstill(p.standstill, per) if p.standstill else None,
        "termijnen": [termijn_als_dict(spec, t, per, False) for spec, t in lopend],
        "kort_geding": dict(p.kort_geding) if p.kort_geding else None,
        "uitspraken": [dict(u) for u in p.uitspraken],
        "aantallen": {
            "aangemeld": len(k),
            "toegelaten": sum(1 for x in k if x.toegelaten),
            "afgewezen": sum(1 for x in k if x.toegelaten is False),
            "ingeschreven": sum(1 for x in k if x.ingeschreven),
            "geweigerd": sum(1 for x in k if x.geweigerd),
            "uitgesloten": sum(1 for x in k if x.uitgesloten),
        },
        "kandidaten": [
            {"naam": x.naam, "status": x.status, "partijen": list(x.partijen), "aangemeld": x.aangemeld,
             "beoordeeld": x.beoordeeld, "selectiescore": x.selectiescore, "afwijzing": x.afwijzing,
             "ingeschreven": x.ingeschreven, "geweigerd": dict(x.geweigerd) if x.geweigerd else None,
             "score": x.score, "uitgesloten": dict(x.uitgesloten) if x.uitgesloten else None,
             "verificaties": [{"partij": partij, **v} for partij, v in x.verificaties.items()]}
            for x in k
        ],
        "dialoogsessies": [
            {**s, "uitkomsten": {UITKOMSTEN[soort]: v for soort, v in s["uitkomsten"].items()}}
            for s in p.dialoogsessies
        ],
        "voorlopige_winnaar": p.voorlopige_winnaar,
        "gunning_definitief": p.winnaar is not None,
        "winnaar": p.winnaar,
        "winnaar_partijen": list(winnaar.partijen) if winnaar else [],
        "contract": _contract_als_dict(p, per),
        "volgende_stappen": volgende,
        "handelingen": [] if p.kort_geding else list(toestand.handelingen),
    }


def _standstill(spec: LopendeTermijn, per: date) -> dict:
    t = spec.bereken()
    return {"gebeurtenis": t.gebeurtenis, "eerste_dag": t.eerste_dag, "einde": t.einde,
            "regel": t.regel.beschrijving(), "grondslag": spec.grondslag, "verstreken": per > t.einde}


def _contract_als_dict(p: Perceel, per: date) -> dict | None:
    c = p.contract
    if c is None:
        return None
    opties = []
    for n, jaren in enumerate(c.opties_jaren, start=1):
        status, toelichting = c.optie(n, per)
        opties.append({"nummer": n, "jaren": jaren, "status": status, "toelichting": toelichting})
    return {
        "getekend": c.getekend, "ingangsdatum": c.ingangsdatum, "einddatum": c.einddatum,
        "maximale_einddatum": c.maximale_einddatum, "looptijd": looptijd_tekst(c.looptijd_jaren, c.opties_jaren),
        "opties": opties,
    }


# --- the history as a timeline ---------------------------------------------------------------

# Facts about single candidates: what they are called in the timeline.
_FEITEN = {
    "AanmeldingOntvangen": "aanmelding ontvangen",
    "InschrijvingOntvangen": "inschrijving ontvangen",
    "InschrijvingGeweigerd": "inschrijving geweigerd",
    "InschrijvingBeoordeeld": "inschrijving beoordeeld",
}


def _regel(e: Aanbesteding.Event, titels: dict[str, str]) -> dict:
    """One event as a line of the timeline; names sit in `kandidaat` and `details` only."""
    soort = type(e).__name__
    regel = {"volgnummer": e.originator_version, "datum": e.datum, "geregistreerd": e.timestamp,
             "actor": e.actor, "reden": e.reden, "perceel": getattr(e, "perceel", None), "fase": None,
             "kandidaat": getattr(e, "kandidaat", None), "details": {}}
    if isinstance(e, Aanbesteding.Geregistreerd):
        regel.update(gebeurtenis="geregistreerd", titel="Aanbesteding geregistreerd", fase=e.fase, details={
            "percelen": list(e.percelen), "looptijd": looptijd_tekst(e.looptijd_jaren, e.opties_jaren),
            "max_kandidaten": e.max_kandidaten})
    elif isinstance(e, Aanbesteding.FaseGewijzigd):
        regel.update(gebeurtenis=e.stap, titel=titels.get(e.stap, e.stap), fase=e.naar,
                     details=_stapdetails(e))
    elif isinstance(e, Aanbesteding.MarktconsultatieGehouden):
        regel.update(gebeurtenis="marktconsultatie", titel="Marktconsultatie",
                     details={"bijeenkomst": e.omschrijving, "aantal_deelnemers": e.deelnemers})
    elif isinstance(e, Aanbesteding.AanmeldingBeoordeeld):
        regel.update(gebeurtenis="toegelaten" if e.toegelaten else "afgewezen",
                     titel="Toegelaten tot de dialoog" if e.toegelaten else "Aanmelding afgewezen",
                     details={"score": e.score} if e.score is not None else {})
    elif isinstance(e, Aanbesteding.DialoogsessieGehouden):
        regel.update(gebeurtenis="dialoogsessie", titel="Dialoogsessie", details={
            "onderwerp": e.onderwerp, "deelnemers": list(e.deelnemers),
            "uitkomsten": {UITKOMSTEN[s]: v for s, v in e.uitkomsten.items()}})
    elif isinstance(e, Aanbesteding.Geverifieerd):
        regel.update(gebeurtenis="verificatie", titel="Verificatie", details={
            "partij": e.partij, "instrument": e.instrument, "voldoet": e.voldoet})
    elif isinstance(e, (Aanbesteding.OptieUitgeoefend, Aanbesteding.OptieVervallen)):
        uitgeoefend = isinstance(e, Aanbesteding.OptieUitgeoefend)
        regel.update(gebeurtenis="optie uitgeoefend" if uitgeoefend else "optie vervallen",
                     titel=f"Optie {e.nummer} {'uitgeoefend' if uitgeoefend else 'niet uitgeoefend'}",
                     details={"nummer": e.nummer})
    else:
        regel.update(gebeurtenis=_FEITEN.get(soort, soort), titel=_FEITEN.get(soort, soort).capitalize())
        if isinstance(e, Aanbesteding.AanmeldingOntvangen):
            regel["details"] = {"partijen": list(e.partijen)}
        elif isinstance(e, Aanbesteding.InschrijvingBeoordeeld):
            regel["details"] = {"score": e.score}
    return regel


def _stapdetails(e: Aanbesteding.FaseGewijzigd) -> dict:
    details = {"van": e.van, "naar": e.naar}
    if isinstance(e, Aanbesteding.InschrijfleidraadGepubliceerd):
        details["sluitingsdatum"] = e.sluitingsdatum
    elif isinstance(e, Aanbesteding.GunningsbeslissingVerzonden):
        details["voorgenomen_winnaar"] = e.winnaar
        for t in e.termijnen:
            details["standstill_einde"] = LopendeTermijn.uit_record(t).bereken().einde
    elif isinstance(e, Aanbesteding.KortGedingAangespannen):
        details["eiser"] = e.eiser
    elif isinstance(e, Aanbesteding.UitspraakGedaan):
        details["vordering"] = e.vordering
    elif isinstance(e, Aanbesteding.DefinitiefGegund):
        details["gegund_aan"] = e.winnaar
    elif isinstance(e, Aanbesteding.ContractGetekend):
        details["ingangsdatum"] = e.ingangsdatum
        details["einddatum"] = contract_einde(e.ingangsdatum, e.looptijd_jaren)
        details["maximale_einddatum"] = contract_einde(e.ingangsdatum, e.looptijd_jaren + sum(e.opties_jaren))
        details["looptijd"] = looptijd_tekst(e.looptijd_jaren, e.opties_jaren)
    return details
