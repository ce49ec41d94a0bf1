"""What every part that holds a natural person's data shares (AVG): the rule for erasing and
the words that stand where erased data stood. The keys themselves are store.keys; erasure
across the parts is workflow.avg."""

from __future__ import annotations

from datetime import date

from domain.datums import nl_datum
from domain.fouten import DomeinFout

GEWIST = "[gegevens gewist]"  # erased, the day not known (the key is gone, the erasure not recorded yet)


def controleer_wissen(reden: str | None) -> None:
    """Erasing is for a reason that stays on record (an art. 17 request, a retention period)."""
    if not reden or not reden.strip():
        raise DomeinFout("Wissen van persoonsgegevens vraagt een reden (--reden), bv. een verzoek op grond van art. 17 AVG.")


def gewist_op(datum: date | None) -> str:
    """What stands where erased personal data stood: "[gewist op 3 december 2026]"."""
    return GEWIST if datum is None else f"[gewist op {nl_datum(datum)}]"
