#!/usr/bin/env python
"""Benchmark of the hash chain (issue 11.1): verifying a large log, and what hashing costs a command.

    .venv/bin/python bench/verificatie.py                    # 1,000,000 events on SQLite, writes bench/RESULTS.md
    .venv/bin/python bench/verificatie.py --quick            # 20,000 events, a smoke test; writes only with --out
    .venv/bin/python bench/verificatie.py --db postgresql:///zs_bench   # an EMPTY PostgreSQL database

(1) Generating the log: one real zaak (omgevingsvergunning-regulier, 10 events:
    registered, suspended and resumed three times, extended, decided, closed) is
    recorded through the application; its stored events are the template for
    N / 10 zaken (another aggregate id and zaaknummer each), written through the
    chained recorder itself (`recorder.insert_events`, 1,000 events per transaction
    on SQLite, 100 on PostgreSQL, interleaved: version 1 of those zaken, then
    version 2, …), so every hash is computed by the same code as on the command path.
(2) `audit verificeer --alles` (store.verificatie.verifieer, in-process) against the
    bare library reading and decoding the same log (`select_notifications` in
    batches + `mapper.to_domain_event`, eventsourcing's own factory and recorder),
    alternating, each several times; plus the CLI as a fresh process once, and one
    changed event in the middle of the log found and named.
(3) The command path: `Zaakstroom.stap()` (load, one step, save) with the chained
    recorder against the same application on eventsourcing's plain recorder, each
    with and without the statement cache (store/keten_sqlite.py), alternating blocks.
    (bench/run.py (a) compares the chained application with a bare Application.)

Writes its section of bench/RESULTS.md between the markers below (bench/run.py keeps it).
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
from datetime import date
from pathlib import Path
from uuid import NAMESPACE_URL, uuid5

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.machine import machine  # noqa: E402
from eventsourcing.persistence import InfrastructureFactory, StoredEvent  # noqa: E402
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteFactory  # noqa: E402
from eventsourcing.utils import Environment  # noqa: E402

from domain.termijnen import Eenheid  # noqa: E402
from domain.zaak import zaak_id  # noqa: E402
from store.config import Opslag  # noqa: E402
from store.events import STORE_NAME, EventLog, register_transcodings  # noqa: E402
from store.keten_sqlite import GeketendeSQLiteFactory, GeketendeSQLiteRecorder  # noqa: E402
from store.log import stel_in  # noqa: E402

MARKER = "<!-- hashketen-{db}:{wat} -->"  # bench/run.py keeps everything between the first and the last
TARGET_VERIFICATIE = 0.5  # verify events/s ÷ bare read+decode events/s, at least
TARGET_STAP = 0.85  # (a) of bench/run.py: chained application ÷ bare library, at least
NS = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/bench/hashketen")
PER_TRANSACTIE = {"sqlite": 1_000, "postgres": 100}
# PostgreSQL: eventsourcing sends a batch in psycopg's pipeline mode, which can hang for good when one batch
# is larger than the socket buffer takes at once (psycopg issue #685: the server waits in ClientRead for the
# rest, the client for results). 100 events (~40 kB with their hashes) stay far below that.
LEESBATCH = 10_000  # the bare library's select_notifications batch (verification: store.verificatie.BATCH)


# --- (1) the log -----------------------------------------------------------------------------------


def sjabloon() -> list[tuple[str, bytes]]:
    """(topic, state) of the ten events of one real zaak, as the application records them."""
    from workflow.application import Zaakstroom

    with tempfile.TemporaryDirectory(prefix="zaakstroom-sjabloon-") as tmp:
        app = Zaakstroom(Opslag(f"sqlite:///{tmp}/s.sqlite"), vandaag=date(2024, 12, 1))
        try:
            d, nr = app.dienst("zaken"), "4000000"
            d.registreer(zaaknummer=nr, zaaktype="omgevingsvergunning-regulier", omschrijving="Bench-zaak",
                         portefeuillehouders=["Wethouder Bench"], behandelaar="bench", sector="BENCH",
                         actor="K. van Ekeris", datum=date(2024, 1, 2))
            for weg, terug in ((date(2024, 1, 10), date(2024, 1, 20)), (date(2024, 2, 1), date(2024, 2, 10)),
                               (date(2024, 2, 20), date(2024, 3, 1))):
                d.schort_op(nr, actor="K. van Ekeris", reden="aanvulling gevraagd", datum=weg)
                d.hervat(nr, actor="K. van Ekeris", datum=terug)
            d.verleng(nr, 6, Eenheid.WEKEN, actor="K. van Ekeris", reden="complexe aanvraag", datum=date(2024, 3, 5))
            d.stap(nr, "besluit_bekendmaken", actor="K. van Ekeris", datum=date(2024, 4, 1))
            d.sluit_af(nr, "verleend", actor="K. van Ekeris", datum=date(2024, 6, 1))
            return [(s.topic, s.state) for s in app.recorder.select_events(zaak_id(nr))]
        finally:
            app.close()


def genereer(opslag: Opslag, aantal: int, voortgang: bool) -> dict:
    events = sjabloon()
    per_zaak = len(events)
    zaken = aantal // per_zaak
    groep = PER_TRANSACTIE["postgres" if opslag.is_postgres else "sqlite"]  # zaken per round, one transaction per version
    t0 = time.perf_counter()
    with EventLog(opslag) as log:
        recorder = log.recorder
        for begin in range(0, zaken, groep):
            nummers = [4_000_000 + i for i in range(begin, min(begin + groep, zaken))]
            ids = [uuid5(NS, str(nr)) for nr in nummers]
            for versie, (topic, state) in enumerate(events, start=1):
                batch = [StoredEvent(originator_id=oid, originator_version=versie, topic=topic,
                                     state=state.replace(b'"4000000"', f'"{nr}"'.encode()) if versie == 1 else state)
                         for oid, nr in zip(ids, nummers)]
                recorder.insert_events(batch)
            if voortgang and begin % 10_000 == 0:
                gedaan = (begin + len(nummers)) * per_zaak
                print(f"  … {gedaan:,} events ({gedaan / (time.perf_counter() - t0):,.0f}/s)", file=sys.stderr)
        laatste = log.laatste()
    duur = time.perf_counter() - t0
    return {"events": zaken * per_zaak, "zaken": zaken, "seconden": duur, "laatste": laatste, "per_transactie": groep,
            "bytes_state": sum(len(s) for _, s in events) / per_zaak}


# --- (2) verifying against reading and decoding ------------------------------------------------------------


class KaleLezer:
    """The bare library: eventsourcing's own factory and recorder, and the same transcodings."""

    def __init__(self, opslag: Opslag) -> None:
        self.factory = InfrastructureFactory.construct(Environment(STORE_NAME, {**opslag.eventsourcing_env(),
                                                                                "CREATE_TABLE": "no"}))
        self.recorder = self.factory.application_recorder()
        transcoder = self.factory.transcoder()
        register_transcodings(transcoder)
        self.mapper = self.factory.mapper(transcoder=transcoder)

    def lees(self, decodeer: bool = True) -> int:
        n, start = 0, 1
        select, naar_domein = self.recorder.select_notifications, self.mapper.to_domain_event
        while True:
            meldingen = select(start, limit=LEESBATCH)
            if not meldingen:
                return n
            if decodeer:
                for m in meldingen:
                    naar_domein(m)
            n += len(meldingen)
            start = meldingen[-1].id + 1

    def close(self) -> None:
        self.factory.close()


