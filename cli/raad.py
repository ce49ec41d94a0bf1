"""`zaakstroom raad …`: what the griffie and the behandelaar record about raadsbesluitvorming."""

from __future__ import annotations

import click

from cli.opties import DATUM, handeling, json_optie
from cli.uitvoer import aantal, druk_zaak, nl, toon_resultaat
from domain.ontvankelijkheid import TIJDIG_PER_POST


class KeuzeOptie(click.Choice):
    """A choice among values with spaces, typed with hyphens: 'gewijzigd-vastgesteld' is 'gewijzigd vastgesteld'.

    Help and errors name the hyphenated forms, the ones to type (a value with a space
    would need quotes); the command gets the value with spaces, as the domain spells it.
    """

    def __init__(self, waarden: list[str]) -> None:
        super().__init__([w.replace(" ", "-") for w in waarden])

    def convert(self, value, param, ctx):
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "-").replace("_", "-")
        return super().convert(value, param, ctx).replace("-", " ")


PERSOONSGEGEVENS = ("Namen van particulieren zijn persoonsgegevens en worden niet vastgelegd.")


def druk_raadszaak(z: dict) -> None:
    druk_zaak(z)
    druk_besluitvorming(z["besluitvorming"])


def druk_besluitvorming(bv: dict) -> None:
    if not (bv["politieke_markten"] or bv["agenderingen"]):
        return
    click.secho("Besluitvorming", bold=True)
    for pm in bv["politieke_markten"]:
        waar = ", ".join(x for x in (pm["zaal"], f"voorzitter {pm['voorzitter']}" if pm["voorzitter"] else None) if x)
        click.echo(f"  Politieke markt {nl(pm['datum'])} ({pm['soort']})" + (f", {waar}" if waar else ""))
        if pm["spreekrecht"]:
            spreektijd = (f", max. {aantal(pm['max_spreektijd_minuten'], 'minuut', 'minuten')} per inspreker"
                          if pm["max_spreektijd_minuten"] else "")
            click.echo(f"    spreekrecht: ja{spreektijd}")
            insprekers = pm["insprekers"] + [
                f"particuliere inspreker {i} (naam niet vastgelegd)" for i in range(1, pm["particuliere_insprekers"] + 1)
            ]
            if insprekers:
                click.echo(f"    insprekers: {'; '.join(insprekers)}")
        else:
            click.echo("    spreekrecht: nee")
        if pm["volgorde"]:
            click.echo(f"    volgorde: {' → '.join(pm['volgorde'])}")
    for a in bv["agenderingen"]:
        uitkomst = f" — {a['uitkomst']}" if a["uitkomst"] else ""
        click.echo(f"  Raad {nl(a['vergaderdatum'])}: {a['agendacode']} {a['behandeling']}{uitkomst}")
        for w in a["wijzigingen"]:
            click.echo(f"    {w['oud']} → {w['nieuw']} op {nl(w['datum'])}: {w['reden']}")
    for b in bv["besluiten"]:
        click.echo(f"  Raadsbesluit {nl(b['datum'])} ({b['agendacode']}): {b['uitkomst']}")
        for p in b["beslispunten"]:
            click.echo(f"    {p['nummer']}. {p['tekst']}")
        if b["bekendmaking"]:
            plaats = f" ({b['vindplaats']})" if b["vindplaats"] else ""
            click.echo(f"  Bekendmaking {nl(b['bekendmaking'])}{plaats}")
        if b["beroepstermijn"]:
            t = b["beroepstermijn"]
            click.echo(f"  Beroepstermijn {nl(t['eerste_dag'])} t/m {nl(t['einde'])}")
        if b["inwerkingtreding"]:
            regel = f" ({b['inwerkingtreding_regel']})" if b["inwerkingtreding_regel"] else ""
            click.echo(f"  In werking {nl(b['inwerkingtreding'])}{regel}")
        for x in b["beroepen"]:
            click.echo(f"  Beroep {nl(x['datum'])} door {x['indiener']} bij {x['instantie']}{_tijdig(x)}")
        if b["uitspraak"]:
            gevolg = "besluit vernietigd" if b["vernietigd"] else "besluit blijft in stand"
            click.echo(f"  Uitspraak {nl(b['uitspraak']['datum'])}: {b['uitspraak']['uitkomst']} ({gevolg})")
        if b["onherroepelijk_per"]:
            click.echo(f"  Onherroepelijk per {nl(b['onherroepelijk_per'])}")


