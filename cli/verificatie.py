"""`zaakstroom audit verificeer` and `audit anker`: is the recorded history still what was recorded?

The hash chains are described in store/keten.py (what they prove and what not);
store/verificatie.py recomputes them. Added to the `audit` group in cli/audit.py.
"""

from __future__ import annotations

import sys

import click

from cli.opties import json_optie
from cli.uitvoer import Voortgangsbalk, druk_json


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _lees_ankers(ctx, param, waarden):
    from store.keten import lees_anker

    ankers = []
    for w in waarden:
        try:
            ankers.append(lees_anker(w))
        except ValueError:
            raise click.BadParameter(f"'{w}' is geen anker: verwacht NUMMER:HASH zoals `zaakstroom audit anker` "
                                     "het toont (64 hexadecimale tekens na de dubbele punt).") from None
    return ankers




@click.command()
@click.argument("zaaknummer", required=False)
@click.option("--alles", is_flag=True, help="De hele log: alle gebeurtenissen van alle zaken en dossiers.")
@click.option("--anker", "ankers", multiple=True, metavar="NUMMER:HASH", callback=_lees_ankers,
              help="Een eerder buiten de database bewaard anker (`zaakstroom audit anker`) waar de keten nog op "
                   "uit moet komen; mag vaker. Alleen met --alles.")
@json_optie
@click.pass_context
def verificeer(ctx, zaaknummer, alles, ankers, als_json):
    """Reken de hashketens na: meld elke gewijzigde, verwijderde, ingevoegde of verwisselde gebeurtenis.

    Met een ZAAKNUMMER de gebeurtenissen van die zaak, met --alles de hele log.
    Eindigt met code 1 bij elke breuk.
    """
    from domain.fouten import DomeinFout
    from store.verificatie import verifieer

    if bool(zaaknummer) == alles:
        raise click.UsageError("Geef een zaaknummer of --alles (niet allebei).")
    if ankers and not alles:
        raise click.UsageError("--anker werkt alleen met --alles: een anker dekt de hele log tot en met zijn nummer.")
    aggregaat = None
    if zaaknummer:
        from domain.zaak import zaak_id

        aggregaat = zaak_id(zaaknummer).hex
    voortgang = Voortgangsbalk("Keten narekenen") if sys.stderr.isatty() else None
    try:
        uitkomst = verifieer(ctx.obj.opslag, aggregaat=aggregaat, ankers=ankers, voortgang=voortgang)
    finally:
        if voortgang:
            voortgang.sluit()
    if zaaknummer and uitkomst["gecontroleerd"] == 0:
        raise DomeinFout(f"Zaak {zaaknummer} bestaat niet (er zijn geen gebeurtenissen van).")
    if als_json:
        druk_json(uitkomst)
    else:
        _druk(uitkomst, zaaknummer)
    if not uitkomst["in_orde"]:
        ctx.exit(1)


def _druk(u: dict, zaaknummer: str | None) -> None:
    wat = f"zaak {zaaknummer}" if zaaknummer else "de log"
    if u.get("geen_keten"):
        click.secho("Deze store heeft geen hashketen (de tabellen ontbreken); er valt niets na te rekenen.", fg="red")
        return
    telling = (f"{_getal(u['gecontroleerd'])} {'gebeurtenis' if u['gecontroleerd'] == 1 else 'gebeurtenissen'} "
               f"van {wat} nagerekend" + ("" if zaaknummer else f", tot en met nr. {u['tot_en_met']}"))
    if u["in_orde"]:
        click.secho(f"Keten in orde: {telling}.", fg="green")
    else:
        n = len(u["breuken"])
        click.secho(f"Keten verbroken: {n} {'bevinding' if n == 1 else 'bevindingen'} ({telling}):", fg="red", bold=True)
        for b in u["breuken"]:
            regels = b["melding"].split("\n")
            click.echo(f"  - {regels[0]}")
            for r in regels[1:]:
                click.echo(f"    {r}")
    if u["ongeketend"]:
        from datetime import datetime

        from store.verificatie import tijd_nl

        begin = u["begin"]
        op = tijd_nl(datetime.fromisoformat(begin["begonnen_op"])) if begin["begonnen_op"] else "onbekend"
        click.echo(f"{_getal(u['ongeketend'])} {'gebeurtenis is' if u['ongeketend'] == 1 else 'gebeurtenissen zijn'} "
                   f"niet geketend, vastgelegd vóór de hashketen begon ({op}, na nr. {begin['id']}): "
                   "wijzigingen daarin zijn niet aan te tonen.")
    for a in u["ankers"]:
        click.secho(f"Anker {a['anker'][:24]}…: {a['melding']}", fg="green" if a["klopt"] else "red")
    if not zaaknummer and u["kop"] and u["in_orde"]:
        click.echo(f"Kop van de keten: {u['kop']['anker']}")


@click.command()
@json_optie
@click.pass_obj
def anker(omgeving, als_json):
    """De kop van de keten (nummer:hash), om buiten de database te bewaren.

    Wie de database kan beheren, kan beide tabellen herschrijven; alleen tegen een
    anker dat ergens anders bewaard is, valt dat aan te tonen. Reken de log eerst na
    (`audit verificeer --alles`), bewaar dan deze regel, en controleer later met
    `audit verificeer --alles --anker NUMMER:HASH`.
    """
    from store.verificatie import anker as kop_van_de_keten

    kop = kop_van_de_keten(omgeving.opslag)
    if als_json:
        druk_json(kop)
        return
    if kop is None:
        click.echo("Er is nog niets geketend: de log heeft geen gebeurtenissen met een hash.")
        return
    click.echo(kop["anker"])
    click.echo(f"(gebeurtenis nr. {kop['id']}; bewaar deze regel buiten de database en controleer later met "
               f"`zaakstroom audit verificeer --alles --anker {kop['anker']}`)", err=True)
