"""A zaak as plain values, for people (via the CLI) and machines (--json); its events: workflow.audit."""

from __future__ import annotations

from datetime import date

from domain.zaak import Zaak
from workflow.engine import Workflow, kan_vanaf


def termijn_als_dict(spec, termijn, per: date, opgeschort: bool) -> dict:
    return {
        "naam": spec.naam,
        "aard": spec.aard,
        "grondslag": spec.grondslag,
        "regel": termijn.regel.beschrijving(),
        "gebeurtenis": termijn.gebeurtenis,
        "eerste_dag": termijn.eerste_dag,
        "onverlengd_einde": termijn.onverlengd_einde,
        "einde": termijn.einde,
        "verschoven_dagen": termijn.extra_dagen,
        "verschuivingen": [{"van": v.van, "naar": v.naar, "reden": v.reden} for v in termijn.verschuivingen],
        "opmerkingen": list(termijn.opmerkingen),
        "verstreken": per > termijn.einde,
        "te_laat": spec.aard == "behandeltermijn" and per > termijn.einde and not opgeschort,
    }


def zaak_als_dict(zaak: Zaak, wf: Workflow, per: date) -> dict:
    d = wf.definitie
    opgeschort = zaak.opgeschort_sinds is not None
    lopend = [] if zaak.is_afgesloten else zaak.lopende_termijnen(per)
    volgende = []
    if not zaak.is_afgesloten and not opgeschort:  # a suspended zaak must be resumed first
        for o in wf.overgangen_vanuit(zaak.status):
            volgende.append({
                "stap": o.stap, "titel": o.titel, "naar": o.naar, "afsluiten": o.afsluiten, "commando": o.commando,
                "kan_vanaf": kan_vanaf(o, lopend, per),
            })
    return {
        "zaaknummer": zaak.zaaknummer,
        "zaaktype": zaak.zaaktype,
        "zaaktype_versie": zaak.zaaktype_versie,
        "zaaktype_titel": d.titel,
        "omschrijving": zaak.omschrijving,
        "portefeuillehouders": zaak.portefeuillehouders,
        "behandelaar": zaak.behandelaar,
        "sector": zaak.sector,
        "status": zaak.status,
        "status_titel": d.toestand(zaak.status).titel,
        "status_sinds": zaak.status_sinds,
        "startdatum": zaak.startdatum,
        "registratiedatum": zaak.registratiedatum,
        "opgeschort_sinds": zaak.opgeschort_sinds,
        "verlengingen": len(zaak.verlengingen),
        "verlengingen_toegestaan": d.verlenging.max_aantal,
        "resultaat": zaak.resultaat,
        "einddatum": zaak.einddatum,
        "termijnen": [termijn_als_dict(spec, t, per, opgeschort) for spec, t in lopend],
        "volgende_stappen": volgende,
        "versie": zaak.version,
    }