def _tijdig(beroep: dict) -> str:
    """", binnen de termijn" / ", NA de termijn", with the posting date when it came by post."""
    delen = [{True: ", binnen de termijn", False: ", NA de termijn", None: ""}[beroep["binnen_termijn"]]]
    if beroep["verzonden"]:
        lid_2 = ", binnen een week na de termijn ontvangen (Awb 6:9 lid 2)" if beroep["tijdigheid"] == TIJDIG_PER_POST else ""
        delen.append(f" (per post verzonden {nl(beroep['verzonden'])}{lid_2})")
    return "".join(delen)


@click.group()
def raad() -> None:
    """Politieke markt, raadsagenda, raadsbesluit, bekendmaking en beroep van een raadsvoorstel."""


@raad.command("politieke-markt")
@click.argument("zaaknummer")
@click.argument("pm_datum", metavar="DATUM_PM", type=DATUM)
@click.option("--soort", type=KeuzeOptie(["oordeelsvormend", "beeldvormend"]), required=True,
              help="Oordeelsvormend: de zaak wordt ervoor geagendeerd (stap naar_politieke_markt). "
                   "Beeldvormend: informatie; de zaak blijft waar ze is.")
@click.option("--voorzitter", default=None)
@click.option("--zaal", default=None)
@click.option("--spreekrecht/--geen-spreekrecht", default=False, show_default=True,
              help="Mag het publiek inspreken?")
@click.option("--max-spreektijd", type=click.IntRange(min=1), default=None, help="Minuten per inspreker.")
@click.option("--inspreker", "insprekers", multiple=True,
              help="Organisatie of pseudoniem van een inspreker; herhaal voor meer. " + PERSOONSGEGEVENS)
@click.option("--particuliere-insprekers", type=click.IntRange(min=0), default=0,
              help="Aantal particulieren dat inspreekt (alleen geteld, nooit met naam).")
@click.option("--volgorde", multiple=True,
              help="Vaste volgorde: één onderdeel per optie, bv. --volgorde 'Opening voorzitter' --volgorde …")
@handeling
@click.pass_obj
def politieke_markt(omgeving, zaaknummer, pm_datum, soort, voorzitter, zaal, spreekrecht, max_spreektijd,
                    insprekers, particuliere_insprekers, volgorde, actor, reden, datum, als_json):
    """Plan een politieke markt op DATUM_PM (mag in de toekomst liggen).

    Een oordeelsvormende politieke markt plannen is de zaak ervoor agenderen:
    de stap naar_politieke_markt, met ingang van --datum (de dag van plannen,
    uiterlijk DATUM_PM). Een volgende oordeelsvormende sessie terwijl de zaak
    bij de politieke markt is, en elke beeldvormende sessie, legt alleen het
    feit vast. Bij een B- of C-agendapunt moet de oordeelsvormende politieke
    markt vóór het raadsbesluit gehouden zijn; een D-agendapunt heeft er geen.
    """
    z = omgeving.dienst("besluitvorming").raad_politieke_markt(
        zaaknummer, pm_datum, soort, voorzitter=voorzitter, zaal=zaal, spreekrecht=spreekrecht,
        max_spreektijd=max_spreektijd, insprekers=list(insprekers), particuliere_insprekers=particuliere_insprekers,
        volgorde=list(volgorde), actor=actor, datum=datum, reden=reden,
    )
    toon_resultaat(z, als_json, f"Politieke markt ({soort}) van {nl(pm_datum)} gepland voor zaak {zaaknummer}.",
                   druk_raadszaak)


