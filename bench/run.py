#!/usr/bin/env python
"""Benchmark of zaakstroom's command path, against bare eventsourcing and bare Python start-up.

    .venv/bin/python bench/run.py            # full run, writes bench/RESULTS.md
    .venv/bin/python bench/run.py --quick    # small counts, a few seconds; writes only with --out

Everything happens in ONE run on ONE SQLite file in a temporary directory:

(a) "load zaak, advance one step, save": `Zaakstroom.stap()` against a bare
    eventsourcing Application (an Aggregate with one event class, no workflow
    layer) doing load / trigger one event / save. Both store into the same file;
    they are timed in alternating blocks (ABBA order) so machine noise hits both.
(b) replaying whole zaken (10 events each) with `Zaakstroom.toon_per()`, the
    `audit toon` path, next to the raw event-store read it is built on.

The steps used follow the current definitions: in raadsvoorstel only
`ter_inzage_leggen` and `zienswijzen_beoordelen` are still generic `zaak stap`
steps (the rest go through dedicated `raad …` commands), so (a) and (c) use
those; (b) uses omgevingsvergunning-regulier, whose generic commands
(opschorten, hervatten, verlengen, stap, afsluiten) give a 10-event history.
(c) wall time of one `zaakstroom zaak stap …` as a fresh process against
    `python -c "import click, eventsourcing.application"`, alternating, median;
    plus a `-X importtime` breakdown of the CLI path.

No timing assertions: this reports, it does not judge.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import NAMESPACE_URL, UUID, uuid5

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the project is installed editable; this is belt and braces
    sys.path.insert(0, str(ROOT))

from bench.machine import machine  # noqa: E402
from eventsourcing.application import Application  # noqa: E402
from eventsourcing.domain import Aggregate  # noqa: E402
from eventsourcing.persistence import JSONTranscoder  # noqa: E402

from store.log import stel_in  # noqa: E402
from domain.fouten import DomeinFout  # noqa: E402
from domain.termijnen import Eenheid  # noqa: E402
from domain.zaak import zaak_id  # noqa: E402
from store.events import DateAsISO  # noqa: E402
from workflow.application import Zaakstroom  # noqa: E402
from store.config import Opslag  # noqa: E402

VENV_BIN = Path(sys.executable).parent
ZAAKSTROOM_BIN = VENV_BIN / "zaakstroom"
PYTHON = sys.executable

ENGINE_TARGET = 0.8  # engine ops/s divided by bare ops/s, at least
CLI_TARGET = 2.5  # CLI wall time divided by bare-import wall time, at most

# (a) raadsvoorstel: the two steps `zaak stap` still takes, each timed on every zaak.
REGISTRATIE = date(2024, 1, 2)
GETIMED = (
    ("ter_inzage_leggen", date(2024, 1, 3)),  # enters ter_inzage: computes the zienswijzetermijn
    ("zienswijzen_beoordelen", date(2024, 3, 1)),  # waits for that termijn: checks it has ended
)
OPWARM_ZAKEN = 20  # walked through GETIMED untimed first: definitions loaded, caches and connections warm

# (b) omgevingsvergunning-regulier: 10 events per zaak through generic commands only.
REPLAY_ZAAKTYPE = "omgevingsvergunning-regulier"
PER = date(2024, 12, 31)

# (c) one generic step on a freshly registered raadsvoorstel ('college' → 'ter_inzage').
CLI_STAP, CLI_DATUM = "ter_inzage_leggen", "2024-01-05"


# --- the bare baseline ---------------------------------------------------------

BARE_NS = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/bench/kaal")


class Kaal(Aggregate):
    """A minimal aggregate: created, then one event class that moves it on.

    Its events carry the same fields as the zaak's (so both stores write about
    the same bytes); what it lacks is the workflow layer: no definition lookup,
    no transition check, no deadline arithmetic, no view dict, no logging.
    """

    class Aangemaakt(Aggregate.Created):
        zaaknummer: str
        omschrijving: str
        behandelaar: str
        status: str
        termijnen: list[dict]
        actor: str
        datum: date
        reden: str | None

        def apply(self, agg: Kaal) -> None:
            agg.zaaknummer = self.zaaknummer
            agg.status = self.status

    class Gestapt(Aggregate.Event):
        stap: str
        van: str
        naar: str
        termijnen: list[dict]
        actor: str
        datum: date
        reden: str | None

        def apply(self, agg: Kaal) -> None:
            agg.status = self.naar

    @classmethod
    def maak(cls, nummer: str, datum: date) -> Kaal:
        return cls._create(
            cls.Aangemaakt, id=kaal_id(nummer), zaaknummer=nummer, omschrijving=f"Bench-zaak {nummer}",
            behandelaar="bench", status="college", termijnen=[], actor="bench", datum=datum, reden=None,
        )

    def stap(self, stap: str, datum: date) -> None:
        self.trigger_event(self.Gestapt, stap=stap, van=self.status, naar=stap, termijnen=[],
                           actor="bench", datum=datum, reden=None)


def kaal_id(nummer: str) -> UUID:
    return uuid5(BARE_NS, nummer)


class KaleApp(Application):
    name = "kaalbench"  # a different name; note: eventsourcing.sqlite still uses table stored_events

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())  # same date encoding as the engine, nothing more


def kaal_stap(app: KaleApp, nummer: str, stap: str, datum: date) -> None:
    agg = app.repository.get(kaal_id(nummer))  # id from the number, as the engine does
    agg.stap(stap, datum)
    app.save(agg)


# --- helpers ----------------------------------------------------------------------


@dataclass
class Meting:
    ops: int = 0
    seconden: float = 0.0
    cpu: float = 0.0  # process CPU time; wall minus this is mostly waiting for SQLite's fsync

    def tel(self, ops: int, wall: float, cpu: float = 0.0) -> None:
        self.ops += ops
        self.seconden += wall
        self.cpu += cpu

    @property
    def cpu_us(self) -> float:
        return 1e6 * self.cpu / self.ops if self.ops else float("nan")

    @property
    def per_seconde(self) -> float:
        return self.ops / self.seconden if self.seconden else float("nan")


def registreer(app: Zaakstroom, nummers: list[str], datum: date, zaaktype: str = "raadsvoorstel") -> None:
    for nr in nummers:
        app.dienst("zaken").registreer(zaaknummer=nr, zaaktype=zaaktype, omschrijving=f"Bench-zaak {nr}",
                       portefeuillehouders=["Wethouder Bench"], behandelaar="bench", sector="BENCH",
                       actor="bench", datum=datum)


def blokken(reeks: list, grootte: int) -> list[list]:
    return [reeks[i:i + grootte] for i in range(0, len(reeks), grootte)]



# --- (a) load, advance, save ----------------------------------------------------------


def meet_stap(app: Zaakstroom, kaal: KaleApp, nummers: list[str], blok: int) -> dict:
    opwarm = [str(3_000_000 + i) for i in range(OPWARM_ZAKEN)]
    registreer(app, opwarm, REGISTRATIE)
    for nr in opwarm:  # untimed warm-up, same for both
        kaal.save(Kaal.maak(nr, REGISTRATIE))
        for stap, datum in GETIMED:
            app.dienst("zaken").stap(nr, stap, actor="bench", datum=datum)
            kaal_stap(kaal, nr, stap, datum)

    engine, bare = Meting(), Meting()
    per_ronde, blok_ratios = [], []
    teller = 0
    for stap, datum in GETIMED:
        e_ronde, b_ronde = Meting(), Meting()
        for groep in blokken(nummers, blok):
            def run_engine(groep=groep, stap=stap, datum=datum) -> tuple[float, float]:
                c0, t0 = time.process_time(), time.perf_counter()
                for nr in groep:
                    app.dienst("zaken").stap(nr, stap, actor="bench", datum=datum)
                return time.perf_counter() - t0, time.process_time() - c0

            def run_bare(groep=groep, stap=stap, datum=datum) -> tuple[float, float]:
                c0, t0 = time.process_time(), time.perf_counter()
                for nr in groep:
                    kaal_stap(kaal, nr, stap, datum)
                return time.perf_counter() - t0, time.process_time() - c0

            if teller % 2 == 0:  # ABBA: alternate who goes first
                te, tb = run_engine(), run_bare()
            else:
                tb, te = run_bare(), run_engine()
            teller += 1
            for m in (e_ronde, engine):
                m.tel(len(groep), *te)
            for m in (b_ronde, bare):
                m.tel(len(groep), *tb)
            blok_ratios.append(tb[0] / te[0])
        per_ronde.append((stap, e_ronde, b_ronde))
    return {"engine": engine, "bare": bare, "per_ronde": per_ronde,
            "ratio": engine.per_seconde / bare.per_seconde,
            "ratio_mediaan_blok": statistics.median(blok_ratios), "blokken": len(blok_ratios)}


def gedeeld_bestand(pad: Path, app: Zaakstroom, kaal: KaleApp, nummers: list[str]) -> dict:
    """What sharing one file means here: which tables, how many events of each, and who sees what."""
    with sqlite3.connect(pad) as con:
        tabellen = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        per_topic = con.execute(
            "SELECT CASE WHEN topic LIKE 'domain.zaak:%' THEN 'zaak' ELSE 'kaal' END, COUNT(*), "
            "AVG(LENGTH(state)) FROM stored_events GROUP BY 1"
        ).fetchall()
    zaak = app.dienst("zaken").toon(nummers[0])
    agg = kaal.repository.get(kaal_id(nummers[0]))
    return {"tabellen": tabellen, "per_topic": {t: (n, gem) for t, n, gem in per_topic},
            "zaak_status": zaak["status"], "kaal_status": agg.status,
            "zaakstroom_ziet_kaal": kaal_id(nummers[0]) in app.repository}


# --- (b) replay -----------------------------------------------------------------------


def maak_geschiedenis(app: Zaakstroom, nummers: list[str]) -> None:
    """Ten events per zaak: registered, suspended and resumed three times, extended, decided, closed."""
    registreer(app, nummers, REGISTRATIE, REPLAY_ZAAKTYPE)
    zaken = app.dienst("zaken")
    for nr in nummers:
        for weg, terug in ((date(2024, 1, 10), date(2024, 1, 20)), (date(2024, 2, 1), date(2024, 2, 10)),
                           (date(2024, 2, 20), date(2024, 3, 1))):
            zaken.schort_op(nr, actor="bench", reden="aanvulling gevraagd", datum=weg)
            zaken.hervat(nr, actor="bench", datum=terug)
        zaken.verleng(nr, 6, Eenheid.WEKEN, actor="bench", reden="complexe aanvraag", datum=date(2024, 3, 5))
        zaken.stap(nr, "besluit_bekendmaken", actor="bench", datum=date(2024, 4, 1))
        zaken.sluit_af(nr, "verleend", actor="bench", datum=date(2024, 6, 1))


def meet_replay(app: Zaakstroom, nummers: list[str], blok: int) -> dict:
    maak_geschiedenis(app, nummers)

    store = app.repository.event_store
    toon, ruw = Meting(), Meting()
    events_toon = events_ruw = 0
    for i, groep in enumerate(blokken(nummers, blok)):
        def run_toon(groep=groep) -> tuple[float, int]:
            n = 0
            t0 = time.perf_counter()
            for nr in groep:
                n += app.dienst("zaken").toon_per(nr, PER)["gebeurtenissen_meegeteld"]
            return time.perf_counter() - t0, n

        def run_ruw(groep=groep) -> tuple[float, int]:
            n = 0
            t0 = time.perf_counter()
            for nr in groep:
                n += len(list(store.get(zaak_id(nr))))
            return time.perf_counter() - t0, n

        (tt, nt), (tr, nr_) = (run_toon(), run_ruw()) if i % 2 == 0 else reversed((run_ruw(), run_toon()))
        toon.tel(len(groep), tt)
        events_toon += nt
        ruw.tel(len(groep), tr)
        events_ruw += nr_
    return {"toon": toon, "ruw": ruw, "events_toon": events_toon, "events_ruw": events_ruw,
            "events_per_zaak": events_toon / toon.ops}


# --- (c) CLI start-up ---------------------------------------------------------------


def _run(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return time.perf_counter() - t0, p


def meet_cli(app: Zaakstroom, url: str, nummers: list[str]) -> dict:
    registreer(app, nummers, REGISTRATIE)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPROFILEIMPORTTIME", "ZAAKSTROOM_DATABASE_URL", "PYTHONDONTWRITEBYTECODE")}
    basis_cmd = [PYTHON, "-c", "import click, eventsourcing.application"]

    def cli_cmd(nr: str, *voor: str) -> list[str]:
        return [*voor, str(ZAAKSTROOM_BIN), "--db", url, "zaak", "stap", nr, CLI_STAP, "--datum", CLI_DATUM]

    def cli(nr: str) -> float:
        t, p = _run(cli_cmd(nr), env)
        if p.returncode != 0 or f"{CLI_STAP} →" not in p.stdout:
            raise SystemExit(f"zaakstroom zaak stap {nr} {CLI_STAP} mislukte (exit {p.returncode}):\n"
                             f"{p.stdout}\n{p.stderr}")
        return t

    def basis() -> float:
        t, p = _run(basis_cmd, env)
        if p.returncode != 0:
            raise SystemExit(f"baseline mislukte:\n{p.stderr}")
        return t

    opwarm, importtime_nr, *getimed = nummers
    cli(opwarm)  # untimed: page cache, .pyc files
    basis()
    t_cli, t_basis = [], []
    for i, nr in enumerate(getimed):
        if i % 2 == 0:
            t_cli.append(cli(nr))
            t_basis.append(basis())
        else:
            t_basis.append(basis())
            t_cli.append(cli(nr))

    # One -X importtime run of exactly the same command (another zaak), and of the baseline.
    _, p = _run(cli_cmd(importtime_nr, PYTHON, "-X", "importtime"), env)
    if p.returncode != 0:
        raise SystemExit(f"importtime-run mislukte:\n{p.stderr[-2000:]}")
    imports_cli = lees_importtime(p.stderr)
    _, p = _run([PYTHON, "-X", "importtime", "-c", "import click, eventsourcing.application"], env)
    imports_basis = lees_importtime(p.stderr)

    m_cli, m_basis = statistics.median(t_cli), statistics.median(t_basis)
    return {"cli": t_cli, "basis": t_basis, "mediaan_cli": m_cli, "mediaan_basis": m_basis,
            "ratio": m_cli / m_basis, "imports_cli": imports_cli, "imports_basis": imports_basis}


def lees_importtime(stderr: str) -> list[tuple[str, int, int, int]]:
    """(module, self µs, cumulative µs, depth) per line of `-X importtime` output."""
    rijen = []
    for regel in stderr.splitlines():
        if not regel.startswith("import time:") or "imported package" in regel:
            continue
        _, zelf, cum, naam = regel.replace("import time:", "|", 1).split("|", 3)
        diepte = (len(naam) - len(naam.lstrip(" ")) - 1) // 2  # "| " then two spaces per level
        rijen.append((naam.strip(), int(zelf), int(cum), diepte))
    return rijen


def import_analyse(imports_cli, imports_basis) -> dict:
    totaal_cli = sum(c for _, _, c, d in imports_cli if d == 0)
    totaal_basis = sum(c for _, _, c, d in imports_basis if d == 0)
    in_basis = {n for n, *_ in imports_basis}
    extra = [r for r in imports_cli if r[0] not in in_basis]
    # The costliest imports the baseline does not do, each with the module that imported it
    # (-X importtime prints a module's own imports before it, one level deeper).
    extra_top = []
    for i, (naam, zelf, cum, diepte) in enumerate(imports_cli):
        if naam in in_basis:
            continue
        ouder = next((imports_cli[j] for j in range(i + 1, len(imports_cli)) if imports_cli[j][3] < diepte), None)
        importeur = ouder[0] if ouder else "(top-level: het script, of een import binnen een functie)"
        extra_top.append((naam, zelf, cum, diepte, importeur))
    return {
        "totaal_cli_ms": totaal_cli / 1000, "totaal_basis_ms": totaal_basis / 1000,
        "top_cum": sorted(imports_cli, key=lambda r: -r[2])[:10],
        "top_zelf": sorted(imports_cli, key=lambda r: -r[1])[:10],
        "extra_zelf_ms": sum(r[1] for r in extra) / 1000, "extra_aantal": len(extra),
        "extra_top": sorted(extra_top, key=lambda r: -r[2])[:10],
    }


# --- report ---------------------------------------------------------------------------



def rapport(args, m: dict, a: dict, gedeeld: dict, b: dict, c: dict, imp: dict) -> str:
    ja = lambda ok: "ja" if ok else "NEE"  # noqa: E731
    r = []
    r.append("# zaakstroom benchmark — resultaten\n")
    r.append(f"Gemaakt met `.venv/bin/python bench/run.py{' --quick' if args.quick else ''}` op {m['datum']}.\n")
    r.append("| machine | |\n|---|---|")
    r.append(f"| platform | {m['platform']} |")
    r.append(f"| CPU | {m['cpu']} |")
    r.append(f"| os.cpu_count() | {m['cpu_count']} |")
    r.append(f"| Python | {m['python']} |")
    r.append(f"| eventsourcing | {m['eventsourcing']} |")
    r.append(f"| SQLite | {m['sqlite']} |")
    r.append("")
    r.append("## Samenvatting\n")
    r.append("| meting | zaakstroom | baseline | verhouding | doel | gehaald |\n|---|---:|---:|---:|---:|---|")
    r.append(f"| (a) laden + 1 stap + opslaan | {a['engine'].per_seconde:,.0f} ops/s | "
             f"{a['bare'].per_seconde:,.0f} ops/s | {a['ratio']:.3f} | ≥ {ENGINE_TARGET} | "
             f"{ja(a['ratio'] >= ENGINE_TARGET)} |")
    r.append(f"| (b) `toon_per` replay | {b['toon'].per_seconde:,.0f} replays/s, "
             f"{b['events_toon'] / b['toon'].seconden:,.0f} events/s | "
             f"{b['ruw'].per_seconde:,.0f} reads/s (alleen event store) | "
             f"{b['toon'].per_seconde / b['ruw'].per_seconde:.2f} | — | — |")
    r.append(f"| (c) `zaak stap` als nieuw proces | {c['mediaan_cli'] * 1000:.0f} ms | "
             f"{c['mediaan_basis'] * 1000:.0f} ms | {c['ratio']:.3f} | ≤ {CLI_TARGET} | "
             f"{ja(c['ratio'] <= CLI_TARGET)} |")
    r.append("")
    r.append("## (a) Laden, één stap, opslaan\n")
    r.append(f"{args.zaken} raadsvoorstel-zaken en {args.zaken} kale aggregates in hetzelfde SQLite-bestand. "
             f"Eerst {OPWARM_ZAKEN} aparte zaken en kale aggregates ongemeten door alle stappen (opwarmen), daarna "
             f"{len(GETIMED)} gemeten rondes ({', '.join(f'`{s}`' for s, _ in GETIMED)}: de enige raadsvoorstel-"
             "stappen die `zaak stap` nog neemt; de rest loopt via `raad …`-commando's); per ronde "
             f"krijgt elke zaak één stap. Engine = `Zaakstroom.stap()` (inclusief de teruggegeven weergave, "
             f"structlog op niveau warning zoals de CLI). Baseline = `repository.get` + `trigger_event` + `save` "
             f"op een `Aggregate` met één eventklasse met dezelfde velden. Gemeten in {a['blokken']} blokken van "
             f"{args.blok}, afwisselend wie eerst gaat (ABBA).\n")
    r.append("| ronde | engine ops/s | kaal ops/s | verhouding | engine CPU µs/op | kaal CPU µs/op |\n"
             "|---|---:|---:|---:|---:|---:|")
    for stap, e, k in a["per_ronde"]:
        r.append(f"| {stap} | {e.per_seconde:,.0f} | {k.per_seconde:,.0f} | {e.per_seconde / k.per_seconde:.2f} | "
                 f"{e.cpu_us:,.0f} | {k.cpu_us:,.0f} |")
    e, k = a["engine"], a["bare"]
    r.append(f"| **totaal** ({e.ops} ops elk) | **{e.per_seconde:,.0f}** | **{k.per_seconde:,.0f}** | "
             f"**{a['ratio']:.3f}** | **{e.cpu_us:,.0f}** | **{k.cpu_us:,.0f}** |")
    r.append(f"\nMediaan van de verhouding per blok: {a['ratio_mediaan_blok']:.2f}. "
             f"Per stap: engine {1e6 / a['engine'].per_seconde:,.0f} µs, kaal {1e6 / a['bare'].per_seconde:,.0f} µs, "
             f"verschil {1e6 / a['engine'].per_seconde - 1e6 / a['bare'].per_seconde:,.0f} µs. "
             f"Alleen CPU-tijd van dit proces: engine {e.cpu_us:,.0f} µs, kaal {k.cpu_us:,.0f} µs per stap "
             f"(verhouding kaal/engine {k.cpu_us / e.cpu_us:.2f}); de rest van de wandkloktijd is wachten, vooral "
             "op de fsync waarmee SQLite (WAL) elke commit vastlegt.\n")
    pt = gedeeld["per_topic"]
    r.append(f"Gedeeld bestand: tabellen {', '.join(gedeeld['tabellen'])}. eventsourcing.sqlite noemt de "
             "eventtabel altijd `stored_events`, ongeacht de applicatienaam (de naam is alleen een prefix voor "
             "omgevingsvariabelen), dus beide applicaties schrijven in dezelfde tabel: "
             + ", ".join(f"{t}: {n} events, gemiddeld {gem:.0f} bytes state" for t, (n, gem) in sorted(pt.items()))
             + f". Beide lezen hun eigen aggregates terug (zaak-status `{gedeeld['zaak_status']}`, "
             f"kaal-status `{gedeeld['kaal_status']}`). Er is geen scheiding: `kale id in zaakstroom.repository` "
             f"is {gedeeld['zaakstroom_ziet_kaal']}; de ids botsen niet omdat ze uit verschillende uuid5-"
             "namespaces komen, en de notificatielog (rowid) is gedeeld. Voor een wegwerpbestand in een "
             "benchmark is dat goed; één bestand is juist wat we willen (zelfde tabel, indexen, WAL, schijf).\n")
    r.append("## (b) Replay voor `audit toon`\n")
    r.append(f"`Zaakstroom.toon_per(zaaknummer, {PER.isoformat()})` over {b['toon'].ops} zaken van zaaktype "
             f"{REPLAY_ZAAKTYPE} met {b['events_per_zaak']:.0f} events elk (registratie, 3× opschorten en "
             "hervatten, verlengen, `besluit_bekendmaken`, afsluiten), in hetzelfde bestand. Afwisselend in "
             f"blokken van {args.blok} met alleen het lezen en decoderen van dezelfde events.\n")
    r.append("| | per seconde | events/s | µs per zaak |\n|---|---:|---:|---:|")
    r.append(f"| `toon_per` (lezen, decoderen, muteren, weergave) | {b['toon'].per_seconde:,.0f} replays | "
             f"{b['events_toon'] / b['toon'].seconden:,.0f} | {1e6 / b['toon'].per_seconde:,.0f} |")
    r.append(f"| ter vergelijking: alleen `event_store.get` (lezen, decoderen) | {b['ruw'].per_seconde:,.0f} | "
             f"{b['events_ruw'] / b['ruw'].seconden:,.0f} | {1e6 / b['ruw'].per_seconde:,.0f} |")
    r.append("")
    r.append("## (c) Eén `zaakstroom zaak stap` als nieuw proces\n")
    r.append(f"`.venv/bin/zaakstroom --db sqlite:///… zaak stap N {CLI_STAP} --datum {CLI_DATUM}` "
             f"(elke keer een andere zaak) tegen `.venv/bin/python -c \"import click, eventsourcing.application\"`, "
             f"elk {len(c['cli'])} keer afwisselend, na één ongemeten opwarmrun.\n")
    r.append("| | mediaan | min | max |\n|---|---:|---:|---:|")
    r.append(f"| `zaakstroom zaak stap` | {c['mediaan_cli'] * 1000:.0f} ms | {min(c['cli']) * 1000:.0f} ms | "
             f"{max(c['cli']) * 1000:.0f} ms |")
    r.append(f"| `python -c \"import click, eventsourcing.application\"` | {c['mediaan_basis'] * 1000:.0f} ms | "
             f"{min(c['basis']) * 1000:.0f} ms | {max(c['basis']) * 1000:.0f} ms |")
    r.append(f"| **verhouding** | **{c['ratio']:.3f}** | | |")
    r.append("")
    r.append("### Waar de start-up heen gaat (`python -X importtime`, één run)\n")
    r.append(f"Totale importtijd (som van de top-level imports): CLI {imp['totaal_cli_ms']:.0f} ms, baseline "
             f"{imp['totaal_basis_ms']:.0f} ms. De CLI importeert {imp['extra_aantal']} modules die de baseline "
             f"niet importeert, samen {imp['extra_zelf_ms']:.0f} ms eigen tijd. Let op: `-X importtime` maakt "
             "imports zelf trager; de verhoudingen tellen, niet de absolute ms.\n")
    r.append("De 10 duurste imports, cumulatief (inclusief wat ze zelf importeren):\n")
    r.append("| module | cumulatief ms | eigen ms |\n|---|---:|---:|")
    for naam, zelf, cum, _ in imp["top_cum"]:
        r.append(f"| `{naam}` | {cum / 1000:.1f} | {zelf / 1000:.1f} |")
    r.append("\nDe 10 duurste imports, eigen tijd:\n")
    r.append("| module | eigen ms | cumulatief ms |\n|---|---:|---:|")
    for naam, zelf, cum, _ in imp["top_zelf"]:
        r.append(f"| `{naam}` | {zelf / 1000:.1f} | {cum / 1000:.1f} |")
    r.append("\nDe 10 duurste imports die de baseline níet doet (cumulatief), met wie ze importeert:\n")
    r.append("| module | cumulatief ms | eigen ms | geïmporteerd door |\n|---|---:|---:|---|")
    for naam, zelf, cum, _, ouder in imp["extra_top"]:
        r.append(f"| `{naam}` | {cum / 1000:.1f} | {zelf / 1000:.1f} | `{ouder}` |")
    r.append("")
    return "\n".join(r)


def andere_secties(pad: Path) -> str:
    """Sections other benchmarks write into the same report, kept as they are: bench/verificatie.py
    (between <!-- hashketen-… --> markers) and bench/overgang.py (<!-- bench/overgang.py: … -->)."""
    if not pad.exists():
        return ""
    tekst = pad.read_text(encoding="utf-8")
    delen = []
    for begin_teken, eind_teken in (("<!-- hashketen-", ":eind -->"),
                                    ("<!-- bench/overgang.py: begin -->", "<!-- bench/overgang.py: einde -->")):
        begin, eind = tekst.find(begin_teken), tekst.rfind(eind_teken)
        if 0 <= begin < eind:
            delen.append(tekst[begin:eind + len(eind_teken)])
    return "".join("\n" + d + "\n" for d in delen)


def tabel_stdout(a: dict, b: dict, c: dict) -> str:
    regels = [
        f"{'meting':<44} {'zaakstroom':>16} {'baseline':>16} {'ratio':>7}  doel",
        "-" * 96,
        f"{'(a) load + stap + save':<44} {a['engine'].per_seconde:>10,.0f} ops/s {a['bare'].per_seconde:>10,.0f} ops/s "
        f"{a['ratio']:>7.3f}  >= {ENGINE_TARGET}",
        f"{'(a) CPU per op (excl. wachten op fsync)':<44} {a['engine'].cpu_us:>13,.0f} µs "
        f"{a['bare'].cpu_us:>13,.0f} µs {a['bare'].cpu_us / a['engine'].cpu_us:>7.2f}",
        f"{'(b) toon_per replays/s (vs event_store.get)':<44} {b['toon'].per_seconde:>14,.0f}/s "
        f"{b['ruw'].per_seconde:>14,.0f}/s {b['toon'].per_seconde / b['ruw'].per_seconde:>7.2f}",
        f"{'(b) toon_per events/s':<44} {b['events_toon'] / b['toon'].seconden:>14,.0f}/s",
        f"{'(c) zaak stap, nieuw proces (mediaan)':<44} {c['mediaan_cli'] * 1000:>13.0f} ms "
        f"{c['mediaan_basis'] * 1000:>13.0f} ms {c['ratio']:>7.3f}  <= {CLI_TARGET}",
    ]
    return "\n".join(regels)


def meet_alles(args) -> tuple[dict, dict, dict, dict]:
    """All three measurements, in one run, on one SQLite file in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="zaakstroom-bench-") as tmp:
        pad = Path(tmp) / "bench.sqlite"
        url = f"sqlite:///{pad}"
        opslag = Opslag(url)
        app = Zaakstroom(opslag)
        kaal = KaleApp(env=opslag.eventsourcing_env())  # same file, same settings
        try:
            nummers = [str(1_000_000 + i) for i in range(args.zaken)]
            registreer(app, nummers, REGISTRATIE)
            for nr in nummers:
                kaal.save(Kaal.maak(nr, REGISTRATIE))

            print(f"(a) {args.zaken} zaken × {len(GETIMED)} gemeten stappen …", file=sys.stderr)
            a = meet_stap(app, kaal, nummers, args.blok)
            gedeeld = gedeeld_bestand(pad, app, kaal, nummers)
            print("(b) replay …", file=sys.stderr)
            b = meet_replay(app, [str(4_000_000 + i) for i in range(args.zaken)], args.blok)
            print(f"(c) CLI, {args.cli_runs} runs elk …", file=sys.stderr)
            cli_nummers = [str(2_000_000 + i) for i in range(args.cli_runs + 2)]
            c = meet_cli(app, url, cli_nummers)
        finally:
            kaal.close()
            app.close()
    return a, gedeeld, b, c


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="small counts, for a smoke test (a few seconds)")
    p.add_argument("--out", type=Path, default=None,
                   help="where to write the Markdown report (default: bench/RESULTS.md, not written with --quick)")
    p.add_argument("--zaken", type=int, default=None, help="zaken for (a) and for (b) (default 1000, quick 20)")
    p.add_argument("--blok", type=int, default=None, help="ops per alternating block (default 50, quick 10)")
    p.add_argument("--cli-runs", type=int, default=None, help="timed CLI runs each (default 15, quick 3)")
    args = p.parse_args(argv)
    args.zaken = args.zaken or (20 if args.quick else 1000)
    args.blok = args.blok or (10 if args.quick else 50)
    args.cli_runs = args.cli_runs or (3 if args.quick else 15)
    out = args.out or (None if args.quick else Path(__file__).resolve().parent / "RESULTS.md")

    stel_in("warning")  # as the CLI does by default
    m = machine()
    try:
        a, gedeeld, b, c = meet_alles(args)
    except DomeinFout as e:
        raise SystemExit(
            f"Het benchmarkpad werd geweigerd: {e}\nDe raadsvoorstel-definitie of de stapregels zijn veranderd; "
            "pas GETIMED, maak_geschiedenis of CLI_STAP in bench/run.py aan."
        ) from None

    imp = import_analyse(c["imports_cli"], c["imports_basis"])
    print(tabel_stdout(a, b, c))
    print(f"\n{m['platform']} | {m['cpu']} | {m['cpu_count']} CPUs | Python {m['python']} | "
          f"eventsourcing {m['eventsourcing']}")
    print("\nduurste imports van de CLI (cumulatief ms): "
          + ", ".join(f"{n} {cum / 1000:.0f}" for n, _, cum, _ in imp["top_cum"]))
    if out is not None:
        out.write_text(rapport(args, m, a, gedeeld, b, c, imp) + andere_secties(out), encoding="utf-8")
        print(f"\nGeschreven: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
