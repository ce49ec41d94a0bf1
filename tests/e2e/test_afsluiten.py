"""Closing a zaak honours the law: not while a term the zaaktype says must be waited out still runs
(the bezwaar- or beroepstermijn, Awb 6:7 and 6:8, and the week in which a posted bezwaar- or
beroepschrift still arrives on time, Awb 6:9 lid 2). Withdrawing stays possible at once.

One test per shipped zaaktype: closing too early is refused with the day it can, nothing is
written, and closing on that day works. Every date is worked out by hand next to it.
"""

from __future__ import annotations

from tests.e2e.test_advies import ontvang, reacties
from tests.e2e.test_advies import registreer as registreer_advies
from tests.e2e.test_besluitvorming import agendeer, besluit, plan_pm
from tests.e2e.test_zaak import registreer_hvz


def geweigerd(zs, zaaknummer, *args, melding):
    voor = zs.json("audit", "geschiedenis", zaaknummer)
    result = zs("zaak", "afsluiten", zaaknummer, *args, ok=False)
    assert result.exit_code == 1, result.output
    assert melding in result.stderr, result.stderr
    assert zs.json("audit", "geschiedenis", zaaknummer) == voor
    return result


def registreer(zs, zaaknummer, zaaktype, datum):
    zs("zaak", "registreer", zaaknummer, "--zaaktype", zaaktype, "--omschrijving", "Afsluiten", "--behandelaar", "b",
       "--datum", datum)


def test_wmo_melding_sluit_pas_na_de_bezwaartermijn_en_de_postweek(zs):
    registreer(zs, "900201", "wmo-melding", "01-03-2021")
    zs("zaak", "stap", "900201", "aanvraag_ontvangen", "--datum", "08-03-2021")
    z = zs.json("zaak", "stap", "900201", "beschikken", "--datum", "15-03-2021")
    # Beschikking Monday 15 March 2021: bezwaartermijn from 16 March, 6 weeks, to Monday 26 April 2021;
    # a bezwaarschrift posted that day is on time when received by Monday 3 May: closing from 4 May.
    [t] = z["termijnen"]
    assert (t["naam"], t["eerste_dag"], t["einde"]) == ("bezwaartermijn", "2021-03-16", "2021-04-26")
    # What the zaak showed on 20 April 2021 (today the day has passed, so `zaak toon` names none).
    [afsluiten] = zs.json("audit", "toon", "900201", "--per", "20-04-2021")["volgende_stappen"]
    assert (afsluiten["stap"], afsluiten["kan_vanaf"]) == ("afsluiten", "2021-05-04")
    toen = zs("audit", "toon", "900201", "--per", "20-04-2021").stdout
    assert "afsluiten: Zaak afsluiten met resultaat → afgesloten (kan vanaf 4 mei 2021)" in toen
    geweigerd(zs, "900201", "--resultaat", "toegekend", "--datum", "20-04-2021",
              melding="De bezwaartermijn loopt tot en met 26 april 2021; een bezwaar- of beroepschrift dat uiterlijk "
                      "die dag ter post is bezorgd, is tijdig als het uiterlijk 3 mei 2021 is ontvangen (Awb 6:9 lid 2); "
                      "'afsluiten' kan vanaf 4 mei 2021.")
    geweigerd(zs, "900201", "--resultaat", "toegekend", "--datum", "03-05-2021", melding="'afsluiten' kan vanaf 4 mei 2021.")
    z = zs.json("zaak", "afsluiten", "900201", "--resultaat", "toegekend", "--datum", "04-05-2021")
    assert (z["status"], z["resultaat"], z["einddatum"]) == ("afgesloten", "toegekend", "2021-05-04")


def test_wmo_melding_zonder_aanvraag_sluit_meteen(zs):
    registreer(zs, "900202", "wmo-melding", "01-03-2021")
    z = zs.json("zaak", "afsluiten", "900202", "--resultaat", "geen aanvraag", "--datum", "02-03-2021")
    assert (z["status"], z["resultaat"]) == ("afgesloten", "geen aanvraag")