BEHANDELING = click.option(
    "--behandeling", type=KeuzeOptie(["hamerstuk", "bespreekstuk"]), default=None,
    help="Ter controle: een hamerstuk staat in sectie B, een bespreekstuk in C (D: zonder politieke markt).",
)


@raad.command()
@click.argument("zaaknummer")
@click.argument("vergaderdatum", type=DATUM)
@click.argument("agendacode")
@BEHANDELING
@handeling
@click.pass_obj
def agendeer(omgeving, zaaknummer, vergaderdatum, agendacode, behandeling, actor, reden, datum, als_json):
    """Zet de zaak op de agenda van de raadsvergadering van VERGADERDATUM (stap naar_raad).

    AGENDACODE is de sectieletter plus twee cijfers: B01 (hamerstuk), C01
    (bespreekstuk), D01 (zonder politieke markt). Kleine letters worden als
    hoofdletters gelezen (b01 = B01). Een B- of C-punt vraagt een oordeelsvormende
    politieke markt uiterlijk op VERGADERDATUM: plan die eerst ('raad
    politieke-markt'). --datum is de dag van agenderen, uiterlijk de vergaderdatum.
    """
    z = omgeving.dienst("besluitvorming").raad_agendeer(zaaknummer, vergaderdatum, agendacode, behandeling=behandeling,
                                   actor=actor, datum=datum, reden=reden)
    a = z["besluitvorming"]["agenderingen"][-1]
    toon_resultaat(z, als_json, f"Zaak {zaaknummer} geagendeerd voor de raad van {nl(vergaderdatum)}: "
                                f"{a['agendacode']} ({a['behandeling']}).", druk_raadszaak)


@raad.command("agenda-wijzig")
@click.argument("zaaknummer")
@click.argument("agendacode")
@BEHANDELING
@handeling
@click.pass_obj
def agenda_wijzig(omgeving, zaaknummer, agendacode, behandeling, actor, reden, datum, als_json):
    """Geef de zaak een andere agendacode, bv. een hamerstuk (B) dat bespreekstuk (C) wordt bij de
    vaststelling van de agenda (A02). Vraagt --reden; de oude code blijft in de geschiedenis."""
    z = omgeving.dienst("besluitvorming").raad_wijzig_agendapunt(zaaknummer, agendacode, behandeling=behandeling,
                                            actor=actor, reden=reden, datum=datum)
    a = z["besluitvorming"]["agenderingen"][-1]
    w = a["wijzigingen"][-1]
    toon_resultaat(z, als_json, f"Zaak {zaaknummer}: agendapunt {w['oud']} → {w['nieuw']} ({a['behandeling']}).",
                   druk_raadszaak)


@raad.command()
@click.argument("vergaderdatum", type=DATUM)
@json_optie
@click.pass_obj
def agenda(omgeving, vergaderdatum, als_json):
    """De agenda van de raadsvergadering van VERGADERDATUM, per sectie."""
    toon_resultaat(omgeving.dienst("besluitvorming").raad_agenda(vergaderdatum), als_json, None, _druk_agenda)


def _druk_agenda(a: dict) -> None:
    click.secho(f"Agenda van de raadsvergadering van {nl(a['vergaderdatum'])}", bold=True)
    if not a["aantal"]:
        click.echo("Er staan geen raadsvoorstellen op deze agenda.")
        return
    for s in a["secties"]:
        click.secho(f"{s['sectie']}  {s['titel']}", bold=True)
        if s["sectie"] == "A":
            click.echo("    vaste punten van de vergadering (opening, vaststellen agenda, …)")
        elif not s["punten"]:
            click.echo("    —")
        for p in s["punten"]:
            click.echo(f"  {p['code']}  {p['omschrijving']} (zaak {p['zaaknummer']})")
            wie = p["portefeuillehouders"]
            regel = f"{p['behandeling']}; portefeuillehouder{'s' if len(wie) > 1 else ''}: {', '.join(wie) or '—'}"
            if p["eerder"]:
                regel += f"; eerder {', '.join(p['eerder'])}"
            if p["uitkomst"]:
                regel += f"; {p['uitkomst']}"
            click.echo(f"       {regel}")