def alleen_query(opslag: Opslag) -> float:
    """The verification's queries alone (no hashing): how much of its time is the database."""
    from store.verificatie import BATCH

    t0 = time.perf_counter()
    with EventLog(opslag) as log:
        bron = log.recorder
        hoogste, na = bron.hoogste_id(), 0
        while na < hoogste:
            bron.lees_keten(na, min(na + BATCH, hoogste))
            na += BATCH
    return time.perf_counter() - t0


def meet_verificatie(opslag: Opslag, rondes: int) -> dict:
    from store.verificatie import verifieer

    kaal = KaleLezer(opslag)
    try:
        t_ver, t_kaal, uitkomst = [], [], None
        for i in range(rondes):
            for wie in (("ver", "kaal") if i % 2 == 0 else ("kaal", "ver")):
                t0, c0 = time.perf_counter(), time.process_time()
                if wie == "ver":
                    uitkomst = verifieer(opslag)
                    t_ver.append((time.perf_counter() - t0, time.process_time() - c0))
                else:
                    n_kaal = kaal.lees()
                    t_kaal.append((time.perf_counter() - t0, time.process_time() - c0))
        t0 = time.perf_counter()
        kaal.lees(decodeer=False)
        t_kaal_query = time.perf_counter() - t0
    finally:
        kaal.close()
    t_ver_query = alleen_query(opslag)
    assert uitkomst["in_orde"], uitkomst["breuken"][:3]
    m_ver = statistics.median(t for t, _ in t_ver)
    m_kaal = statistics.median(t for t, _ in t_kaal)
    return {"events": uitkomst["gecontroleerd"], "kaal_events": n_kaal, "ver": t_ver, "kaal": t_kaal,
            "m_ver": m_ver, "m_kaal": m_kaal, "ratio": m_kaal / m_ver,
            "ver_query": t_ver_query, "kaal_query": t_kaal_query}


