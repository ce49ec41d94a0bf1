"""`zaakstroom overgang …`: the overgangsjaar for a contractmanager, a consulent and the
coordinator of the ontvangende aanbieder.

  overgang jaar definieer|toon|aanbieder-toevoegen      the overgangsjaar itself
  overgang genereer                                     a synthetic population (CSV)
  overgang importeer                                    the client population (CSV)
  overgang toon|toestemming|warme-overdracht|overdragen|afsluiten|uitval
  overgang verplaats|verleng|inkorten|vervolg|vergeet   one client
  overgang verwerk                                      the nightly job
  overgang monitor|signalen                             the factsheet and the clients at risk

`monitor` and `signalen` read the projection only, through plain SQL
(projections.overdracht_rapport): this module imports nothing heavy at the top.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from contextlib import ExitStack
from datetime import date

import click

from cli.opties import DATUM, handeling, json_optie, standaard_actor
from cli.uitvoer import druk_json, druk_regels, nl, tabel, toon_resultaat


def _n(x: int) -> str:
    """1.234, as Dutch documents write numbers."""
    return f"{x:,}".replace(",", ".")


def _aantal(x: int, enkelvoud: str, meervoud: str) -> str:
    return f"{_n(x)} {enkelvoud if x == 1 else meervoud}"


WETTEN = {"wmo": "Wmo 2015", "jeugdwet": "Jeugdwet"}


def jaar_optie(verplicht: bool):
    hulp = ("Het overgangsjaar (of ZAAKSTROOM_OVERGANGSJAAR)." if verplicht
            else "Alleen dit overgangsjaar (standaard: alle; of ZAAKSTROOM_OVERGANGSJAAR).")
    return click.option("--jaar", type=int, envvar="ZAAKSTROOM_OVERGANGSJAAR", required=verplicht, help=hulp)


def _dienst(omgeving):
    return omgeving.dienst("overdrachten")


@click.group()
def overgang() -> None:
    """Cliëntoverdracht in het overgangsjaar: R1 blijft, R2 gaat over, R3 direct naar de basisondersteuning."""


# --- the overgangsjaar ------------------------------------------------------------------------------


@overgang.group()
def jaar() -> None:
    """Het overgangsjaar: periode, ontvangende en latende aanbieders, waarschuwingstermijn."""


def _lees_aanbieders(pad: str | None) -> list[str]:
    if not pad:
        return []
    with open(pad, encoding="utf-8-sig") as f:
        return [r.strip() for r in f if r.strip() and not r.lstrip().startswith("#")]


@jaar.command("definieer")
@click.argument("nummer", metavar="JAAR", type=int)
@click.option("--start", type=DATUM, default=None, help="Eerste dag (standaard 1 januari van JAAR).")
@click.option("--einde", type=DATUM, default=None, help="Laatste dag (standaard 31 december van JAAR).")
@click.option("--ontvangende-aanbieder", required=True, help="Het samenwerkingsverband dat de cliënten overneemt.")
@click.option("--latende-aanbieder", "latende", multiple=True, help="Een latende aanbieder (herhaalbaar).")
@click.option("--latende-aanbieders", "latende_bestand", type=click.Path(exists=True, dir_okay=False),
              help="Bestand met een latende aanbieder per regel ('#' is commentaar).")
@click.option("--waarschuwing-dagen", type=click.IntRange(0, 731), default=60, show_default=True,
              help="Dagen voor het einde van het jaar waarin een nog niet overgedragen R2-cliënt een signaal geeft.")
@click.option("--plan-vanaf", type=DATUM, default=None, help="Eerste dag voor geplande overgangsdata "
              "(standaard een maand na de start).")
@click.option("--plan-tot", type=DATUM, default=None, help="Laatste dag voor geplande overgangsdata "
              "(standaard de dag voor de waarschuwingstermijn).")
@handeling
@click.pass_obj
def jaar_definieer(omgeving, nummer, start, einde, ontvangende_aanbieder, latende, latende_bestand, waarschuwing_dagen,
                   plan_vanaf, plan_tot, actor, reden, datum, als_json):
    """Leg het overgangsjaar JAAR vast."""
    j = _dienst(omgeving).jaar_definieer(
        jaar=nummer, start=start or date(nummer, 1, 1), einde=einde or date(nummer, 12, 31),
        ontvangende_aanbieder=ontvangende_aanbieder, latende_aanbieders=[*latende, *_lees_aanbieders(latende_bestand)],
        waarschuwing_dagen=waarschuwing_dagen, plan_vanaf=plan_vanaf, plan_tot=plan_tot, actor=actor, datum=datum,
        reden=reden)
    toon_resultaat(j, als_json, f"Overgangsjaar {nummer} vastgelegd.", druk_jaar)


@jaar.command("toon")
@click.argument("nummer", metavar="JAAR", type=int)
@json_optie
@click.pass_obj
def jaar_toon(omgeving, nummer, als_json):
    """Het overgangsjaar, de regels, de dossierregel per wet en de imports."""
    toon_resultaat(_dienst(omgeving).jaar_toon(nummer), als_json, None, druk_jaar)


@jaar.command("aanbieder-toevoegen")
@click.argument("nummer", metavar="JAAR", type=int)
@click.argument("naam")
@handeling
@click.pass_obj
def jaar_aanbieder(omgeving, nummer, naam, actor, reden, datum, als_json):
    """Voeg een latende aanbieder toe aan het overgangsjaar."""
    j = _dienst(omgeving).jaar_aanbieder_toevoegen(nummer, naam, actor=actor, datum=datum, reden=reden)
    toon_resultaat(j, als_json, f"{naam} is latende aanbieder in overgangsjaar {nummer}.", druk_jaar)


def druk_jaar(j: dict) -> None:
    click.secho(f"Overgangsjaar {j['jaar']}: {nl(j['start'])} t/m {nl(j['einde'])}", bold=True)
    if j["synthetisch"]:
        click.secho("  SYNTHETISCHE POPULATIE: gegenereerde gegevens, geen echte cliënten", fg="yellow")
    regels = [
        ("Ontvangende aanbieder", j["ontvangende_aanbieder"]),
        ("Latende aanbieders", f"{len(j['latende_aanbieders'])}: " + ", ".join(j["latende_aanbieders"][:5])
         + (" …" if len(j["latende_aanbieders"]) > 5 else "")),
        ("Overgangsdata", f"standaard gepland tussen {nl(j['plan_vanaf'])} en {nl(j['plan_tot'])}"),
        ("Waarschuwing", f"{j['waarschuwing_dagen']} dagen voor het einde (vanaf {nl(j['waarschuwing_vanaf'])})"),
        ("Producten", ", ".join(j["producten"])),
    ]
    breedte = max(len(k) for k, _ in regels)
    for k, v in regels:
        click.echo(f"  {k.ljust(breedte)}  {v}")
    click.secho("Regels", bold=True)
    for r, uitleg in j["regels"].items():
        click.echo(f"  {r}: {uitleg}")
    click.secho("Dossier bij de overdracht", bold=True)
    for wet, d in j["dossier"].items():
        click.echo(f"  {wet}: {d['grondslag']}")
        if d.get("te_bevestigen"):
            click.secho(f"    {d['te_bevestigen']}", fg="yellow")
    for i in j["imports"]:
        nieuw = ", ".join(f"{r} {_n(n)}" for r, n in i["nieuw"].items())
        click.echo(f"  import {nl(i['datum'])}: {i['bestand']}{' (synthetisch)' if i['synthetisch'] else ''}, "
                   f"{_n(sum(i['nieuw'].values()))} nieuw ({nieuw}), {_n(i['afgewezen'])} afgewezen")


# --- the population ---------------------------------------------------------------------------------


@overgang.command()
@click.option("--uitvoer", type=click.Path(dir_okay=False, writable=True), required=True, help="Het CSV-bestand.")
@click.option("--aantal", type=click.IntRange(1, 2_000_000), default=None,
              help="Aantal cliënten (standaard 9.470: Hengelo-schaal, ~7.300 Wmo en ~2.170 Jeugd).")
@click.option("--seed", type=int, default=1, show_default=True, help="Zelfde seed, zelfde populatie.")
@click.option("--jaar", "nummer", type=int, default=2025, show_default=True, help="Het overgangsjaar.")
@click.option("--fouten", type=click.IntRange(0, 10_000), default=0, show_default=True,
              help="Zoveel opzettelijk foute regels erbij (om de controle te laten zien).")
@click.option("--aanbieders-uitvoer", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Schrijf ook de latende aanbieders, één per regel (voor 'overgang jaar definieer').")
@click.option("--datumnotatie", type=click.Choice(["nl", "iso"]), default="nl", show_default=True)
@click.option("--plan", is_flag=True, help="Met een kolom overgangsdatum: een planning voor de R2-cliënten.")
@json_optie
def genereer(uitvoer, aantal, seed, nummer, fouten, aanbieders_uitvoer, datumnotatie, plan, als_json):
    """Schrijf een SYNTHETISCHE cliëntpopulatie (geen echte personen) als CSV voor 'overgang importeer'."""
    from workflow.overdracht_generator import STANDAARD_AANTAL, aanbieders_tekst
    from workflow.overdracht_generator import genereer as maak

    p = maak(aantal=aantal or STANDAARD_AANTAL, seed=seed, jaar=nummer, fouten=fouten, datumnotatie=datumnotatie,
             plan=plan)
    with open(uitvoer, "w", encoding="utf-8", newline="") as f:
        f.write(p.tekst)
    if aanbieders_uitvoer:
        with open(aanbieders_uitvoer, "w", encoding="utf-8") as f:
            f.write(aanbieders_tekst(p.aanbieders))
    uit = {"uitvoer": uitvoer, "aantal": p.aantal, "fouten": p.fouten, "seed": seed, "jaar": nummer,
           "aanbieders": len(p.aanbieders), "aanbieders_uitvoer": aanbieders_uitvoer, "synthetisch": True}
    if als_json:
        druk_json(uit)
        return
    click.secho(f"SYNTHETISCHE populatie geschreven naar {uitvoer}: {_n(p.aantal)} cliënten (SYN-…), "
                f"{len(p.aanbieders)} verzonnen latende aanbieders"
                + (f", {p.fouten} opzettelijk foute regels" if p.fouten else "") + f" (seed {seed}).", fg="green")


def _voortgangsbalk(als_json: bool) -> bool:
    """Only for a person at a terminal: not with --json, not in CI, not when stderr is redirected."""
    return not als_json and sys.stderr.isatty() and not os.environ.get("CI")


@overgang.command()
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False))
@jaar_optie(verplicht=True)
@click.option("--batch", "batchgrootte", type=click.IntRange(1, 100_000), default=None,
              help="Cliënten per transactie (standaard 1.000; PostgreSQL ten hoogste 250).")
@handeling
@click.pass_obj
def importeer(omgeving, bestand, jaar, batchgrootte, actor, reden, datum, als_json):
    """Importeer de cliëntpopulatie uit BESTAND (CSV): elke regel gecontroleerd, R1/R2/R3 ingedeeld.

    Kolommen: client (pseudoniem), wet (Wmo/Jeugdwet), product, indicatie_start, indicatie_einde,
    latende_aanbieder (leeg: nieuwe hulpvraag), toestemming (ja/nee/leeg), overgangsdatum (R2, optioneel).
    Nog eens importeren maakt niets dubbel; een afgebroken import maakt de volgende af.
    """
    from workflow.overdrachten import BATCHGROOTTE

    with open(bestand, "rb") as f:
        inhoud = f.read()
    with ExitStack() as stapel:
        balk = None

        def begin(n: int) -> None:
            nonlocal balk
            if _voortgangsbalk(als_json) and n:
                balk = stapel.enter_context(click.progressbar(length=n, label="Importeren", file=sys.stderr))

        def voortgang(k: int) -> None:
            if balk is not None:
                balk.update(k)

        u = _dienst(omgeving).importeer(jaar, inhoud, bestand, actor=actor, datum=datum,
                                        batchgrootte=batchgrootte or BATCHGROOTTE, voortgang=voortgang, begin=begin)
    if als_json:
        druk_json(u)
        return
    nieuw = ", ".join(f"{r} {_n(n)}" for r, n in u["nieuw"].items())
    if u["vastgelegd"]:
        click.secho(f"Populatie geïmporteerd in overgangsjaar {jaar}: {_n(u['nieuw_totaal'])} nieuw ({nieuw}), "
                    f"{_n(u['al_aanwezig'])} al aanwezig, {_n(len(u['afgewezen']))} afgewezen.", fg="green")
    else:
        click.secho(f"Niets nieuws: {_n(u['al_aanwezig'])} cliënten stonden er al, {_n(len(u['afgewezen']))} afgewezen; "
                    "niets vastgelegd.", fg="yellow")
    click.echo(f"  {u['bestand']}{' (SYNTHETISCH)' if u['synthetisch'] else ''}: {_n(u['gelezen'])} regels gelezen, "
               f"{u['codering']}, scheidingsteken '{u['scheidingsteken']}', {u['batches']} batches van ten hoogste "
               f"{_n(u['batchgrootte'])}")
    if u["afgewezen"]:
        click.secho("Afgewezen regels:", bold=True)
        for a in u["afgewezen"][:100]:
            click.echo(f"  regel {a['regel']}: {a['reden']}")
        if len(u["afgewezen"]) > 100:
            click.echo(f"  … en nog {len(u['afgewezen']) - 100} (alle met --json)")


# --- one client -----------------------------------------------------------------------------------


def _toon(c: dict, als_json: bool, melding: str | None) -> None:
    toon_resultaat(c, als_json, melding, druk_client)


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@json_optie
@click.pass_obj
def toon(omgeving, client, jaar, als_json):
    """De overdracht van CLIENT: regel, status, toestemming, dossier en geschiedenis."""
    _toon(_dienst(omgeving).toon(jaar, client), als_json, None)


@overgang.command()
@click.argument("client")
@click.argument("actie", type=click.Choice(["vragen", "gegeven", "geweigerd"]))
@jaar_optie(verplicht=True)
@handeling
@click.pass_obj
def toestemming(omgeving, client, actie, jaar, actor, reden, datum, als_json):
    """Toestemming voor de overdracht van het dossier: vragen, gegeven of geweigerd."""
    c = _dienst(omgeving).toestemming(jaar, client, actie, actor=actor, datum=datum, reden=reden)
    _toon(c, als_json, {"vragen": "Toestemming gevraagd.", "gegeven": "Toestemming gegeven.",
                        "geweigerd": "Toestemming geweigerd: het dossier gaat niet mee."}[actie])


@overgang.command("warme-overdracht")
@click.argument("client")
@jaar_optie(verplicht=True)
@click.option("--aanwezig", multiple=True, required=True,
              help="Wie er was, als rol (herhaalbaar): client, ouder, wettelijk-vertegenwoordiger, mantelzorger, "
                   "clientondersteuner, latende-aanbieder, ontvangende-aanbieder, consulent. Geen namen.")
@handeling
@click.pass_obj
def warme_overdracht(omgeving, client, jaar, aanwezig, actor, reden, datum, als_json):
    """Leg de warme overdracht vast: latende en ontvangende aanbieder met de cliënt aan tafel."""
    c = _dienst(omgeving).warme_overdracht(jaar, client, aanwezigen=list(aanwezig), actor=actor, datum=datum,
                                           reden=reden)
    _toon(c, als_json, "Warme overdracht vastgelegd.")


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@click.option("--noodzakelijk", default=None,
              help="Jeugdwet: waarom het dossier zonder toestemming noodzakelijk is voor de jeugdhulp "
                   "(art. 7.4.0 lid 1; versleuteld vastgelegd).")
@handeling
@click.pass_obj
def overdragen(omgeving, client, jaar, noodzakelijk, actor, reden, datum, als_json):
    """Draag CLIENT over; het dossier gaat alleen mee met de grondslag van de wet (zie 'overgang jaar toon')."""
    c = _dienst(omgeving).overdragen(jaar, client, noodzakelijk=noodzakelijk, actor=actor, datum=datum, reden=reden)
    melding = ("Overgedragen, met dossier." if c["dossier_overgedragen"]
               else f"Overgedragen ZONDER dossier: {c['dossier_grond']}.")
    _toon(c, als_json, melding)


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@handeling
@click.pass_obj
def afsluiten(omgeving, client, jaar, actor, reden, datum, als_json):
    """Sluit de overdracht af na de overdracht."""
    _toon(_dienst(omgeving).afsluiten(jaar, client, actor=actor, datum=datum, reden=reden), als_json, "Afgesloten.")


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@click.option("--oorzaak", type=click.Choice(["ziet-af", "verhuisd", "overleden"]), required=True,
              help="Waarom de overdracht niet doorgaat.")
@handeling
@click.pass_obj
def uitval(omgeving, client, jaar, oorzaak, actor, reden, datum, als_json):
    """Uitval: de cliënt ziet af, verhuist of overlijdt; de overdracht eindigt."""
    c = _dienst(omgeving).uitval(jaar, client, oorzaak=oorzaak, actor=actor, datum=datum, reden=reden)
    _toon(c, als_json, f"Uitgevallen ({oorzaak}).")


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@click.option("--overgangsdatum", type=DATUM, required=True, help="De nieuwe overgangsdatum.")
@handeling
@click.pass_obj
def verplaats(omgeving, client, jaar, overgangsdatum, actor, reden, datum, als_json):
    """Wijzig de overgangsdatum van een R2-cliënt; vraagt --reden (blijft zichtbaar in de geschiedenis)."""
    c = _dienst(omgeving).verplaats(jaar, client, overgangsdatum=overgangsdatum, actor=actor, reden=reden, datum=datum)
    _toon(c, als_json, f"Overgangsdatum is nu {nl(c['overgangsdatum'])}.")


def _indicatie_melding(c: dict) -> str:
    [*_, laatste] = [g for g in c["geschiedenis"] if g["gebeurtenis"] == "indicatie gewijzigd"]
    d = laatste["details"]
    tekst = f"Einddatum {nl(d['oude_einddatum'])} → {nl(d['nieuwe_einddatum'])} ({d['soort']})"
    if d["oude_regel"] != d["nieuwe_regel"]:
        tekst += f"; HERINGEDEELD van {d['oude_regel']} naar {d['nieuwe_regel']}"
        if c["overgangsdatum"]:
            tekst += f", overdracht gepland op {nl(c['overgangsdatum'])}"
    return tekst + "."


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@click.option("--einddatum", type=DATUM, required=True, help="De nieuwe (latere) einddatum van de indicatie.")
@click.option("--overgangsdatum", type=DATUM, default=None,
              help="Bij een herindeling van R1 naar R2: de geplande overgangsdatum (standaard volgens het plan).")
@handeling
@click.pass_obj
def verleng(omgeving, client, jaar, einddatum, overgangsdatum, actor, reden, datum, als_json):
    """Verleng de indicatie; voorbij het einde van het overgangsjaar wordt een R1-cliënt R2. Vraagt --reden."""
    c = _dienst(omgeving).wijzig_einddatum(jaar, client, einddatum=einddatum, verlengen=True, actor=actor, reden=reden,
                                           overgangsdatum=overgangsdatum, datum=datum)
    _toon(c, als_json, _indicatie_melding(c))


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@click.option("--einddatum", type=DATUM, required=True, help="De nieuwe (eerdere) einddatum van de indicatie.")
@handeling
@click.pass_obj
def inkorten(omgeving, client, jaar, einddatum, actor, reden, datum, als_json):
    """Kort de indicatie in; binnen het overgangsjaar wordt een R2-cliënt R1. Vraagt --reden."""
    c = _dienst(omgeving).wijzig_einddatum(jaar, client, einddatum=einddatum, verlengen=False, actor=actor,
                                           reden=reden, datum=datum)
    _toon(c, als_json, _indicatie_melding(c))


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@click.option("--uitkomst", type=click.Choice(["basisondersteuning", "geen"]), required=True,
              help="Na een R1-indicatie: door naar de basisondersteuning, of geen ondersteuning meer nodig.")
@handeling
@click.pass_obj
def vervolg(omgeving, client, jaar, uitkomst, actor, reden, datum, als_json):
    """Leg vast wat er na het einde van een R1-indicatie komt."""
    c = _dienst(omgeving).vervolg(jaar, client, vervolg=uitkomst, actor=actor, datum=datum, reden=reden)
    _toon(c, als_json, f"Vervolg: {uitkomst}.")


@overgang.command()
@click.argument("client")
@jaar_optie(verplicht=True)
@handeling
@click.pass_obj
def vergeet(omgeving, client, jaar, actor, reden, datum, als_json):
    """Wis de persoonsgegevens van CLIENT (AVG art. 17) door de sleutel te vernietigen; vraagt --reden.

    Kan als de overdracht is afgerond. Pseudoniem en redenen worden onleesbaar; de tellingen blijven.
    """
    c = _dienst(omgeving).vergeet(jaar, client, reden=reden, actor=actor, datum=datum)
    _toon(c, als_json, "Persoonsgegevens gewist: pseudoniem en redenen zijn onleesbaar, de monitor telt de cliënt mee.")


def druk_client(c: dict) -> None:
    click.secho(f"Cliënt {c['client']} — overgangsjaar {c['jaar']}, {c['regel']}: {c['regel_uitleg']}", bold=True)
    regels = [
        ("Wet, product", f"{WETTEN.get(c['wet'], c['wet'])}, {c['product']}"),
        ("Latende aanbieder", c["latende_aanbieder"] or "— (nieuwe hulpvraag)"),
        ("Indicatie", f"{nl(c['indicatie_start'])} t/m {nl(c['einddatum'])}"),
        ("Status", f"{c['status_titel']} [{c['status']}] sinds {nl(c['status_sinds'])}"),
    ]
    if c["overgangsdatum"]:
        regels.append(("Overgangsdatum", nl(c["overgangsdatum"])))
    regels.append(("Toestemming", f"{c['toestemming']} sinds {nl(c['toestemming_sinds'])}" if c["toestemming"]
                   else "niet vastgelegd"))
    if c["warme_overdracht"]:
        regels.append(("Warme overdracht", f"{nl(c['warme_overdracht']['datum'])}, aanwezig: "
                                           f"{', '.join(c['warme_overdracht']['aanwezigen'])}"))
    if c["overgedragen_op"]:
        dossier = "met dossier" if c["dossier_overgedragen"] else "ZONDER dossier"
        regels.append(("Overgedragen", f"{nl(c['overgedragen_op'])}, {dossier}: {c['dossier_grond']}"))
    if c["vervolg"]:
        regels.append(("Vervolg", c["vervolg"]))
    if c["uitval"]:
        regels.append(("Uitval", f"{nl(c['uitval']['datum'])}: {c['uitval']['oorzaak']}"))
    if c["gewist"]:
        regels.append(("Gewist", f"op {nl(c['gewist'])}: pseudoniem en redenen onleesbaar"))
    breedte = max(len(k) for k, _ in regels)
    for k, v in regels:
        click.echo(f"  {k.ljust(breedte)}  {v}")
    click.secho("Geschiedenis", bold=True)
    druk_regels(c["geschiedenis"])  # the one audit line format (workflow.audit)
    if c["volgende_stappen"]:
        click.secho("Volgende stappen", bold=True)
        for s in c["volgende_stappen"]:
            click.echo(f"  {s['titel']}   [zaakstroom {s['commando']}]")


# --- the nightly job ---------------------------------------------------------------------------------


@overgang.command()
@click.option("--tot", type=DATUM, required=True, help="Verwerk wat tot en met deze dag opeisbaar is.")
@jaar_optie(verplicht=False)
@click.option("--actor", default=standaard_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
              help="Wie (welke taak) dit doet.")
@json_optie
@click.pass_obj
def verwerk(omgeving, tot, jaar, actor, als_json):
    """Nachtelijke taak: R1-indicaties op hun einddatum beëindigen, verstreken overgangsdata en
    niet-overgedragen R2-cliënten na het jaar als signaal vastleggen. Twee keer draaien verandert niets meer."""
    from uuid import UUID

    from projections.lezer import Lezer
    from projections.overdracht_rapport import te_verwerken
    from projections.runner import werk_bij

    werk_bij(omgeving.opslag, namen=["overdrachten"])  # what it reads, not every projection
    with Lezer(omgeving.opslag) as lezer:
        ids = te_verwerken(lezer, tot, jaar)
    u = _dienst(omgeving).verwerk([UUID(i) for i in ids], tot=tot, actor=actor)
    if als_json:
        druk_json(u)
        return
    if not u["gewijzigd"]:
        click.secho(f"Niets (meer) te verwerken tot en met {nl(tot)}: alles was al verwerkt.", fg="yellow")
        return
    s = u["gesignaleerd"]
    click.secho(f"Verwerkt tot en met {nl(tot)}: {_n(u['beeindigd'])} R1-indicaties beëindigd; signalen vastgelegd: "
                f"{_n(s['overgangsdatum_verstreken'])} overgangsdatum verstreken, {_n(s['jaar_verstreken'])} niet "
                f"overgedragen in het jaar ({_n(u['gewijzigd'])} cliënten).", fg="green")


# --- the monitor and the signal list -------------------------------------------------------------------


def _lees_bij(omgeving, als_json: bool):
    """A reader on the projection, caught up first only when it is behind (the check is one query)."""
    from projections.lezer import Lezer

    lezer = Lezer(omgeving.opslag)
    achter = lezer.achterstand()
    if achter:
        from projections.runner import werk_bij

        werk_bij(omgeving.opslag, namen=["overdrachten"])  # what the reports read
        if not als_json:
            click.echo(f"(projectie bijgewerkt: {_aantal(achter, 'nieuwe gebeurtenis', 'nieuwe gebeurtenissen')})",
                       err=True)
    return lezer


def _csv(kop: list[str], rijen: list[list]) -> None:
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", lineterminator="\n")
    w.writerow(kop)
    w.writerows([[x.isoformat() if isinstance(x, date) else ("" if x is None else x) for x in r] for r in rijen])
    click.echo(uit.getvalue(), nl=False)


@overgang.command()
@click.option("--per", type=DATUM, default=None, help="Peildatum (standaard vandaag).")
@jaar_optie(verplicht=False)
@click.option("--toestemming-dagen", type=click.IntRange(0, 3650), default=14, show_default=True,
              help="Na zoveel dagen wachten op toestemming telt een cliënt als risico.")
@click.option("--top", type=click.IntRange(1, 10_000), default=None,
              help="Toon alleen de N grootste latende aanbieders (de rest opgeteld); --csv en --json geven alles.")
@click.option("--csv", "als_csv", is_flag=True,
              help="Alle cijfers als CSV (jaar;peildatum;onderdeel;categorie;maat;aantal).")
@json_optie
@click.pass_obj
def monitor(omgeving, per, jaar, toestemming_dagen, top, als_csv, als_json):
    """De factsheet van het overgangsjaar, uit de projectie: per regel, per latende aanbieder, per maand,
    aangepaste data, toestemming, wie levert (P×Q of lumpsum) en de risico's."""
    from projections.overdracht_rapport import monitor as cijfers

    per = per or date.today()
    with _lees_bij(omgeving, als_json or als_csv) as lezer:
        m = cijfers(lezer, per, toestemming_dagen=toestemming_dagen, jaar=jaar)
    if als_json:
        druk_json(m)
    elif als_csv:
        _csv(["jaar", "peildatum", "onderdeel", "categorie", "maat", "aantal"], list(_monitor_plat(m)))
    elif not m:
        click.echo("Geen overgangsjaar in de projectie ('overgang jaar definieer', dan 'overgang importeer').")
    else:
        for f in m:
            druk_monitor(f, top)


