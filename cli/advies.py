"""`zaakstroom advies …`: the advies of an adviesraad, the college's reactie per advies, and the tracking report."""

from __future__ import annotations

import click

from cli.opties import DATUM, handeling, json_optie
from cli.raad import KeuzeOptie
from cli.uitvoer import aantal, druk_zaak, nl, toon_resultaat

UITKOMSTEN = ["gevolgd", "deels gevolgd", "niet gevolgd", "toegelicht"]


def druk_advies(z: dict) -> None:
    a = z["advies"]
    click.secho(f"Advies bij zaak {z['zaaknummer']} — {z['omschrijving']}", bold=True)
    if a is None:
        click.echo("  Nog geen advies ontvangen.")
        return
    kenmerk = f", kenmerk {a['kenmerk']}" if a["kenmerk"] else ""
    t = a["reactietermijn"]
    regels = [
        ("Adviesorgaan", f"{a['adviesorgaan']}{kenmerk}"),
        ("Advies", f"d.d. {nl(a['dagtekening'])}, ontvangen {nl(a['ontvangen'])}; {_adviezen(a['aantal'])}"),
        ("Reactietermijn", f"t/m {nl(t['einde'])}" if t["einde"] else "—"),
    ]
    if t["afwijking"]:
        w = t["afwijking"]
        wat = f"{w['soort']} tot {nl(w['termijn_tot'])}" if w["soort"] else (
            f"tot {nl(w['termijn_tot'])}" if w["termijn_tot"] else "afwijking")
        regels.append(("Afwijking", f"{wat}: {w['reden']}"))
    if t["reactie"]:
        regels.append(("Reactie college", f"{nl(t['reactie'])}, {aantal(t['dagen_na_ontvangst'], 'dag', 'dagen')} "
                                          f"na ontvangst: {t['oordeel']}"))
    elif "oordeel" in t:
        regels.append(("Reactie college", t["oordeel"]))
    for n in a["naar_raad"]:
        wat = "advies en reactie" if n["met_reactie"] else "advies"
        regels.append(("Naar de raad", f"{nl(n['datum'])} ({wat}" + (", vóór de reactie van het college)"
                                                                    if n["voor_reactie"] else ")")))
    breedte = max(len(k) for k, _ in regels)
    for k, v in regels:
        click.echo(f"  {k.ljust(breedte)}  {v}")
    telling = ", ".join(f"{u} {n}" for u, n in a["telling"].items())
    click.secho(f"Adviezen ({telling})", bold=True)
    for x in a["adviezen"]:
        click.echo(f"  {x['nummer']:>2}. {x['advies']}")
        if x["uitkomst"]:
            click.echo(f"      {x['uitkomst'].upper()}: {x['reactie']}")
        else:
            click.echo("      nog geen reactie")


def _adviezen(n: int) -> str:
    return aantal(n, "advies", "adviezen")


def druk_zaak_en_advies(z: dict) -> None:
    druk_zaak(z)
    druk_advies(z)


@click.group()
def advies() -> None:
    """Advies van een adviesraad (zaaktype adviesaanvraag): adviezen, reactie van het college, naar de raad."""


@advies.command()
@click.argument("zaaknummer")
@click.option("--adviesorgaan", required=True, help="Bijvoorbeeld 'Adviesraad sociaal domein'.")
@click.option("--kenmerk", default=None, help="Kenmerk van het advies, bv. '21 047'.")
@click.option("--dagtekening", type=DATUM, default=None, help="Datum van het advies (standaard de dag van ontvangst).")
@click.option("--advies", "adviezen", multiple=True, required=True,
              help="Tekst van een advies; herhaal in de volgorde van het advies (nummer 1, 2, …).")
@handeling
@click.pass_obj
def ontvangen(omgeving, zaaknummer, adviesorgaan, kenmerk, dagtekening, adviezen, actor, reden, datum, als_json):
    """Leg het advies vast; --datum is de dag van ontvangst (stap advies_ontvangen): de reactietermijn
    van het college begint de dag erna."""
    z = omgeving.dienst("advies").advies_ontvangen(zaaknummer, adviesorgaan=adviesorgaan, kenmerk=kenmerk, dagtekening=dagtekening,
                                      adviezen=list(adviezen), actor=actor, datum=datum, reden=reden)
    toon_resultaat(z, als_json, f"Advies bij zaak {zaaknummer} ontvangen: {_adviezen(len(adviezen))}.",
                   druk_zaak_en_advies)


@advies.command()
@click.argument("zaaknummer")
@click.option("--advies", "reacties", multiple=True, required=True, nargs=3,
              type=(click.IntRange(min=1), KeuzeOptie(UITKOMSTEN), str), metavar="NUMMER UITKOMST REACTIE",
              help="Per advies: nummer, uitkomst (gevolgd, deels-gevolgd, niet-gevolgd, toegelicht) en de reactie; "
                   "herhaal voor elk advies.")
@click.option("--afwijking", default=None,
              help="Waarom het college afwijkt van de reactietermijn (verplicht bij een reactie na de termijn).")
@click.option("--termijn-tot", type=DATUM, default=None,
              help="De afwijkende laatste dag, bv. verkort tot de politieke markt (vraagt --afwijking).")
@handeling
@click.pass_obj
def reactie(omgeving, zaaknummer, reacties, afwijking, termijn_tot, actor, reden, datum, als_json):
    """Leg de reactie van het college vast, op elk advies (stap reageren); --datum is de dag van verzending."""
    z = omgeving.dienst("advies").advies_reactie(zaaknummer, list(reacties), afwijking=afwijking, termijn_tot=termijn_tot,
                                    actor=actor, datum=datum, reden=reden)
    toon_resultaat(z, als_json, f"Reactie van het college op het advies bij zaak {zaaknummer} vastgelegd.",
                   druk_zaak_en_advies)


@advies.command("naar-raad")
@click.argument("zaaknummer")
@click.option("--met-reactie", is_flag=True, help="Advies en reactie van het college gaan samen naar de raad.")
@handeling
@click.pass_obj
def naar_raad(omgeving, zaaknummer, met_reactie, actor, reden, datum, als_json):
    """Leg vast dat het advies naar de raad ging (--datum); dat mag vóór de reactie van het college."""
    z = omgeving.dienst("advies").advies_naar_raad(zaaknummer, met_reactie=met_reactie, actor=actor, datum=datum, reden=reden)
    toon_resultaat(z, als_json, f"Advies bij zaak {zaaknummer} naar de raad gestuurd.", druk_zaak_en_advies)


@advies.command()
@click.argument("zaaknummer")
@json_optie
@click.pass_obj
def toon(omgeving, zaaknummer, als_json):
    """Adviezen met de uitkomst per advies en de reactietermijn tegen de werkelijke datum."""
    toon_resultaat(omgeving.dienst("advies").advies_toon(zaaknummer), als_json, None, druk_advies)