def meet_cli(opslag: Opslag) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ZAAKSTROOM_DATABASE_URL"}
    t0 = time.perf_counter()
    p = subprocess.run([str(Path(sys.executable).parent / "zaakstroom"), "--db", opslag.url, "audit", "verificeer",
                        "--alles"], capture_output=True, text=True, env=env)
    return {"seconden": time.perf_counter() - t0, "rc": p.returncode, "uit": p.stdout.strip().splitlines()[:1]}


def meet_een_wijziging(opslag: Opslag, laatste: int) -> dict:
    """Change the actor of one event in the middle of the log, find it, put it back."""
    from store.verificatie import verifieer

    midden = laatste // 2
    if opslag.is_postgres:
        import psycopg

        def sql(q, p=()):
            with psycopg.connect(opslag.url, autocommit=True) as c:
                cur = c.execute(q.replace("?", "%s").replace("rowid", "notification_id")
                                .replace("stored_events", "zaakstroom_events"), p)
                return cur.fetchall() if cur.description else None
    else:
        def sql(q, p=()):
            with sqlite3.connect(opslag.sqlite_pad) as c:
                return c.execute(q, p).fetchall()
    [(oud,)] = sql("SELECT state FROM stored_events WHERE rowid = ?", (midden,))
    oud = bytes(oud)
    sql("UPDATE stored_events SET state = ? WHERE rowid = ?", (oud.replace(b"K. van Ekeris", b"K. van Ekerix"), midden))
    try:
        t0 = time.perf_counter()
        u = verifieer(opslag)
        duur = time.perf_counter() - t0
    finally:
        sql("UPDATE stored_events SET state = ? WHERE rowid = ?", (oud, midden))
    return {"id": midden, "seconden": duur, "breuken": [b["melding"] for b in u["breuken"]]}


# --- (3) the command path ------------------------------------------------------------------------------


class KaalMetCache(GeketendeSQLiteFactory):
    """eventsourcing's plain recorder, on connections with the statement cache."""

    application_recorder_class = SQLiteApplicationRecorder


class KetenZonderCache(SQLiteFactory):
    """The chained recorder on eventsourcing's own connections (a cache of one statement)."""

    application_recorder_class = GeketendeSQLiteRecorder


VARIANTEN = {"keten, cache (zo draait zaakstroom)": GeketendeSQLiteFactory,
             "kaal, zonder cache (eventsourcing zelf)": SQLiteFactory,
             "kaal, cache": KaalMetCache, "keten, zonder cache": KetenZonderCache}


def meet_stap(zaken: int, blok: int) -> dict:
    """Zaakstroom.stap() on four stores: chained or plain recorder, with or without the statement cache."""
    import store.events as se
    from workflow.application import Zaakstroom

    stappen = (("ter_inzage_leggen", date(2024, 1, 3)), ("zienswijzen_beoordelen", date(2024, 3, 1)))
    oud = se._FACTORY_SQLITE
    with tempfile.TemporaryDirectory(prefix="zaakstroom-stap-") as tmp:
        apps = {}
        try:
            for i, (naam, factory) in enumerate(VARIANTEN.items()):
                module = __name__ if factory in (KaalMetCache, KetenZonderCache) else factory.__module__
                se._FACTORY_SQLITE = f"{module}:{factory.__name__}"  # what store_env hands the application
                apps[naam] = Zaakstroom(Opslag(f"sqlite:///{tmp}/{i}.sqlite"))
                assert type(apps[naam].factory) is factory, type(apps[naam].factory)
        finally:
            se._FACTORY_SQLITE = oud
        try:
            nummers = [str(1_000_000 + i) for i in range(zaken)]
            for app in apps.values():
                for nr in nummers:
                    app.dienst("zaken").registreer(zaaknummer=nr, zaaktype="raadsvoorstel", omschrijving="Bench",
                                                   portefeuillehouders=["W"], behandelaar="bench", sector="B",
                                                   actor="bench", datum=date(2024, 1, 2))
            tijd = {naam: [0.0, 0.0, 0] for naam in apps}
            ronde = 0
            for stap, datum in stappen:
                for b in range(0, zaken, blok):
                    volgorde = list(apps.items())
                    volgorde = volgorde[ronde % len(volgorde):] + volgorde[:ronde % len(volgorde)]
                    ronde += 1
                    for naam, app in volgorde:
                        c0, t0 = time.process_time(), time.perf_counter()
                        for nr in nummers[b:b + blok]:
                            app.dienst("zaken").stap(nr, stap, actor="bench", datum=datum)
                        tijd[naam][0] += time.perf_counter() - t0
                        tijd[naam][1] += time.process_time() - c0
                        tijd[naam][2] += len(nummers[b:b + blok])
        finally:
            for app in apps.values():
                app.close()
    return {naam: {"wall_us": 1e6 * w / n, "cpu_us": 1e6 * c / n, "ops": n} for naam, (w, c, n) in tijd.items()}


