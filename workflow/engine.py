"""Runs a workflow definition on `transitions`: which step leads where, and when.

One `transitions.Machine` is built per definition version and reused for every
subject of that version (building one costs far more than asking it a question).
The machine has no model attached: a zaak's status or a perceel's fase is
event-sourced state, so the engine only asks the machine which triggers leave
a state and where they go.

`stap` is the one step executor for every kind of subject (a zaak, a perceel
of an aanbesteding, …): the machine decides whether the step may be taken from
the subject's state, then the wachttermijn and the named checks
(workflow.voorwaarden) are checked; the caller records the step through the
aggregate's own command method.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from transitions import Machine

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.ontvankelijkheid import POSTWEEK
from domain.termijnen import Termijn
from workflow import definitie as definities
from workflow.definitie import PROCEDURE, PROCEDURES, ZAAKTYPE, Definitie, Definitiesoort, Overgang, definitie, procedures
from workflow.voorwaarden import Context, controleer_voorwaarden


@dataclass(frozen=True)
class Workflow:
    definitie: Definitie
    machine: Machine
    soort: Definitiesoort = ZAAKTYPE
    # The definition's transition per (step, source state): the data the machine does not keep.
    _overgang: dict[tuple[str, str], Overgang] = field(default_factory=dict, repr=False)
    # The machine's transitions per source state, asked once when the workflow is built:
    # commands and views ask "what may follow this state" on every call.
    _vanuit: dict[str, tuple[Overgang, ...]] = field(default_factory=dict, repr=False)

    def overgangen_vanuit(self, status: str) -> list[Overgang]:
        return list(self._vanuit.get(status, ()))

    def overgang(self, status: str, stap: str, bij: str | None = None) -> Overgang:
        """The transition `stap` from `status` as the machine allows it, or a refusal that names
        the allowed steps. `bij` names the subject in the refusal when a state alone does not
        (e.g. "perceel Noord")."""
        if self.machine.get_transitions(trigger=stap, source=status):
            return self._overgang[(stap, status)]
        toegestaan = [o.stap for o in self.overgangen_vanuit(status)]
        if stap not in self.machine.events:
            wat = f"is geen stap van {self.soort.woord} {self.definitie.naam}"
        else:
            wat = f"is niet toegestaan vanuit {self.soort.toestand} '{status}'" + (f" van {bij}" if bij else "")
        raise DomeinFout(
            f"'{stap}' {wat}. "
            + (f"Toegestaan vanuit '{status}': {', '.join(toegestaan)}." if toegestaan
               else f"Vanuit '{status}' is geen stap meer mogelijk.")
        )

    def termijnen_bij_binnenkomst(self, toestand: str, datum: date, startdatum: date) -> list[dict]:
        """The deadlines a subject gets on entering `toestand` on `datum`, as event records."""
        return [
            spec.als_record(startdatum if spec.vanaf == "start" else datum)
            for spec in self.definitie.toestand(toestand).termijnen
        ]


@dataclass(frozen=True)
class Toegestaan:
    """A step the engine allows: its transition and the deadline records of the state it leads to."""

    overgang: Overgang
    termijnen: list[dict]


def stap(wf: Workflow, status: str, naam: str, *, lopend, datum: date, context: Context, startdatum: date,
         kenmerk: str, bij: str | None = None, algemeen: bool = False, afsluiten: bool = False) -> Toegestaan:
    """May the subject in `status` take step `naam` on `datum`? The one step executor.

    `lopend`: the subject's running terms of its current state, as (LopendeTermijn, Termijn);
    `context`: what the named checks get; `startdatum`: the subject's, for terms counted from it;
    `kenmerk`: the subject's zaaknummer or kenmerk, for messages; `bij`: see Workflow.overgang.
    `algemeen`: asked through the generic step command, which refuses a step with a command of
    its own (its facts cannot be skipped). `afsluiten`: the caller closes the subject with a
    resultaat; a closing step is refused to any other caller. Refusals are a DomeinFout;
    nothing is recorded here.
    """
    overgang = wf.overgang(status, naam, bij)
    if overgang.afsluiten and not afsluiten:
        raise DomeinFout(f"'{overgang.stap}' {wf.soort.afsluiten.format(kenmerk=kenmerk)}.")
    if algemeen and overgang.commando:
        gebruik = wf.soort.gebruik.format(commando=overgang.commando, kenmerk=kenmerk)
        raise DomeinFout(f"'{overgang.stap}' legt ook gegevens vast; gebruik {gebruik}.")
    controleer_wachttermijn(overgang, lopend, datum)
    controleer_voorwaarden(overgang, context)
    return Toegestaan(overgang, wf.termijnen_bij_binnenkomst(overgang.naar, datum, startdatum))


def wacht_tot(overgang: Overgang, termijn: Termijn) -> date:
    """The last day a step waiting for `termijn` must still wait: the term's last day, and with
    `postweek` the week after it in which a posted bezwaar- or beroepschrift arrives on time (Awb 6:9 lid 2)."""
    return termijn.einde + POSTWEEK if overgang.postweek else termijn.einde


def kan_vanaf(overgang: Overgang, lopend, per: date) -> date | None:
    """The first day `overgang` may be taken when it still waits for a term on `per`, else None."""
    for spec, termijn in lopend:
        if spec.naam == overgang.na_termijn and per <= (tot := wacht_tot(overgang, termijn)):
            return tot + timedelta(days=1)
    return None


def controleer_wachttermijn(overgang: Overgang, lopend, datum: date) -> None:
    """A step that waits for a term may only be taken once that term has ended.

    `lopend` is the subject's list of (LopendeTermijn, Termijn) for its current state.
    """
    if not overgang.na_termijn:
        return
    for spec, termijn in lopend:
        if spec.naam == overgang.na_termijn and datum <= (tot := wacht_tot(overgang, termijn)):
            post = (f"; een bezwaar- of beroepschrift dat uiterlijk die dag ter post is bezorgd, is tijdig als het "
                    f"uiterlijk {nl_datum(tot)} is ontvangen (Awb 6:9 lid 2)") if overgang.postweek else ""
            raise DomeinFout(
                f"De {spec.naam} loopt tot en met {nl_datum(termijn.einde)}{post}; "
                f"'{overgang.stap}' kan vanaf {nl_datum(tot + timedelta(days=1))}."
            )


# --- one machine per definition version ----------------------------------------------------

_GEBOUWD: dict[tuple[str, str], Workflow] = {}  # (text sha256, soort): one machine per text


def workflow(naam: str, versie: int | None = None) -> Workflow:
    """The workflow of a zaaktype version as its file reads now: what a new zaak is registered on.
    A running zaak runs on the text it was registered on (ZaakDienst.workflow)."""
    return bouw_workflow(definitie(naam, versie))


def procedure(naam: str, versie: int | None = None) -> Workflow:
    """The workflow of an aanbestedingsprocedure: the given version, or the newest one."""
    # Only a name the folder lists is joined into a path: '../definities/x' never reaches the file system.
    if naam not in procedures():
        raise DomeinFout(f"Onbekende procedure '{naam}'. Bekende procedures: {', '.join(procedures())}.")
    return bouw_workflow(definitie(naam, versie, (PROCEDURES,)), PROCEDURE)


def bouw_workflow(d: Definitie, soort: Definitiesoort = ZAAKTYPE) -> Workflow:
    """The machine for a definition version: built once per process per definition text (its
    sha256: read from its file or from the store alike), then reused."""
    sleutel = (d.sha256 or str(d.bron), soort.naam)
    if (wf := _GEBOUWD.get(sleutel)) is not None:
        return wf
    machine = Machine(
        model=None,
        states=[t.naam for t in d.toestanden],
        transitions=[{"trigger": o.stap, "source": list(o.van), "dest": o.naar} for o in d.overgangen],
        initial=d.begintoestand,
        auto_transitions=False,
    )
    per_stap = {(o.stap, van): o for o in d.overgangen for van in o.van}
    vanuit = {
        t.naam: tuple(per_stap[(trigger, t.naam)] for trigger in machine.get_triggers(t.naam))
        for t in d.toestanden
    }
    wf = _GEBOUWD[sleutel] = Workflow(d, machine, soort, per_stap, vanuit)
    return wf


def herlaad() -> None:
    """Forget cached definitions and machines (after ZAAKSTROOM_DEFINITIES changed)."""
    definities.herlaad()
    _GEBOUWD.clear()