@raad.command()
@click.argument("zaaknummer")
@click.option("--uitkomst", required=True,
              type=KeuzeOptie(["vastgesteld", "gewijzigd vastgesteld", "verworpen", "aangehouden"]))
@click.option("--beslispunt", "beslispunten", multiple=True,
              help="Tekst van een beslispunt; herhaal in volgorde (1, 2, …).")
@handeling
@click.pass_obj
def besluit(omgeving, zaaknummer, uitkomst, beslispunten, actor, reden, datum, als_json):
    """Leg het raadsbesluit vast (stap besluiten; bij 'aangehouden' de stap aanhouden, waarna de zaak
    opnieuw wordt geagendeerd). --datum is de dag van de raadsvergadering."""
    z = omgeving.dienst("besluitvorming").raad_besluit(zaaknummer, uitkomst, list(beslispunten), actor=actor, datum=datum, reden=reden)
    toon_resultaat(z, als_json, f"Raadsbesluit over zaak {zaaknummer}: {uitkomst}.", druk_raadszaak)


@raad.command()
@click.argument("zaaknummer")
@click.option("--vindplaats", default=None, help="Waar het besluit is bekendgemaakt, bv. 'Gemeenteblad 2022, 12345'.")
@handeling
@click.pass_obj
def bekendmaking(omgeving, zaaknummer, vindplaats, actor, reden, datum, als_json):
    """Leg de bekendmaking vast (--datum is de dag van bekendmaking; stap bekendmaken). De beroepstermijn
    van 6 weken begint de dag erna (Awb 6:7, 6:8; Algemene termijnenwet)."""
    z = omgeving.dienst("besluitvorming").raad_bekendmaking(zaaknummer, vindplaats=vindplaats, actor=actor, datum=datum, reden=reden)
    toon_resultaat(z, als_json, f"Besluit van zaak {zaaknummer} bekendgemaakt.", druk_raadszaak)


@raad.command()
@click.argument("zaaknummer")
@click.option("--op", type=DATUM, default=None, help="De dag van inwerkingtreding.")
@click.option("--regel", type=click.Choice(["dag-na-bekendmaking", "achtste-dag-na-bekendmaking"]), default=None,
              help="Of de regel uit het besluit; de datum volgt uit de bekendmaking.")
@handeling
@click.pass_obj
def inwerkingtreding(omgeving, zaaknummer, op, regel, actor, reden, datum, als_json):
    """Leg vast wanneer het besluit in werking treedt: een datum (--op) of een regel (--regel)."""
    z = omgeving.dienst("besluitvorming").raad_inwerkingtreding(zaaknummer, regel=regel, op=op, actor=actor, datum=datum, reden=reden)
    b = z["besluitvorming"]["besluiten"][-1]
    toon_resultaat(z, als_json, f"Besluit van zaak {zaaknummer} treedt in werking op {nl(b['inwerkingtreding'])}.",
                   druk_raadszaak)


@raad.command()
@click.argument("zaaknummer")
@click.option("--indiener", default=None, help="De organisatie die beroep instelt. " + PERSOONSGEGEVENS)
@click.option("--particulier", is_flag=True, help="Een particulier stelt beroep in; hij krijgt een pseudoniem.")
@click.option("--instantie", default=None,
              help="Waar het beroep loopt (standaard de Afdeling bestuursrechtspraak van de Raad van State).")
@click.option("--verzonden", type=DATUM, default=None,
              help="Datum van verzending, als het beroepschrift per post kwam (Awb 6:9 lid 2).")
