"""`zaakstroom zaak …`: what a behandelaar does with a zaak."""

from __future__ import annotations

import click

from cli.opties import handeling, json_optie
from cli.uitvoer import aantal, druk_json, druk_zaak, nl, tabel, toon_resultaat
from domain.termijnen import Eenheid


def _toon(z: dict, als_json: bool, melding: str | None = None) -> None:
    toon_resultaat(z, als_json, melding, druk_zaak)


@click.group()
def zaak() -> None:
    """Zaken registreren, door hun stappen leiden en bekijken."""


@zaak.command()
@click.argument("zaaknummer")
@click.option("--zaaktype", required=True, help="Naam van het zaaktype (zie 'zaaktype lijst').")
@click.option("--omschrijving", required=True)
@click.option("--portefeuillehouder", "portefeuillehouders", multiple=True,
              help="Portefeuillehouder; herhaal de optie voor meer dan één.")
@click.option("--behandelaar", required=True, help="Behandelend ambtenaar.")
@click.option("--sector", default=None, help="Bijvoorbeeld FYS-PVG of MSO-SD.")
@handeling
@click.pass_obj
def registreer(omgeving, zaaknummer, zaaktype, omschrijving, portefeuillehouders, behandelaar, sector,
               actor, reden, datum, als_json):
    """Registreer een nieuwe zaak; --datum is de startdatum als die eerder lag."""
    z = omgeving.dienst("zaken").registreer(
        zaaknummer=zaaknummer, zaaktype=zaaktype, omschrijving=omschrijving,
        portefeuillehouders=list(portefeuillehouders), behandelaar=behandelaar, sector=sector,
        actor=actor, datum=datum, reden=reden,
    )
    _toon(z, als_json, f"Zaak {z['zaaknummer']} geregistreerd.")


@zaak.command()
@click.argument("zaaknummer")
@click.argument("stap")
@handeling
@click.pass_obj
def stap(omgeving, zaaknummer, stap, actor, reden, datum, als_json):
    """Zet de zaak een stap verder (zie 'zaak toon' voor de toegestane stappen)."""
    z = omgeving.dienst("zaken").stap(zaaknummer, stap, actor=actor, datum=datum, reden=reden)
    _toon(z, als_json, f"Zaak {zaaknummer}: {stap} → {z['status']}.")


@zaak.command()
@click.argument("zaaknummer")
@handeling
@click.pass_obj
def opschorten(omgeving, zaaknummer, actor, reden, datum, als_json):
    """Schort de zaak op: de termijn staat stil tot 'hervatten'. Vraagt --reden.

    --datum is de dag waarop de aanvrager is uitgenodigd de aanvraag aan te vullen;
    de termijn staat stil vanaf de dag erna tot de dag van aanvulling ('hervatten
    --datum'), die zelf weer meetelt (Awb 4:15 lid 1). Alleen binnen de lopende termijn.
    """
    z = omgeving.dienst("zaken").schort_op(zaaknummer, actor=actor, reden=reden, datum=datum)
    _toon(z, als_json, f"Zaak {zaaknummer} opgeschort.")


@zaak.command()
@click.argument("zaaknummer")
@handeling
@click.pass_obj
def hervatten(omgeving, zaaknummer, actor, reden, datum, als_json):
    """Hervat een opgeschorte zaak; --datum is de dag van aanvulling. De termijn schuift
    op met de dagen tussen uitnodiging en aanvulling (beide niet meegeteld, Awb 4:15)."""
    z = omgeving.dienst("zaken").hervat(zaaknummer, actor=actor, datum=datum, reden=reden)
    _toon(z, als_json, f"Zaak {zaaknummer} hervat.")


@zaak.command()
@click.argument("zaaknummer")
@click.option("--weken", type=click.IntRange(1, 520), default=None)
@click.option("--dagen", type=click.IntRange(1, 3650), default=None)
@handeling
@click.pass_obj
def verlengen(omgeving, zaaknummer, weken, dagen, actor, reden, datum, als_json):
    """Verleng de termijn van de huidige stap, binnen wat het zaaktype toestaat. Vraagt --reden."""
    if (weken is None) == (dagen is None):
        raise click.UsageError("Geef precies één van --weken of --dagen.")
    lengte, eenheid = (weken, Eenheid.WEKEN) if weken is not None else (dagen, Eenheid.DAGEN)
    z = omgeving.dienst("zaken").verleng(zaaknummer, lengte, eenheid, actor=actor, reden=reden, datum=datum)
    _toon(z, als_json, f"Zaak {zaaknummer} verlengd met {lengte} {eenheid.value}.")


@zaak.command()
@click.argument("zaaknummer")
@click.option("--resultaat", required=True, help="Het resultaat (het zaaktype noemt de toegestane).")
@handeling
@click.pass_obj
def afsluiten(omgeving, zaaknummer, resultaat, actor, reden, datum, als_json):
    """Leg het resultaat vast en sluit de zaak af."""
    z = omgeving.dienst("zaken").sluit_af(zaaknummer, resultaat, actor=actor, datum=datum, reden=reden)
    _toon(z, als_json, f"Zaak {zaaknummer} afgesloten: {resultaat}.")


@zaak.command()
@click.argument("zaaknummer")
@json_optie
@click.pass_obj
def toon(omgeving, zaaknummer, als_json):
    """Toon de zaak: status, termijnen van de huidige stap en de mogelijke volgende stappen."""
    _toon(omgeving.dienst("zaken").toon(zaaknummer), als_json)


@zaak.command()
@click.option("--zaaktype", default=None)
@click.option("--status", default=None)
@click.option("--te-laat", is_flag=True, help="Alleen zaken waarvan een behandeltermijn verstreken is.")
@click.option("--open/--alle", "alleen_open", default=False, help="Alleen zaken die nog niet zijn afgesloten.")
@json_optie
@click.pass_obj
def lijst(omgeving, zaaktype, status, te_laat, alleen_open, als_json):
    """Zaken uit de projectie (eerst bijgewerkt), te filteren op zaaktype, status en te laat."""
    from projections.rapporten import zaken_lijst
    from projections.runner import werk_bij

    omgeving.dienst("zaken").controleer_filter(zaaktype=zaaktype, status=status)
    werk_bij(omgeving.opslag, namen=["zaken"])  # what this list reads, not every projection
    rijen = zaken_lijst(omgeving.opslag, zaaktype=zaaktype, status=status, te_laat=te_laat,
                        alleen_open=alleen_open, per=omgeving.app.vandaag())
    if als_json:
        druk_json(rijen)
        return
    if not rijen:
        click.echo("Geen zaken gevonden.")
        return
    tabel(
        [[r["zaaknummer"], r["zaaktype"], r["status"], nl(r["termijn_einde"]) if r["termijn_einde"] else "—",
          "TE LAAT" if r["te_laat"] else ("opgeschort" if r["opgeschort_sinds"] else ""), r["omschrijving"]]
         for r in rijen],
        ["zaaknummer", "zaaktype", "status", "termijn t/m", "", "omschrijving"],
    )
    click.echo(f"{aantal(len(rijen), 'zaak', 'zaken')}.")