def test_omgevingsvergunning_sluit_pas_na_de_bezwaartermijn_en_de_postweek(zs):
    registreer(zs, "900203", "omgevingsvergunning-regulier", "02-09-2024")
    zs("zaak", "stap", "900203", "besluit_bekendmaken", "--datum", "14-10-2024")
    # Bekendgemaakt Monday 14 October 2024: bezwaartermijn 15 October t/m Monday 25 November 2024;
    # posted bezwaarschriften until Monday 2 December: closing from Tuesday 3 December 2024.
    geweigerd(zs, "900203", "--resultaat", "verleend", "--datum", "02-12-2024",
              melding="De bezwaartermijn loopt tot en met 25 november 2024; een bezwaar- of beroepschrift dat uiterlijk "
                      "die dag ter post is bezorgd, is tijdig als het uiterlijk 2 december 2024 is ontvangen "
                      "(Awb 6:9 lid 2); 'afsluiten' kan vanaf 3 december 2024.")
    z = zs.json("zaak", "afsluiten", "900203", "--resultaat", "verleend", "--datum", "03-12-2024")
    assert (z["status"], z["resultaat"], z["einddatum"]) == ("afgesloten", "verleend", "2024-12-03")
    # Withdrawn during the behandeling: at once.
    registreer(zs, "900204", "omgevingsvergunning-regulier", "02-09-2024")
    assert zs.json("zaak", "afsluiten", "900204", "--resultaat", "ingetrokken", "--datum", "03-09-2024")["status"] \
        == "afgesloten"


def test_raadsvoorstel_sluit_pas_als_het_besluit_onherroepelijk_is(zs):
    registreer_hvz(zs)
    plan_pm(zs)
    agendeer(zs, "B01")
    besluit(zs)
    zs("raad", "bekendmaking", "3261787", "--datum", "27-10-2022")
    # Bekendgemaakt Thursday 27 October 2022: beroepstermijn 28 October t/m Thursday 8 December 2022;
    # a beroepschrift posted that day may arrive until 15 December: onherroepelijk, and then closing,
    # from Friday 16 December 2022.
    geweigerd(zs, "3261787", "--resultaat", "vastgesteld", "--datum", "01-12-2022",
              melding="Zaak 3261787 kan vanuit status 'beroepstermijn' niet worden afgesloten. Mogelijke stappen: "
                      "beroep_ingesteld, onherroepelijk_worden. Afsluiten kan na 'onherroepelijk_worden' "
                      "(zaakstroom raad onherroepelijk, kan vanaf 16 december 2022).")
    fout = zs("raad", "onherroepelijk", "3261787", "--datum", "15-12-2022", ok=False)
    assert "'onherroepelijk_worden' kan vanaf 16 december 2022" in fout.stderr
    zs("raad", "onherroepelijk", "3261787", "--datum", "16-12-2022")
    z = zs.json("zaak", "afsluiten", "3261787", "--resultaat", "vastgesteld", "--datum", "16-12-2022")
    assert (z["status"], z["resultaat"], z["einddatum"]) == ("afgesloten", "vastgesteld", "2022-12-16")


def test_adviesaanvraag_sluit_na_de_reactie_van_het_college(zs):
    # An advies is no besluit: no bezwaar- or beroepstermijn to wait for, only the college's reactie.
    registreer_advies(zs)
    ontvang(zs)
    geweigerd(zs, "3317818", "--resultaat", "advies verwerkt", "--datum", "06-10-2021",
              melding="Zaak 3317818 kan vanuit status 'reactie_college' niet worden afgesloten. Mogelijke stappen: "
                      "reageren. Afsluiten kan na 'reageren' (zaakstroom advies reactie).")
    zs("advies", "reactie", "3317818", "--datum", "21-10-2021", *reacties())
    z = zs.json("zaak", "afsluiten", "3317818", "--resultaat", "advies verwerkt", "--datum", "21-10-2021")
    assert (z["status"], z["resultaat"], z["einddatum"]) == ("afgesloten", "advies verwerkt", "2021-10-21")
