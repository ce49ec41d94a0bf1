"""Named checks a workflow definition can put on a step (`voorwaarden = [...]`).

A check gets the application, the zaak and the effective date and returns
None when the step may be taken, or a message saying why not and what to do.
Modules register their checks with @voorwaarde; the definition names them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import import_module

from domain.fouten import DomeinFout

Controle = Callable[..., "str | None"]
VOORWAARDEN: dict[str, Controle] = {}
# Where each check is registered, so its module is imported only when a step needs it.
MODULES = {
    "zienswijzen_beantwoord": "workflow.zienswijzen",
    "politieke_markt_gehouden": "workflow.besluitvorming",
}


def voorwaarde(naam: str) -> Callable[[Controle], Controle]:
    def registreer(f: Controle) -> Controle:
        VOORWAARDEN[naam] = f
        return f

    return registreer


def controleer_voorwaarden(app, zaak, overgang, datum: date) -> None:
    for naam in overgang.voorwaarden:
        if naam not in VOORWAARDEN and naam in MODULES:
            import_module(MODULES[naam])
        controle = VOORWAARDEN.get(naam)
        if controle is None:
            raise DomeinFout(
                f"Zaaktype {zaak.zaaktype} v{zaak.zaaktype_versie} noemt de onbekende voorwaarde '{naam}' "
                f"bij stap '{overgang.stap}'; bekend: {', '.join(sorted(VOORWAARDEN)) or 'geen'}."
            )
        melding = controle(app, zaak, datum)
        if melding:
            raise DomeinFout(melding)
