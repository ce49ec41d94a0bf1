"""`zaakstroom zaaktype …`: the workflow definitions the engine knows."""

from __future__ import annotations

import click

from cli.opties import json_optie
from cli.uitvoer import druk_json, nl, tabel


def _als_dict(d) -> dict:
    return {
        "naam": d.naam,
        "versie": d.versie,
        "titel": d.titel,
        "omschrijving": d.omschrijving,
        "begintoestand": d.begintoestand,
        "resultaten": list(d.resultaten),
        "opschorting": {"toegestaan": d.opschorting_toegestaan, "grondslag": d.opschorting_grondslag},
        "verlenging": {"max_aantal": d.verlenging.max_aantal, "max_lengte": d.verlenging.max_lengte,
                       "eenheid": d.verlenging.eenheid.value, "grondslag": d.verlenging.grondslag},
        "toestanden": [
            {"naam": t.naam, "titel": t.titel, "eind": t.eind,
             "termijnen": [{"naam": s.naam, "regel": s.regel.beschrijving(), "aard": s.aard,
                            "vanaf": s.vanaf, "grondslag": s.grondslag} for s in t.termijnen]}
            for t in d.toestanden
        ],
        "overgangen": [
            {"stap": o.stap, "titel": o.titel, "van": list(o.van), "naar": o.naar,
             "na_termijn": o.na_termijn, "postweek": o.postweek, "afsluiten": o.afsluiten}
            for o in d.overgangen
        ],
        "bron": str(d.bron),
    }


@click.group()
def zaaktype() -> None:
    """De zaaktypen (workflowdefinities) die de engine kent."""


@zaaktype.command()
@json_optie
def lijst(als_json):
    """Alle zaaktypen met hun nieuwste versie."""
    from workflow.definitie import definitie, zaaktypen

    defs = [definitie(n) for n in zaaktypen()]
    if als_json:
        druk_json([_als_dict(d) for d in defs])
        return
    tabel([[d.naam, str(d.versie), d.titel] for d in defs], ["zaaktype", "versie", "titel"])


@zaaktype.command()
@click.argument("naam")
@click.option("--versie", type=int, default=None, help="Een oudere versie (standaard de nieuwste).")
@json_optie
@click.pass_obj
def toon(omgeving, naam, versie, als_json):
    """Toestanden, stappen, termijnen, opschorting en verlenging van een zaaktype, en of die versie
    is vastgelegd (de regels waarop zaken van die versie lopen, ook zonder het bestand)."""
    from workflow.definitie import ZAAKTYPE

    definitie, opslag = omgeving.dienst("definities").toon(ZAAKTYPE, naam, versie)
    d = _als_dict(definitie)
    d["opslag"] = opslag
    if als_json:
        druk_json(d)
        return
    click.secho(f"{d['naam']} (versie {d['versie']}): {d['titel']}", bold=True)
    click.echo(d["omschrijving"])
    if opslag["vastgelegd"]:
        waar = "ingebouwd" if opslag["bron"] == "ingebouwd" else f"uit {opslag['bron']}"
        click.echo(f"Vastgelegd: op {nl(opslag['vastgelegd_op'])} door {opslag['actor']} ({waar}); "
                   f"sha256 {opslag['sha256']}")
        if opslag["bestand"] is None:
            click.echo("  (het bestand is hier niet te vinden; dit is de vastgelegde tekst)")
        elif opslag["bestand_wijkt_af"]:
            click.secho(f"  Let op: {opslag['bestand']} wijkt af van de vastgelegde tekst; nieuwe zaken op deze "
                        "versie worden geweigerd (geef de wijziging een nieuw versienummer).", fg="yellow")
    else:
        click.echo(f"Vastgelegd: nog niet (nog geen zaak op deze versie); sha256 van het bestand {opslag['sha256']}")
    op = d["opschorting"]
    click.echo(f"Opschorting: {'toegestaan' if op['toegestaan'] else 'niet toegestaan'}"
               + (f" ({op['grondslag']})" if op["grondslag"] else ""))
    v = d["verlenging"]
    click.echo("Verlenging: " + (f"ten hoogste {v['max_aantal']}x, elk ten hoogste {v['max_lengte']} {v['eenheid']}"
                                 f" ({v['grondslag']})" if v["max_aantal"] else "niet toegestaan"))
    if d["resultaten"]:
        click.echo("Resultaten: " + ", ".join(d["resultaten"]))
    click.secho("Toestanden", bold=True)
    for t in d["toestanden"]:
        merk = " (begin)" if t["naam"] == d["begintoestand"] else (" (eind)" if t["eind"] else "")
        click.echo(f"  {t['naam']}{merk}: {t['titel']}")
        for s in t["termijnen"]:
            vanaf = "startdatum van de zaak" if s["vanaf"] == "start" else "de dag van deze stap"
            click.echo(f"    termijn {s['naam']} ({s['aard']}): {s['regel']}; vanaf {vanaf}")
            click.echo(f"      grondslag: {s['grondslag']}")
    click.secho("Stappen", bold=True)
    for o in d["overgangen"]:
        extra = f"; pas na afloop van {o['na_termijn']}" if o["na_termijn"] else ""
        extra += " en de week erna (Awb 6:9 lid 2)" if o["postweek"] else ""
        extra += "; sluit de zaak af (met resultaat)" if o["afsluiten"] else ""
        click.echo(f"  {o['stap']}: {', '.join(o['van'])} → {o['naar']} — {o['titel']}{extra}")
