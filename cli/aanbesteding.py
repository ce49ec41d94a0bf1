"""`zaakstroom aanbesteding …`: what an inkoper and a contractmanager do with a tender.

Every command prints the raad's view afterwards (no candidate names or scores
before the definitive award); `toon` and `tijdlijn` show everything only with
--vertrouwelijk and a --reden, a look recorded on the aanbesteding with the actor.
"""

from __future__ import annotations

import math

from collections.abc import Callable

import click

from cli.opties import DATUM, handeling, json_optie, standaard_actor
from cli.uitvoer import druk_json, druk_regels, nl, tabel, toon_resultaat


class Score(click.ParamType):
    """A score as people write it: 87, 87.5 or 87,5."""

    name = "score"

    def convert(self, value, param, ctx) -> float:
        if isinstance(value, float):
            return value
        try:
            score = float(str(value).replace(",", "."))
        except ValueError:
            self.fail(f"{value!r} is geen getal; bijvoorbeeld 87 of 87,5.", param, ctx)
        if not math.isfinite(score) or score < 0:
            self.fail(f"{value!r} is geen score; een score is een getal van 0 of meer, bijvoorbeeld 87,5.", param, ctx)
        return score


SCORE = Score()


def perceel_optie(f):
    return click.option("--perceel", default=None,
                        help="Het perceel; weg te laten als de aanbesteding er één heeft.")(f)


# --- printing -------------------------------------------------------------------------


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _voer_uit(actie: Callable[..., dict], *args, melding: str | Callable[[dict], str], als_json: bool,
              **kwargs) -> None:
    """Run one use-case and print what it returns: JSON, or `melding` and each perceel's phase.

    `melding` is the line for people, or makes it from the returned view.
    """
    w = actie(*args, **kwargs)
    toon_resultaat(w, als_json, melding(w) if callable(melding) else melding, _druk_percelen)


def _druk_percelen(w: dict) -> None:
    for p in w["percelen"]:
        click.echo(f"  Perceel {p['perceel']}: {p['fase_titel']} [{p['fase']}] sinds {nl(p['fase_sinds'])}")


def _waarde(v) -> str:
    if isinstance(v, list):
        return (" | " if any("," in str(x) for x in v) else ", ").join(_waarde(x) for x in v)
    if isinstance(v, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_waarde(x)}" for k, x in v.items())
    if hasattr(v, "isoformat"):
        return nl(v)
    if isinstance(v, bool):
        return "ja" if v else "nee"
    return str(v)


def _regels(regels: list[tuple[str, str]], inspringen: str = "  ") -> None:
    breedte = max(len(k) for k, _ in regels)
    for k, v in regels:
        click.echo(f"{inspringen}{k.ljust(breedte)}  {v}")


def druk_aanbesteding(w: dict) -> None:
    click.secho(f"Aanbesteding {w['kenmerk']} — {w['titel']}", bold=True)
    _regels([
        ("Procedure", f"{w['procedure_titel']} ({w['procedure']} v{w['procedure_versie']})"),
        ("Geregistreerd", f"met ingang van {nl(w['startdatum'])}"),
        ("Dialoog", f"ten hoogste {_aantal(w['max_kandidaten'], 'kandidaat', 'kandidaten')} per perceel"),
        ("Contract", w["looptijd"]),
        ("Weergave", "VERTROUWELIJK: volledig, met namen en scores" if w["vertrouwelijk"]
         else "voor de raad: fasen en data; namen pas na de definitieve gunning"),
        *([("Stand per", f"{nl(w['per'])} ({w['gebeurtenissen_meegeteld']} van {w['gebeurtenissen_totaal']} "
                         "gebeurtenissen)")] if "gebeurtenissen_meegeteld" in w else []),
    ])
    if w["marktconsultaties"]:
        click.secho("Marktconsultatie", bold=True)
        for m in w["marktconsultaties"]:
            click.echo(f"  {nl(m['datum'])}: {m['omschrijving']}, {_aantal(m['deelnemers'], 'deelnemer', 'deelnemers')}")
    for p in w["percelen"]:
        _druk_perceel(w, p)