def _monitor_plat(m: list[dict]):
    for f in m:
        j, p = f["jaar"], f["per"]
        for r, maten in f["per_regel"].items():
            for k, v in maten.items():
                yield [j, p, "per_regel", r, k, v]
        for w, maten in f["per_wet"].items():
            for k, v in maten.items():
                yield [j, p, "per_wet", w, k, v]
        for a in f["per_aanbieder"]:
            for k, v in a.items():
                if k != "aanbieder":
                    yield [j, p, "per_aanbieder", a["aanbieder"], k, v]
        for mnd in f["per_maand"]:
            for k, v in mnd.items():
                if k != "maand":
                    yield [j, p, "per_maand", mnd["maand"], k, v]
        for k, v in f["aangepast"].items():
            yield [j, p, "aangepast", "", k, v]
        for w, maten in f["toestemming"]["nog_niet_over_per_wet"].items():
            for k, v in maten.items():
                yield [j, p, "toestemming_nog_niet_over", w, k, v]
        for k in ("overgedragen_met_dossier", "overgedragen_zonder_dossier", "wmo_zonder_toestemming_nog_niet_over"):
            yield [j, p, "toestemming", "", k, f["toestemming"][k]]
        for soort, maten in f["levering"].items():
            for k, v in maten.items():
                yield [j, p, "levering", soort, k, v]
        for k, v in f["risico"].items():
            if k != "waarschuwing_vanaf":
                yield [j, p, "risico", "", k, v]
        yield [j, p, "populatie", "synthetisch" if f["synthetisch"] else "", "clienten", f["clienten"]]


