"""Runs a workflow definition on `transitions`: which step leads where, and when.

One `transitions.Machine` is built per definition version and reused for every
zaak of that version (building one costs far more than asking it a question).
The machine has no model attached: the zaak's status is event-sourced state, so
the engine only asks the machine which triggers leave a state and where they go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from transitions import Machine

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.ontvankelijkheid import POSTWEEK
from domain.termijnen import Termijn
from workflow import definitie as definities
from workflow.definitie import Definitie, Overgang, definitie


@dataclass(frozen=True)
class Workflow:
    definitie: Definitie
    machine: Machine
    # The machine's transitions per source state, asked once when the workflow is built:
    # commands and views ask "what may follow this state" on every call.
    _vanuit: dict[str, tuple[Overgang, ...]] = field(default_factory=dict, repr=False)

    def overgangen_vanuit(self, status: str) -> list[Overgang]:
        return list(self._vanuit.get(status, ()))

    def overgang(self, status: str, stap: str) -> Overgang:
        """The transition `stap` from `status`, or a refusal that names the allowed steps."""
        for o in self.overgangen_vanuit(status):
            if o.stap == stap:
                return o
        toegestaan = [o.stap for o in self.overgangen_vanuit(status)]
        bekend = {o.stap for o in self.definitie.overgangen}
        wat = (f"is geen stap van zaaktype {self.definitie.naam}" if stap not in bekend
               else f"is niet toegestaan vanuit status '{status}'")
        raise DomeinFout(
            f"'{stap}' {wat}. "
            + (f"Toegestaan vanuit '{status}': {', '.join(toegestaan)}." if toegestaan
               else f"Vanuit '{status}' is geen stap meer mogelijk.")
        )

    def termijnen_bij_binnenkomst(self, toestand: str, datum: date, startdatum: date) -> list[dict]:
        """The deadlines a zaak gets on entering `toestand` on `datum`, as event records."""
        return [
            spec.als_record(startdatum if spec.vanaf == "start" else datum)
            for spec in self.definitie.toestand(toestand).termijnen
        ]


def wacht_tot(overgang: Overgang, termijn: Termijn) -> date:
    """The last day a step waiting for `termijn` must still wait: the term's last day, and with
    `postweek` the week after it in which a posted bezwaar- or beroepschrift arrives on time (Awb 6:9 lid 2)."""
    return termijn.einde + POSTWEEK if overgang.postweek else termijn.einde


def controleer_wachttermijn(overgang: Overgang, lopend, datum: date) -> None:
    """A step that waits for a term may only be taken once that term has ended.

    `lopend` is the zaak's list of (LopendeTermijn, Termijn) for its current step.
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


@cache
def workflow(naam: str, versie: int | None = None) -> Workflow:
    """The workflow of a zaaktype version as its file reads now: what a new zaak is registered on.
    A running zaak runs on the text it was registered on (ZaakDienst.workflow)."""
    return workflow_van(definitie(naam, versie))


_PER_TEKST: dict[str, Workflow] = {}


def workflow_van(d: Definitie) -> Workflow:
    """The workflow of a definition, built once per process per definition text (its sha256),
    whether that text was read from its file or from the store."""
    wf = _PER_TEKST.get(d.sha256)
    if wf is None:
        wf = _PER_TEKST[d.sha256] = bouw_workflow(d)
    return wf


def bouw_workflow(d: Definitie) -> Workflow:
    """The machine for a definition read from anywhere (zaaktypen, aanbestedingsprocedures);
    callers cache the result per definition version."""
    machine = Machine(
        model=None,
        states=[t.naam for t in d.toestanden],
        transitions=[{"trigger": o.stap, "source": list(o.van), "dest": o.naar} for o in d.overgangen],
        initial=d.begintoestand,
        auto_transitions=False,
    )
    vanuit = {}
    for toestand in d.toestanden:
        triggers = set(machine.get_triggers(toestand.naam))
        vanuit[toestand.naam] = tuple(o for o in d.overgangen if o.stap in triggers and toestand.naam in o.van)
    return Workflow(d, machine, vanuit)


def herlaad() -> None:
    """Forget cached definitions and machines (after ZAAKSTROOM_DEFINITIES changed)."""
    definities.herlaad()
    workflow.cache_clear()
    _PER_TEKST.clear()
