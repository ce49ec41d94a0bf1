"""Workflow definitions (zaaktypen) kept as data: reading and checking them.

A definition is a TOML file `definities/<naam>/v<versie>.toml` (see the README
there). Extra folders with definitions can be named in ZAAKSTROOM_DEFINITIES
(separated by the OS path separator); they are searched after the built-in ones,
and one that does not exist is refused. The text a running zaak uses is stored
with it (workflow.definitieversies); `lees_definitie` reads a stored text too.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from domain.fouten import DomeinFout
from domain.termijnen import Eenheid, Soort, Telling, Termijnregel
from workflow import voorwaarden

INGEBOUWD = Path(__file__).parent / "definities"
# Aanbestedingsprocedures: the same format, in a folder of their own so they are never offered as zaaktypen.
PROCEDURES = Path(__file__).parent / "definities-aanbesteding"
# Cliëntoverdracht (the overgangsjaar): its own folder as well.
OVERDRACHTEN = Path(__file__).parent / "definities-overdracht"


@dataclass(frozen=True)
class Definitiesoort:
    """A kind of definition (zaaktype, aanbestedingsprocedure): where its files are, its name in the
    store, and how messages speak of it ({kenmerk}: the subject's zaaknummer, kenmerk, …)."""

    naam: str  # part of a stored version's id (workflow.definitieversies): "zaaktype", "aanbestedingsprocedure"
    titel: str  # "Zaaktype", at the start of a message
    woord: str  # "zaaktype", "procedure": within a sentence
    toestand: str  # what a state is called: "status", "fase"
    gebruik: str  # where to take a step that has a command of its own ({commando})
    mappen: tuple[Path, ...] | None = None  # None: the zaaktypen' folders (built-in and ZAAKSTROOM_DEFINITIES)
    # Why a closing step (`afsluiten = true`) is refused to any command but the one that records a resultaat.
    afsluiten: str = "sluit af met een resultaat, wat deze opdracht niet vastlegt"

    @property
    def ingebouwd(self) -> Path:
        return self.mappen[0] if self.mappen else INGEBOUWD


ZAAKTYPE = Definitiesoort("zaaktype", "Zaaktype", "zaaktype", "status",
                          gebruik="'zaakstroom {commando}' voor zaak {kenmerk}",
                          afsluiten="sluit de zaak af; gebruik 'zaak afsluiten {kenmerk} --resultaat …'")
PROCEDURE = Definitiesoort("aanbestedingsprocedure", "Aanbestedingsprocedure", "procedure", "fase",
                           gebruik="'zaakstroom {commando} {kenmerk} …'", mappen=(PROCEDURES,))
CLIENTOVERDRACHT = Definitiesoort("clientoverdracht", "Cliëntoverdracht", "definitie", "status",
                                  gebruik="'zaakstroom {commando}' voor {kenmerk}", mappen=(OVERDRACHTEN,))
_NAAM = re.compile(r"[a-z0-9][a-z0-9-]*")
AARDEN = ("behandeltermijn", "wachttermijn")
VANAF = ("stap", "start")


class DefinitieFout(DomeinFout):
    """A definition file that cannot be used; names the file and the problem."""


@dataclass(frozen=True)
class TermijnSpec:
    naam: str
    regel: Termijnregel
    aard: str
    vanaf: str
    grondslag: str

    def als_record(self, gebeurtenis) -> dict:
        """The rule as it is stored in an event, frozen with its trigger date."""
        return {
            "naam": self.naam,
            "lengte": self.regel.lengte,
            "eenheid": self.regel.eenheid.value,
            "telling": self.regel.telling.value,
            "soort": self.regel.soort.value,
            "aard": self.aard,
            "grondslag": self.grondslag,
            "gebeurtenis": gebeurtenis.isoformat(),
        }


@dataclass(frozen=True)
class Toestand:
    naam: str
    titel: str
    eind: bool = False
    termijnen: tuple[TermijnSpec, ...] = ()
    handelingen: tuple[str, ...] = ()  # commands that record facts in this state without leaving it


@dataclass(frozen=True)
class Overgang:
    stap: str
    titel: str
    van: tuple[str, ...]
    naar: str
    na_termijn: str | None = None
    afsluiten: bool = False
    voorwaarden: tuple[str, ...] = ()  # names of checks in workflow.voorwaarden
    commando: str | None = None  # the dedicated command that records this step's facts
    # Also wait out the week in which a bezwaar- or beroepschrift posted on the term's last day
    # still arrives on time (Awb 6:9 lid 2): for steps that declare nothing was filed.
    postweek: bool = False
    resultaten: tuple[str, ...] = ()  # for a closing step: the resultaten it allows (default: the zaaktype's)


@dataclass(frozen=True)
class Verlenging:
    max_aantal: int = 0
    max_lengte: int = 0
    eenheid: Eenheid = Eenheid.WEKEN
    grondslag: str = ""

    @property
    def max_dagen(self) -> int:
        return self.max_lengte * (7 if self.eenheid is Eenheid.WEKEN else 1)


@dataclass(frozen=True)
class Definitie:
    naam: str
    versie: int
    titel: str
    omschrijving: str
    begintoestand: str
    toestanden: tuple[Toestand, ...]
    overgangen: tuple[Overgang, ...]
    resultaten: tuple[str, ...]
    opschorting_toegestaan: bool
    opschorting_grondslag: str
    opschorting_toestanden: tuple[str, ...]  # empty: in every state
    verlenging: Verlenging
    bron: Path = field(compare=False)
    # The parts whose commands run this definition (workflow.delen), e.g. ["besluitvorming"]: each part
    # declares the step, state and term names its code uses (Vereist), checked against the definition.
    onderdelen: tuple[str, ...] = ()
    # The text it was read from and its hash: what is stored when a zaak first uses this version
    # (domain.definitieversie), and how a changed file under a published version is recognised.
    tekst: str = field(default="", compare=False, repr=False)
    sha256: str = field(default="", compare=False)

    def toestand(self, naam: str) -> Toestand:
        for t in self.toestanden:
            if t.naam == naam:
                return t
        raise DefinitieFout(f"{self.naam} v{self.versie} kent de status '{naam}' niet.")


def _fout(pad: Path, tekst: str) -> DefinitieFout:
    return DefinitieFout(f"Definitie {pad}: {tekst}")


def _keuze(pad: Path, waarde, soort, wat: str):
    try:
        return soort(waarde)
    except ValueError:
        toegestaan = ", ".join(e.value for e in soort)
        raise _fout(pad, f"{wat} '{waarde}' is onbekend; toegestaan: {toegestaan}.") from None


def _termijn(pad: Path, t: dict) -> TermijnSpec:
    try:
        regel = Termijnregel(
            lengte=int(t["lengte"]),
            eenheid=_keuze(pad, t["eenheid"], Eenheid, "eenheid"),
            telling=_keuze(pad, t["telling"], Telling, "telling"),
            soort=_keuze(pad, t["soort"], Soort, "soort"),
        )
        spec = TermijnSpec(t["naam"], regel, t["aard"], t.get("vanaf", "stap"), t["grondslag"])
    except KeyError as e:
        raise _fout(pad, f"termijn mist het veld {e}.") from None
    except ValueError as e:
        raise _fout(pad, str(e)) from None
    if spec.aard not in AARDEN:
        raise _fout(pad, f"termijn {spec.naam}: aard moet een van {', '.join(AARDEN)} zijn.")
    if spec.vanaf not in VANAF:
        raise _fout(pad, f"termijn {spec.naam}: vanaf moet een van {', '.join(VANAF)} zijn.")
    return spec


def lees_definitie(pad: Path, tekst: str | None = None) -> Definitie:
    """The definition in file `pad`; with `tekst`, that text as stored for `pad` (domain.definitieversie)."""
    if tekst is None:
        tekst = pad.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as e:
        raise _fout(pad, f"geen geldige TOML: {e}") from None
    try:
        toestanden = tuple(
            Toestand(t["naam"], t["titel"], bool(t.get("eind", False)),
                     tuple(_termijn(pad, x) for x in t.get("termijnen", [])),
                     tuple(t.get("handelingen", [])))
            for t in data["toestanden"]
        )
        overgangen = tuple(
            Overgang(o["stap"], o["titel"], tuple(o["van"]), o["naar"],
                     o.get("na_termijn"), bool(o.get("afsluiten", False)),
                     tuple(o.get("voorwaarden", [])), o.get("commando"), bool(o.get("postweek", False)),
                     tuple(o.get("resultaten", [])))
            for o in data["overgangen"]
        )
        v = data.get("verlenging", {})
        definitie = Definitie(
            naam=data["naam"],
            versie=int(data["versie"]),
            titel=data["titel"],
            omschrijving=data.get("omschrijving", ""),
            begintoestand=data["begintoestand"],
            toestanden=toestanden,
            overgangen=overgangen,
            resultaten=tuple(data.get("resultaten", [])),
            opschorting_toegestaan=bool(data.get("opschorting", {}).get("toegestaan", False)),
            opschorting_grondslag=data.get("opschorting", {}).get("grondslag", ""),
            opschorting_toestanden=tuple(data.get("opschorting", {}).get("toestanden", [])),
            verlenging=Verlenging(
                int(v.get("max_aantal", 0)), int(v.get("max_lengte", 0)),
                _keuze(pad, v.get("eenheid", "weken"), Eenheid, "eenheid"), v.get("grondslag", ""),
            ),
            bron=pad,
            onderdelen=tuple(data.get("onderdelen", [])),
            tekst=tekst,
            sha256=hashlib.sha256(tekst.encode("utf-8")).hexdigest(),
        )
    except KeyError as e:
        raise _fout(pad, f"het veld {e} ontbreekt.") from None
    _controleer(definitie)
    return definitie


def _controleer(d: Definitie) -> None:
    """Refuse a definition whose parts do not refer to each other correctly."""
    pad = d.bron
    namen = {t.naam for t in d.toestanden}
    if pad.stem != f"v{d.versie}" or pad.parent.name != d.naam:
        raise _fout(pad, f"naam en versie ({d.naam} v{d.versie}) passen niet bij het pad <naam>/v<versie>.toml.")
    if d.begintoestand not in namen:
        raise _fout(pad, f"begintoestand '{d.begintoestand}' is geen toestand.")
    for o in d.overgangen:
        for s in (*o.van, o.naar):
            if s not in namen:
                raise _fout(pad, f"stap '{o.stap}' noemt onbekende toestand '{s}'.")
        if o.na_termijn:
            for s in o.van:
                if o.na_termijn not in {t.naam for t in d.toestand(s).termijnen}:
                    raise _fout(pad, f"stap '{o.stap}' wacht op termijn '{o.na_termijn}', die '{s}' niet heeft.")
        if o.postweek and not o.na_termijn:
            raise _fout(pad, f"stap '{o.stap}' heeft postweek maar wacht op geen termijn (na_termijn).")
        if o.afsluiten and not d.toestand(o.naar).eind:
            raise _fout(pad, f"stap '{o.stap}' sluit af maar '{o.naar}' is geen eindtoestand.")
        if onbekend := [v for v in o.voorwaarden if not voorwaarden.bekend(v)]:
            raise _fout(pad, f"stap '{o.stap}' noemt onbekende voorwaarde {', '.join(onbekend)}; "
                             f"bekend: {', '.join(sorted(voorwaarden.modules())) or 'geen'}.")
    controleer_onderdelen(d)


# --- what the parts' code needs of a definition ------------------------------------------


@dataclass(frozen=True)
class Vereist:
    """The names a part's code refers to, declared in one place in that part's module.

    Every definition that names the part in `onderdelen` must have these steps,
    states and terms; `handelingen` are the commands the part offers within a state,
    and a definition names no others. Checked when a definition is read (for the
    parts declared by then) and when the part takes a subject of that definition.
    """

    onderdeel: str
    stappen: frozenset[str] = frozenset()
    toestanden: frozenset[str] = frozenset()
    termijnen: frozenset[str] = frozenset()
    handelingen: frozenset[str] = frozenset()

    def controleer(self, d: Definitie) -> Definitie:
        """`d`, when it supports this part; otherwise refused, naming its file."""
        if self.onderdeel not in d.onderdelen:
            raise _fout(d.bron, f"hoort niet bij onderdeel {self.onderdeel} (onderdelen = "
                                f"[{', '.join(repr(o) for o in d.onderdelen)}]).")
        controleer_onderdelen(d)
        return d

    def ontbreekt(self, d: Definitie) -> str | None:
        """What `d` lacks of this part's names, as a sentence, or None."""
        heeft = (
            ("stap", "stappen", self.stappen, {o.stap for o in d.overgangen}),
            ("toestand", "toestanden", self.toestanden, {t.naam for t in d.toestanden}),
            ("termijn", "termijnen", self.termijnen, {s.naam for t in d.toestanden for s in t.termijnen}),
        )
        for een, meer, nodig, aanwezig in heeft:
            if mist := sorted(nodig - aanwezig):
                return (f"onderdeel {self.onderdeel} gebruikt {een if len(mist) == 1 else meer} "
                        f"{', '.join(repr(m) for m in mist)}, die de definitie niet heeft.")
        return None


_VEREIST: dict[str, Vereist] = {}


def vereist(onderdeel: str, *, stappen=(), toestanden=(), termijnen=(), handelingen=()) -> Vereist:
    """Declare (once, in the part's module) the names the part's code uses; returns the declaration."""
    v = Vereist(onderdeel, frozenset(map(str, stappen)), frozenset(map(str, toestanden)),
                frozenset(map(str, termijnen)), frozenset(map(str, handelingen)))
    _VEREIST[onderdeel] = v
    return v


def controleer_onderdelen(d: Definitie) -> None:
    """Refuse a definition that names an unknown part, lacks a name a declared part uses, or names
    a handeling none of its parts offers (once all its parts have declared what they need)."""
    from workflow.delen import PER_NAAM

    for naam in d.onderdelen:
        if naam not in PER_NAAM:
            raise _fout(d.bron, f"onbekend onderdeel '{naam}'; bekend: {', '.join(PER_NAAM)}.")
        if (v := _VEREIST.get(naam)) and (mist := v.ontbreekt(d)):
            raise _fout(d.bron, mist)
    if all(naam in _VEREIST for naam in d.onderdelen):
        geboden = {h for naam in d.onderdelen for h in _VEREIST[naam].handelingen}
        for t in d.toestanden:
            if onbekend := sorted(set(t.handelingen) - geboden):
                raise _fout(d.bron, f"toestand '{t.naam}' noemt onbekende handeling {', '.join(onbekend)}; "
                                    f"bekend: {', '.join(sorted(geboden)) or 'geen'}.")


def _mappen() -> list[Path]:
    """The built-in folder and those ZAAKSTROOM_DEFINITIES names; a named folder that is missing
    is refused, not skipped (a typo would otherwise silently hide zaaktypen)."""
    extra = [Path(p) for p in os.environ.get("ZAAKSTROOM_DEFINITIES", "").split(os.pathsep) if p]
    for map_ in extra:
        if not map_.is_dir():
            wat = "dat is geen map" if map_.exists() else "die map bestaat niet"
            raise DefinitieFout(
                f"ZAAKSTROOM_DEFINITIES noemt {map_}, maar {wat}; geef mappen met zaaktypedefinities "
                f"(<naam>/v<versie>.toml), gescheiden door '{os.pathsep}'."
            )
    return [INGEBOUWD, *extra]


@cache
def _bestand(naam: str, versie: int, mappen: tuple[Path, ...] | None = None) -> Path | None:
    for map_ in mappen or _mappen():
        pad = map_ / naam / f"v{versie}.toml"
        if pad.is_file():
            return pad
    return None


def _versies(naam: str, mappen: tuple[Path, ...] | None = None) -> list[int]:
    versies = set()
    for map_ in mappen or _mappen():
        for pad in (map_ / naam).glob("v*.toml"):
            if pad.stem[1:].isdigit():
                versies.add(int(pad.stem[1:]))
    return sorted(versies)


def procedures() -> list[str]:
    """The aanbestedingsprocedures: the names of the folders in PROCEDURES."""
    return sorted(p.name for p in PROCEDURES.iterdir() if p.is_dir() and any(p.glob("v*.toml")))


def zaaktypen() -> list[str]:
    namen = set()
    for map_ in _mappen():
        if map_.is_dir():
            namen.update(p.name for p in map_.iterdir() if p.is_dir() and any(p.glob("v*.toml")))
    return sorted(namen)


@cache
def definitie(naam: str, versie: int | None = None, mappen: tuple[Path, ...] | None = None) -> Definitie:
    """The definition of a zaaktype: the given version, or the newest one.

    `mappen`: read from these folders instead of the zaaktypen's (aanbestedingsprocedures).
    """
    # Only plain names: a name is joined into a path, so '../x' must never reach the file system.
    versies = _versies(naam, mappen) if _NAAM.fullmatch(naam) else []
    if not versies:
        raise DomeinFout(f"Onbekend zaaktype '{naam}'. Bekende zaaktypen: {', '.join(zaaktypen())}.")
    if versie is None:
        versie = versies[-1]
    pad = _bestand(naam, versie, mappen)
    if pad is None:
        raise DomeinFout(
            f"Zaaktype '{naam}' heeft geen versie {versie}; wel: {', '.join(map(str, versies))}."
        )
    return lees_definitie(pad)


def herlaad() -> None:
    """Forget cached definitions (after ZAAKSTROOM_DEFINITIES changed)."""
    _bestand.cache_clear()
    definitie.cache_clear()