def _druk_perceel(w: dict, p: dict) -> None:
    click.secho(f"Perceel {p['perceel']} — {p['fase_titel']} [{p['fase']}] sinds {nl(p['fase_sinds'])}", bold=True)
    regels = [(stap, nl(d)) for stap, d in p["datums"].items()]
    if p["inschrijving_sluit"]:
        regels.append(("inschrijving sluit", f"uiterlijk {nl(p['inschrijving_sluit'])}"))
    if s := p["standstill"]:
        regels.append(("standstill", f"{nl(s['eerste_dag'])} t/m {nl(s['einde'])} "
                                     f"({'verstreken' if s['verstreken'] else 'loopt'}); {s['grondslag']}"))
    if p.get("kort_geding"):
        eiser = f" door {p['kort_geding']['eiser']}" if "eiser" in p["kort_geding"] else ""
        regels.append(("kort geding", f"aanhangig sinds {nl(p['kort_geding']['sinds'])}{eiser}: gunning opgeschort"))
    for u in p.get("uitspraken", []):
        regels.append(("uitspraak", f"{nl(u['datum'])}: vordering {u['vordering']}"))
    a = p["aantallen"]
    regels.append(("kandidaten", f"{a['aangemeld']} aangemeld, {a['toegelaten']} toegelaten, {a['afgewezen']} afgewezen, "
                                 f"{a['ingeschreven']} ingeschreven, {a['geweigerd']} geweigerd, "
                                 f"{a['uitgesloten']} uitgesloten"))
    if p.get("dialoogsessies"):
        regels.append(("dialoogsessies", ", ".join(nl(s["datum"]) for s in p["dialoogsessies"])))
    if p.get("winnaar"):
        regels.append(("gegund aan", f"{p['winnaar']} ({', '.join(p['winnaar_partijen'])})"))
    elif p.get("voorlopige_winnaar"):
        regels.append(("voorgenomen", p["voorlopige_winnaar"]))
    if c := p["contract"]:
        regels.append(("contract", f"getekend {nl(c['getekend'])}; loopt {nl(c['ingangsdatum'])} t/m "
                                   f"{nl(c['einddatum'])}; met alle opties t/m {nl(c['maximale_einddatum'])}"))
        for o in c["opties"]:
            regels.append((f"optie {o['nummer']}", f"{o['jaren']} jaar: {o['toelichting']}"))
    _regels(regels)
    if w["vertrouwelijk"]:
        _druk_vertrouwelijk(p)
    if p["volgende_stappen"]:
        click.secho("  Volgende stappen", bold=True)
        for s in p["volgende_stappen"]:
            vanaf = f" (kan vanaf {nl(s['kan_vanaf'])})" if s["kan_vanaf"] else ""
            cmd = (f"aanbesteding stap {w['kenmerk']} {s['stap']}" if s["commando"] == "aanbesteding stap"
                   else f"{s['commando']} {w['kenmerk']} …")
            click.echo(f"    {s['stap']}: {s['titel']} → {s['naar']}{vanaf}   [{cmd}]")
    if p["handelingen"]:
        click.echo(f"  Vast te leggen in deze fase: {', '.join('aanbesteding ' + h for h in p['handelingen'])}")


