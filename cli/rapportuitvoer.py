"""How every `zaakstroom rapport …` reads and prints: the options they share, catching up the
projections a report reads (or saying how far behind they are), and one way to print a
projections.rapport.Rapport as a table, as CSV or as JSON.

This module imports nothing heavy: a report that finds its projections current never
loads SQLAlchemy or eventsourcing (the runner is imported only when there is something
to catch up).
"""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from datetime import date

import click

from cli.opties import DATUM, json_optie
from cli.uitvoer import druk_json, nl, tabel


def rapport_opties(f):
    """--per, --niet-bijwerken, --csv [--tabel] [--nl] and --json: what every report takes."""
    f = json_optie(f)
    f = click.option("--nl", "nl_formaat", is_flag=True,
                     help="CSV met Nederlandse datums (26-10-2022) en decimale komma's.")(f)
    f = click.option("--tabel", "tabelnaam", default=None, metavar="NAAM",
                     help="Bij --csv: alleen deze tabel van het rapport (standaard alle, elk met een kopregel).")(f)
    f = click.option("--csv", "als_csv", is_flag=True, help="Als CSV (puntkomma gescheiden) op stdout.")(f)
    f = click.option("--niet-bijwerken", is_flag=True,
                     help="Lees de projecties zoals ze zijn; het rapport zegt dan hoe ver ze achterlopen.")(f)
    f = click.option("--per", type=DATUM, default=None,
                     help="Het beeld zoals het op deze dag was, naar datum van ingang (standaard vandaag).")(f)
    return f


@contextmanager
def lees(omgeving, namen: list[str], *, niet_bijwerken: bool, stil: bool):
    """A reader on the projections `namen`, caught up first unless `niet_bijwerken`.
    Yields (lezer, stand) with stand as projections.lezer.Lezer.stand."""
    from projections.lezer import Lezer

    with Lezer(omgeving.opslag) as lezer:
        stand = lezer.stand(namen)
        if stand["achterstand"] and not niet_bijwerken:
            from projections.runner import werk_bij

            werk_bij(omgeving.opslag, namen=namen)
            if not stil:
                click.echo(f"(projecties bijgewerkt: {stand['achterstand']} nieuwe gebeurtenis"
                           f"{'sen' if stand['achterstand'] != 1 else ''})", err=True)
            stand = lezer.stand(namen)
        yield lezer, stand


def vandaag_of(per: date | None) -> date:
    return per or date.today()


def toon(rapport, *, als_json: bool, als_csv: bool, tabelnaam: str | None, nl_formaat: bool) -> None:
    """Print a Rapport for people, as CSV or as JSON (one of the three)."""
    if tabelnaam is not None and not als_csv:
        raise click.UsageError("--tabel hoort bij --csv.")
    if als_json:
        druk_json(rapport.als_dict())
    elif als_csv:
        _csv(rapport, tabelnaam, nl_formaat)
    else:
        _voor_mensen(rapport)


def stand_regel(rapport) -> str:
    """The line every report ends with: as of which day, and up to which event."""
    s = rapport.stand
    regel = f"Stand per {nl(rapport.per)}; projecties bij tot en met gebeurtenis {s['tot_en_met']}"
    if s["achterstand"]:
        return (regel + f" — LOOPT {s['achterstand']} GEBEURTENIS{'SEN' if s['achterstand'] != 1 else ''} ACHTER "
                f"(laatste is {s['laatste']}; zonder --niet-bijwerken wordt eerst bijgewerkt).")
    return regel + " (actueel)."


def _voor_mensen(rapport) -> None:
    from projections.opmaak import nl_waarde

    click.secho(f"{rapport.titel} — per {nl(rapport.per)}", bold=True)
    for t in rapport.tabellen:
        click.echo()
        click.secho(t.titel, bold=True)
        if t.toelichting:
            click.echo(t.toelichting)
        if not t.rijen:
            click.echo("  (geen)")
            continue
        tabel([[nl_waarde(r.get(k.naam), k.soort) for k in t.kolommen] for r in t.rijen], [k.kop for k in t.kolommen])
    for o in rapport.opmerkingen:
        click.secho(f"Let op: {o}", fg="yellow")
    click.echo()
    regel = stand_regel(rapport)
    if rapport.stand["achterstand"]:
        click.secho(regel, fg="yellow")
    else:
        click.echo(regel)


def _csv(rapport, tabelnaam: str | None, nl_formaat: bool) -> None:
    from projections.opmaak import csv_waarde

    tabellen = rapport.tabellen
    if tabelnaam is not None:
        tabellen = [t for t in tabellen if t.naam == tabelnaam]
        if not tabellen:
            raise click.UsageError(f"Het rapport {rapport.naam} heeft geen tabel {tabelnaam!r}; "
                                   f"wel: {', '.join(t.naam for t in rapport.tabellen)}.")
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", lineterminator="\n")
    for i, t in enumerate(tabellen):
        if len(tabellen) > 1:
            if i:
                w.writerow([])
            w.writerow([f"# {t.naam}"])
        w.writerow([k.naam for k in t.kolommen])
        w.writerows([[csv_waarde(r.get(k.naam), k.soort, nl_formaat) for k in t.kolommen] for r in t.rijen])
    click.echo(uit.getvalue(), nl=False)
    if rapport.stand["achterstand"]:
        click.secho(stand_regel(rapport), fg="yellow", err=True)