_RUN_KAAL = ("import runpy, sys; import store.events as se; "
             "se._FACTORY_SQLITE = 'eventsourcing.sqlite:SQLiteFactory'; "
             "sys.argv = ['bench/run.py', *sys.argv[1:]]; runpy.run_path({pad!r}, run_name='__main__')")


def meet_run(quick: bool, keten: bool = True) -> tuple[str, float | None]:
    """bench/run.py (--quick, or the full run with its report to a temporary file): its (a) lines and ratio.
    keten=False runs the same application on eventsourcing's plain factory: zaakstroom without the chain."""
    with tempfile.TemporaryDirectory() as tmp:
        extra = ["--quick"] if quick else ["--out", f"{tmp}/run.md"]
        pad = str(ROOT / "bench" / "run.py")
        cmd = [sys.executable, pad] if keten else [sys.executable, "-c", _RUN_KAAL.format(pad=pad)]
        p = subprocess.run([*cmd, *extra], capture_output=True, text=True, cwd=ROOT)
    regels = [r for r in p.stdout.splitlines() if r.startswith("(a)")]
    try:
        ratio = float(regels[0].split()[-3])
    except (IndexError, ValueError):
        return p.stderr[-500:], None
    return "\n".join(regels), ratio


# --- report ---------------------------------------------------------------------------------------------