def _druk_vertrouwelijk(p: dict) -> None:
    if p["kandidaten"]:
        click.secho("  Kandidaten (vertrouwelijk)", bold=True)
    for k in p["kandidaten"]:
        click.echo(f"    {k['naam']}: {k['status']} (aangemeld {nl(k['aangemeld'])})")
        click.echo(f"      partijen: {', '.join(k['partijen'])}")
        if k["selectiescore"] is not None or k["score"] is not None:
            click.echo(f"      score selectie: {_waarde(k['selectiescore'] or '—')}; "
                       f"score inschrijving: {_waarde(k['score'] or '—')}")
        if k["afwijzing"]:
            click.echo(f"      afgewezen: {k['afwijzing']}")
        if k["geweigerd"]:
            click.echo(f"      inschrijving geweigerd ({nl(k['geweigerd']['datum'])}): {k['geweigerd']['reden']}")
        for v in k["verificaties"]:
            click.echo(f"      verificatie {v['partij']} ({v['instrument']}, {nl(v['datum'])}): "
                       f"{'voldoet' if v['voldoet'] else 'voldoet niet: ' + (v['reden'] or '')}")
        if k["uitgesloten"]:
            click.echo(f"      UITGESLOTEN op {nl(k['uitgesloten']['datum'])}: {k['uitgesloten']['reden']}")
    for s in p["dialoogsessies"]:
        click.echo(f"  Dialoogsessie {nl(s['datum'])} — {s['onderwerp']} (met {', '.join(s['deelnemers'])})")
        for soort, punten in s["uitkomsten"].items():
            click.echo(f"      {soort}: {'; '.join(punten)}")


def druk_tijdlijn(w: dict) -> None:
    soort = "vertrouwelijk, volledig" if w["vertrouwelijk"] else "voor de raad"
    click.secho(f"Tijdlijn aanbesteding {w['kenmerk']} — {w['titel']} ({soort}), op datum", bold=True)
    druk_regels(w["tijdlijn"], met_perceel=len(w["percelen"]) > 1)
    for p in w["percelen"]:
        click.echo(f"Perceel {p['perceel']}: {p['fase_titel']} [{p['fase']}] sinds {nl(p['fase_sinds'])}")


# --- commands ---------------------------------------------------------------------------
# `**algemeen` holds the options of `handeling` and `perceel_optie` (--actor, --reden, --datum,
# --json, --perceel): each command passes them on to `_voer_uit` unchanged.


@click.group()
def aanbesteding() -> None:
    """Aanbestedingen: van marktconsultatie via selectie, dialoog en inschrijving tot gunning en contract."""


@aanbesteding.command()
@click.argument("kenmerk")
@click.option("--titel", required=True)
@click.option("--procedure", "procedure_naam", required=True,
              help="De aanbestedingsprocedure, bv. concurrentiegerichte-dialoog (workflow/definities-aanbesteding).")
@click.option("--perceel", "percelen", multiple=True, required=True,
              help="Een perceel, elk afzonderlijk gegund; herhaal de optie voor meer percelen.")
@click.option("--max-kandidaten", type=click.IntRange(min=1), required=True,
              help="Hoeveel kandidaten ten hoogste door mogen naar de dialoogfase (per perceel).")
@click.option("--looptijd", type=click.IntRange(min=1), required=True, help="Looptijd van het contract in jaren.")
@click.option("--optie", "verlengopties", type=click.IntRange(min=1), multiple=True,
              help="Een verlengoptie in jaren; herhaal voor meer opties (4 + 2 + 2: --looptijd 4 --optie 2 --optie 2).")
@handeling
@click.pass_obj
def registreer(omgeving, kenmerk, titel, procedure_naam, percelen, max_kandidaten, looptijd, verlengopties,
               **algemeen):
    """Registreer een aanbesteding; --datum is de start van de voorbereiding."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_registreer,
              kenmerk=kenmerk, titel=titel, procedure_naam=procedure_naam, percelen=list(percelen),
              max_kandidaten=max_kandidaten, looptijd_jaren=looptijd, opties_jaren=list(verlengopties), **algemeen,
              melding=lambda w: f"Aanbesteding {w['kenmerk']} geregistreerd ({w['looptijd']}).")


@aanbesteding.command()
@click.argument("kenmerk")
@click.argument("stap")
@perceel_optie
@handeling
@click.pass_obj
def stap(omgeving, kenmerk, stap, **algemeen):
    """Zet een perceel een fase verder (zonder --perceel: alle lopende percelen); zie 'aanbesteding toon'."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_stap, kenmerk, stap, **algemeen,
              melding=f"Aanbesteding {kenmerk}: {stap}.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.option("--omschrijving", required=True, help="Bijvoorbeeld 'Startbijeenkomst' of 'Vervolgsessie 1'.")
