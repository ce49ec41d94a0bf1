"""`zaakstroom audit …`: replay a zaak's history for auditors."""

from __future__ import annotations

from datetime import date

import click

from cli.opties import DATUM, json_optie
from cli.uitvoer import aantal, druk_json, druk_zaak, nl


def _waarde(v) -> str:
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, date):
        return nl(v)
    if isinstance(v, list):
        return ", ".join(_waarde(x) for x in v) if len(v) <= 3 else f"{len(v)} stuks"
    tekst = str(v)
    return tekst if len(tekst) <= 80 else tekst[:77] + "…"


def _details(d: dict) -> str:
    """One line per event for people; --json has every field."""
    if "stap" in d:
        tekst = f"{d['stap']}: {d['van']} → {d['naar']}"
        if d.get("resultaat"):
            tekst += f", resultaat {d['resultaat']}"
        return tekst
    if "zaaktype" in d:
        return f"{d['zaaktype']} v{d['zaaktype_versie']}, status {d['status']}, {d['omschrijving']}"
    if "dagen" in d:
        return aantal(d["dagen"], "dag", "dagen")
    if "opgeschorte_dagen" in d:
        return f"na {aantal(d['opgeschorte_dagen'], 'dag', 'dagen')} opschorting"
    return "; ".join(f"{k.replace('_', ' ')}: {_waarde(v)}" for k, v in d.items()
                     if v not in (None, [], {}, "") and not isinstance(v, dict))


@click.group()
def audit() -> None:
    """Geschiedenis van een zaak naspelen: wie deed wat, wanneer en waarom."""


@audit.command()
@click.argument("zaaknummer")
@json_optie
@click.pass_obj
def geschiedenis(omgeving, zaaknummer, als_json):
    """Alle gebeurtenissen van een zaak op volgorde."""
    regels = omgeving.dienst("zaken").geschiedenis(zaaknummer)
    if als_json:
        druk_json(regels)
        return
    click.secho(f"Geschiedenis van zaak {zaaknummer} ({aantal(len(regels), 'gebeurtenis', 'gebeurtenissen')})", bold=True)
    for r in regels:
        details = _details(r["details"])
        click.echo(f"{r['volgnummer']:>3}. {r['gebeurtenis']}" + (f": {details}" if details else ""))
        click.echo(f"     met ingang van {nl(r['datum'])}; vastgelegd {nl(r['geregistreerd'])} door {r['actor']}")
        if r["reden"]:
            click.echo(f"     reden: {r['reden']}")


@audit.command()
@click.argument("zaaknummer")
@click.option("--per", type=DATUM, required=True, help="De dag waarop je de zaak wilt zien.")
@click.option("--geregistreerd", is_flag=True,
              help="Tel gebeurtenissen vanaf de dag dat ze zijn vastgelegd (wat het systeem toen wist), "
                   "niet vanaf de dag dat ze ingingen.")
@json_optie
@click.pass_obj
def toon(omgeving, zaaknummer, per, geregistreerd, als_json):
    """De zaak zoals die was op een dag, opnieuw opgebouwd uit de gebeurtenissen."""
    z = omgeving.dienst("zaken").toon_per(zaaknummer, per, geregistreerd=geregistreerd)
    if als_json:
        druk_json(z)
    else:
        druk_zaak(z)


from cli.verificatie import anker, verificeer  # noqa: E402  (hash chain: issue 11)
audit.add_command(verificeer)
audit.add_command(anker)
