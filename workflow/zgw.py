"""A zaak in the shape of the VNG ZGW Zaken API (Zaak, Status, Rol), for an Open Zaak-style registry.

`zgw_zaak(kern, zaaknummer, rsin)` returns {"zaak": …, "statussen": […], "rollen": […]}, plain JSON
values named as the Zaken API names them (camelCase); ExportDienst.exporteer_zgw writes them as
zaken.json, statussen.json and rollen.json. References to catalogue resources (zaaktype,
statustype, roltype, resultaattype) are identifiers, not URLs: zaakstroom has no Catalogi API; an
import maps `zaaktype:<naam>:v<versie>` and the others to the registry's own URLs. The mapping, and
what has no ZGW field, is docs/zgw-mapping.md.

No personal data of natural persons: the roles are the behandelaar (a medewerker) and the
portefeuillehouders (bestuurders in office); indieners of zienswijzen are not roles here.
"""

from __future__ import annotations

import re
from datetime import date
from uuid import UUID, uuid5

from domain.fouten import DomeinFout

# The Zaken API's vertrouwelijkheidaanduiding per zaaktype; zaakstroom's definitions do not carry one.
VERTROUWELIJKHEID = {"raadsvoorstel": "openbaar", "adviesaanvraag": "openbaar", "wmo-melding": "vertrouwelijk",
                     "omgevingsvergunning-regulier": "zaakvertrouwelijk"}
STANDAARD_VERTROUWELIJKHEID = "zaakvertrouwelijk"
RSIN = re.compile(r"[0-9]{9}")


def zaaktype_ref(naam: str, versie: int) -> str:
    return f"zaaktype:{naam}:v{versie}"


def _tijd(d: date) -> str:
    """An effective day as the API's date-time: the start of that day, Dutch time is not known: no zone."""
    return f"{d.isoformat()}T00:00:00"


def zgw_zaak(kern, zaaknummer: str, rsin: str | None) -> dict:
    from domain.zaak import Zaak, zaak_id
    from workflow.audit import Kader
    from workflow.definitie import ZAAKTYPE

    if rsin is None or not RSIN.fullmatch(rsin.strip()):
        raise DomeinFout("Geef het RSIN van de gemeente (bronorganisatie, 9 cijfers) met --rsin of ZAAKSTROOM_RSIN.")
    rsin = rsin.strip()
    events = kern.gebeurtenissen(zaak_id(zaaknummer))
    if not events:
        raise DomeinFout(f"Zaak {zaaknummer} bestaat niet.")
    eerste = events[0]
    kader = Kader.uit(kern.dienst("definities").regels(
        ZAAKTYPE, eerste.zaaktype, eerste.zaaktype_versie, getattr(eerste, "zaaktype_sha256", None)))
    zaak = None
    for e in events:
        zaak = e.mutate(zaak)
    # The deadlines of the step the zaak was in: for a closed zaak the step before closing.
    voor_afsluiten = zaak
    if zaak.is_afgesloten:
        voor_afsluiten = None
        for e in events:
            if isinstance(e, Zaak.Afgesloten):
                break
            voor_afsluiten = e.mutate(voor_afsluiten)
    per = zaak.einddatum or kern.vandaag()
    behandel = [(spec, t) for spec, t in voor_afsluiten.lopende_termijnen(per) if spec.aard == "behandeltermijn"]
    einde = min((t.einde for _, t in behandel), default=None)

    ref = zaaktype_ref(zaak.zaaktype, zaak.zaaktype_versie)
    uuid = str(zaak.id)
    opschortingen = [e for e in events if isinstance(e, Zaak.Opgeschort)]
    verlengingen = [e for e in events if isinstance(e, Zaak.Verlengd)]

    statussen = []
    for e in events:
        if isinstance(e, Zaak.Geregistreerd):
            naar, stap = e.status, None
        elif isinstance(e, (Zaak.StatusGewijzigd, Zaak.Afgesloten)):
            naar, stap = e.naar, e.stap
        else:
            continue
        statussen.append({
            "uuid": str(uuid5(UUID(uuid), f"status/{e.originator_version}")),
            "zaak": uuid,
            "statustype": f"statustype:{zaak.zaaktype}:v{zaak.zaaktype_versie}:{naar}",
            "statustypeOmschrijving": kader.toestand(naar),
            "datumStatusGezet": _tijd(e.datum),
            "statustoelichting": (e.reden or (kader.stap(stap, getattr(e, "van", None)) if stap else ""))[:1000],
            "gezetdoor": e.actor,
            "indicatieLaatstGezetteStatus": False,
        })
    if statussen:
        statussen[-1]["indicatieLaatstGezetteStatus"] = True

    omschrijving = zaak.omschrijving or ""
    z = {
        "uuid": uuid,
        "identificatie": zaak.zaaknummer,
        "bronorganisatie": rsin,
        "verantwoordelijkeOrganisatie": rsin,
        "zaaktype": ref,
        "omschrijving": omschrijving[:80],
        "toelichting": omschrijving if len(omschrijving) > 80 else "",
        "registratiedatum": zaak.registratiedatum.isoformat(),
        "startdatum": zaak.startdatum.isoformat(),
        "einddatum": zaak.einddatum.isoformat() if zaak.einddatum else None,
        "einddatumGepland": einde.isoformat() if einde else None,
        "uiterlijkeEinddatumAfdoening": einde.isoformat() if einde else None,
        "vertrouwelijkheidaanduiding": VERTROUWELIJKHEID.get(zaak.zaaktype, STANDAARD_VERTROUWELIJKHEID),
        "opschorting": {"indicatie": zaak.opgeschort_sinds is not None,
                        "reden": (opschortingen[-1].reden or "")[:200] if opschortingen else ""},
        "verlenging": ({"reden": (verlengingen[-1].reden or "")[:200],
                        "duur": f"P{sum(e.dagen for e in verlengingen)}D"} if verlengingen else None),
        "status": statussen[-1]["uuid"] if statussen else None,
        "resultaat": ({"resultaattype": f"resultaattype:{zaak.zaaktype}:v{zaak.zaaktype_versie}:{zaak.resultaat}",
                       "toelichting": zaak.resultaat} if zaak.resultaat else None),
        "archiefnominatie": None,
        "archiefactiedatum": None,
        "archiefstatus": "nog_te_archiveren",
        "kenmerken": [{"kenmerk": zaak.sector, "bron": "sector"}] if zaak.sector else [],
    }
    rollen = [{
        "uuid": str(uuid5(UUID(uuid), "rol/behandelaar")),
        "zaak": uuid,
        "betrokkeneType": "medewerker",
        "roltype": f"roltype:{zaak.zaaktype}:v{zaak.zaaktype_versie}:behandelaar",
        "omschrijvingGeneriek": "behandelaar",
        "roltoelichting": "behandelaar",
        "betrokkeneIdentificatie": {"identificatie": zaak.behandelaar},
    }]
    for n, p in enumerate(zaak.portefeuillehouders, start=1):
        rollen.append({
            "uuid": str(uuid5(UUID(uuid), f"rol/portefeuillehouder/{n}")),
            "zaak": uuid,
            "betrokkeneType": "medewerker",
            "roltype": f"roltype:{zaak.zaaktype}:v{zaak.zaaktype_versie}:portefeuillehouder",
            "omschrijvingGeneriek": "beslisser",
            "roltoelichting": "portefeuillehouder",
            "betrokkeneIdentificatie": {"identificatie": p},
        })
    return {"zaak": z, "statussen": statussen, "rollen": rollen}