@click.option("--deelnemers", type=click.IntRange(min=1), required=True, help="Aantal aanwezigen.")
@handeling
@click.pass_obj
def marktconsultatie(omgeving, kenmerk, omschrijving, deelnemers, **algemeen):
    """Leg een bijeenkomst van de marktconsultatie vast, met het aantal deelnemers."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_marktconsultatie, kenmerk, omschrijving=omschrijving,
              deelnemers=deelnemers, **algemeen,
              melding=f"Marktconsultatie '{omschrijving.strip()}' vastgelegd "
                      f"({_aantal(deelnemers, 'deelnemer', 'deelnemers')}).")


@aanbesteding.command()
@click.argument("kenmerk")
@click.argument("kandidaat")
@click.option("--partij", "partijen", multiple=True,
              help="Een partij van een samenwerkingsverband (kernpartner, onderaannemer); herhaal per partij. "
                   "Zonder: de kandidaat zelf.")
@perceel_optie
@handeling
@click.pass_obj
def aanmelding(omgeving, kenmerk, kandidaat, partijen, **algemeen):
    """Registreer de aanmelding van een kandidaat in de selectiefase (vertrouwelijk tot de gunning)."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_aanmelding, kenmerk, kandidaat=kandidaat,
              partijen=list(partijen), **algemeen, melding=f"Aanmelding van {kandidaat.strip()} geregistreerd.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.argument("kandidaat")
@click.option("--score", type=SCORE, default=None, help="Score op de selectiecriteria (vertrouwelijk).")
@perceel_optie
@handeling
@click.pass_obj
def toelaten(omgeving, kenmerk, kandidaat, score, **algemeen):
    """Laat een kandidaat toe tot de dialoogfase (nooit meer dan het maximum)."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_beoordeel_aanmelding, kenmerk, kandidaat=kandidaat,
              toegelaten=True, score=score, **algemeen, melding=f"{kandidaat} toegelaten tot de dialoogfase.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.argument("kandidaat")
@click.option("--score", type=SCORE, default=None, help="Score op de selectiecriteria (vertrouwelijk).")
@perceel_optie
@handeling
@click.pass_obj
def afwijzen(omgeving, kenmerk, kandidaat, score, **algemeen):
    """Wijs een aanmelding af; vraagt --reden."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_beoordeel_aanmelding, kenmerk, kandidaat=kandidaat,
              toegelaten=False, score=score, **algemeen, melding=f"Aanmelding van {kandidaat} afgewezen.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.option("--onderwerp", required=True)
@click.option("--deelnemer", "deelnemers", multiple=True, required=True,
              help="Een toegelaten kandidaat die deelnam; herhaal per kandidaat.")
@click.option("--opdrachtomschrijving", multiple=True, help="Wat over de opdracht is afgesproken.")
@click.option("--kernwaarde", "kernwaarden", multiple=True)
@click.option("--financiele-afspraak", "financiele_afspraken", multiple=True)
@click.option("--overlegstructuur", "overlegstructuren", multiple=True)
@click.option("--risico", "risicos", multiple=True, help="Een risico of ventielafspraak.")
@perceel_optie
@handeling
@click.pass_obj
def dialoogsessie(omgeving, kenmerk, onderwerp, deelnemers, opdrachtomschrijving, kernwaarden,
                  financiele_afspraken, overlegstructuren, risicos, **algemeen):
    """Leg een dialoogsessie vast: datum, deelnemers en wat ze opleverde."""
    uitkomsten = {"opdrachtomschrijving": list(opdrachtomschrijving), "kernwaarden": list(kernwaarden),
                  "financiele_afspraken": list(financiele_afspraken), "overlegstructuren": list(overlegstructuren),
                  "risicos": list(risicos)}
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_dialoogsessie, kenmerk, onderwerp=onderwerp,
              deelnemers=list(deelnemers), uitkomsten=uitkomsten, **algemeen,
              melding=f"Dialoogsessie '{onderwerp.strip()}' vastgelegd.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.option("--sluitingsdatum", type=DATUM, required=True, help="Laatste dag waarop een inschrijving tijdig is.")
