"""`zaakstroom avg …`: a natural person's rights over their data (AVG); today erasure (art. 17)."""

from __future__ import annotations

import click

from cli.opties import _actor, json_optie, standaard_actor
from cli.uitvoer import druk_json, nl
from workflow.delen import personen


def _soorten() -> str:
    return "\n\n".join(f"- {soort}" for _, soort, _ in personen())


@click.group()
def avg() -> None:
    """Persoonsgegevens onder de AVG: wissen op verzoek of na de bewaartermijn."""


@avg.command(epilog="PERSOON is een van:\n\n" + _soorten())
@click.argument("persoon")
@click.option("--reden", default=None, help="Waarom (verplicht), bv. \"verzoek van betrokkene, art. 17 AVG\"; "
                                            "wordt bij de gebeurtenis vastgelegd.")
@click.option("--actor", default=standaard_actor, callback=_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
              help="Wie dit doet.")
@json_optie
@click.pass_obj
def vergeet(omgeving, persoon, reden, actor, als_json):
    """Wis de persoonsgegevens van PERSOON (AVG art. 17): de sleutel wordt vernietigd.

    De geschiedenis blijft volledig en telt nog mee; overal waar de gegevens stonden, staat
    daarna "[gewist op …]". Het wissen zelf is een gebeurtenis, met wie, wanneer en waarom.
    """
    uit = omgeving.dienst("avg").vergeet(persoon, reden=reden, actor=actor)
    if als_json:
        druk_json(uit)
        return
    click.secho(f"Persoonsgegevens gewist (AVG art. 17): {uit['soort']} {uit['sleutel']}, op {nl(uit['datum'])}.",
                fg="green")
    click.echo("Niet meer te lezen: " + ", ".join(uit["gewist"]) + ".")
