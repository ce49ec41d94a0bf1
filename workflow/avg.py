"""Erasure of a natural person's data (AVG art. 17): `zaakstroom avg vergeet PERSOON --reden …`.

Events are kept for years and never change, so a person's data is erased by
destroying the key it is encrypted with (store.keys, crypto-shredding): history
still replays and counts, and whatever showed the data shows "[gewist op …]".
Which persons exist is up to the parts: each names its kinds of person in its
line in workflow.delen (`personen`), with the function that erases one:

    vergeet(kern, sleutel, reden, actor) -> dict | None

`sleutel` is what a behandelaar knows the person by (a zienswijze's kenmerk for
its indiener; a client id for the cliëntoverdracht). The function returns None
when `sleutel` is no person of its part, so the next part is asked; otherwise it
destroys the key, records the erasure as an event on its aggregate (with actor,
reden and the day) and returns {"soort", "sleutel", "datum", "gewist": [what is
unreadable now], …}. A key names one person: the first part that knows it erases.
"""

from __future__ import annotations

from domain.fouten import DomeinFout
from domain.persoonsgegevens import controleer_wissen
from workflow import delen
from workflow.kern import Dienst


class AvgDienst(Dienst):
    def vergeet(self, persoon: str, *, reden: str | None, actor: str) -> dict:
        """Erase the data of `persoon` in the part that holds it; refused with the known kinds named."""
        controleer_wissen(reden)
        persoon = (persoon or "").strip()
        soorten = delen.personen()
        for deel, _, pad in soorten:
            uitkomst = delen.laad(pad)(self.kern, persoon, reden.strip(), actor)
            if uitkomst is not None:
                return {"deel": deel, **uitkomst}
        raise DomeinFout(
            f"Geen persoon bekend als '{persoon}'. Bekend zijn: " + "; ".join(soort for _, soort, _ in soorten) + "."
        )

    @staticmethod
    def soorten() -> list[dict]:
        """The kinds of person the parts hold data of, for the help and for a refusal."""
        return [{"deel": deel, "soort": soort} for deel, soort, _ in delen.personen()]