@perceel_optie
@handeling
@click.pass_obj
def inschrijfleidraad(omgeving, kenmerk, sluitingsdatum, **algemeen):
    """Publiceer de inschrijfleidraad (uit de dialoog) met de sluitingsdatum; de inschrijvingsfase begint."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_inschrijfleidraad, kenmerk, sluitingsdatum=sluitingsdatum,
              **algemeen, melding=f"Inschrijfleidraad gepubliceerd; inschrijven kan tot en met {nl(sluitingsdatum)}.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.argument("kandidaat")
@perceel_optie
@handeling
@click.pass_obj
def inschrijving(omgeving, kenmerk, kandidaat, **algemeen):
    """Registreer een tijdige inschrijving; --datum is de ontvangstdatum."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_inschrijving, kenmerk, kandidaat=kandidaat, **algemeen,
              melding=f"Inschrijving van {kandidaat} ontvangen.")


@aanbesteding.command("inschrijving-weigeren")
@click.argument("kenmerk")
@click.argument("kandidaat")
@perceel_optie
@handeling
@click.pass_obj
def inschrijving_weigeren(omgeving, kenmerk, kandidaat, **algemeen):
    """Leg een geweigerde inschrijving vast (bv. na de sluiting ontvangen); vraagt --reden. Blijft zichtbaar."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_inschrijving_weigeren, kenmerk, kandidaat=kandidaat,
              **algemeen, melding=f"Inschrijving van {kandidaat} geweigerd en vastgelegd.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.argument("kandidaat")
@click.option("--score", type=SCORE, required=True, help="Score van de inschrijving (vertrouwelijk).")
@perceel_optie
@handeling
@click.pass_obj
def beoordeel(omgeving, kenmerk, kandidaat, score, **algemeen):
    """Leg de score van een inschrijving vast."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_beoordeel, kenmerk, kandidaat=kandidaat, score=score,
              **algemeen, melding=f"Inschrijving van {kandidaat} beoordeeld.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.argument("kandidaat")
@click.option("--partij", "partijen", multiple=True,
              help="De gescreende partij; herhaal per partij. Zonder: alle nog niet gescreende partijen.")
@click.option("--instrument", required=True, help="Bijvoorbeeld KIT (Kwaliteits- en Integriteitsinstrument Twente).")
@click.option("--voldoet/--voldoet-niet", required=True, help="Uitkomst; 'voldoet niet' sluit de kandidaat uit.")
@perceel_optie
@handeling
@click.pass_obj
def verificatie(omgeving, kenmerk, kandidaat, partijen, instrument, voldoet, **algemeen):
    """Screen de partijen van een kandidaat; een partij die niet voldoet sluit de kandidaat uit."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_verificatie, kenmerk, kandidaat=kandidaat,
              partijen=list(partijen), instrument=instrument, voldoet=voldoet, **algemeen,
              melding=f"Verificatie van {kandidaat} vastgelegd" + ("." if voldoet else f": {kandidaat} uitgesloten."))


@aanbesteding.command()
@click.argument("kenmerk")
@click.option("--winnaar", required=True, help="De kandidaat aan wie voorgenomen wordt te gunnen.")
@perceel_optie
@handeling
@click.pass_obj
def gunningsbeslissing(omgeving, kenmerk, winnaar, perceel, **algemeen):
    """Verstuur de gunningsbeslissing; de standstilltermijn (20 kalenderdagen) begint de dag erna."""

    def melding(w: dict) -> str:
        p = next(p for p in w["percelen"] if perceel in (None, p["perceel"]))
        return f"Gunningsbeslissing verzonden; standstill perceel {p['perceel']} t/m {nl(p['standstill']['einde'])}."

    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_gunningsbeslissing, kenmerk, winnaar=winnaar,
              perceel=perceel, **algemeen, melding=melding)


@aanbesteding.command("kort-geding")
@click.argument("kenmerk")
@click.option("--eiser", required=True, help="Wie het kort geding aanspant (vertrouwelijk).")
@perceel_optie
@handeling
@click.pass_obj
def kort_geding(omgeving, kenmerk, eiser, **algemeen):
    """Leg een kort geding vast dat tijdens de standstill is aangespannen: de gunning wacht op de uitspraak."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_kort_geding, kenmerk, eiser=eiser, **algemeen,
              melding="Kort geding vastgelegd; de gunning is opgeschort tot de uitspraak.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.option("--vordering", type=click.Choice(["toegewezen", "afgewezen"]), required=True,
              help="Afgewezen: de gunning mag door. Toegewezen: terug naar de beoordeling (of daarna intrekken).")
