"""A synthetic client population for an overgangsjaar, written as the CSV `overgang importeer` reads.

SYNTHETIC, and marked so everywhere it shows: a header comment with the word
"SYNTHETISCHE" (the import records it; the monitor then says "synthetische
populatie"), pseudonyms `SYN-000123`, and providers named "Synthetische aanbieder 07".
No real person, no real provider.

What it imitates (the seeds give no client counts, DOMAIN.md): Hengelo's scale and mix,
~7,300 unique Wmo clients and ~2,170 Jeugd clients (2021), so 77 % Wmo when scaled
with `aantal`; ~90 latende aanbieders of very unequal size (a few large, a long tail);
einddatums spread over 2025–2028 (most indicaties run out within two years), often
at the end of a month; consent known for most Wmo clients, less often for Jeugd, and
missing or refused for a part; a few new hulpvragen (R3) and verlengde indicaties that
start on the first day of the year. All invented; seedable and deterministic.
"""

from __future__ import annotations

import calendar
import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta

from domain.overdracht import werkdagen

WMO_CLIENTEN, JEUGD_CLIENTEN = 7_300, 2_170  # Hengelo 2021, unique clients (DOMAIN.md)
STANDAARD_AANTAL = WMO_CLIENTEN + JEUGD_CLIENTEN
AANBIEDERS = 90  # "ongeveer 90 konden en mochten in Hengelo leveren" (seed 001 L75-78, L1623-1625)
KOP = ("client", "wet", "product", "indicatie_start", "indicatie_einde", "latende_aanbieder", "toestemming")

# [verzonnen] shares: which year the indicatie ends (from the first year of the overgang on).
EINDJAAR = ((0, 0.45), (1, 0.30), (2, 0.17), (3, 0.08))
PRODUCTEN = {"Wmo": (("begeleiding", 0.62), ("dagbesteding", 0.33), ("dagopvang", 0.05)),
             "Jeugdwet": (("begeleiding", 0.85), ("dagbesteding", 0.15))}
TOESTEMMING = {"Wmo": (("ja", 0.70), ("nee", 0.04), ("", 0.26)), "Jeugdwet": (("ja", 0.55), ("nee", 0.05), ("", 0.40))}
R3_AANDEEL = 0.03  # new hulpvragen registered in the first quarter
VERLENGD_AANDEEL = 0.02  # existing clients whose (verlengde) indicatie starts on the first day of the year


@dataclass(frozen=True)
class Populatie:
    tekst: str  # the CSV
    aanbieders: list[str]
    aantal: int
    fouten: int


def aanbieder_naam(i: int) -> str:
    return f"Synthetische aanbieder {i:02d}"


def _kies(rng: random.Random, keuzes) -> str:
    waarden, gewichten = zip(*keuzes)
    return rng.choices(waarden, gewichten)[0]


def _einde_van_maand(jaar: int, maand: int) -> date:
    return date(jaar, maand, calendar.monthrange(jaar, maand)[1])


