"""`zaakstroom zienswijze …`, `zaakstroom standaardreactie …` and `zaakstroom nota`: inspraak on a zaak."""

from __future__ import annotations

from pathlib import Path

import click

from cli.opties import DATUM, handeling, json_optie, standaard_actor
from cli.uitvoer import aantal, druk_json, nl, tabel, toon_resultaat


def _intern_opties(f):
    """--intern with who asks and why: identities are shown only when asked for, with a reason, and
    every look is recorded on the zienswijze."""
    f = click.option("--reden", default=None,
                     help="Waarom u persoonsgegevens inziet; verplicht bij --intern, wordt vastgelegd.")(f)
    f = click.option("--actor", default=standaard_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
                     help="Wie dit opvraagt.")(f)
    f = click.option("--intern", is_flag=True,
                     help="Toon de identiteit van indieners (persoonsgegevens); vraagt --reden, wordt vastgelegd.")(f)
    return json_optie(f)


def _ja_nee(b: bool) -> str:
    return "ja" if b else "nee"


def _antwoord_regel(z: dict) -> str:
    a = z["antwoord"]
    if a is None:
        return "nog niet" if z["soort"] == "zienswijze" else "—"
    aanpassing = f"leidt tot aanpassing: {a['wat_gewijzigd']}" if a["leidt_tot_aanpassing"] else "geen aanpassing"
    return f"{nl(a['datum'])} door {a['door']} — {aanpassing}"


def druk_zienswijze(z: dict) -> None:
    click.secho(f"{z['aanduiding']} — kenmerk {z['kenmerk']} (zaak {z['zaaknummer']})", bold=True)
    ontvangen = nl(z["ontvangstdatum"]) + (f" (per post verzonden {nl(z['verzenddatum'])})" if z["verzenddatum"] else "")
    o = z["ontvankelijkheid"]
    regels = [
        ("Soort", f"{z['soort']}, {z['vorm']}" + (" (als overige reactie geregistreerd)" if z["informeel"] else "")),
        ("Ontvangen", ontvangen),
        ("Thema's", ", ".join(z["themas"]) or "—"),
        ("Ontvankelijk", f"{_ja_nee(o['ontvankelijk'])} ({o['uitkomst']}): {o['reden']}"),
    ]
    if "indiener" in z:
        indiener = z["indiener"]
        if isinstance(indiener, dict):
            indiener = ", ".join(v for v in indiener.values() if v)
        regels.append(("Indiener", indiener or "(geen persoonsgegevens vastgelegd)"))
    else:
        regels.append(("Persoonsgegevens", z["persoonsgegevens"] + (" (toon met --intern)"
                                                                    if z["persoonsgegevens"] == "versleuteld" else "")))
    if z["indiener_gewist"]:
        g = z["indiener_gewist"]
        regels.append(("Gewist", f"{nl(g['datum'])} door {g['door']}: {g['reden']} (identiteit, samenvatting en "
                                 "eigen reactietekst)"))
    regels.append(("Beantwoord", _antwoord_regel(z)))
    if z["antwoord"] and z["antwoord"]["vervolgacties"]:
        regels.append(("Vervolgacties", ", ".join(z["antwoord"]["vervolgacties"])))
    if z["antwoord"] and z["antwoord"]["standaardreacties"]:
        regels.append(("Standaardreacties", ", ".join(z["antwoord"]["standaardreacties"])))
    if z["brieven"]:
        regels.append(("Brieven", "; ".join(f"{b['soort']} {nl(b['datum'])}" for b in z["brieven"])))
    breedte = max(len(k) for k, _ in regels)
    for k, v in regels:
        click.echo(f"  {k.ljust(breedte)}  {v}")
    click.secho("Samenvatting", bold=True)
    click.echo("  " + z["samenvatting"].replace("\n", "\n  "))
    if z["antwoord"]:
        click.secho("Reactie", bold=True)
        click.echo("  " + z["antwoord"]["volledig"].replace("\n", "\n  "))
    if "geschiedenis" in z:
        click.secho("Geschiedenis", bold=True)
        for e in z["geschiedenis"]:
            wat = f" ({e['wat']})" if e["wat"] else ""
            reden = f" — {e['reden']}" if e["reden"] else ""
            click.echo(f"  {nl(e['datum'])}  {e['gebeurtenis']}{wat} door {e['actor']}{reden}")