def rapport(args, m, g, v, cli, wijziging, stap, run_a) -> str:
    ja = lambda ok: "ja" if ok else "NEE"  # noqa: E731
    db = "PostgreSQL" if args.db and args.db.startswith("postgres") else "SQLite"
    r = [MARKER.format(db=db.lower(), wat="begin"),
         f"## Hashketen (issue 11.1) op {db}: verificatie{' en de kosten van hashen' if stap else ''}\n"]
    r.append(f"Gemaakt met `.venv/bin/python bench/verificatie.py{' --quick' if args.quick else ''}"
             f"{' --db …' if args.db else ''}` op {m['datum']}; {m['platform']}, {m['cpu']}, "
             f"{m['cpu_count']} CPU's (gedeeld met andere processen), Python {m['python']}, eventsourcing "
             f"{m['eventsourcing']}, " + (f"PostgreSQL {m['postgres']} (lokaal, via de unix-socket)" if m.get("postgres")
                                           else f"SQLite {m['sqlite']} (een bestand in een tijdelijke map)") + ".\n")
    r.append("| meting | zaakstroom | baseline | verhouding | doel | gehaald |\n|---|---:|---:|---:|---:|---|")
    r.append(f"| `audit verificeer --alles`, {v['events']:,} events | {v['events'] / v['m_ver']:,.0f} events/s "
             f"({v['m_ver']:.1f} s) | {v['kaal_events'] / v['m_kaal']:,.0f} events/s lezen + decoderen "
             f"({v['m_kaal']:.1f} s) | {v['ratio']:.2f} | ≥ {TARGET_VERIFICATIE} | {ja(v['ratio'] >= TARGET_VERIFICATIE)} |")
    if stap:
        k, kaal = stap["keten, cache (zo draait zaakstroom)"], stap["kaal, zonder cache (eventsourcing zelf)"]
        r.append(f"| `stap()` met hashketen tegen dezelfde app op de kale recorder (CPU) | {k['cpu_us']:,.0f} µs | "
                 f"{kaal['cpu_us']:,.0f} µs | {kaal['cpu_us'] / k['cpu_us']:.2f} | — | — |")
    vol = {k: [x for w, _, x in (run_a or ()) if w == f"vol, {k}" and x] for k in ("keten", "kaal")}
    if vol["keten"]:
        mk = statistics.median(vol["keten"])
        zonder = f"zonder hashketen {statistics.median(vol['kaal']):.3f}" if vol["kaal"] else "—"
        r.append(f"| `bench/run.py` (a) laden + stap + opslaan tegen de kale library, mediaan van "
                 f"{len(vol['keten'])} volle runs | met hashketen | {zonder} | {mk:.3f} | ≥ {TARGET_STAP} | "
                 f"{ja(mk >= TARGET_STAP)} |")
    r.append("")
    r.append(f"**Genereren.** {g['events']:,} events ({g['zaken']:,} zaken × 10, gemiddeld {g['bytes_state']:.0f} "
             f"bytes state) via `recorder.insert_events` van de geketende recorder, {g['per_transactie']:,} per transactie: "
             f"{g['seconden']:.0f} s, {g['events'] / g['seconden']:,.0f} events/s, hashes inbegrepen."
             + (" Niet meer per transactie: eventsourcing stuurt een batch in psycopg's pipeline-modus, en die "
                "bleef hier (met én zonder hashketen, ook met de kale recorder) voorgoed hangen bij 1.000 events "
                "per transactie: de server wacht in ClientRead op de rest, de client op resultaten (psycopg "
                "issue #685). Het opdrachtpad schrijft een paar events per transactie en raakt dat niet."
                if m.get("postgres") else "") + "\n")
    r.append(f"**Verificatie tegen lezen + decoderen.** Afwisselend, elk {len(v['ver'])} keer; mediaan.\n")
    r.append("| | wandklok per run | CPU van dit proces | waarvan de query's | events/s |\n|---|---|---|---:|---:|")
    r.append(f"| `verifieer()` (= `audit verificeer --alles`) | {', '.join(f'{t:.1f}' for t, _ in v['ver'])} s | "
             f"{', '.join(f'{c:.1f}' for _, c in v['ver'])} s | {v['ver_query']:.1f} s | "
             f"{v['events'] / v['m_ver']:,.0f} |")
    r.append(f"| kaal: `select_notifications` ({LEESBATCH:,} per keer) + `mapper.to_domain_event` | "
             f"{', '.join(f'{t:.1f}' for t, _ in v['kaal'])} s | {', '.join(f'{c:.1f}' for _, c in v['kaal'])} s | "
             f"{v['kaal_query']:.1f} s | {v['kaal_events'] / v['m_kaal']:,.0f} |")
    r.append("")
    r.append(f"Waar de tijd heen gaat. Alleen de query's, zonder hashen of decoderen: verificatie "
             f"{v['ver_query']:.1f} s (per batch van 20.000 ids één join van eventtabel en hashtabel, rijen als "
             f"tuples), kaal {v['kaal_query']:.1f} s (`select_notifications` maakt per rij een `Notification` en "
             f"een `UUID`). De rest van de verificatie ({v['m_ver'] - v['ver_query']:.1f} s) is Python: per event "
             "twee SHA-256's (inhoud en keten, samen ~2 µs), de laatste hash per aggregaat bijhouden en "
             f"vergelijken. De kale lezing besteedt {v['m_kaal'] - v['kaal_query']:.1f} s aan decoderen: JSON "
             "parsen, transcodings, een domain event per rij. De verificatie decodeert niets: ze hasht de "
             "opgeslagen bytes, en leest een naam of tijdstip alleen bij een bevinding."
             + (" Op PostgreSQL doet de server de join en zet het de uuid om naar hex, in een eigen proces op de "
                "andere kern: daarom is de CPU-tijd van dit proces lager dan de wandklok." if m.get("postgres") else "")
             + "\n")
    r.append(f"De CLI als nieuw proces (`zaakstroom audit verificeer --alles`, één keer): {cli['seconden']:.1f} s, "
             f"exit {cli['rc']}: {' '.join(cli['uit'])}\n")
    r.append(f"Eén gewijzigd event (de actor van nr. {wijziging['id']:,}, midden in de log) gevonden in "
             f"{wijziging['seconden']:.1f} s: " + "; ".join(f"“{b}”" for b in wijziging["breuken"]) + "\n")
    if stap:
        r.append(f"**De kosten van hashen op het opdrachtpad.** `Zaakstroom.stap()` (laden, één stap, opslaan) "
                 f"op vier SQLite-bestanden, {args.zaken} zaken × 2 stappen per variant, in blokken van {args.blok} "
                 "om de beurt (andere volgorde per blok). CPU is de tijd van dit proces; de wandklok is vooral "
                 "het wachten op de fsync van elke commit en zegt op een gedeelde machine weinig.\n")
        r.append("| variant | CPU µs per stap | wandklok µs per stap |\n|---|---:|---:|")
        for naam, x in stap.items():
            r.append(f"| {naam} | {x['cpu_us']:,.0f} | {x['wall_us']:,.0f} |")
        kc, kz = stap["keten, cache (zo draait zaakstroom)"], stap["keten, zonder cache"]
        pc, pz = stap["kaal, cache"], stap["kaal, zonder cache (eventsourcing zelf)"]
        r.append(f"\nHashen kost {kc['cpu_us'] - pc['cpu_us']:,.0f} µs CPU per opslag met statement-cache (keten − "
                 f"kaal, beide met cache) en {kz['cpu_us'] - pz['cpu_us']:,.0f} µs zonder: eventsourcing opent zijn "
                 "SQLite-verbindingen met `cached_statements=True`, voor sqlite3 een cache van één statement, zodat "
                 "elke query behalve de laatste bij elk gebruik opnieuw wordt geparsed. De hashketen voegt drie "
                 "statements toe (de chain-kop met de vorige hash van het aggregaat, en de hashrij; de event-INSERT "
                 "krijgt een subquery voor het volgende id); daarom geeft `store/keten_sqlite.py` elke verbinding "
                 f"een cache van 64, wat ook de eigen statements van de library {pz['cpu_us'] - pc['cpu_us']:,.0f} µs "
                 "goedkoper maakt. Netto verschilt een geketende stap zo "
                 f"{kc['cpu_us'] - pz['cpu_us']:+,.0f} µs CPU van dezelfde app op de kale library. Het hashen zelf "
                 "(twee SHA-256 per event, ~2 µs) is het kleinste deel van de kosten; de rest zijn twee extra "
                 "sqlite3-aanroepen en per commit een tweede tabel om te schrijven.\n")
    if run_a:
        r.append(f"**`bench/run.py` (a)**: de applicatie tegen de kale library (`load + stap + save`, wandklok; "
                 f"doel met de hashketen ≥ {TARGET_STAP}). Eerst `--quick` (20 zaken, ruizig), dan de volle run "
                 "(1000 zaken) om en om met de hashketen (zoals zaakstroom draait) en zonder (dezelfde applicatie "
                 "op eventsourcing's eigen factory en recorder), zodat de ruis van de machine zichtbaar is:\n")
        r.append("| run | (a) verhouding |\n|---|---:|")
        r += [f"| {w} | {x:.3f} |" if x else f"| {w} | mislukt |" for w, _, x in run_a]
        if vol["keten"] and vol["kaal"]:
            r.append(f"\nMediaan van de volle runs: met hashketen {statistics.median(vol['keten']):.3f}, zonder "
                     f"{statistics.median(vol['kaal']):.3f}. (a) meet de hele workflowlaag; wat de keten eraan "
                     "toevoegt, staat los gemeten in de tabel hierboven.\n")
        r.append("```\n" + "\n".join(f"{w}:\n{t}" for w, t, _ in run_a) + "\n```\n")
    r.append("Grenzen: de keten bewijst ongewijzigdheid tegen wie alleen de eventtabel aanpast; wie beide tabellen "
             "kan herschrijven, wordt alleen betrapt tegen een anker dat buiten de database is bewaard "
             "(`audit anker`, `audit verificeer --alles --anker ID:HASH`; zie store/keten.py).")
    r.append(MARKER.format(db=db.lower(), wat="eind"))
    return "\n".join(r) + "\n"


