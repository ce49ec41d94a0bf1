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