def _toon(z: dict, als_json: bool, melding: str) -> None:
    toon_resultaat(z, als_json, melding, druk_zienswijze)


@click.group()
def zienswijze() -> None:
    """Zienswijzen op een zaak die ter inzage ligt of lag: indienen, beoordelen, beantwoorden."""


@zienswijze.command()
@click.argument("zaaknummer")
@click.option("--publicatie", required=True, help="Waar de kennisgeving stond, bv. \"het Hengelo's Weekblad\".")
@click.option("--ontwerp", required=True,
              help="Het ontwerp zoals de nota het noemt, bv. \"het concept van de Nota van Uitgangspunten …\".")
@click.option("--hierna", default=None, help="Korte aanduiding in de nota, bv. \"de concept NVU\".")
@click.option("--ontwerp-datum", type=DATUM, default=None,
              help="Sinds wanneer het ontwerp bestond (collegebesluit; standaard de datum van de kennisgeving). "
                   "Telt voor zienswijzen van vóór de termijn (Awb 6:10).")
@handeling
@click.pass_obj
def kennisgeving(omgeving, zaaknummer, publicatie, ontwerp, hierna, ontwerp_datum, actor, reden, datum, als_json):
    """Leg de kennisgeving van de ter inzage legging vast; --datum is de dag van publicatie."""
    d = omgeving.dienst("zienswijzen").leg_kennisgeving_vast(zaaknummer, publicatie=publicatie, ontwerp=ontwerp, hierna=hierna,
                                           ontwerp_datum=ontwerp_datum, actor=actor, datum=datum, reden=reden)
    if als_json:
        druk_json(d)
        return
    k = d["kennisgeving"]
    click.secho(f"Kennisgeving van zaak {zaaknummer} vastgelegd.", fg="green")
    click.echo(f"  {k['publicatie']}, {nl(k['datum'])}; ontwerp sinds {nl(k['ontwerp_datum'])}: {k['ontwerp']}")
    if d["ter_inzage"]:
        t = d["ter_inzage"]
        click.echo(f"  Ter inzage van {nl(t['eerste_dag'])} tot en met {nl(t['einde'])}.")


@zienswijze.command()
@click.argument("zaaknummer")
@click.option("--ontvangen", "ontvangstdatum", type=DATUM, required=True, help="Ontvangstdatum.")
@click.option("--verzonden", "verzenddatum", type=DATUM, default=None,
              help="Datum van verzending, als de zienswijze per post kwam (Awb 6:9 lid 2).")
@click.option("--vorm", type=click.Choice(["schriftelijk", "mondeling"]), default="schriftelijk", show_default=True)
@click.option("--thema", "themas", multiple=True, help="Thema; herhaal de optie voor meer dan één.")
@click.option("--samenvatting", required=True, help="Samenvatting en kern van de zienswijze.")
@click.option("--naam", default=None, help="Naam van de indiener (persoonsgegeven: versleuteld opgeslagen).")
@click.option("--adres", default=None, help="Adres van de indiener (persoonsgegeven: versleuteld opgeslagen).")
@click.option("--email", default=None, help="E-mail van de indiener (persoonsgegeven: versleuteld opgeslagen).")
@click.option("--overige-reactie", "informeel", is_flag=True,
              help="Geen zienswijze maar een overige reactie (informeel); komt niet in de nota.")
