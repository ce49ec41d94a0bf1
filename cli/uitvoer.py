"""Output for people (Dutch dates, aligned columns) and for machines (--json)."""

from __future__ import annotations

import json
from datetime import date, datetime

import click

from domain.datums import nl_datum


def _json_waarde(obj):
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (set, tuple)):
        return list(obj)
    raise TypeError(f"niet als JSON te schrijven: {type(obj).__name__}")


def druk_json(data) -> None:
    click.echo(json.dumps(data, default=_json_waarde, ensure_ascii=False, indent=2))


def toon_resultaat(data, als_json: bool, melding: str | None, drukker) -> None:
    """A command's result: as JSON, or the green `melding` (if any) followed by `drukker(data)`."""
    if als_json:
        druk_json(data)
        return
    if melding:
        click.secho(melding, fg="green")
    drukker(data)


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 zaak', '3 zaken'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def nl(d: date | datetime | None) -> str:
    if d is None:
        return "—"
    if isinstance(d, datetime):
        lokaal = d.astimezone()
        return f"{nl_datum(lokaal.date())} {lokaal:%H:%M:%S}"
    return nl_datum(d)


def tabel(rijen: list[list[str]], koppen: list[str]) -> None:
    """A plain aligned table; the last column may be long and is not padded."""
    alle = [koppen, *rijen]
    breedtes = [max(len(str(r[i])) for r in alle) for i in range(len(koppen))]
    for n, rij in enumerate(alle):
        cellen = [str(c).ljust(breedtes[i]) if i < len(koppen) - 1 else str(c) for i, c in enumerate(rij)]
        click.echo("  ".join(cellen).rstrip())
        if n == 0:
            click.echo("  ".join("-" * b for b in breedtes))


def druk_zaak(z: dict) -> None:
    click.secho(f"Zaak {z['zaaknummer']} — {z['omschrijving']}", bold=True)
    status = f"{z['status_titel']} [{z['status']}] sinds {nl(z['status_sinds'])}"
    if z["opgeschort_sinds"]:
        status += f" — OPGESCHORT sinds {nl(z['opgeschort_sinds'])}"
    regels = [
        ("Zaaktype", f"{z['zaaktype']} (versie {z['zaaktype_versie']}): {z['zaaktype_titel']}"),
        ("Status", status),
        ("Portefeuille", ", ".join(z["portefeuillehouders"]) or "—"),
        ("Behandelaar", z["behandelaar"] + (f" ({z['sector']})" if z["sector"] else "")),
        ("Startdatum", nl(z["startdatum"])),
        ("Geregistreerd", nl(z["registratiedatum"])),
    ]
    if z["verlengingen_toegestaan"]:
        regels.append(("Verlengingen", f"{z['verlengingen']} van ten hoogste {z['verlengingen_toegestaan']}"))
    if z["resultaat"]:
        regels.append(("Resultaat", f"{z['resultaat']} (afgesloten {nl(z['einddatum'])})"))
    if "per" in z:
        regels.append(("Stand per", f"{nl(z['per'])} ({z['gebeurtenissen_meegeteld']} van "
                                    f"{z['gebeurtenissen_totaal']} gebeurtenissen)"))
    breedte = max(len(k) for k, _ in regels)
    for k, v in regels:
        click.echo(f"  {k.ljust(breedte)}  {v}")
    if z["termijnen"]:
        click.secho("Termijnen van deze stap", bold=True)
        for t in z["termijnen"]:
            if z["opgeschort_sinds"]:
                toestand = "staat stil (opgeschort); dit einde geldt bij hervatten vandaag"
            else:
                toestand = "VERSTREKEN" if t["te_laat"] else ("verstreken" if t["verstreken"] else "loopt")
            click.echo(f"  {t['naam']} ({t['aard']}): {nl(t['eerste_dag'])} t/m {nl(t['einde'])} — {toestand}")
            click.echo(f"    regel: {t['regel']}")
            click.echo(f"    grondslag: {t['grondslag']}")
            if t["verschoven_dagen"]:
                click.echo(f"    verschoven met {t['verschoven_dagen']} dagen (opschorting/verlenging)")
            for v in t["verschuivingen"]:
                click.echo(f"    verlengd van {nl(v['van'])} naar {nl(v['naar'])}: {v['reden']}")
            for o in t["opmerkingen"]:
                click.secho(f"    let op: {o}", fg="yellow")
    if z["volgende_stappen"]:
        click.secho("Volgende stappen", bold=True)
        for s in z["volgende_stappen"]:
            extra = f" (kan vanaf {nl(s['kan_vanaf'])})" if s["kan_vanaf"] else ""
            if s["afsluiten"]:
                cmd = f"zaak afsluiten {z['zaaknummer']} --resultaat …"
            elif s["commando"]:
                cmd = f"{s['commando']} {z['zaaknummer']} …"
            else:
                cmd = f"zaak stap {z['zaaknummer']} {s['stap']}"
            click.echo(f"  {s['stap']}: {s['titel']} → {s['naar']}{extra}   [{cmd}]")
    elif z["opgeschort_sinds"]:
        click.echo(f"Opgeschort: hervat de zaak eerst ('zaak hervatten {z['zaaknummer']} --datum …').")
    elif not z["resultaat"]:
        click.echo("Geen volgende stappen.")