def _grootste(aanbieders: list[dict], top: int | None) -> list[dict]:
    """The `top` largest latende aanbieders by clients, the others summed in one row."""
    if top is None or len(aanbieders) <= top:
        return aanbieders
    op_grootte = sorted(aanbieders, key=lambda a: (-(a["R1"] + a["R2"]), a["aanbieder"]))
    rest = op_grootte[top:]
    overig = {k: sum(a[k] for a in rest) for k in rest[0] if k != "aanbieder"}
    return [*op_grootte[:top], {"aanbieder": f"overige {len(rest)} aanbieders", **overig}]


def druk_monitor(f: dict, top: int | None = None) -> None:
    click.secho(f"Monitor overgangsjaar {f['jaar']} ({nl(f['start'])} t/m {nl(f['einde'])}), stand per {nl(f['per'])}",
                bold=True)
    if f["synthetisch"]:
        click.secho("SYNTHETISCHE POPULATIE: gegenereerde gegevens, geen echte cliënten", fg="yellow")
    click.echo(f"{_n(f['clienten'])} cliënten van {f['latende_aanbieders']} latende aanbieders; ontvangende aanbieder "
               f"{f['ontvangende_aanbieder']}" + (f"; {_n(f['gewist'])} met gewiste gegevens (meegeteld)" if f["gewist"]
                                                  else ""))
    click.secho("\nPer regel", bold=True)
    uitleg = {"R1": "blijft tot einddatum", "R2": "gaat over in het jaar", "R3": "direct basisondersteuning"}
    tabel([[r, uitleg.get(r, ""), _n(m["aantal"]), _n(m["lopend_r1"]) if r == "R1" else "",
            _n(m["beeindigd_r1"]) if r == "R1" else "", _n(m["overgedragen"]) if r == "R2" else "",
            _n(m["nog_niet_over"]) if r == "R2" else "", _n(m["uitgevallen"])] for r, m in f["per_regel"].items()],
          ["regel", "", "cliënten", "lopend", "beëindigd", "overgedragen", "nog niet over", "uitgevallen"])
    lv = f["levering"]
    click.secho(f"\nWie levert per {nl(f['per'])}", bold=True)
    tabel([["P×Q: latende aanbieders (overgangsrecht)", _n(lv["pxq"]["totaal"]),
            f"R1 lopend {_n(lv['pxq']['R1_lopend'])}, R2 nog niet over {_n(lv['pxq']['R2_nog_niet_over'])}"],
           [f"Lumpsum: {f['ontvangende_aanbieder']}", _n(lv["lumpsum"]["totaal"]),
            f"R2 overgedragen {_n(lv['lumpsum']['R2_overgedragen'])}, R3 {_n(lv['lumpsum']['R3'])}, R1 na einddatum "
            f"naar basisondersteuning {_n(lv['lumpsum']['R1_na_einddatum_basisondersteuning'])}"],
           ["Geen levering", _n(sum(lv["geen"].values())),
            f"uitgevallen {_n(lv['geen']['uitgevallen'])}, R1 beëindigd zonder basisondersteuning "
            f"{_n(lv['geen']['R1_beeindigd_overig'])}, R3 nog niet gestart {_n(lv['geen']['R3_nog_niet_gestart'])}"]],
          ["", "cliënten", "waarvan"])
    click.secho("\nR2 per maand (gepland volgens het huidige plan)", bold=True)
    tabel([[mnd["maand"], _n(mnd["gepland"]), _n(mnd["overgedragen"]), _n(mnd["uitgevallen"]),
            "—" if mnd["nog_te_gaan"] is None else _n(mnd["nog_te_gaan"])] for mnd in f["per_maand"]],
          ["maand", "gepland", "overgedragen", "uitgevallen", "nog te gaan (eind maand)"])
    click.secho("\nPer latende aanbieder", bold=True)
    tabel([[a["aanbieder"], _n(a["R1"]), _n(a["R1_lopend"]), _n(a["R2"]), _n(a["R2_overgedragen"]),
            _n(a["R2_nog_niet_over"]), _n(a["uitgevallen"]), _n(a["overgangsdatum_verstreken"])]
           for a in _grootste(f["per_aanbieder"], top)],
          ["latende aanbieder", "R1", "R1 lopend", "R2", "R2 over", "R2 nog niet", "uitgevallen", "datum verstreken"])
    a, t = f["aangepast"], f["toestemming"]
    click.secho("\nAangepast (met reden, zichtbaar in de geschiedenis)", bold=True)
    click.echo(f"  overgangsdatum gewijzigd: {_aantal(a['overgangsdatum_gewijzigd_clienten'], 'cliënt', 'cliënten')} "
               f"({_aantal(a['overgangsdatum_wijzigingen'], 'wijziging', 'wijzigingen')}); "
               "indicatie verlengd of ingekort: "
               f"{_n(a['indicatie_gewijzigd_clienten'])}; heringedeeld R1→R2 {_n(a['heringedeeld_r1_naar_r2'])}, "
               f"R2→R1 {_n(a['heringedeeld_r2_naar_r1'])}")
    click.secho("\nToestemming (R2, nog niet overgedragen)", bold=True)
    for wet, m in t["nog_niet_over_per_wet"].items():
        click.echo(f"  {WETTEN.get(wet, wet)}: gegeven {_n(m['gegeven'])}, gevraagd {_n(m['gevraagd'])}, "
                   f"geweigerd {_n(m['geweigerd'])}, "
                   f"onbekend {_n(m['onbekend'])}")
    click.echo(f"  Wmo zonder toestemming, nog niet over: {_n(t['wmo_zonder_toestemming_nog_niet_over'])}; "
               f"overgedragen met dossier {_n(t['overgedragen_met_dossier'])}, zonder dossier "
               f"{_n(t['overgedragen_zonder_dossier'])}")
    r = f["risico"]
    click.secho("\nRisico's ('overgang signalen' voor de cliënten)", bold=True)
    click.echo(f"  overgangsdatum verstreken, niet over: {_n(r['overgangsdatum_verstreken'])}; R1 beëindigd zonder "
               f"vervolg: {_n(r['r1_zonder_vervolg'])}; wacht > {r['toestemming_dagen']} dagen op toestemming: "
               f"{_n(r['wacht_op_toestemming'])}; in de waarschuwingstermijn (vanaf {nl(r['waarschuwing_vanaf'])}): "
               f"{_n(r['einde_jaar_nadert'])}; niet over in het jaar: {_n(r['niet_over_in_jaar'])}")


