"""What a report is, whatever it counts: tables of rows with typed columns, as of a day,
and how current the projections it read were.

A report function (projections/rapporten*.py) reads projections only, through
projections.lezer.Lezer, and returns a `Rapport`; `cli/rapport.py` prints it as a table for
people, as CSV (`--csv`, Dutch formats with `--nl`) or as JSON, and the factsheet
(projections/factsheet.py) draws from the same values. One report, one function: the
three outputs never count differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Kolom:
    """A column: its key in the rows and in JSON/CSV, its header for people, its kind
    (tekst, getal, datum, bedrag, procent, dagen) for formatting."""

    naam: str
    kop: str
    soort: str = "tekst"


@dataclass
class Tabel:
    naam: str  # a key: `rapport … --csv --tabel NAAM`, and the key in JSON
    titel: str  # for people
    kolommen: list[Kolom]
    rijen: list[dict]
    toelichting: str = ""

    def als_dict(self) -> dict:
        return {"naam": self.naam, "titel": self.titel, "kolommen": [k.naam for k in self.kolommen],
                "rijen": [{k.naam: r.get(k.naam) for k in self.kolommen} for r in self.rijen]}


@dataclass
class Rapport:
    naam: str
    titel: str
    per: date
    tabellen: list[Tabel]
    stand: dict  # projections.lezer.Lezer.stand: {"tot_en_met", "laatste", "achterstand"}
    opmerkingen: list[str] = field(default_factory=list)

    def tabel(self, naam: str) -> Tabel:
        for t in self.tabellen:
            if t.naam == naam:
                return t
        raise KeyError(naam)

    def als_dict(self) -> dict:
        return {"rapport": self.naam, "titel": self.titel, "per": self.per, "stand": self.stand,
                "opmerkingen": self.opmerkingen, "tabellen": {t.naam: t.als_dict() for t in self.tabellen}}