@handeling
@click.pass_obj
def indienen(omgeving, zaaknummer, ontvangstdatum, verzenddatum, vorm, themas, samenvatting, naam, adres, email,
             informeel, actor, reden, datum, als_json):
    """Registreer een zienswijze; de engine beoordeelt of zij op tijd is (Awb 6:9, 6:10).

    Een te late zienswijze, of een te vroege (ingediend voordat het ontwerp bestond),
    wordt als overige reactie vastgelegd (niet-ontvankelijk), tenzij zij later
    verschoonbaar wordt verklaard ('zienswijze verschoonbaar'). Na het raadsbesluit
    kan alleen nog een overige reactie worden geregistreerd (--overige-reactie).
    """
    z = omgeving.dienst("zienswijzen").dien_zienswijze_in(
        zaaknummer, ontvangstdatum=ontvangstdatum, verzenddatum=verzenddatum, vorm=vorm, themas=list(themas),
        samenvatting=samenvatting, indiener={"naam": naam, "adres": adres, "email": email}, informeel=informeel,
        actor=actor, datum=datum, reden=reden,
    )
    _toon(z, als_json, f"{z['soort'].capitalize()} {z['kenmerk']} geregistreerd.")


@zienswijze.command()
@click.argument("kenmerk")
@handeling
@click.pass_obj
def verschoonbaar(omgeving, kenmerk, actor, reden, datum, als_json):
    """Verklaar een zienswijze van buiten de termijn toch ontvankelijk; vraagt --reden.

    Te laat: de termijnoverschrijding is verschoonbaar (Awb 6:11). Te vroeg, ingediend
    voordat het ontwerp bestond: de indiener kon redelijkerwijs menen dat het ontwerp
    al bestond (Awb 6:10 lid 1 sub b). Welke grond geldt, volgt uit de beoordeling bij
    het indienen.
    """
    z = omgeving.dienst("zienswijzen").verklaar_verschoonbaar(kenmerk, reden=reden, actor=actor, datum=datum)
    _toon(z, als_json, f"{z['kenmerk']} verschoonbaar verklaard ({z['grondslag']}): {z['aanduiding']}.")


@zienswijze.command()
@click.argument("kenmerk")
@click.option("--reactie", default="",
              help="Eigen tekst; {{CODE}} plaatst een standaardreactie op die plek. Lege regel = nieuwe alinea.")
@click.option("--standaardreactie", "standaardreacties", multiple=True,
              help="Code van een standaardreactie die na de eigen tekst volgt; herhaalbaar.")
@click.option("--aanpassing", default=None, help="De zienswijze leidt tot aanpassing: wat verandert er.")
@click.option("--geen-aanpassing", is_flag=True, help="De zienswijze leidt niet tot aanpassing.")
@click.option("--vervolgactie", "vervolgacties", multiple=True, help="Bv. \"nader onderzoek\"; herhaalbaar.")
@handeling
@click.pass_obj
def beantwoorden(omgeving, kenmerk, reactie, standaardreacties, aanpassing, geen_aanpassing, vervolgacties,
                 actor, reden, datum, als_json):
    """Beantwoord een zienswijze; zeg altijd of zij tot aanpassing leidt."""
    if (aanpassing is None) == (not geen_aanpassing):
        raise click.UsageError("Geef precies één van --aanpassing \"wat verandert\" of --geen-aanpassing.")
    z = omgeving.dienst("zienswijzen").beantwoord_zienswijze(
        kenmerk, reactie=reactie, standaardreacties=list(standaardreacties), aanpassing=aanpassing,
        vervolgacties=list(vervolgacties), actor=actor, datum=datum, reden=reden,
    )
    _toon(z, als_json, f"{z['kenmerk']} beantwoord ({z['aanduiding']}).")


@zienswijze.command()
@click.argument("kenmerken", nargs=-1, required=True)
@click.option("--soort", type=click.Choice(["voorstel", "besluit"]), required=True,
              help="voorstel: het collegevoorstel aan de raad; besluit: het raadsbesluit.")
@handeling
@click.pass_obj
def brief(omgeving, kenmerken, soort, actor, reden, datum, als_json):
    """Leg vast dat de indieners van deze zienswijzen een brief kregen; --datum is de verzenddag.

    Een brief over het voorstel gaat vóór het raadsbesluit, een brief over het besluit erna.
    """
    rijen = omgeving.dienst("zienswijzen").registreer_brieven(list(kenmerken), soort=soort, actor=actor, datum=datum, reden=reden)
    if als_json:
        druk_json(rijen)
        return
    click.secho(f"Brief ({soort}) vastgelegd voor {aantal(len(rijen), 'indiener', 'indieners')}:", fg="green")
    for z in rijen:
        click.echo(f"  {z['kenmerk']}  {z['aanduiding']}")