@perceel_optie
@handeling
@click.pass_obj
def uitspraak(omgeving, kenmerk, vordering, **algemeen):
    """Leg de uitspraak in kort geding vast."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_uitspraak, kenmerk, vordering=vordering, **algemeen,
              melding=f"Uitspraak vastgelegd: vordering {vordering}.")


@aanbesteding.command()
@click.argument("kenmerk")
@perceel_optie
@handeling
@click.pass_obj
def gunnen(omgeving, kenmerk, **algemeen):
    """Gun definitief, na de standstilltermijn en zonder lopend kort geding."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_gunnen, kenmerk, **algemeen, melding="Definitief gegund.")


@aanbesteding.command()
@click.argument("kenmerk")
@click.option("--ingangsdatum", type=DATUM, required=True, help="Eerste dag van het contract.")
@perceel_optie
@handeling
@click.pass_obj
def contract(omgeving, kenmerk, ingangsdatum, perceel, **algemeen):
    """Leg het getekende contract vast (--datum: ondertekening); einddata volgen uit looptijd en opties."""

    def melding(w: dict) -> str:
        c = next(p["contract"] for p in w["percelen"] if perceel in (None, p["perceel"]) and p["contract"])
        return (f"Contract getekend: {nl(c['ingangsdatum'])} t/m {nl(c['einddatum'])}; "
                f"{c['looptijd']}: met alle opties t/m {nl(c['maximale_einddatum'])}.")

    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_contract, kenmerk, ingangsdatum=ingangsdatum,
              perceel=perceel, **algemeen, melding=melding)


@aanbesteding.command("optie-uitoefenen")
@click.argument("kenmerk")
@click.argument("nummer", type=click.IntRange(min=1))
@perceel_optie
@handeling
@click.pass_obj
def optie_uitoefenen(omgeving, kenmerk, nummer, **algemeen):
    """Oefen verlengoptie NUMMER uit (op volgorde, vóór het contract afloopt)."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_optie, kenmerk, nummer, uitoefenen=True, **algemeen,
              melding=f"Optie {nummer} uitgeoefend.")


@aanbesteding.command("optie-laten-vervallen")
@click.argument("kenmerk")
@click.argument("nummer", type=click.IntRange(min=1))
@perceel_optie
@handeling
@click.pass_obj
def optie_laten_vervallen(omgeving, kenmerk, nummer, **algemeen):
    """Besluit optie NUMMER niet uit te oefenen (de latere opties vervallen mee); vraagt --reden."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_optie, kenmerk, nummer, uitoefenen=False, **algemeen,
              melding=f"Optie {nummer} vervallen.")


