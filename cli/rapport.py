"""`zaakstroom rapport …`: overviews read from the projections (never from the event log)."""

from __future__ import annotations

from datetime import date

import click

from cli.opties import DATUM, json_optie
from cli.uitvoer import aantal, druk_json, nl, tabel


def _waarschuw_bij_achterstand(opslag) -> None:
    from projections.runner import status

    achter = max((s["achterstand"] for s in status(opslag)), default=0)
    if achter:
        click.secho(f"Let op: projectie loopt {achter} gebeurtenis{'sen' if achter != 1 else ''} achter; "
                    "draai 'zaakstroom projecties bijwerken'.", err=True, fg="yellow")


@click.group()
def rapport() -> None:
    """Overzichten uit de projecties."""


@rapport.command()
@click.option("--per", type=DATUM, default=None, help="Peildatum voor 'te laat' (standaard vandaag).")
@json_optie
@click.pass_obj
def zaken(omgeving, per, als_json):
    """Zaken per zaaktype en status: aantal, te laat en de eerstvolgende termijn."""
    from projections.rapporten import zaken_overzicht

    per = per or date.today()
    _waarschuw_bij_achterstand(omgeving.opslag)
    rijen = zaken_overzicht(omgeving.opslag, per)
    if als_json:
        druk_json(rijen)
        return
    if not rijen:
        click.echo("Geen zaken in de projectie.")
        return
    tabel(
        [[r["zaaktype"], r["status"], str(r["aantal"]), str(r["opgeschort"] or ""), str(r["te_laat"] or ""),
          nl(r["eerstvolgende_termijn"]) if r["eerstvolgende_termijn"] else "—"] for r in rijen],
        ["zaaktype", "status", "aantal", "opgeschort", "te laat", "eerstvolgende termijn"],
    )
    click.echo(f"{aantal(sum(r['aantal'] for r in rijen), 'zaak', 'zaken')} (stand nu); "
               f"te laat per {nl(per)}: {sum(r['te_laat'] for r in rijen)}.")