@zienswijze.command()
@click.argument("zaaknummer")
@_intern_opties
@click.pass_obj
def lijst(omgeving, zaaknummer, intern, actor, reden, als_json):
    """Alle zienswijzen en overige reacties van een zaak, in volgorde van ontvangst."""
    rijen = omgeving.dienst("zienswijzen").zienswijzen_van(zaaknummer, intern=intern, actor=actor, reden=reden)
    if als_json:
        druk_json(rijen)
        return
    t = omgeving.dienst("zienswijzen").inspraak(zaaknummer)["ter_inzage"]
    if t:
        click.echo(f"Zaak {zaaknummer}: ter inzage van {nl(t['eerste_dag'])} tot en met {nl(t['einde'])} — "
                   f"{t['grondslag']}")
    if not rijen:
        click.echo(f"Zaak {zaaknummer} heeft geen zienswijzen of overige reacties.")
        return
    koppen = ["aanduiding", "kenmerk", "vorm", "thema's", "ontvankelijkheid", "beantwoord", "brieven"]
    tabel_rijen = []
    for z in rijen:
        o = z["ontvankelijkheid"]
        rij = [z["aanduiding"], z["kenmerk"], z["vorm"], ", ".join(z["themas"]) or "—",
               f"{_ja_nee(o['ontvankelijk'])} ({o['uitkomst']})", _antwoord_regel(z),
               ", ".join(f"{b['soort']} {nl(b['datum'])}" for b in z["brieven"]) or "—"]
        if intern:
            indiener = z["indiener"]
            rij.append(", ".join(v for v in indiener.values() if v) if isinstance(indiener, dict) else indiener or "—")
        tabel_rijen.append(rij)
    tabel(tabel_rijen, koppen + (["indiener"] if intern else []))
    zienswijzen = [z for z in rijen if z["soort"] == "zienswijze"]
    overig = len(rijen) - len(zienswijzen)
    aangepast = sum(1 for z in zienswijzen if z["antwoord"] and z["antwoord"]["leidt_tot_aanpassing"])
    click.echo(f"{aantal(len(zienswijzen), 'zienswijze', 'zienswijzen')}, "
               f"{aantal(overig, 'overige reactie', 'overige reacties')}; beantwoord "
               f"{sum(z['beantwoord'] for z in zienswijzen)} van {len(zienswijzen)}; leidt tot aanpassing: {aangepast}.")
    for z in rijen:
        if z["indiener_gewist"]:
            click.echo(f"Persoonsgegevens van {z['aanduiding']} ({z['kenmerk']}) gewist op "
                       f"{nl(z['indiener_gewist']['datum'])} (AVG art. 17): identiteit, samenvatting en eigen "
                       "reactietekst.")


@zienswijze.command()
@click.argument("kenmerk")
@_intern_opties
@click.pass_obj
def toon(omgeving, kenmerk, intern, actor, reden, als_json):
    """Eén zienswijze met beoordeling, reactie, brieven en geschiedenis."""
    z = omgeving.dienst("zienswijzen").zienswijze_details(kenmerk, intern=intern, actor=actor, reden=reden)
    toon_resultaat(z, als_json, None, druk_zienswijze)


@zienswijze.command("vergeet-indiener")
@click.argument("kenmerk")
@handeling
@click.pass_obj
def vergeet_indiener(omgeving, kenmerk, actor, reden, datum, als_json):
    """Wis de persoonsgegevens van de indiener (AVG art. 17) door de sleutel te vernietigen; vraagt --reden.

    Hetzelfde als 'avg vergeet KENMERK': identiteit, samenvatting en eigen reactietekst zijn daarna
    niet meer te lezen. De geschiedenis blijft intact en de nota blijft werken, met "[gewist op …]".
    """
    z = omgeving.dienst("zienswijzen").vergeet_indiener(kenmerk, reden=reden, actor=actor, datum=datum)
    _toon(z, als_json, f"Persoonsgegevens van de indiener van {z['kenmerk']} gewist.")


