"""`zaakstroom termijn`: compute a legal term directly, with each extension explained."""

from __future__ import annotations

import click

from cli.opties import DATUM, json_optie
from cli.uitvoer import druk_json, nl
from domain.termijnen import Eenheid, Soort, Telling, Termijnregel, bereken_termijn


@click.command()
@click.argument("vanaf", type=DATUM)
@click.option("--weken", type=click.IntRange(1, 520), default=None)
@click.option("--dagen", type=click.IntRange(1, 3650), default=None)
@click.option("--telling", type=click.Choice([t.value for t in Telling]), default=Telling.DAG_ERNA.value,
              show_default=True,
              help="zelfde_dag: de termijn begint op VANAF zelf (ter inzage, Awb 3:16); "
                   "dag_erna: op de dag erna (bezwaar, Awb 6:8).")
@click.option("--soort", type=click.Choice([s.value for s in Soort]), default=Soort.WETTELIJK.value,
              show_default=True,
              help="wettelijk: Algemene termijnenwet van toepassing; kalender: kalenderdagen (bijv. Alcatel).")
@json_optie
def termijn(vanaf, weken, dagen, telling, soort, als_json):
    """Bereken de laatste dag van een termijn vanaf een datum.

    Voorbeeld: zaakstroom termijn 30-06-2021 --weken 6 --telling zelfde_dag
    """
    if (weken is None) == (dagen is None):
        raise click.UsageError("Geef precies één van --weken of --dagen.")
    regel = Termijnregel(
        lengte=weken if weken is not None else dagen,
        eenheid=Eenheid.WEKEN if weken is not None else Eenheid.DAGEN,
        telling=Telling(telling),
        soort=Soort(soort),
    )
    t = bereken_termijn(regel, vanaf)
    if als_json:
        druk_json({
            "vanaf": t.gebeurtenis, "regel": regel.beschrijving(), "eerste_dag": t.eerste_dag,
            "onverlengd_einde": t.onverlengd_einde, "laatste_dag": t.einde,
            "verschuivingen": [{"van": v.van, "naar": v.naar, "reden": v.reden} for v in t.verschuivingen],
            "opmerkingen": list(t.opmerkingen),
        })
        return
    click.echo(f"Termijn: {regel.beschrijving()}")
    click.echo(f"Gebeurtenis: {nl(t.gebeurtenis)}; eerste dag van de termijn: {nl(t.eerste_dag)}")
    if t.verschuivingen:
        click.echo(f"Einde zonder verlenging: {nl(t.onverlengd_einde)}")
        for v in t.verschuivingen:
            click.echo(f"  verlengd naar {nl(v.naar)}: {v.reden}")
    for o in t.opmerkingen:
        click.secho(f"Let op: {o}", fg="yellow")
    click.secho(f"Laatste dag: {nl(t.einde)} ({t.einde:%A})".replace("Monday", "maandag")
                .replace("Tuesday", "dinsdag").replace("Wednesday", "woensdag").replace("Thursday", "donderdag")
                .replace("Friday", "vrijdag").replace("Saturday", "zaterdag").replace("Sunday", "zondag"),
                bold=True)
