"""Datums zoals ze in Nederlandse stukken staan: lezen en schrijven."""

from __future__ import annotations

import re
from datetime import date

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
# Gangbare afkortingen die geen begin van de maandnaam zijn.
_AFKORTINGEN = {"mrt": 3}

TOEGESTANE_VORMEN = "2021-08-10, 10-08-2021, 9-07-2021, 1.1.2022, 10 augustus 2021 of 10 aug 2021"

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMJ = re.compile(r"(\d{1,2})([-./])(\d{1,2})\2(\d{4})")
_TEKST = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})")


def nl_datum(d: date) -> str:
    """10 augustus 2021, 5 mei 2026 (geen voorloopnul)."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def parse_datum(text: str) -> date:
    """Lees een datum in een van de vormen uit TOEGESTANE_VORMEN."""
    s = text.strip().lower()
    if m := _ISO.fullmatch(s):
        jaar, maand, dag = (int(g) for g in m.groups())
    elif m := _DMJ.fullmatch(s):
        dag, maand, jaar = int(m[1]), int(m[3]), int(m[4])
    elif (m := _TEKST.fullmatch(s)) and (maand := _maand(m[2])):
        dag, jaar = int(m[1]), int(m[3])
    else:
        raise ValueError(f"Onbekende datum {text!r}; gebruik bijvoorbeeld {TOEGESTANE_VORMEN}.")
    try:
        return date(jaar, maand, dag)
    except ValueError:
        raise ValueError(f"{text!r} is geen bestaande datum.") from None


def _maand(woord: str) -> int | None:
    """Maandnummer bij een maandnaam of afkorting van ten minste 3 letters (aug, sept, mrt)."""
    if woord in _AFKORTINGEN:
        return _AFKORTINGEN[woord]
    if len(woord) >= 3:
        for nummer, naam in enumerate(MAANDEN, start=1):
            if naam.startswith(woord):
                return nummer
    return None
