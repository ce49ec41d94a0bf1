"""Termijnen: wanneer eindigt een wettelijke of kalendertermijn?

Zuivere regels, geen I/O behalve het inlezen van de meegeleverde feestdagen.toml.
Bronnen: Awb 3:16 (ter inzage, termijn begint op de dag van terinzagelegging),
Awb 6:8 (bezwaar, termijn begint de dag na bekendmaking) en de Algemene
termijnenwet (Atw) art. 1-3.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from domain.datums import nl_datum

ART_2_REDEN = (
    "art. 2 Atw: de termijn moet ten minste twee dagen omvatten "
    "die geen zaterdag, zondag of feestdag zijn"
)
_DAG = timedelta(days=1)


class Telling(str, Enum):
    ZELFDE_DAG = "zelfde_dag"  # Awb 3:16: de dag van de gebeurtenis telt mee
    DAG_ERNA = "dag_erna"  # Awb 6:8: de termijn begint de dag na de gebeurtenis


class Soort(str, Enum):
    WETTELIJK = "wettelijk"  # Algemene termijnenwet is van toepassing
    KALENDER = "kalender"  # kalenderdagen, nooit verlengd (bv. Alcatel-termijn)


class Eenheid(str, Enum):
    DAGEN = "dagen"
    WEKEN = "weken"


@dataclass(frozen=True)
class Termijnregel:
    lengte: int
    eenheid: Eenheid
    telling: Telling
    soort: Soort

    def __post_init__(self) -> None:
        if isinstance(self.lengte, bool) or not isinstance(self.lengte, int) or self.lengte < 1:
            raise ValueError(f"De lengte van een termijn moet een geheel getal van ten minste 1 zijn, niet {self.lengte!r}.")
        # Zodat een regel ook uit data ("weken", "dag_erna", ...) te maken is.
        for veld, soort in (("eenheid", Eenheid), ("telling", Telling), ("soort", Soort)):
            waarde = getattr(self, veld)
            try:
                object.__setattr__(self, veld, soort(waarde))
            except ValueError:
                toegestaan = ", ".join(s.value for s in soort)
                raise ValueError(f"Onbekende {veld} {waarde!r}; kies uit {toegestaan}.") from None

    @property
    def dagen(self) -> int:
        """De lengte van de termijn in dagen."""
        return self.lengte * (7 if self.eenheid is Eenheid.WEKEN else 1)

    def beschrijving(self) -> str:
        enkelvoud = {Eenheid.DAGEN: "dag", Eenheid.WEKEN: "week"}
        eenheid = enkelvoud[self.eenheid] if self.lengte == 1 else self.eenheid.value
        vanaf = "de dag van" if self.telling is Telling.ZELFDE_DAG else "de dag na"
        soort = (
            "wettelijke termijn, Algemene termijnenwet"
            if self.soort is Soort.WETTELIJK
            else "kalenderdagen"
        )
        return f"{self.lengte} {eenheid}, te rekenen vanaf {vanaf} de gebeurtenis ({soort})"


@dataclass(frozen=True)
class Verschuiving:
    """Eén stap waarmee het einde van de termijn is opgeschoven, met de reden."""

    van: date
    naar: date
    reden: str


@dataclass(frozen=True)
class Termijn:
    regel: Termijnregel
    gebeurtenis: date
    eerste_dag: date
    onverlengd_einde: date  # na extra_dagen, vóór de Atw
    einde: date  # laatste dag waarop nog tijdig gehandeld kan worden
    verschuivingen: tuple[Verschuiving, ...]
    extra_dagen: int = 0  # opschorting/verlenging, opgeteld vóór de Atw
    opmerkingen: tuple[str, ...] = ()  # wat de berekening niet zeker weet


def bereken_termijn(
    regel: Termijnregel,
    gebeurtenis: date,
    *,
    extra_dagen: int = 0,
    kalender: Feestdagenkalender | None = None,
) -> Termijn:
    if extra_dagen < 0:
        raise ValueError(f"extra_dagen kan niet negatief zijn ({extra_dagen}).")
    eerste_dag = gebeurtenis if regel.telling is Telling.ZELFDE_DAG else gebeurtenis + _DAG
    onverlengd = eerste_dag + timedelta(days=regel.dagen - 1 + extra_dagen)
    einde, stappen, opmerkingen = onverlengd, [], ()
    if regel.soort is Soort.WETTELIJK:
        kalender = kalender or Feestdagenkalender.standaard()
        einde = _art_1(einde, kalender, stappen)
        # Art. 2 geldt voor termijnen van ten minste drie dagen; de oorspronkelijke lengte telt.
        if regel.dagen >= 3:
            while (aantal := _werkdagen(eerste_dag, einde, kalender)) < 2:
                telling = "er geen" if aantal == 0 else "er maar één"
                reden = f"{ART_2_REDEN}; van {nl_datum(eerste_dag)} tot en met {nl_datum(einde)} zijn dat {telling}"
                stappen.append(Verschuiving(einde, einde + _DAG, reden))
                einde = _art_1(einde + _DAG, kalender, stappen)
        if einde.year > kalender.gelijkgesteld_tot:
            opmerkingen = (
                f"Voor {einde.year} zijn nog geen gelijkgestelde dagen vastgelegd (bekend t/m "
                f"{kalender.gelijkgesteld_tot}); controleer het Besluit gelijkstelling dagen Atw "
                "en vul domain/feestdagen.toml aan.",
            )
    return Termijn(regel, gebeurtenis, eerste_dag, onverlengd, einde, tuple(stappen), extra_dagen, opmerkingen)


def _art_1(einde: date, kalender: Feestdagenkalender, stappen: list[Verschuiving]) -> date:
    """Art. 1 Atw: eindigt de termijn op een vrije dag, dan loopt hij door tot en met de
    eerstvolgende dag die geen zaterdag, zondag of feestdag is. Eén stap per vrije dag."""
    while (reden := kalender.reden(einde)) is not None:
        stappen.append(Verschuiving(einde, einde + _DAG, reden))
        einde += _DAG
    return einde


def _werkdagen(van: date, tot: date, kalender: Feestdagenkalender) -> int:
    """Aantal dagen in [van, tot] die geen zaterdag, zondag of feestdag zijn (we tellen tot 2)."""
    aantal, d = 0, van
    while d <= tot and aantal < 2:
        aantal += not kalender.is_vrije_dag(d)
        d += _DAG
    return aantal


def paasdatum(jaar: int) -> date:
    """Eerste Paasdag volgens de gregoriaanse computus (anoniem algoritme, Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (naam uit het algoritme)
    m = (a + 11 * h + 22 * l) // 451
    maand, dag = divmod(h + l - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


class Feestdagenkalender:
    """Zaterdagen, zondagen en feestdagen in de zin van de Atw, opgebouwd uit data
    (zie feestdagen.toml voor de vorm)."""

    def __init__(self, gegevens: Mapping[str, Any]) -> None:
        self._vast = list(gegevens.get("vast", []))
        self._pasen = list(gegevens.get("pasen", []))
        self._koningsdag = list(gegevens.get("koningsdag", []))
        self._gelijkgesteld = list(gegevens.get("gelijkgesteld", []))
        for g in self._gelijkgesteld:
            if not isinstance(g.get("datum"), date) or isinstance(g["datum"], datetime):
                raise ValueError(
                    f"Gelijkgestelde dag {g!r}: datum moet een TOML-datum zijn, bv. datum = 2029-05-11."
                )
        self._per_jaar: dict[int, dict[date, tuple[str, str]]] = {}
        # Gelijkgestelde dagen are decreed a few years ahead; after the last one we cannot know.
        self.gelijkgesteld_tot = max((g["datum"].year for g in self._gelijkgesteld), default=0)

    @classmethod
    @functools.cache
    def standaard(cls) -> Feestdagenkalender:
        """De meegeleverde kalender (domain/feestdagen.toml), eenmaal per proces ingelezen."""
        tekst = (Path(__file__).parent / "feestdagen.toml").read_text(encoding="utf-8")
        return cls(tomllib.loads(tekst))

    def feestdagen(self, jaar: int) -> dict[date, str]:
        """Feestdagen en gelijkgestelde dagen van een jaar, op datum, met hun naam."""
        return {d: naam for d, (naam, _) in sorted(self._jaar(jaar).items())}

    def is_vrije_dag(self, d: date) -> bool:
        return d.weekday() >= 5 or d in self._jaar(d.year)

    def reden(self, d: date) -> str | None:
        """Waarom op deze dag geen termijn eindigt, of None voor een gewone werkdag."""
        if d in self._jaar(d.year):
            return f"{nl_datum(d)} {self._jaar(d.year)[d][1]}"
        if d.weekday() >= 5:
            return f"{nl_datum(d)} is een {('zaterdag', 'zondag')[d.weekday() - 5]}"
        return None

    def _jaar(self, jaar: int) -> dict[date, tuple[str, str]]:
        """{datum: (naam, reden zonder de datum)}, per jaar eenmaal berekend."""
        if jaar not in self._per_jaar:
            dagen: dict[date, tuple[str, str]] = {}

            def feestdag(d: date, regel: Mapping[str, Any]) -> None:
                naam = regel["naam"]
                if bij := regel.get("gelijkgesteld_bij"):
                    dagen[d] = naam, f"is {naam}, bij {bij} gelijkgesteld met een algemeen erkende feestdag"
                else:
                    dagen[d] = naam, f"is een algemeen erkende feestdag ({naam})"

            for r in self._vast:
                feestdag(date(jaar, r["maand"], r["dag"]), r)
            pasen = paasdatum(jaar)
            for r in self._pasen:
                feestdag(pasen + timedelta(days=r["verschil"]), r)
            for r in self._koningsdag:
                if r.get("vanaf", MINYEAR) <= jaar <= r.get("tot_en_met", MAXYEAR):
                    d = date(jaar, r["maand"], r["dag"])
                    if d.weekday() == 6:
                        d += timedelta(days=r["bij_zondag"])
                    feestdag(d, r)
            for r in self._gelijkgesteld:
                if r["datum"].year == jaar:
                    noot = r.get("noot", "")
                    dagen.setdefault(r["datum"], (
                        f"gelijkgestelde dag ({noot})" if noot else "gelijkgestelde dag",
                        "is bij besluit gelijkgesteld met een algemeen erkende feestdag"
                        + (f" ({noot})" if noot else ""),
                    ))
            self._per_jaar[jaar] = dagen
        return self._per_jaar[jaar]