def _wanneer(r: dict) -> str:
    """Effective date, recording time and actor of an audit line (what the raad's view keeps of them)."""
    tekst = f"met ingang van {nl(r['datum'])}"
    if r.get("geregistreerd"):
        tekst += f"; vastgelegd {nl(r['geregistreerd'])}"
    if r.get("actor"):
        tekst += f" door {r['actor']}"
    return tekst


def druk_regels(regels: list[dict], *, met_perceel: bool = False) -> None:
    """Audit lines (workflow.audit) for people: what, about which aggregate, in words; then when,
    who and why. Lines recorded together with the same reason (a command's step and its fact, one
    letter to several indieners: same effective date and actor, recorded within a second) print
    that once, so a reason is never printed twice in a row."""
    eerste = None
    for r in regels:
        bij = r["bij"] + (f", perceel {r['perceel']}" if met_perceel and r.get("perceel") else "")
        click.echo(f"{r['volgnummer']:>3}. {r['label']} — {bij}")
        if r.get("omschrijving"):
            click.echo(f"     {r['omschrijving']}")
        if eerste is not None and _samen(eerste, r):
            click.echo(f"     (datum, vastlegging, actor en reden als bij {eerste['volgnummer']})")
            continue
        eerste = r
        click.echo(f"     {_wanneer(r)}")
        if r.get("reden"):
            click.echo(f"     reden: {r['reden']}")


def _samen(a: dict, b: dict) -> bool:
    if not b.get("reden") or (a["datum"], a.get("actor"), a["reden"]) != (b["datum"], b.get("actor"), b["reden"]):
        return False
    if a.get("geregistreerd") is None or b.get("geregistreerd") is None:
        return a.get("geregistreerd") is b.get("geregistreerd")
    return abs((b["geregistreerd"] - a["geregistreerd"]).total_seconds()) < 1


class Voortgangsbalk:
    """A progress bar on stderr for long work, fed (done, total) by the service; the caller
    creates one only when stderr is a terminal (none in CI, in a pipe or with --json)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.balk = None
        self.gedaan = 0

    def __call__(self, tot: int, hoogste: int) -> None:
        if self.balk is None:
            self.balk = click.progressbar(length=max(hoogste, 1), label=self.label,
                                          file=click.get_text_stream("stderr"), show_pos=True)
            self.balk.__enter__()
        self.balk.update(max(tot - self.gedaan, 0))
        self.gedaan = tot

    def sluit(self) -> None:
        if self.balk is not None:
            self.balk.__exit__(None, None, None)
