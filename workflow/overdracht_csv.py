"""Reading a client population (CSV) for the overgangsjaar: the file, its columns, each row.

Pure: bytes in, parsed rows and rejections out; what depends on the overgangsjaar (is the
latende aanbieder one of its providers, R1/R2/R3, is the overgangsdatum inside the year)
is checked by the service (workflow.overdrachten), which adds its own rejections.

The file: UTF-8 (with or without BOM; UTF-16 with BOM is read too), separated by `;`
(Excel in Dutch), `,` or tabs, one header line, `#` lines are comments (a comment with the
word "synthetisch" marks a generated population). One line per client.

Personal data: only the pseudonymous client id is needed. A file with columns that
identify a person (naam, bsn, geboortedatum, adres, …) is refused as a whole, before any
row is read: zaakstroom does not need them (AVG art. 5 lid 1 onder c, dataminimalisatie),
so it does not store them, not even encrypted. Unknown columns are refused too: a free-text
column could hold the same. A client id that passes the BSN elfproef is refused per row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date

from domain.datums import parse_datum
from domain.fouten import DomeinFout
from domain.overdracht import Wet

VERPLICHT = ("client", "wet", "product", "indicatie_start", "indicatie_einde", "latende_aanbieder")
OPTIONEEL = ("toestemming", "overgangsdatum")
KOLOMMEN = VERPLICHT + OPTIONEEL

# Other names people give the same column (lower case, spaces as underscores).
ALIASSEN = {
    "client_id": "client", "clientnummer": "client", "pseudoniem": "client", "cliënt": "client",
    "wettelijk_kader": "wet", "startdatum": "indicatie_start", "ingangsdatum": "indicatie_start",
    "einddatum": "indicatie_einde", "aanbieder": "latende_aanbieder", "zorgaanbieder": "latende_aanbieder",
    "huidige_aanbieder": "latende_aanbieder", "toestemmingsverklaring": "toestemming",
}
IDENTIFICEREND = {
    "naam", "voornaam", "voornamen", "achternaam", "geslachtsnaam", "voorletters", "tussenvoegsel", "roepnaam",
    "bsn", "burgerservicenummer", "sofinummer", "geboortedatum", "geboortejaar", "geboorteplaats", "adres",
    "straat", "straatnaam", "huisnummer", "postcode", "woonplaats", "telefoon", "telefoonnummer", "mobiel",
    "email", "e-mail", "e_mail", "emailadres", "iban", "geslacht",
}
WETTEN = {"wmo": Wet.WMO, "wmo_2015": Wet.WMO, "wmo2015": Wet.WMO, "jeugdwet": Wet.JEUGDWET, "jeugd": Wet.JEUGDWET,
          "jw": Wet.JEUGDWET}
TOESTEMMING = {
    "ja": "gegeven", "j": "gegeven", "gegeven": "gegeven", "yes": "gegeven", "1": "gegeven", "true": "gegeven",
    "nee": "geweigerd", "n": "geweigerd", "geweigerd": "geweigerd", "no": "geweigerd", "0": "geweigerd",
    "false": "geweigerd", "": None, "onbekend": None, "?": None, "nvt": None, "n.v.t.": None,
}
_CLIENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
SYNTHETISCH = "synthetisch"


@dataclass(frozen=True)
class Rij:
    regel: int  # line number in the file (1 = first line), for the rejection report
    client: str
    wet: Wet
    product: str
    indicatie_start: date
    einddatum: date
    latende_aanbieder: str | None
    toestemming: str | None  # "gegeven", "geweigerd" or None (unknown)
    overgangsdatum: date | None


@dataclass(frozen=True)
class Afwijzing:
    regel: int
    reden: str


@dataclass
class Invoer:
    rijen: list[Rij] = field(default_factory=list)
    afgewezen: list[Afwijzing] = field(default_factory=list)
    synthetisch: bool = False
    opmerkingen: list[str] = field(default_factory=list)  # the file's '#' lines, without '#'
    codering: str = "utf-8"
    scheidingsteken: str = ";"
    sha256: str = ""
    gelezen: int = 0  # data lines read (rows plus rejected lines)


def elfproef(cijfers: str) -> bool:
    """Whether 9 digits pass the BSN elfproef (weights 9..2 and -1)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or cijfers == "000000000":
        return False
    som = sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return som % 11 == 0


