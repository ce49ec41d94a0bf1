"""What the raad and the public may see of an aanbesteding: the one place this is decided.

During a tender all communication runs through the aanbestedingsplatform; the
raad, the organisation and inwoners hear little about its progress, and only
after the definitive award may the gemeente speak about it (seed 001 L1326-1339,
L1139-1141; Aanbestedingswet 2012 art. 2.57: information candidates give in
confidence is not disclosed). So, per perceel:

- before the definitive award: phase, dates, the standstill, counts of
  candidates in and out, contract terms; never a candidate's name, partners,
  score, dialogue content or the reasons typed for a decision;
- after the definitive award, also the winner and its parties (as the seed's
  gemeente presented the samenwerkingsverband to the raad after the award);
  the other candidates' names and every score stay confidential.

Everything shown to the raad passes through `raadsweergave`, whether it was
built from the aggregate (`aanbesteding toon`, `tijdlijn`) or from the
`aanbestedingen` projection (`aanbesteding rapport`). It keeps only what is
listed here, so a field added to the full view stays confidential until it is
listed.
"""

from __future__ import annotations

_AANBESTEDING = ("kenmerk", "titel", "procedure", "procedure_titel", "procedure_versie", "startdatum",
                 "max_kandidaten", "looptijd_jaren", "opties_jaren", "looptijd", "marktconsultaties", "per",
                 "gebeurtenissen_meegeteld", "gebeurtenissen_totaal")
_PERCEEL = ("perceel", "fase", "fase_titel", "fase_sinds", "afgerond", "datums", "inschrijving_sluit",
            "standstill", "aantallen", "gunning_definitief", "contract", "volgende_stappen", "handelingen")
_NA_GUNNING = ("winnaar", "winnaar_partijen")
# Of an audit line (workflow.audit) the raad sees what happened and when, not who typed it or why;
# its description (`omschrijving`) is made again from the details kept here.
_TIJDLIJN = ("volgnummer", "bij", "aggregaat", "soort", "gebeurtenis", "stap", "label", "datum", "geregistreerd",
             "perceel", "fase")
# Details of a timeline line the raad may see; `gegund_aan` exists only on the definitive award.
_TIJDLIJN_DETAILS = ("van", "naar", "titel", "procedure", "percelen", "looptijd", "max_kandidaten", "bijeenkomst",
                     "aantal_deelnemers", "sluitingsdatum", "standstill_einde", "vordering", "gegund_aan",
                     "ingangsdatum", "einddatum", "maximale_einddatum", "nummer")
# Lines about the procedure rather than about one candidate.
_OPENBARE_FEITEN = ("marktconsultatie", "dialoogsessie", "optie uitgeoefend", "optie vervallen")


def raadsweergave(weergave: dict) -> dict:
    """The raad's view of an aanbesteding (or of projection rows in the same shape)."""
    percelen = []
    for p in weergave.get("percelen", []):
        openbaar = {k: p[k] for k in _PERCEEL if k in p}
        if p.get("kort_geding"):
            openbaar["kort_geding"] = {"sinds": p["kort_geding"]["sinds"]}  # not who brought it
        if "dialoogsessies" in p:
            openbaar["dialoogsessies"] = [{"datum": s["datum"]} for s in p["dialoogsessies"]]
        if "uitspraken" in p:
            openbaar["uitspraken"] = [{"datum": u["datum"], "vordering": u["vordering"]} for u in p["uitspraken"]]
        if p.get("gunning_definitief"):
            openbaar.update({k: p[k] for k in _NA_GUNNING if k in p})
        percelen.append(openbaar)
    uit = {k: weergave[k] for k in _AANBESTEDING if k in weergave}
    uit["percelen"] = percelen
    if "tijdlijn" in weergave:
        uit["tijdlijn"] = [_openbare_regel(r) for r in weergave["tijdlijn"]
                           if r.get("fase") is not None or r["gebeurtenis"] in _OPENBARE_FEITEN]
    uit["vertrouwelijk"] = False
    return uit


def _openbare_regel(regel: dict) -> dict:
    uit = {k: regel[k] for k in _TIJDLIJN if k in regel}
    uit["details"] = {k: v for k, v in regel.get("details", {}).items() if k in _TIJDLIJN_DETAILS}
    return uit
