"""`zaakstroom projecties …`: keep the read models caught up with the event log."""

from __future__ import annotations

import click

from cli.opties import json_optie
from cli.uitvoer import druk_json, tabel


def _voortgang(als_json: bool):
    """A line per batch on stderr, once there turns out to be more than one batch."""
    if als_json:
        return None
    batches = 0

    def meld(positie: int, laatste: int) -> None:
        nonlocal batches
        batches += 1
        if batches > 1 or positie < laatste:
            click.echo(f"  … gebeurtenis {positie} van {laatste}", err=True)

    return meld


def _per_projectie(uitkomst: dict) -> str:
    return ", ".join(f"{p['naam']}: {p['toegepast']}" for p in uitkomst["projecties"])


@click.group()
def projecties() -> None:
    """Leesmodellen bijwerken, hun achterstand zien en herbouwen."""


@projecties.command()
@json_optie
@click.pass_obj
def bijwerken(omgeving, als_json):
    """Verwerk alle nieuwe gebeurtenissen in de projecties (elke gebeurtenis precies eenmaal)."""
    from projections.runner import werk_bij

    uitkomst = werk_bij(omgeving.opslag, voortgang=_voortgang(als_json))
    if als_json:
        druk_json(uitkomst)
        return
    if uitkomst["toegepast"] == 0:
        click.echo(f"Projecties zijn bij (tot en met gebeurtenis {uitkomst['laatste']}); niets te doen.")
        return
    click.secho(f"{uitkomst['toegepast']} gebeurtenissen verwerkt ({_per_projectie(uitkomst)}); "
                f"bij tot en met gebeurtenis {uitkomst['laatste']}.", fg="green")


@projecties.command()
@json_optie
@click.pass_obj
def status(omgeving, als_json):
    """Per projectie: tot welke gebeurtenis ze is bijgewerkt en hoeveel ze achterloopt."""
    from projections.runner import status as projectiestatus

    rijen = projectiestatus(omgeving.opslag)
    if als_json:
        druk_json(rijen)
        return
    tabel([[r["naam"], str(r["positie"]), str(r["laatste"]), str(r["achterstand"])] for r in rijen],
          ["projectie", "positie", "laatste gebeurtenis", "achterstand"])


@projecties.command()
@json_optie
@click.pass_obj
def herbouwen(omgeving, als_json):
    """Wis de projecties en bouw ze opnieuw op uit alle gebeurtenissen."""
    from projections.runner import herbouw

    uitkomst = herbouw(omgeving.opslag, voortgang=_voortgang(als_json))
    if als_json:
        druk_json(uitkomst)
        return
    for p in uitkomst["projecties"]:
        click.echo(f"{p['naam']}: {p['rijen']} rijen herbouwd uit {p['toegepast']} gebeurtenissen.")