def decodeer(inhoud: bytes) -> tuple[str, str]:
    """(text, encoding) of the file; refused when it is not UTF-8 (or UTF-16 with a BOM)."""
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        return inhoud.decode("utf-16"), "utf-16"
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        regel = inhoud[:e.start].count(b"\n") + 1
        raise DomeinFout(
            f"Het bestand is geen UTF-8: byte 0x{inhoud[e.start]:02x} op regel {regel} (Windows-1252 of Latin-1?). "
            "Sla het op als UTF-8 (in Excel: 'CSV UTF-8'); er is niets geïmporteerd."
        ) from None
    return tekst, "utf-8-sig" if inhoud.startswith(b"\xef\xbb\xbf") else "utf-8"


def _kolomnaam(kop: str) -> str:
    naam = "_".join(kop.strip().lower().replace("-", "_").split())
    return ALIASSEN.get(naam, naam)


def _scheidingsteken(kopregel: str) -> str:
    tellingen = {t: kopregel.count(t) for t in (";", ",", "\t")}
    teken = max(tellingen, key=tellingen.get)
    return teken if tellingen[teken] else ";"


def lees_populatie(inhoud: bytes, producten: tuple[str, ...]) -> Invoer:
    """Parse and check every line of a population file; raises DomeinFout for a file that
    cannot be read at all (encoding, header, identifying or missing columns)."""
    tekst, codering = decodeer(inhoud)
    invoer = Invoer(codering=codering, sha256=hashlib.sha256(inhoud).hexdigest())
    regels = tekst.splitlines()
    kopnummer = None
    for n, regel in enumerate(regels, start=1):
        if regel.lstrip().startswith("#"):
            invoer.opmerkingen.append(regel.lstrip()[1:].strip())
        elif regel.strip():
            kopnummer = n
            break
    if kopnummer is None:
        raise DomeinFout("Het bestand heeft geen kopregel (client;wet;product;indicatie_start;indicatie_einde;"
                         "latende_aanbieder[;toestemming][;overgangsdatum]); er is niets geïmporteerd.")
    invoer.synthetisch = any(SYNTHETISCH in o.lower() for o in invoer.opmerkingen)
    invoer.scheidingsteken = teken = _scheidingsteken(regels[kopnummer - 1])

    lezer = csv.reader(io.StringIO("\n".join(regels[kopnummer - 1:])), delimiter=teken)
    kop = [_kolomnaam(k) for k in next(lezer)]
    _controleer_kop(kop)
    index = {k: i for i, k in enumerate(kop)}
    eerder: dict[str, tuple[int, tuple]] = {}
    for velden in lezer:
        nummer = kopnummer + lezer.line_num - 1
        if not any(v.strip() for v in velden) or velden[0].lstrip().startswith("#"):
            continue
        invoer.gelezen += 1
        if len(velden) != len(kop):
            invoer.afgewezen.append(Afwijzing(nummer, f"heeft {len(velden)} velden, de kopregel {len(kop)} "
                                                      f"(scheidingsteken '{teken}')"))
            continue
        try:
            rij = _rij(nummer, {k: velden[i].strip() for k, i in index.items()}, producten)
        except DomeinFout as e:
            invoer.afgewezen.append(Afwijzing(nummer, str(e)))
            continue
        inhoud_rij = tuple(v.strip() for v in velden)
        if rij.client in eerder:
            vorige, vorige_inhoud = eerder[rij.client]
            wat = f"dubbele regel (gelijk aan regel {vorige})" if inhoud_rij == vorige_inhoud \
                else f"cliënt staat al op regel {vorige}"
            invoer.afgewezen.append(Afwijzing(nummer, f"{wat}; één regel per cliënt"))
            continue
        eerder[rij.client] = (nummer, inhoud_rij)
        invoer.rijen.append(rij)
    return invoer


