"""`zaakstroom audit …`: the history of a zaak or an aanbesteding for auditors, and how it stood on a day.

What the user types is a zaaknummer (digits) or an aanbesteding's kenmerk (e.g. HGL-BO-2023);
workflow.audit decides which exists. Every line has the one format of workflow.audit.
"""

from __future__ import annotations

import click

from cli.opties import DATUM, json_optie, standaard_actor
from cli.uitvoer import aantal, druk_json, druk_regels, druk_zaak


def _vertrouwelijk(f):
    """--vertrouwelijk with who looks and why: the look is recorded on the aanbesteding before it is shown."""
    f = click.option("--reden", default=None,
                     help="Waarom u vertrouwelijke gegevens inziet; verplicht bij --vertrouwelijk, wordt vastgelegd.")(f)
    f = click.option("--actor", default=standaard_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
                     help="Wie kijkt (wordt vastgelegd bij --vertrouwelijk).")(f)
    return click.option("--vertrouwelijk", is_flag=True,
                        help="Aanbesteding: volledig, met namen, scores en redenen, voor de inkoper; vraagt --reden, "
                             "wordt als gebeurtenis vastgelegd. Zonder: wat de raad mag zien.")(f)


@click.group()
def audit() -> None:
    """Geschiedenis van een zaak of aanbesteding naspelen: wie deed wat, wanneer en waarom."""


@audit.command()
@click.argument("nummer", metavar="ZAAKNUMMER|KENMERK")
@_vertrouwelijk
@json_optie
@click.pass_obj
def geschiedenis(omgeving, nummer, vertrouwelijk, actor, reden, als_json):
    """Alle gebeurtenissen in de volgorde waarin ze zijn vastgelegd.

    Bij een zaak ook die van haar inspraakdossier, haar zienswijzen en de raadsagenda; bij een
    aanbesteding voor de raad alleen fasen en data, volledig met --vertrouwelijk.
    """
    g = omgeving.dienst("audit").geschiedenis(nummer, vertrouwelijk=vertrouwelijk, actor=actor, reden=reden)
    if als_json:
        druk_json(g["regels"])
        return
    regels = g["regels"]
    n = aantal(len(regels), "gebeurtenis", "gebeurtenissen")
    if g["soort"] == "zaak":
        click.secho(f"Geschiedenis van zaak {g['nummer']} — {g['titel']}", bold=True)
        b = g["bronnen"]
        bronnen = ["de zaak"]
        if b["inspraakdossier"]:
            bronnen.append("het inspraakdossier")
        if b["zienswijzen"]:
            bronnen.append(aantal(b["zienswijzen"], "zienswijze", "zienswijzen"))
        bronnen += [f"de raadsagenda van {v}" for v in b["raadsagenda"]]
        van = bronnen[0] if len(bronnen) == 1 else ", ".join(bronnen[:-1]) + " en " + bronnen[-1]
        click.echo(f"{n} van {van}, in de volgorde waarin ze zijn vastgelegd")
    else:
        weergave = "vertrouwelijk, volledig" if g["vertrouwelijk"] else "voor de raad: fasen en data, zonder namen"
        click.secho(f"Geschiedenis van aanbesteding {g['nummer']} — {g['titel']} ({weergave})", bold=True)
        click.echo(f"{n}, in de volgorde waarin ze zijn vastgelegd")
    druk_regels(regels, met_perceel=g["soort"] == "aanbesteding" and len(g["percelen"]) > 1)


@audit.command()
@click.argument("nummer", metavar="ZAAKNUMMER|KENMERK")
@click.option("--per", type=DATUM, required=True, help="De dag waarop je de zaak of aanbesteding wilt zien.")
@click.option("--geregistreerd", is_flag=True,
              help="Tel gebeurtenissen vanaf de dag dat ze zijn vastgelegd (wat het systeem toen wist), "
                   "niet vanaf de dag dat ze ingingen.")
@_vertrouwelijk
@json_optie
@click.pass_obj
def toon(omgeving, nummer, per, geregistreerd, vertrouwelijk, actor, reden, als_json):
    """De zaak of aanbesteding zoals die was op een dag, opnieuw opgebouwd uit de gebeurtenissen."""
    w = omgeving.dienst("audit").toon_per(nummer, per, geregistreerd=geregistreerd, vertrouwelijk=vertrouwelijk,
                                          actor=actor, reden=reden)
    if als_json:
        druk_json(w)
    elif w["soort"] == "zaak":
        druk_zaak(w)
    else:
        from cli.aanbesteding import druk_aanbesteding

        druk_aanbesteding(w)


from cli.verificatie import anker, verificeer  # noqa: E402  (hash chain: issue 11)
audit.add_command(verificeer)
audit.add_command(anker)
from cli.export import controleer_export, export  # noqa: E402  (export for an archive: issue 11.3)
audit.add_command(export)
audit.add_command(controleer_export)