def genereer(*, aantal: int = STANDAARD_AANTAL, seed: int = 1, jaar: int = 2025, fouten: int = 0,
             datumnotatie: str = "nl", plan: bool = False) -> Populatie:
    """`plan`: add an overgangsdatum column with a planning for the R2 clients (February to October,
    as a contractmanager's planning list would), so the population's dates do not depend on the store."""
    if aantal < 1:
        raise ValueError("aantal is ten minste 1")
    rng = random.Random(seed)
    plan_rng = random.Random(f"plan-{seed}")  # its own stream: --plan adds a column, the same population
    plandagen = werkdagen(date(jaar, 2, 1), date(jaar, 10, 31)) if plan else []
    aanbieders = [aanbieder_naam(i) for i in range(1, AANBIEDERS + 1)]
    # Zipf-like sizes: the largest provider has ~15 % of the clients, the smallest a handful.
    gewichten = [1 / (i ** 1.1) for i in range(1, AANBIEDERS + 1)]
    jeugd_aanbieders = aanbieders[::2]  # about half also (or only) serve young people
    jeugd_gewichten = gewichten[::2]
    start = date(jaar, 1, 1)
    fmt = (lambda d: d.strftime("%d-%m-%Y")) if datumnotatie == "nl" else (lambda d: d.isoformat())

    rijen: list[list[str]] = []
    for n in range(1, aantal + 1):
        wet = "Wmo" if rng.random() < WMO_CLIENTEN / STANDAARD_AANTAL else "Jeugdwet"
        product = _kies(rng, PRODUCTEN[wet])
        client = f"SYN-{n:06d}"
        if rng.random() < R3_AANDEEL:
            begin = start + timedelta(days=rng.randrange(0, 90))
            einde = _einde_van_maand(begin.year + 1 + rng.randrange(0, 2), rng.randint(1, 12))
            rijen.append([client, wet, product, fmt(begin), fmt(einde), "", ""] + ([""] if plan else []))
            continue
        eindjaar = jaar + int(_kies(rng, EINDJAAR))
        maand = rng.randint(1, 12)
        einde = (_einde_van_maand(eindjaar, maand) if rng.random() < 0.7
                 else date(eindjaar, maand, rng.randint(1, calendar.monthrange(eindjaar, maand)[1])))
        if rng.random() < VERLENGD_AANDEEL and einde > start:
            begin = start
        else:
            begin = einde - timedelta(days=rng.randint(365, 5 * 365))
            if begin >= start:
                begin = start - timedelta(days=rng.randint(30, 700))
        if wet == "Wmo":
            aanbieder = rng.choices(aanbieders, gewichten)[0]
        else:
            aanbieder = rng.choices(jeugd_aanbieders, jeugd_gewichten)[0]
        rijen.append([client, wet, product, fmt(begin), fmt(einde), aanbieder, _kies(rng, TOESTEMMING[wet])])
        if plan:
            rijen[-1].append(fmt(plan_rng.choice(plandagen)) if einde > date(jaar, 12, 31) else "")

    for k in range(1, fouten + 1):
        fout = _fout(rng, rijen, fmt, jaar, k)
        if plan and fout[-1]:
            fout[-1] = ""  # the mistake is the point, not the planned date
        rijen.insert(rng.randrange(0, len(rijen) + 1), fout)

    uit = io.StringIO()
    uit.write(f"# SYNTHETISCHE POPULATIE — gegenereerd met 'zaakstroom overgang genereer' (seed {seed}, "
              f"{aantal} cliënten, overgangsjaar {jaar}). Geen echte personen of aanbieders.\n")
    uit.write(f"# Verhouding Wmo/Jeugd als Hengelo 2021 (~{WMO_CLIENTEN:,} / ~{JEUGD_CLIENTEN:,} unieke cliënten); "
              f"{AANBIEDERS} latende aanbieders; einddatums {jaar}-{jaar + 3}; alle aandelen verzonnen.\n"
              .replace(",", "."))
    if fouten:
        uit.write(f"# Met {fouten} opzettelijk foute regels (om de controle van de import te laten zien).\n")
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\n")
    schrijver.writerow(KOP + (("overgangsdatum",) if plan else ()))
    schrijver.writerows(rijen)
    return Populatie(uit.getvalue(), aanbieders, aantal, fouten)


def _fout(rng: random.Random, rijen: list[list[str]], fmt, jaar: int, k: int) -> list[str]:
    """One line with a mistake people make in such exports; apart from the exact duplicate, under a
    pseudonym of its own (SYN-F00001), so a client's good line is never shadowed by a bad one."""
    basis = list(rng.choice(rijen))
    soort = rng.randrange(6)
    if soort != 3:
        basis[0] = f"SYN-F{k:05d}"
    if soort == 0:
        basis[3] = f"31-02-{jaar - 1}"  # no such date
    elif soort == 1:
        basis[1] = "Wlz"  # not a wet of this overgang
    elif soort == 2:
        basis[5] = "Onbekende Zorg B.V."  # not a latende aanbieder
    elif soort == 3:
        pass  # an exact duplicate line
    elif soort == 4:
        basis[3], basis[4] = fmt(date(jaar, 6, 30)), fmt(date(jaar, 1, 31))  # ends before it starts
    else:
        basis[2] = "huishoudelijke hulp"  # not begeleiding or dagbesteding
    return basis


def aanbieders_tekst(aanbieders: list[str]) -> str:
    return ("# SYNTHETISCH: verzonnen latende aanbieders, één per regel\n" + "\n".join(aanbieders) + "\n")