def _controleer_kop(kop: list[str]) -> None:
    persoonlijk = [k for k in kop if k in IDENTIFICEREND]
    if persoonlijk:
        raise DomeinFout(
            f"Het bestand bevat persoonsgegevens ({', '.join(persoonlijk)}). zaakstroom heeft alleen het "
            "pseudoniem van de cliënt nodig en slaat zulke kolommen niet op, ook niet versleuteld "
            "(dataminimalisatie, AVG art. 5 lid 1 onder c): verwijder ze en importeer opnieuw; er is niets geïmporteerd."
        )
    if onbekend := [k for k in kop if k not in KOLOMMEN]:
        raise DomeinFout(f"Onbekende kolom {', '.join(repr(k) for k in onbekend)}; toegestaan: {', '.join(KOLOMMEN)} "
                         "(vrije tekst kan persoonsgegevens bevatten); er is niets geïmporteerd.")
    if ontbreekt := [k for k in VERPLICHT if k not in kop]:
        raise DomeinFout(f"Kolom {', '.join(ontbreekt)} ontbreekt; verplicht: {', '.join(VERPLICHT)}; "
                         "er is niets geïmporteerd.")
    if dubbel := sorted({k for k in kop if kop.count(k) > 1}):
        raise DomeinFout(f"Kolom {', '.join(dubbel)} staat er meer dan eens in; er is niets geïmporteerd.")


def _snel(waarde: str) -> date | None:
    """The two forms exports use most (31-12-2025, 2025-12-31), without a regular expression; else None."""
    try:
        if len(waarde) == 10 and waarde[2] == waarde[5] == "-" and waarde[:2].isdigit():
            return date(int(waarde[6:]), int(waarde[3:5]), int(waarde[:2]))
        if len(waarde) == 10 and waarde[4] == waarde[7] == "-" and waarde[:4].isdigit():
            return date(int(waarde[:4]), int(waarde[5:7]), int(waarde[8:]))
    except ValueError:
        return None  # not a date, or not one that exists: parse_datum says which
    return None


def _datum(waarde: str, kolom: str) -> date:
    if not waarde:
        raise DomeinFout(f"{kolom} ontbreekt")
    if (snel := _snel(waarde)) is not None and 1900 <= snel.year <= 2199:
        return snel
    try:
        d = parse_datum(waarde)
    except ValueError as e:
        raise DomeinFout(f"{kolom}: {e}") from None
    if not 1900 <= d.year <= 2199:
        raise DomeinFout(f"{kolom}: {waarde!r} valt buiten 1900–2199")
    return d


def _rij(nummer: int, v: dict[str, str], producten: tuple[str, ...]) -> Rij:
    client = v["client"]
    if not client:
        raise DomeinFout("client (het pseudoniem) ontbreekt")
    if not _CLIENT.fullmatch(client):
        # Not echoed: a value that is no pseudonym may be a name.
        raise DomeinFout("client is geen pseudoniem: één woord van letters, cijfers, '.', '-' of '_', "
                         "ten hoogste 64 tekens (de waarde wordt niet getoond: het kan een naam zijn)")
    if elfproef(client):
        raise DomeinFout("client lijkt een BSN (9 cijfers, elfproef): gebruik het pseudoniem, nooit het BSN")
    wet = WETTEN.get("_".join(v["wet"].lower().split()))
    if wet is None:
        raise DomeinFout(f"onbekende wet {v['wet']!r}; kies Wmo of Jeugdwet")
    product = " ".join(v["product"].lower().replace("_", " ").split())
    if product not in producten:
        raise DomeinFout(f"product {v['product']!r} valt niet onder de overgang; wel: {', '.join(producten)}")
    start = _datum(v["indicatie_start"], "indicatie_start")
    einde = _datum(v["indicatie_einde"], "indicatie_einde")
    if einde < start:
        raise DomeinFout(f"indicatie_einde {v['indicatie_einde']} ligt voor indicatie_start {v['indicatie_start']}")
    toestemming_tekst = v.get("toestemming", "").lower()
    if toestemming_tekst not in TOESTEMMING:
        raise DomeinFout(f"toestemming {v['toestemming']!r} onbekend; gebruik ja, nee of laat leeg (onbekend)")
    overgangsdatum = _datum(v["overgangsdatum"], "overgangsdatum") if v.get("overgangsdatum") else None
    return Rij(nummer, client, wet, product, start, einde, " ".join(v["latende_aanbieder"].split()) or None,
               TOESTEMMING[toestemming_tekst], overgangsdatum)
