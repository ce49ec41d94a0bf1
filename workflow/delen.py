"""The one list of the parts of zaakstroom: a new part is its own files plus one line here.

Per part: its service (use-cases), the CLI nouns it brings, the named checks
it registers for definitions (workflow.voorwaarden) and the kinds of natural
person it holds data of, for erasure (`personen`, used by workflow.avg). Everything is
named by "module:attribute" and imported only when used, so a command loads
only the part it touches (importing every aggregate costs start-up time).
The projections of all parts are listed in projections/register.py, which the
read side owns (projections read events, never the write side).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module


@dataclass(frozen=True)
class Deel:
    naam: str
    dienst: str  # "module:Class" of its service (workflow.kern.Dienst)
    cli: dict[str, str] = field(default_factory=dict)  # CLI noun -> "module:click_object"
    # Names of the checks a definition may put on a step (`voorwaarden`), registered with
    # workflow.voorwaarden.voorwaarde in the module of the service; imported when a step needs one.
    voorwaarden: tuple[str, ...] = ()
    # The natural persons this part holds data of, for `zaakstroom avg vergeet PERSOON` (AVG art. 17):
    # what a behandelaar knows the person by, in words -> "module:function" of
    #     vergeet(kern: workflow.kern.Kern, sleutel: str, reden: str, actor: str) -> dict | None
    # None: `sleutel` is no person of this part (let the next part try). Otherwise the function has
    # made the person's data unreadable and recorded that as an event, and returns at least
    #     {"soort": "indiener van zienswijze", "sleutel": "3261787-2", "datum": date, "gewist": ["samenvatting", …]}
    # (more keys are shown with --json). A refusal (no reason, already erased) is a DomeinFout.
    personen: dict[str, str] = field(default_factory=dict)


DELEN: tuple[Deel, ...] = (
    Deel("zaken", "workflow.zaken:ZaakDienst",
         {"zaak": "cli.zaak:zaak", "zaaktype": "cli.zaaktype:zaaktype", "termijn": "cli.termijn:termijn"}),
    Deel("zienswijzen", "workflow.zienswijzen:ZienswijzeDienst",
         {"zienswijze": "cli.zienswijze:zienswijze", "standaardreactie": "cli.zienswijze:standaardreactie",
          "nota": "cli.zienswijze:nota"},
         voorwaarden=("zienswijzen_beantwoord",),
         personen={"indiener van een zienswijze: het kenmerk van de zienswijze, bv. 3261787-2":
                   "workflow.zienswijzen:vergeet_persoon"}),
    Deel("besluitvorming", "workflow.besluitvorming:BesluitvormingDienst", {"raad": "cli.raad:raad"},
         voorwaarden=("politieke_markt_gehouden",)),
    Deel("advies", "workflow.advies:AdviesDienst", {"advies": "cli.advies:advies"}),
    Deel("aanbestedingen", "workflow.aanbestedingen:AanbestedingDienst",
         {"aanbesteding": "cli.aanbesteding:aanbesteding"},
         voorwaarden=("aanmeldingen_beoordeeld", "kandidaat_toegelaten", "dialoog_gevoerd", "inschrijving_gesloten",
                      "inschrijving_ontvangen", "contract_ingegaan")),
    # The history of a zaak (with its inspraak and raadsagenda) or an aanbesteding, in one line format.
    Deel("audit", "workflow.audit:AuditDienst", {"audit": "cli.audit:audit"}),
    # Erasure of a natural person's data (AVG art. 17) across the parts that hold it (their `personen`).
    Deel("avg", "workflow.avg:AvgDienst", {"avg": "cli.avg:avg"}),
    # The definition versions zaken and aanbestedingen run on, as stored (no CLI noun of its own).
    Deel("definities", "workflow.definitieversies:DefinitieDienst"),
    Deel("export", "workflow.export:ExportDienst"),  # audit export / controleer-export (issue 11.3)
    Deel("overdrachten", "workflow.overdrachten:OverdrachtDienst", {"overgang": "cli.overgang:overgang"},
         voorwaarden=("einddatum_bereikt",),
         personen={"cliënt in een overgangsjaar: JAAR/CLIENT, bv. 2025/SYN-000123":
                   "workflow.overdrachten:vergeet_persoon"}),
    Deel("projecties", "", {"projecties": "cli.projecties:projecties", "rapport": "cli.rapport:rapport"}),
)

PER_NAAM = {d.naam: d for d in DELEN}


def laad(pad: str):
    """The object `pad` ("module:attribute") names."""
    module, attribuut = pad.split(":")
    return getattr(import_module(module), attribuut)


def cli_commando_s() -> dict[str, str]:
    return {noun: pad for d in DELEN for noun, pad in d.cli.items()}


def personen() -> list[tuple[str, str, str]]:
    """(part, kind of person in words, "module:function") of every part's `personen`, in DELEN's order."""
    return [(d.naam, soort, pad) for d in DELEN for soort, pad in d.personen.items()]