@aanbesteding.command()
@click.argument("kenmerk")
@perceel_optie
@handeling
@click.pass_obj
def intrekken(omgeving, kenmerk, **algemeen):
    """Stop de procedure (zonder --perceel: alle lopende percelen); vraagt --reden."""
    _voer_uit(omgeving.dienst("aanbestedingen").aanbesteding_intrekken, kenmerk, **algemeen,
              melding=f"Aanbesteding {kenmerk} ingetrokken.")


def vertrouwelijk_opties(f):
    """--vertrouwelijk with who looks and why: the look is recorded on the aanbesteding before it is shown."""
    f = click.option("--reden", default=None,
                     help="Waarom u vertrouwelijke gegevens inziet; verplicht bij --vertrouwelijk, wordt vastgelegd.")(f)
    f = click.option("--actor", default=standaard_actor, show_default="$ZAAKSTROOM_ACTOR of OS-gebruiker",
                     help="Wie kijkt (wordt vastgelegd bij --vertrouwelijk).")(f)
    f = click.option("--vertrouwelijk", is_flag=True,
                     help="Volledige weergave met namen en scores, voor de inkoper; vraagt --reden, wordt als "
                          "gebeurtenis vastgelegd.")(f)
    return json_optie(f)


@aanbesteding.command()
@click.argument("kenmerk")
@vertrouwelijk_opties
@click.pass_obj
def toon(omgeving, kenmerk, vertrouwelijk, actor, reden, als_json):
    """Fase per perceel, data, standstill, contract en wat nu kan (namen alleen met --vertrouwelijk)."""
    w = omgeving.dienst("aanbestedingen").aanbesteding_toon(kenmerk, vertrouwelijk=vertrouwelijk, actor=actor,
                                                            reden=reden)
    if als_json:
        druk_json(w)
    else:
        druk_aanbesteding(w)


@aanbesteding.command()
@click.argument("kenmerk")
@vertrouwelijk_opties
@click.pass_obj
def tijdlijn(omgeving, kenmerk, vertrouwelijk, actor, reden, als_json):
    """Alle gebeurtenissen op datum (voor de raad: alleen fasen en data; volledig met --vertrouwelijk)."""
    w = omgeving.dienst("aanbestedingen").aanbesteding_tijdlijn(kenmerk, vertrouwelijk=vertrouwelijk, actor=actor,
                                                                reden=reden)
    if als_json:
        druk_json(w)
    else:
        druk_tijdlijn(w)


@aanbesteding.command()
@json_optie
@click.pass_obj
def rapport(omgeving, als_json):
    """Overzicht voor de raad uit de projectie: fase per aanbesteding en perceel, data, standstill, aantallen."""
    from projections.aanbestedingen import raadsrapport
    from projections.runner import werk_bij

    werk_bij(omgeving.opslag, namen=["aanbestedingen"])  # what this list reads, not every projection
    rijen = raadsrapport(omgeving.opslag)
    if als_json:
        druk_json(rijen)
        return
    if not rijen:
        click.echo("Geen aanbestedingen in de projectie.")
        return
    tabel(
        [[r["kenmerk"], r["perceel"], r["fase"], nl(r["fase_sinds"]),
          nl(r["standstill"]["einde"]) if r["standstill"] else "—",
          f"{r['aantallen']['aangemeld']}/{r['aantallen']['toegelaten']}/{r['aantallen']['afgewezen']}",
          f"{r['aantallen']['ingeschreven']}/{r['aantallen']['geweigerd']}/{r['aantallen']['uitgesloten']}",
          r.get("winnaar") or ("(vertrouwelijk)" if r["aantallen"]["aangemeld"] else "—")]
         for r in rijen],
        ["kenmerk", "perceel", "fase", "sinds", "standstill t/m", "aangemeld/toegelaten/afgewezen",
         "ingeschreven/geweigerd/uitgesloten", "gegund aan"],
    )
    click.echo(f"{_aantal(len(rijen), 'perceel', 'percelen')}; namen van kandidaten pas na de definitieve gunning.")