def schrijf_sectie(pad: Path, sectie: str) -> None:
    """Put the section in the report, in place of the same database's earlier one."""
    begin, eind = sectie.split("\n", 1)[0], sectie.rstrip("\n").rsplit("\n", 1)[1]
    tekst = pad.read_text(encoding="utf-8") if pad.exists() else ""
    if begin in tekst and eind in tekst:
        voor, rest = tekst.split(begin, 1)
        tekst = voor + sectie + rest.split(eind, 1)[1].lstrip("\n")
    else:
        tekst = tekst.rstrip("\n") + "\n\n" + sectie
    pad.write_text(tekst, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="20,000 events, 1 round, small command-path run")
    p.add_argument("--events", type=int, default=None, help="events in the log (default 1,000,000; quick 20,000)")
    p.add_argument("--db", default=None, help="an EMPTY database URL (default: a SQLite file in a temporary folder)")
    p.add_argument("--rondes", type=int, default=None, help="verification and bare runs each (default 3, quick 1)")
    p.add_argument("--zaken", type=int, default=None, help="zaken per variant for (3) (default 400, quick 40)")
    p.add_argument("--blok", type=int, default=20, help="steps per alternating block in (3)")
    p.add_argument("--zonder-stap", action="store_true", help="skip (3) and bench/run.py")
    p.add_argument("--runs", type=int, default=2, help="full bench/run.py runs with and without the chain, each")
    p.add_argument("--out", type=Path, default=None, help="the report (default bench/RESULTS.md; not with --quick)")
    args = p.parse_args(argv)
    args.events = args.events or (20_000 if args.quick else 1_000_000)
    args.rondes = args.rondes or (1 if args.quick else 3)
    args.zaken = args.zaken or (40 if args.quick else 400)
    out = args.out or (None if args.quick else ROOT / "bench" / "RESULTS.md")
    stel_in("warning")
    m = machine()
    with tempfile.TemporaryDirectory(prefix="zaakstroom-hashketen-") as tmp:
        opslag = Opslag(args.db or f"sqlite:///{tmp}/log.sqlite")
        with EventLog(opslag) as log:
            if log.laatste():
                raise SystemExit(f"{opslag.veilig()} is niet leeg; geef een lege database.")
            if opslag.is_postgres:
                with log.factory.datastore.get_connection() as conn:
                    m["postgres"] = conn.execute("SHOW server_version").fetchone()["server_version"]
        print(f"(1) {args.events:,} events genereren in {opslag.veilig()} …", file=sys.stderr)
        g = genereer(opslag, args.events, voortgang=True)
        print(f"    {g['seconden']:.0f} s. (2) verificatie tegen lezen + decoderen, {args.rondes}× …", file=sys.stderr)
        v = meet_verificatie(opslag, args.rondes)
        cli = meet_cli(opslag)
        wijziging = meet_een_wijziging(opslag, g["laatste"])
    stap = run_a = None
    if not args.zonder_stap:
        print(f"(3) opdrachtpad, {args.zaken} zaken × 4 varianten …", file=sys.stderr)
        stap = meet_stap(args.zaken, args.blok)
        print("    bench/run.py --quick" + ("" if args.quick else " en de volle run") + " …", file=sys.stderr)
        run_a = [("--quick, keten", *meet_run(quick=True))]
        if not args.quick:  # the full run, with and without the chain, alternating
            for i in range(args.runs):
                for keten in ((True, False) if i % 2 == 0 else (False, True)):
                    run_a.append((f"vol, {'keten' if keten else 'kaal'}", *meet_run(quick=False, keten=keten)))
    print(f"verificatie {v['events']:,} events: {v['m_ver']:.1f} s ({v['events'] / v['m_ver']:,.0f}/s); kaal lezen + "
          f"decoderen {v['m_kaal']:.1f} s ({v['kaal_events'] / v['m_kaal']:,.0f}/s); verhouding {v['ratio']:.2f} "
          f"(doel ≥ {TARGET_VERIFICATIE})")
    print(f"query's: verificatie {v['ver_query']:.1f} s, kaal {v['kaal_query']:.1f} s; CLI {cli['seconden']:.1f} s "
          f"(exit {cli['rc']}); één wijziging: {wijziging['breuken']}")
    if stap:
        for naam, x in stap.items():
            print(f"stap() {naam:42} CPU {x['cpu_us']:6,.0f} µs  wandklok {x['wall_us']:6,.0f} µs")
        for wat, tekst, _ in run_a:
            print(f"bench/run.py {wat}:\n{tekst}")
    if out is not None:
        schrijf_sectie(out, rapport(args, m, g, v, cli, wijziging, stap, run_a))
        print(f"Geschreven: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