@overgang.command()
@click.option("--per", type=DATUM, default=None, help="Peildatum (standaard vandaag).")
@jaar_optie(verplicht=False)
@click.option("--toestemming-dagen", type=click.IntRange(0, 3650), default=14, show_default=True,
              help="Na zoveel dagen wachten op toestemming is een cliënt in gevaar.")
@click.option("--aanbieder", default=None, help="Alleen de cliënten van deze latende aanbieder.")
@click.option("--csv", "als_csv", is_flag=True, help="Een regel per signaal, als CSV.")
@json_optie
@click.pass_obj
def signalen(omgeving, per, jaar, toestemming_dagen, aanbieder, als_csv, als_json):
    """Niemand tussen wal en schip: elke cliënt die op de peildatum risico loopt, uit de projectie."""
    from projections.overdracht_rapport import SIGNAALSOORTEN
    from projections.overdracht_rapport import signalen as lijst

    per = per or date.today()
    with _lees_bij(omgeving, als_json or als_csv) as lezer:
        rijen = lijst(lezer, per, toestemming_dagen=toestemming_dagen, jaar=jaar, aanbieder=aanbieder)
    if als_json:
        druk_json(rijen)
        return
    if als_csv:
        _csv(["jaar", "client", "wet", "product", "regel", "latende_aanbieder", "status", "einddatum",
              "overgangsdatum", "signaal", "sinds", "toelichting"],
             [[r["jaar"], r["client"], r["wet"], r["product"], r["regel"], r["latende_aanbieder"], r["status"],
               r["einddatum"], r["overgangsdatum"], s["soort"], s["sinds"], s["toelichting"]]
              for r in rijen for s in r["signalen"]])
        return
    if not rijen:
        click.secho(f"Geen cliënten{f' van {aanbieder}' if aanbieder else ''} in gevaar per {nl(per)}.", fg="green")
        return
    tabel([[r["client"], r["wet"], r["regel"], r["latende_aanbieder"] or "—", nl(r["overgangsdatum"])
            if r["overgangsdatum"] else "—", nl(r["einddatum"]), "; ".join(s["toelichting"] for s in r["signalen"])]
           for r in rijen],
          ["cliënt", "wet", "regel", "latende aanbieder", "overgangsdatum", "einddatum", "signaal"])
    tellingen = {k: sum(1 for r in rijen if any(s["soort"] == k for s in r["signalen"])) for k in SIGNAALSOORTEN}
    wie = f" van {aanbieder}" if aanbieder else ""
    click.secho(f"\n{_n(len(rijen))} cliënten{wie} in gevaar per {nl(per)}: "
                + "; ".join(f"{SIGNAALSOORTEN[k]} {_n(n)}" for k, n in tellingen.items() if n), bold=True)