@handeling
@click.pass_obj
def beroep(omgeving, zaaknummer, indiener, particulier, instantie, verzonden, actor, reden, datum, als_json):
    """Leg vast dat beroep is ingesteld: --datum is de dag van ontvangst; de zaak gaat 'in beroep' (stap
    beroep_ingesteld). Tijdig als het uiterlijk op de laatste dag van de beroepstermijn is ontvangen, of
    uiterlijk die dag per post is verzonden en binnen een week erna ontvangen (Awb 6:9); een te laat
    beroep wordt ook vastgelegd, gemarkeerd: de rechter oordeelt erover (Awb 6:11)."""
    z = omgeving.dienst("besluitvorming").raad_beroep(zaaknummer, indiener=indiener, particulier=particulier, instantie=instantie,
                                 verzonden=verzonden, actor=actor, datum=datum, reden=reden)
    b = z["besluitvorming"]["besluiten"][-1]
    x = b["beroepen"][-1]
    toon_resultaat(z, als_json, f"Beroep tegen het besluit van zaak {zaaknummer} door {x['indiener']}{_tijdig(x)}.",
                   druk_raadszaak)
    if x["binnen_termijn"] is False and not als_json:
        t = b["beroepstermijn"]
        click.secho(f"Let op: ontvangen na de beroepstermijn ({nl(t['eerste_dag'])} t/m {nl(t['einde'])}); "
                    "vastgelegd als te laat, tenzij de rechter de overschrijding verschoonbaar acht (Awb 6:11).",
                    fg="yellow", err=True)


@raad.command()
@click.argument("zaaknummer")
@click.option("--uitkomst", required=True, type=KeuzeOptie(["ongegrond", "niet ontvankelijk", "gegrond"]),
              help="Ongegrond of niet-ontvankelijk: het besluit wordt onherroepelijk. Gegrond: het besluit is "
                   "vernietigd en de raad neemt een nieuw besluit (Awb 8:72 lid 4): agendeer de zaak opnieuw.")
@handeling
@click.pass_obj
def uitspraak(omgeving, zaaknummer, uitkomst, actor, reden, datum, als_json):
    """Leg de uitspraak in beroep vast (stap uitspraak of vernietigen)."""
    z = omgeving.dienst("besluitvorming").raad_uitspraak(zaaknummer, uitkomst, actor=actor, datum=datum, reden=reden)
    toon_resultaat(z, als_json, f"Uitspraak over het besluit van zaak {zaaknummer}: {uitkomst} → {z['status']}.",
                   druk_raadszaak)


@raad.command()
@click.argument("zaaknummer")
@handeling
@click.pass_obj
def onherroepelijk(omgeving, zaaknummer, actor, reden, datum, als_json):
    """Leg vast dat het besluit onherroepelijk is: de beroepstermijn is verstreken zonder beroep
    (stap onherroepelijk_worden). Dat kan pas een week na de laatste dag van de termijn: een beroepschrift
    dat op de laatste dag op de post ging, is tijdig als het binnen een week binnenkomt (Awb 6:9 lid 2).
    Onherroepelijk is het besluit per de dag na de termijn."""
    z = omgeving.dienst("besluitvorming").raad_onherroepelijk(zaaknummer, actor=actor, datum=datum, reden=reden)
    b = z["besluitvorming"]["besluiten"][-1]
    toon_resultaat(z, als_json, f"Besluit van zaak {zaaknummer} onherroepelijk per {nl(b['onherroepelijk_per'])}.",
                   druk_raadszaak)


@raad.command()
@click.argument("zaaknummer")
@json_optie
@click.pass_obj
def toon(omgeving, zaaknummer, als_json):
    """Toon de zaak met haar politieke markten, agendapunten, besluiten en beroep."""
    toon_resultaat(omgeving.dienst("besluitvorming").raad_toon(zaaknummer), als_json, None, druk_raadszaak)
