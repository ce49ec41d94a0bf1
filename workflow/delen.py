"""The one list of the parts of zaakstroom: a new part is its own files plus one line here.

Per part: its service (use-cases) and the CLI nouns it brings. Everything is
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


DELEN: tuple[Deel, ...] = (
    Deel("zaken", "workflow.zaken:ZaakDienst",
         {"zaak": "cli.zaak:zaak", "zaaktype": "cli.zaaktype:zaaktype", "termijn": "cli.termijn:termijn",
          "audit": "cli.audit:audit"}),
    Deel("zienswijzen", "workflow.zienswijzen:ZienswijzeDienst",
         {"zienswijze": "cli.zienswijze:zienswijze", "standaardreactie": "cli.zienswijze:standaardreactie",
          "nota": "cli.zienswijze:nota"}),
    Deel("besluitvorming", "workflow.besluitvorming:BesluitvormingDienst", {"raad": "cli.raad:raad"}),
    Deel("advies", "workflow.advies:AdviesDienst", {"advies": "cli.advies:advies"}),
    Deel("aanbestedingen", "workflow.aanbestedingen:AanbestedingDienst",
         {"aanbesteding": "cli.aanbesteding:aanbesteding"}),
    Deel("overdrachten", "workflow.overdrachten:OverdrachtDienst", {"overgang": "cli.overgang:overgang"}),
    Deel("projecties", "", {"projecties": "cli.projecties:projecties", "rapport": "cli.rapport:rapport"}),
)

PER_NAAM = {d.naam: d for d in DELEN}


def laad(pad: str):
    """The object `pad` ("module:attribute") names."""
    module, attribuut = pad.split(":")
    return getattr(import_module(module), attribuut)


def cli_commando_s() -> dict[str, str]:
    return {noun: pad for d in DELEN for noun, pad in d.cli.items()}
