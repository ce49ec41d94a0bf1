"""The overgangsjaar monitor and signal list: read from the projection only, with plain SQL.

`overgang monitor` and `overgang signalen` run as a fresh process on a population of
100,000 clients, so this module imports neither eventsourcing nor transitions nor
SQLAlchemy (whose import alone costs two to three times the bare start-up of the CLI):
it talks to the database through the driver (sqlite3, or psycopg for PostgreSQL) and
keeps its SQL portable. Table and column names are those of
projections/overdracht_models.py (checked by the tests against the models).

Everything is counted as of a day (`per`) from the effective dates in the projection:
transferred means transferred on or before `per`; the rule (R1/R2/R3) and the planned
overgangsdatum are the current ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from projections.lezer import Lezer

PROJECTIE = "overdrachten"

SIGNAALSOORTEN = {
    "jaar_verstreken": "niet overgedragen in het overgangsjaar",
    "overgangsdatum_verstreken": "overgangsdatum verstreken, niet overgedragen",
    "zonder_vervolg": "R1-indicatie beëindigd zonder vervolg",
    "wacht_op_toestemming": "wacht te lang op toestemming",
    "einde_jaar_nadert": "niet overgedragen, einde overgangsjaar nadert",
}


def _d(waarde) -> date | None:
    if waarde is None or isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde)[:10])


@dataclass(frozen=True)
class Jaar:
    jaar: int
    start: date
    einde: date
    ontvangende_aanbieder: str
    waarschuwing_dagen: int
    synthetisch: bool
    latende_aanbieders: tuple[str, ...]
    aangepast: dict[str, int]  # counted by the projection as the events came in

    @property
    def aanbieders(self) -> int:
        return len(self.latende_aanbieders)

    def aanbieder(self, naam: str) -> str | None:
        """The latende aanbieder as defined (case and spaces do not matter), or None."""
        sleutel = " ".join(naam.split()).casefold()
        return next((a for a in self.latende_aanbieders if " ".join(a.split()).casefold() == sleutel), None)

    @property
    def venster(self) -> date:
        """The first day of the warning window before the end of the year."""
        return self.einde - timedelta(days=self.waarschuwing_dagen)


def jaren(lezer: Lezer, jaar: int | None = None) -> list[Jaar]:
    if not lezer.heeft_tabel("overgangsjaren"):
        return []
    tellers = ("clienten_datum_gewijzigd", "datum_wijzigingen", "clienten_indicatie_gewijzigd", "r1_naar_r2",
               "r2_naar_r1", "gewist")
    sql = ("SELECT jaar, start, einde, ontvangende_aanbieder, waarschuwing_dagen, synthetisch, latende_aanbieders, "
           f"{', '.join(tellers)} FROM overgangsjaren" + (" WHERE jaar = :jaar" if jaar is not None else "")
           + " ORDER BY jaar")
    uit = []
    for j, start, einde, ontvangend, dagen, synth, aanbieders, *aantallen in lezer.rijen(sql, jaar=jaar):
        lijst = aanbieders if isinstance(aanbieders, list) else json.loads(aanbieders)
        uit.append(Jaar(j, _d(start), _d(einde), ontvangend, dagen, bool(synth), tuple(lijst),
                        dict(zip(tellers, aantallen))))
    return uit


# --- the signal list -------------------------------------------------------------------------------

# A transfer still open for R2 on day :per (not transferred, not dropped out by then).
_R2_OPEN = ("(o.overgedragen_op IS NULL OR o.overgedragen_op > :per) "
            "AND (o.uitgevallen_op IS NULL OR o.uitgevallen_op > :per)")
_NIET_UITGEVALLEN = "(o.uitgevallen_op IS NULL OR o.uitgevallen_op > :per)"
_SIGNAAL_KOLOMMEN = ("o.regel, o.wet, o.product, o.latende_aanbieder, o.status, o.einddatum, o.overgangsdatum, "
                     "o.toestemming, o.toestemming_sinds, o.sleutel_id, o.client_versleuteld, k.sleutel")


def signalen(lezer: Lezer, per: date, *, toestemming_dagen: int = 14, jaar: int | None = None,
             aanbieder: str | None = None) -> list[dict]:
    """Every client at risk on `per` (of one latende aanbieder, if given), the worst first; the
    pseudonym decrypted with the client's key (joined from the key table in the same query),
    never stored in the clear. One branch per regel, so the query seeks in the covering index
    on (jaar, regel, latende aanbieder) and reads the table only for the clients it lists."""
    from domain.persoonsgegevens import GEWIST
    from store.keys import ontsleutel

    uit = []
    for j in jaren(lezer, jaar):
        drempel = per - timedelta(days=toestemming_dagen)
        van = j.aanbieder(aanbieder) if aanbieder else None
        if aanbieder and van is None:
            continue
        filter_ = "AND o.latende_aanbieder = :aanbieder" if van else ""
        sql = f"""
            SELECT {_SIGNAAL_KOLOMMEN}, 1 FROM clientoverdrachten o
            LEFT JOIN persoonsgegevens_sleutels k ON k.sleutel_id = o.sleutel_id
            WHERE o.jaar = :jaar AND o.regel = 'R2' {filter_} AND o.gewist IS NULL AND {_R2_OPEN}
              AND (o.overgangsdatum < :per OR :per >= :venster
                   OR (o.toestemming = 'gevraagd' AND o.toestemming_sinds < :drempel))
            UNION ALL
            SELECT {_SIGNAAL_KOLOMMEN}, 0 FROM clientoverdrachten o
            LEFT JOIN persoonsgegevens_sleutels k ON k.sleutel_id = o.sleutel_id
            WHERE o.jaar = :jaar AND o.regel = 'R1' {filter_} AND o.gewist IS NULL AND o.einddatum < :per
              AND o.vervolg IS NULL AND {_NIET_UITGEVALLEN}
        """
        for (regel, wet, product, aanbieder, status, einddatum, overgangsdatum, toestemming, sinds, sleutel_id,
             versleuteld, sleutel, r2_open) in lezer.rijen(sql, jaar=j.jaar, per=per, venster=j.venster,
                                                           drempel=drempel, aanbieder=van):
            einddatum, overgangsdatum, sinds = _d(einddatum), _d(overgangsdatum), _d(sinds)
            soorten = []
            if r2_open:
                if per > j.einde:
                    soorten.append({"soort": "jaar_verstreken", "sinds": j.einde + timedelta(days=1),
                                    "toelichting": f"niet overgedragen in het overgangsjaar (einde {_nl(j.einde)})"})
                if overgangsdatum and overgangsdatum < per:
                    soorten.append({"soort": "overgangsdatum_verstreken", "sinds": overgangsdatum + timedelta(days=1),
                                    "toelichting": f"overgangsdatum {_nl(overgangsdatum)} verstreken, "
                                                   f"{(per - overgangsdatum).days} dagen niet overgedragen"})
                if toestemming == "gevraagd" and sinds and sinds < drempel:
                    soorten.append({"soort": "wacht_op_toestemming", "sinds": sinds,
                                    "toelichting": f"wacht {(per - sinds).days} dagen op toestemming "
                                                   f"(gevraagd {_nl(sinds)})"})
                if j.venster <= per <= j.einde:
                    soorten.append({"soort": "einde_jaar_nadert", "sinds": j.venster,
                                    "toelichting": f"nog niet overgedragen, {(j.einde - per).days} dagen voor het "
                                                   f"einde van het overgangsjaar"})
            elif regel == "R1" and einddatum < per:
                soorten.append({"soort": "zonder_vervolg", "sinds": einddatum + timedelta(days=1),
                                "toelichting": f"indicatie eindigde {_nl(einddatum)} zonder vastgelegd vervolg"})
            if not soorten:
                continue
            pseudoniem = ontsleutel(sleutel, sleutel_id, versleuteld)
            uit.append({
                "jaar": j.jaar, "client": pseudoniem["client"] if pseudoniem else GEWIST,
                "regel": regel, "wet": wet, "product": product, "latende_aanbieder": aanbieder, "status": status,
                "einddatum": einddatum, "overgangsdatum": overgangsdatum, "signalen": soorten,
            })
    volgorde = list(SIGNAALSOORTEN)
    uit.sort(key=lambda r: (min(volgorde.index(s["soort"]) for s in r["signalen"]),
                            min(s["sinds"] for s in r["signalen"]), r["client"]))
    return uit


def _nl(d: date) -> str:
    from domain.datums import nl_datum

    return nl_datum(d)


# --- the monitor -----------------------------------------------------------------------------------

_NU = "(uitgevallen_op IS NULL OR uitgevallen_op > :per)"  # not dropped out by :per
_OPEN = f"(overgedragen_op IS NULL OR overgedragen_op > :per) AND {_NU}"  # R2: not transferred by :per

# What the monitor counts, per regel (only the rows of that regel are evaluated): name → the condition
# a row must meet to count (COUNT(*) FILTER (WHERE …), standard SQL in SQLite and PostgreSQL). What
# follows from these is derived in _afgeleid, not counted twice; what does not depend on the peildatum
# (adjusted dates, erasures) the projection counts on the overgangsjaar's row.
_PER_REGEL = {
    "R1": {
        "uitgevallen": "uitgevallen_op <= :per",
        "r1_beeindigd": f"einddatum < :per AND {_NU}",
        "r1_naar_basis": f"einddatum < :per AND {_NU} AND vervolg = 'basisondersteuning'",
        # the risks, as `signalen` lists them: not for an erased client (nothing can be recorded for it)
        "r1_zonder_vervolg": f"einddatum < :per AND {_NU} AND vervolg IS NULL AND gewist IS NULL",
    },
    "R2": {  # grouped by toestemming too (the next column of the index): r2_open per consent state
        "uitgevallen": "uitgevallen_op <= :per",
        "overgedragen": "overgedragen_op <= :per",
        "zonder_dossier": "overgedragen_op <= :per AND dossier_overgedragen = :nee",
        "overgangsdatum_verstreken": f"{_OPEN} AND overgangsdatum < :per AND gewist IS NULL",
        "wacht_op_toestemming": f"{_OPEN} AND toestemming = 'gevraagd' AND toestemming_sinds < :drempel "
                                "AND gewist IS NULL",
    },
    "R3": {
        "uitgevallen": "uitgevallen_op <= :per",
        "r3_gestart": "indicatie_start <= :per",
    },
}
TOESTEMMINGEN = {"gegeven": "toestemming_gegeven", "gevraagd": "toestemming_gevraagd",
                 "geweigerd": "toestemming_geweigerd", None: "toestemming_onbekend"}
_MATEN = tuple(dict.fromkeys(["aantal", *(m for maten in _PER_REGEL.values() for m in maten), "r1_lopend",
                              "r2_open", "met_dossier", "r3_nog_niet", *TOESTEMMINGEN.values()]))


def _afgeleid(regel: str, t: dict, toestemming: str | None) -> None:
    """What follows from the counts: a row is R1 running or ended unless it dropped out; an R2 row
    is transferred, dropped out (only before a transfer) or still open; a transfer has a dossier
    or not."""
    if regel == "R1":
        t["r1_lopend"] = t["aantal"] - t["uitgevallen"] - t["r1_beeindigd"]
    elif regel == "R2":
        t["r2_open"] = t["aantal"] - t["overgedragen"] - t["uitgevallen"]
        t["met_dossier"] = t["overgedragen"] - t["zonder_dossier"]
        t[TOESTEMMINGEN.get(toestemming, "toestemming_onbekend")] = t["r2_open"]
    else:
        t["r3_nog_niet"] = t["aantal"] - t["r3_gestart"]


def _maat(voorwaarde: str) -> str:
    return f"COUNT(*) FILTER (WHERE {voorwaarde})"


def monitor(lezer: Lezer, per: date, *, toestemming_dagen: int = 14, jaar: int | None = None) -> list[dict]:
    """The factsheet numbers per overgangsjaar: per rule, per latende aanbieder, per month,
    adjusted dates, consent, who delivers (P×Q by the latende aanbieders under overgangsrecht vs
    the lump sum of the ontvangende aanbieder), and the risks.

    One query per regel over the covering index ix_clientoverdrachten_telling, grouped in its
    order (latende aanbieder, wet, toestemming): no table access and no sort."""
    uit = []
    for j in jaren(lezer, jaar):
        params = dict(jaar=j.jaar, per=per, drempel=per - timedelta(days=toestemming_dagen), ja=True, nee=False)
        groepen = []
        for regel, maten in _PER_REGEL.items():
            toestemming = "toestemming" if regel == "R2" else "NULL"  # only R2 counts per consent state
            sql = (f"SELECT latende_aanbieder, wet, {toestemming}, COUNT(*), "
                   f"{', '.join(_maat(v) for v in maten.values())} "
                   "FROM clientoverdrachten WHERE jaar = :jaar AND regel = :regel "
                   f"GROUP BY latende_aanbieder, wet{', toestemming' if regel == 'R2' else ''}")
            for aanbieder, wet, toestemming, *waarden in lezer.rijen(sql, regel=regel, **params):
                telling = dict.fromkeys(_MATEN, 0)
                telling.update(zip(["aantal", *maten], (int(x or 0) for x in waarden)))
                _afgeleid(regel, telling, toestemming)
                groepen.append((regel, wet, aanbieder or "", telling))
        uit.append(_factsheet(lezer, j, per, toestemming_dagen, groepen))
    return uit


def _optel(groepen) -> tuple[dict, dict, dict, dict]:
    """The counts summed in one pass: in total, per regel, per wet, per latende aanbieder (with its
    R1 and R2 clients)."""
    totaal: dict = dict.fromkeys(_MATEN, 0)
    per_regel: dict = {}
    per_wet: dict = {}
    per_aanbieder: dict = {}
    for regel, wet, aanbieder, maten in groepen:
        doelen = [totaal, per_regel.setdefault(regel, dict.fromkeys(_MATEN, 0)),
                  per_wet.setdefault(wet, dict.fromkeys(_MATEN, 0))]
        if aanbieder:
            a = per_aanbieder.setdefault(aanbieder, {**dict.fromkeys(_MATEN, 0), "R1": 0, "R2": 0})
            a[regel] = a.get(regel, 0) + maten["aantal"]
            doelen.append(a)
        for naam, waarde in maten.items():
            if waarde:
                for doel in doelen:
                    doel[naam] += waarde
    return totaal, per_regel, per_wet, per_aanbieder


def _factsheet(lezer: Lezer, j: Jaar, per: date, toestemming_dagen: int, groepen) -> dict:
    alles, per_regel, per_wet, per_aanbieder = _optel(groepen)
    nul = dict.fromkeys(_MATEN, 0)
    r1, r2, r3 = (per_regel.get(r, nul) for r in ("R1", "R2", "R3"))
    return {
        "jaar": j.jaar, "start": j.start, "einde": j.einde, "per": per, "synthetisch": j.synthetisch,
        "ontvangende_aanbieder": j.ontvangende_aanbieder, "latende_aanbieders": j.aanbieders,
        "clienten": alles["aantal"], "gewist": j.aangepast["gewist"],
        "per_regel": {r: {"aantal": m["aantal"], "overgedragen": m["overgedragen"], "uitgevallen": m["uitgevallen"],
                          "nog_niet_over": m["r2_open"], "lopend_r1": m["r1_lopend"], "beeindigd_r1": m["r1_beeindigd"]}
                      for r, m in sorted(per_regel.items())},
        "per_wet": {w: {"aantal": m["aantal"], "R2_overgedragen": m["overgedragen"], "R2_nog_niet_over": m["r2_open"]}
                    for w, m in sorted(per_wet.items())},
        "per_aanbieder": [
            {"aanbieder": a, "R1": m["R1"], "R1_lopend": m["r1_lopend"],
             "R2": m["R2"], "R2_overgedragen": m["overgedragen"], "R2_nog_niet_over": m["r2_open"],
             "uitgevallen": m["uitgevallen"], "overgangsdatum_verstreken": m["overgangsdatum_verstreken"]}
            for a, m in sorted(per_aanbieder.items())
        ],
        "per_maand": _per_maand(lezer, j, per, r2["aantal"]),
        "aangepast": {"overgangsdatum_gewijzigd_clienten": j.aangepast["clienten_datum_gewijzigd"],
                      "overgangsdatum_wijzigingen": j.aangepast["datum_wijzigingen"],
                      "indicatie_gewijzigd_clienten": j.aangepast["clienten_indicatie_gewijzigd"],
                      "heringedeeld_r1_naar_r2": j.aangepast["r1_naar_r2"],
                      "heringedeeld_r2_naar_r1": j.aangepast["r2_naar_r1"]},
        "toestemming": {
            "nog_niet_over_per_wet": {w: {"gegeven": m["toestemming_gegeven"], "gevraagd": m["toestemming_gevraagd"],
                                          "geweigerd": m["toestemming_geweigerd"], "onbekend": m["toestemming_onbekend"]}
                                      for w, m in sorted(per_wet.items())},
            "overgedragen_met_dossier": alles["met_dossier"], "overgedragen_zonder_dossier": alles["zonder_dossier"],
            "wmo_zonder_toestemming_nog_niet_over": per_wet.get("wmo", nul)["r2_open"]
            - per_wet.get("wmo", nul)["toestemming_gegeven"],
        },
        "levering": {
            "pxq": {"R1_lopend": r1["r1_lopend"], "R2_nog_niet_over": r2["r2_open"],
                    "totaal": r1["r1_lopend"] + r2["r2_open"]},
            "lumpsum": {"R2_overgedragen": r2["overgedragen"], "R3": r3["r3_gestart"],
                        "R1_na_einddatum_basisondersteuning": r1["r1_naar_basis"],
                        "totaal": r2["overgedragen"] + r3["r3_gestart"] + r1["r1_naar_basis"]},
            "geen": {"uitgevallen": alles["uitgevallen"], "R1_beeindigd_overig": r1["r1_beeindigd"] - r1["r1_naar_basis"],
                     "R3_nog_niet_gestart": r3["r3_nog_niet"]},
        },
        "risico": {
            "overgangsdatum_verstreken": alles["overgangsdatum_verstreken"],
            "r1_zonder_vervolg": r1["r1_zonder_vervolg"],
            "wacht_op_toestemming": alles["wacht_op_toestemming"], "toestemming_dagen": toestemming_dagen,
            "einde_jaar_nadert": r2["r2_open"] if j.venster <= per <= j.einde else 0,
            "niet_over_in_jaar": r2["r2_open"] if per > j.einde else 0,
            "waarschuwing_vanaf": j.venster,
        },
    }


def _per_maand(lezer: Lezer, j: Jaar, per: date, r2_totaal: int) -> list[dict]:
    """Per month of the year: R2 planned (current plan), transferred and dropped out that month
    (up to `per`), and how many R2 clients were still to go at the end of the month. Counted per
    day (in index order, no sort) and summed per month here."""
    tellingen: dict[tuple[str, str], int] = {}
    for soort, kolom, voorwaarde in (("gepland", "overgangsdatum", "overgangsdatum IS NOT NULL"),
                                     ("overgedragen", "overgedragen_op", "overgedragen_op <= :per"),
                                     ("uitgevallen", "uitgevallen_op", "uitgevallen_op <= :per")):
        sql = (f"SELECT {kolom}, COUNT(*) FROM clientoverdrachten WHERE jaar = :jaar AND regel = 'R2' "
               f"AND {voorwaarde} GROUP BY {kolom}")
        for dag, n in lezer.rijen(sql, jaar=j.jaar, per=per):
            sleutel = (soort, f"{_d(dag):%Y-%m}")
            tellingen[sleutel] = tellingen.get(sleutel, 0) + int(n)
    te_gaan = r2_totaal
    maanden, m = [], date(j.start.year, j.start.month, 1)
    # Transfers after the end of the year still count (late), in their own month.
    laatste = max([j.einde] + [date.fromisoformat(f"{k}-01") for _, k in tellingen])
    te_gaan -= sum(n for (s, k), n in tellingen.items() if s != "gepland" and k < f"{m:%Y-%m}")
    while m <= laatste:
        sleutel = f"{m:%Y-%m}"
        over, uit = tellingen.get(("overgedragen", sleutel), 0), tellingen.get(("uitgevallen", sleutel), 0)
        te_gaan -= over + uit
        maanden.append({"maand": sleutel, "gepland": tellingen.get(("gepland", sleutel), 0), "overgedragen": over,
                        "uitgevallen": uit, "nog_te_gaan": te_gaan if m <= per else None})
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return maanden


# --- what `overgang verwerk` must look at ------------------------------------------------------------


def te_verwerken(lezer: Lezer, tot: date, jaar: int | None = None) -> list[str]:
    """Ids of transfers with something due up to `tot` that was not processed yet (the transfer
    itself decides; this only narrows down which to load)."""
    ids = []
    for j in jaren(lezer, jaar):
        sql = """
            SELECT overdracht_id FROM clientoverdrachten
            WHERE jaar = :jaar AND gewist IS NULL AND (
                (status = 'loopt_door' AND einddatum <= :tot)
                OR (regel = 'R2' AND overgedragen_op IS NULL AND status NOT IN ('uitgevallen', 'afgesloten') AND (
                    (overgangsdatum < :tot AND (signaal_overgangsdatum IS NULL OR signaal_overgangsdatum <> overgangsdatum))
                    OR (:tot > :einde AND signaal_jaar = :nee))))
            ORDER BY overdracht_id
        """
        ids.extend(r[0] for r in lezer.rijen(sql, jaar=j.jaar, tot=tot, einde=j.einde, nee=False))
    return ids
