"""`zaakstroom audit export` and `audit controleer-export`: the history for an archive, and its offline check.

workflow/export.py writes the folder (format described there and in README.md), workflow/zgw.py the
ZGW shape (docs/zgw-mapping.md), workflow/exportcontrole.py checks it with the standard library
only. Added to the `audit` group in cli/audit.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from cli.opties import DATUM, json_optie, standaard_actor
from cli.uitvoer import Voortgangsbalk, druk_json




@click.command()
@click.argument("nummer", metavar="[ZAAKNUMMER|KENMERK]", required=False)
@click.option("--alles", is_flag=True, help="De hele log: alle gebeurtenissen van alle zaken en dossiers.")
@click.option("--van", type=DATUM, default=None, help="Begin van een periode (dag van vastleggen), met --tot.")
@click.option("--tot", type=DATUM, default=None, help="Einde van de periode (tot en met), met --van.")
@click.option("--uitvoer", type=click.Path(path_type=Path), required=True, metavar="MAP",
              help="De map waarin de export komt (wordt aangemaakt; alleen voor de eigenaar leesbaar).")
@click.option("--overschrijven", is_flag=True, help="Een bestaande map of bestaand bestand overschrijven.")
@click.option("--formaat", type=click.Choice(["jsonl", "zgw"]), default="jsonl", show_default=True,
              help="jsonl: alle gebeurtenissen met hashes en een manifest; zgw: de zaak in de vorm van de "
                   "ZGW Zaken API (docs/zgw-mapping.md).")
@click.option("--rsin", default=None, envvar="ZAAKSTROOM_RSIN", show_envvar=True,
              help="ZGW: het RSIN van de gemeente (bronorganisatie), 9 cijfers.")
@click.option("--actor", default=standaard_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
              help="Wie de export maakt (staat in het manifest).")
@json_optie
@click.pass_context
def export(ctx, nummer, alles, van, tot, uitvoer, overschrijven, formaat, rsin, actor, als_json):
    """Schrijf de geschiedenis weg voor een archief: een zaak, een aanbesteding, alles of een periode.

    Elke gebeurtenis met haar metadata en hashes in gebeurtenissen.jsonl, met manifest.json
    (aantallen, koppen van de keten, de gebruikte definities). Na te rekenen zonder zaakstroom:
    `python exportcontrole.py MAP`, of `zaakstroom audit controleer-export MAP`.
    """
    periode = van is not None or tot is not None
    if sum((bool(nummer), alles, periode)) != 1:
        raise click.UsageError("Geef één keuze: een ZAAKNUMMER of KENMERK, --alles, of --van en --tot.")
    if periode and (van is None or tot is None):
        raise click.UsageError("Een periode vraagt --van én --tot.")
    if periode and tot < van:
        raise click.UsageError("--tot ligt vóór --van.")
    omgeving = ctx.obj
    if formaat == "zgw":
        if not nummer:
            raise click.UsageError("--formaat zgw exporteert zaken: geef een ZAAKNUMMER.")
        uitkomst = omgeving.dienst("export").exporteer_zgw(nummer, map_=uitvoer, overschrijven=overschrijven,
                                                          rsin=rsin)
        if als_json:
            druk_json(uitkomst)
        else:
            click.echo(f"Zaak {uitkomst['zaak']} in ZGW-vorm geschreven naar {uitkomst['map']}: "
                       + ", ".join(uitkomst["bestanden"]) + ".")
        return
    voortgang = Voortgangsbalk("Exporteren") if sys.stderr.isatty() and not nummer else None
    try:
        uitkomst = omgeving.dienst("export").exporteer(map_=uitvoer, nummer=nummer, alles=alles, van=van, tot=tot,
                                                       overschrijven=overschrijven, actor=actor, voortgang=voortgang)
    finally:
        if voortgang:
            voortgang.sluit()
    if als_json:
        druk_json(uitkomst)
        return
    s = uitkomst["selectie"]
    wat = {"zaak": lambda: f"zaak {s['nummer']}", "aanbesteding": lambda: f"aanbesteding {s['kenmerk']}",
           "alles": lambda: "de hele log", "periode": lambda: f"de periode {s['van']} t/m {s['tot']}"}[s["soort"]]()
    n = uitkomst["gebeurtenissen"]
    click.echo(f"{n} {'gebeurtenis' if n == 1 else 'gebeurtenissen'} van {wat} ({uitkomst['aggregaten']} "
               f"aggregaten) geschreven naar {uitkomst['map']}: gebeurtenissen.jsonl en manifest.json.")
    if uitkomst["kop_bij_export"]:
        click.echo(f"Kop van de keten bij export: {uitkomst['kop_bij_export']['anker']}")
    click.echo(f"Na te rekenen met `zaakstroom audit controleer-export {uitkomst['map']}` of, zonder zaakstroom, "
               "`python exportcontrole.py MAP` (workflow/exportcontrole.py).")


@click.command("controleer-export")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@json_optie
@click.pass_context
def controleer_export(ctx, map_, als_json):
    """Reken een export na (bestanden, hashes, ketens, aantallen); noem elke breuk. Code 1 bij een breuk.

    Leest alleen de map, niet de database: dezelfde controle als `python exportcontrole.py MAP`.
    """
    from workflow import exportcontrole

    uitkomst = exportcontrole.controleer(map_)
    if als_json:
        druk_json(uitkomst)
    else:
        for regel in exportcontrole.tekst(uitkomst).split("\n"):
            if regel.startswith("Export in orde"):
                click.secho(regel, fg="green")
            elif regel.startswith("Export verbroken"):
                click.secho(regel, fg="red", bold=True)
            else:
                click.echo(regel)
    if not uitkomst["in_orde"]:
        ctx.exit(1)