@click.group()
def standaardreactie() -> None:
    """Herbruikbare reactieteksten per zaak, door meerdere antwoorden geciteerd."""


@standaardreactie.command("toevoegen")
@click.argument("zaaknummer")
@click.argument("code")
@click.option("--tekst", required=True, help="De tekst; een lege regel begint een nieuwe alinea.")
@click.option("--titel", default=None, help="Korte omschrijving, bv. \"ZKA-onderzoek hotelmarkt\".")
@handeling
@click.pass_obj
def standaardreactie_toevoegen(omgeving, zaaknummer, code, tekst, titel, actor, reden, datum, als_json):
    """Voeg standaardreactie CODE toe aan de zaak (codes zijn uniek per zaak)."""
    s = omgeving.dienst("zienswijzen").voeg_standaardreactie_toe(zaaknummer, code, tekst=tekst, titel=titel, actor=actor,
                                               datum=datum, reden=reden)
    if als_json:
        druk_json(s)
        return
    click.secho(f"Standaardreactie {s['code']} toegevoegd aan zaak {zaaknummer}.", fg="green")


@standaardreactie.command("lijst")
@click.argument("zaaknummer")
@json_optie
@click.pass_obj
def standaardreactie_lijst(omgeving, zaaknummer, als_json):
    """De standaardreacties van een zaak."""
    rijen = omgeving.dienst("zienswijzen").standaardreacties(zaaknummer)
    if als_json:
        druk_json(rijen)
        return
    if not rijen:
        click.echo(f"Zaak {zaaknummer} heeft geen standaardreacties.")
        return
    for s in rijen:
        click.secho(f"{s['code']}" + (f" — {s['titel']}" if s["titel"] else ""), bold=True)
        click.echo("  " + s["tekst"].replace("\n", "\n  "))


def _bestaande_map(pad: Path | None) -> Path | None:
    """Checked before anything is generated or recorded (an --intern look is an event)."""
    if pad is not None and not pad.parent.is_dir():
        raise click.BadParameter(f"de map {pad.parent} bestaat niet.", param_hint="--uitvoer")
    return pad


@click.command()
@click.argument("zaaknummer")
@click.option("--html", "als_html", is_flag=True, help="HTML in plaats van Markdown.")
@click.option("--intern", is_flag=True,
              help="Interne versie mét identiteit van de indieners (persoonsgegevens); vraagt --reden, "
                   "de inzage wordt bij elke zienswijze vastgelegd.")
@click.option("--uitvoer", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              callback=lambda ctx, param, pad: _bestaande_map(pad),
              help="Schrijf naar dit bestand in plaats van naar het scherm.")
@click.option("--voorstel", default=None, help="Slotzin van III, bv. \"Voorgesteld wordt de NVU ter vaststelling …\".")
@handeling
@click.pass_obj
def nota(omgeving, zaaknummer, als_html, intern, uitvoer, voorstel, actor, reden, datum, als_json):
    """De Nota zienswijzen van een zaak, anoniem tenzij --intern.

    --datum is de datum van de nota (standaard vandaag): zij toont wat er op die dag was
    (zienswijzen, antwoorden, standaardreacties), en is later opnieuw gemaakt dezelfde.
    """
    from workflow.nota import stel_op
    from workflow.nota_opmaak import als_html as naar_html
    from workflow.nota_opmaak import als_markdown

    structuur = stel_op(omgeving.app, zaaknummer, datum=datum, intern=intern, actor=actor, reden=reden,
                        voorstel=voorstel)
    if als_json:
        druk_json(structuur)
        return
    tekst = naar_html(structuur) if als_html else als_markdown(structuur)
    if uitvoer is None:
        click.echo(tekst, nl=False)
        return
    try:
        uitvoer.write_text(tekst, encoding="utf-8")
    except OSError as e:
        raise click.ClickException(f"Kan de nota niet schrijven naar {uitvoer}: {e.strerror}.") from None
    click.secho(f"Nota zienswijzen van zaak {zaaknummer} geschreven naar {uitvoer}"
                + (" (INTERN: bevat persoonsgegevens)." if intern else " (anoniem)."), fg="green")
