"""Named checks a workflow definition can put on a step (`voorwaarden = [...]`), for every kind of subject.

One registry for zaken, percelen of an aanbesteding and whatever runs on a
definition next. A check is a function of one `Context` (the Kern, the subject,
the part of it that takes the step, the effective date) that returns None when
the step may be taken, or a message saying why not and what to do. It uses the
subject and the services of the parts (`context.kern.dienst(...)`) through
their public methods only.

A part lists the names of its checks in workflow/delen.py (`voorwaarden`) and
registers them with @voorwaarde in the module of its service; that module is
imported only when a step needs one of its checks, so a plain `zaak stap`
loads no other part. The names are known without importing anything, which
lets a definition be checked when it is read (workflow.definitie).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from domain.fouten import DomeinFout

if TYPE_CHECKING:
    from workflow.definitie import Overgang
    from workflow.kern import Kern


@dataclass(frozen=True)
class Context:
    """What a check may look at."""

    kern: Kern
    onderwerp: Any  # the aggregate the step is recorded on: a Zaak, an Aanbesteding, …
    datum: date  # the step's effective date
    onderdeel: Any = None  # the part of the subject that runs the workflow, when not the whole: a Perceel


Controle = Callable[[Context], "str | None"]
_GEREGISTREERD: dict[str, Controle] = {}


@cache
def modules() -> dict[str, str]:
    """Every known check by name, with the module that registers it (workflow.delen)."""
    from workflow.delen import DELEN

    return {naam: d.dienst.split(":")[0] for d in DELEN for naam in d.voorwaarden}


def bekend(naam: str) -> bool:
    return naam in modules()


def voorwaarde(naam: str) -> Callable[[Controle], Controle]:
    """Register a check under `naam`, which its part lists in workflow/delen.py."""

    def registreer(f: Controle) -> Controle:
        if modules().get(naam) != f.__module__:
            raise RuntimeError(f"Voorwaarde '{naam}' staat niet bij het onderdeel van {f.__module__} in workflow/delen.py.")
        _GEREGISTREERD[naam] = f
        return f

    return registreer


def controle(naam: str) -> Controle:
    """The check `naam`, importing the module that registers it on first use."""
    if naam not in _GEREGISTREERD:
        if naam not in modules():
            raise DomeinFout(f"Onbekende voorwaarde '{naam}'; bekend: {', '.join(sorted(modules())) or 'geen'}.")
        import_module(modules()[naam])
    return _GEREGISTREERD[naam]


def controleer_voorwaarden(overgang: Overgang, context: Context) -> None:
    """Refuse the step when one of its checks says why it cannot be taken yet."""
    for naam in overgang.voorwaarden:
        if melding := controle(naam)(context):
            raise DomeinFout(melding)
