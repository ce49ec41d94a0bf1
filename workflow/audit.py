"""The one audit line: every event of every part as a line a person reads, and the histories made of them.

`regel(event, bij, kader)` turns one stored event into a line (a plain dict);
`_SOORTEN` below is the table that names each event class and describes its
facts in Dutch. Every history uses it: `audit geschiedenis` of a zaak (its own
events, its inspraakdossier, its zienswijzen and the raadsagenda entries about
it, merged) and of an aanbesteding, and `aanbesteding tijdlijn`.

A line:

    volgnummer     position in the history (for one aggregate: its version)
    bij            the aggregate, in words: "zaak 3261787", "zienswijze 3261787-2", "raadsagenda 26 oktober 2022"
    aggregaat      {"soort": "zienswijze", "sleutel": "3261787-2", "versie": 3}
    soort          the event class, e.g. "StatusGewijzigd" (with aggregaat.soort it names the event exactly)
    gebeurtenis    the kind of fact, a short Dutch name: "stap", "zienswijze ingediend", "geagendeerd", …
    stap           (steps only) the step's name in the definition
    label          what happened, in words; for a step its `titel` in the definition
    omschrijving   the facts in one Dutch sentence; never the reason, never personal data
    datum          the day it took effect; geregistreerd: when it was recorded (the library's timestamp)
    actor, reden   who did it and why
    perceel, fase  (aanbesteding only) the perceel and the phase it went to
    details        the event's facts as values (without the fields above and without personal data)

The indieners' identities, the samenvattingen and the answers' own texts are
encrypted in the events (older events hold the texts in the clear); a line
never carries the key id, a ciphertext or those texts, and nothing here decrypts. What the raad may see
of an aanbesteding is decided by domain.vertrouwelijkheid.raadsweergave, which
keeps only listed keys of a line and of its details; `omschrijving(regel, kader)`
then describes what is left, so the sentence never says more than the details.

A merged history is in the order of recording (the events' timestamps; each
aggregate's own events stay in their version order), not of effective date:
facts of an inspraak need not be recorded in the order of their dates.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from domain import besluitvorming as bvm
from domain.aanbesteding import UITKOMSTEN, Aanbesteding, aanbesteding_id, contract_einde, looptijd_tekst
from domain.advies import AdviesNaarRaad, AdviesOntvangen, CollegeReactieVerzonden
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.ontvankelijkheid import TE_VROEG_GEMEEND, VERSCHOONBAAR
from domain.overdracht import Clientoverdracht, Overgangsjaar
from domain.zaak import LopendeTermijn, Zaak, zaak_id
from domain.zienswijze import Inspraakdossier, Zienswijze, inspraakdossier_id, zienswijze_id
from workflow.definitie import ZAAKTYPE
from workflow.kern import Dienst

_BASISVELDEN = {"originator_id", "originator_version", "timestamp", "originator_topic", "actor", "datum", "reden"}
# Fields that identify or may identify a person (the key id, the texts of a zienswijze, which version 1
# events hold in the clear; ciphertexts are left out by name): never in a line.
# A client's key id (cliëntoverdracht) likewise.
_PERSOONSGEGEVENS = {"indiener_ref", "indiener_versleuteld", "samenvatting", "reactie", "sleutel_id"}
ZAAKNUMMER = re.compile(r"[0-9]+")


# --- the words of a definition ------------------------------------------------------------


@dataclass(frozen=True)
class Kader:
    """How a definition (zaaktype or aanbestedingsprocedure) names its steps and states."""

    titel: str = ""
    stappen: Mapping[tuple[str, str | None], str] = field(default_factory=dict)  # (stap, van) → titel
    toestanden: Mapping[str, str] = field(default_factory=dict)  # naam → titel

    @classmethod
    def uit(cls, definitie) -> Kader:
        """From a workflow.definitie.Definitie."""
        stappen: dict[tuple[str, str | None], str] = {}
        for o in definitie.overgangen:
            stappen.setdefault((o.stap, None), o.titel)
            for van in o.van:
                stappen.setdefault((o.stap, van), o.titel)
        return cls(definitie.titel, stappen, {t.naam: t.titel for t in definitie.toestanden})

    def stap(self, stap: str, van: str | None = None) -> str:
        return self.stappen.get((stap, van)) or self.stappen.get((stap, None)) or stap.replace("_", " ").capitalize()

    def toestand(self, naam: str) -> str:
        return self.toestanden.get(naam) or naam.replace("_", " ")


@dataclass(frozen=True)
class Bij:
    """The aggregate an event belongs to: its kind and its natural key."""

    soort: str  # "zaak", "inspraakdossier", "zienswijze", "raadsagenda", "aanbesteding"
    sleutel: str

    @property
    def tekst(self) -> str:
        return f"{self.soort} {self.sleutel}"


# --- the table: per event class its name, label and description ---------------------------

Beschrijf = Callable[[dict, Kader], str]


@dataclass(frozen=True)
class Soort:
    gebeurtenis: str
    label: str | Callable[[dict], str]
    omschrijving: Beschrijf = lambda d, k: ""
    details: Callable[[object], dict] | None = None  # the facts as shown; default: the event's own fields
    stap: bool = False  # a step of the definition: the label is the step's titel, the description starts van → naar


def _velden(e) -> dict:
    return {k: v for k, v in vars(e).items() if k not in _BASISVELDEN and k not in _PERSOONSGEGEVENS
            and "versleuteld" not in k}


def _datum(d) -> str:
    return nl_datum(d) if isinstance(d, date) else str(d)


def _getal(x) -> str:
    """87.5 → '87,5'; 90.0 → '90'."""
    if isinstance(x, float):
        return (f"{x:.2f}".rstrip("0").rstrip(".")).replace(".", ",")
    return str(x)


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _opsomming(woorden) -> str:
    """'a', 'a en b', 'a, b en c'."""
    woorden = [str(w) for w in woorden]
    if len(woorden) <= 1:
        return "".join(woorden)
    return ", ".join(woorden[:-1]) + " en " + woorden[-1]


def _zin(*delen) -> str:
    return "; ".join(d for d in delen if d)


def _termijnen(records) -> str:
    """The deadlines a step started, with their last day: 'zienswijzetermijn t/m 10 augustus 2021'."""
    uit = []
    for r in records or ():
        try:
            uit.append(f"{r['naam']} t/m {nl_datum(LopendeTermijn.uit_record(r).bereken().einde)}")
        except (KeyError, ValueError):
            uit.append(str(r.get("naam", "termijn")))
    return ", ".join(uit)


def _overgang(d: dict, k: Kader) -> str:
    if "van" in d and "naar" in d:
        return f"{k.toestand(d['van'])} → {k.toestand(d['naar'])}"
    return ""


# Zaak ---------------------------------------------------------------------------------------


def _zaak_geregistreerd(d, k):
    wie = d.get("behandelaar", "") + (f" ({d['sector']})" if d.get("sector") else "")
    ph = d.get("portefeuillehouders") or []
    return _zin(
        f"{k.titel or d.get('zaaktype')} (versie {d.get('zaaktype_versie')}): {d.get('omschrijving')}",
        f"status {k.toestand(d['status'])}" if d.get("status") else "",
        f"behandelaar {wie}" if wie else "",
        f"portefeuillehouder {_opsomming(ph)}" if ph else "",
        _termijnen(d.get("termijnen")),
    )


def _statusgewijzigd(d, k):
    return _zin(_overgang(d, k), _termijnen(d.get("termijnen")))


def _afgesloten(d, k):
    return _zin(_overgang(d, k), f"resultaat {d['resultaat']}" if d.get("resultaat") else "")


# Besluitvorming ------------------------------------------------------------------------------


def _politieke_markt(d, k):
    waar = ", ".join(x for x in (d.get("zaal"), f"voorzitter {d['voorzitter']}" if d.get("voorzitter") else None) if x)
    if d.get("spreekrecht"):
        spreken = "spreekrecht" + (f", ten hoogste {_aantal(d['max_spreektijd'], 'minuut', 'minuten')} per inspreker"
                                   if d.get("max_spreektijd") else "")
    else:
        spreken = "geen spreekrecht"
    insprekers = list(d.get("insprekers") or [])
    if n := d.get("particuliere_insprekers"):
        insprekers.append(f"{_aantal(n, 'particuliere inspreker', 'particuliere insprekers')} (niet bij naam)")
    return _zin(
        f"{d.get('soort', '')} op {_datum(d['pm_datum'])}".strip() + (f" ({waar})" if waar else ""),
        spreken,
        f"insprekers: {_opsomming(insprekers)}" if insprekers else "",
    )


def _behandeling(code: str) -> str:
    try:
        return f" ({bvm.sectie(code).behandeling})"
    except (KeyError, IndexError, TypeError):
        return ""


def _geagendeerd(d, k):
    return f"raad van {_datum(d['vergaderdatum'])}, agendapunt {d['agendacode']}{_behandeling(d['agendacode'])}"


def _agendapunt_gewijzigd(d, k):
    return f"{d['oud']} → {d['nieuw']}{_behandeling(d['nieuw'])}, raad van {_datum(d['vergaderdatum'])}"


def _raadsbesluit(d, k):
    return _zin(d.get("uitkomst", ""), _aantal(len(d.get("beslispunten") or []), "beslispunt", "beslispunten"))


def _bekendgemaakt(d, k):
    termijn = (f"beroepstermijn {_datum(d['beroepstermijn_eerste_dag'])} t/m {_datum(d['beroepstermijn_einde'])}"
               if d.get("beroepstermijn_einde") else "")
    return _zin(f"in {d['vindplaats']}" if d.get("vindplaats") else "", termijn)


def _inwerkingtreding(d, k):
    regel = bvm.INWERKINGTREDING_REGELS.get(d.get("regel") or "", (None, None))[1]
    return f"treedt in werking op {_datum(d['inwerkingtreding'])}" + (f" ({regel})" if regel else "")


def _beroep(d, k):
    if d.get("tijdigheid"):
        tijdig = d["tijdigheid"]
    elif d.get("binnen_termijn") is not None:
        tijdig = "binnen de termijn" if d["binnen_termijn"] else "na de termijn"
    else:
        tijdig = ""
    return _zin(f"door {d.get('indiener')} bij de {d.get('instantie')}",
                f"ter post bezorgd op {_datum(d['verzonden'])}" if d.get("verzonden") else "", tijdig)


def _uitspraak_beroep(d, k):
    blijft = d.get("uitkomst") != "gegrond"
    return f"beroep {d.get('uitkomst')}: " + ("het besluit blijft in stand" if blijft else "het besluit is vernietigd")


# Advies ---------------------------------------------------------------------------------------


def _advies_ontvangen(d, k):
    return _zin(f"van {d.get('adviesorgaan')}" + (f", kenmerk {d['kenmerk']}" if d.get("kenmerk") else "")
                + (f", gedagtekend {_datum(d['dagtekening'])}" if d.get("dagtekening") else ""),
                _aantal(len(d.get("adviezen") or []), "advies", "adviezen"))


def _college_reactie(d, k):
    reacties = d.get("reacties") or []
    telling: dict[str, int] = {}
    for r in reacties:
        telling[r["uitkomst"]] = telling.get(r["uitkomst"], 0) + 1
    return _zin(
        f"op {_aantal(len(reacties), 'advies', 'adviezen')}: " + ", ".join(f"{n} {u}" for u, n in telling.items()),
        f"reactietermijn t/m {_datum(d['reactietermijn_einde'])}" if d.get("reactietermijn_einde") else "",
        ("afwijkende termijn" + (f" tot {_datum(d['termijn_tot'])}" if d.get("termijn_tot") else "")
         + f": {d['afwijking']}") if d.get("afwijking") else "",
    )


# Inspraak ---------------------------------------------------------------------------------------


def _kennisgeving(d, k):
    return (f"in {d.get('publicatie')}: {d.get('ontwerp')}"
            + (f" (ontwerp van {_datum(d['ontwerp_datum'])})" if d.get("ontwerp_datum") else ""))


def _ingediend_details(e) -> dict:
    d = _velden(e)
    d["persoonsgegevens"] = "versleuteld" if getattr(e, "indiener_versleuteld", None) else None
    return d


def _beantwoord_details(e) -> dict:
    d = _velden(e)
    d["eigen_tekst"] = bool(e.reactie or e.reactie_versleuteld)  # the text itself is personal data
    return d


def _ingediend(d, k):
    o = d.get("ontvankelijkheid") or {}
    # The engine's judgment says when it was received and whether that was on time (domain.ontvankelijkheid).
    oordeel = (o.get("reden") or "").strip().rstrip(".")
    oordeel = oordeel[:1].lower() + oordeel[1:]
    return _zin(
        d.get("vorm", "") + (f", ter post bezorgd {_datum(d['verzenddatum'])}" if d.get("verzenddatum") else ""),
        f"thema: {', '.join(d['themas'])}" if d.get("themas") else "",
        f"ontvangen {_datum(d['ontvangstdatum'])}, informeel: als overige reactie" if d.get("informeel")
        else oordeel or f"ontvangen {_datum(d['ontvangstdatum'])}",
        "indiener versleuteld vastgelegd" if d.get("persoonsgegevens") else "",
    )


def _verschoonbaar(d, k):
    uitkomst = (d.get("ontvankelijkheid") or {}).get("uitkomst")
    if uitkomst == VERSCHOONBAAR:
        return "alsnog ontvankelijk: te laat, maar verschoonbaar (Awb 6:11)"
    if uitkomst == TE_VROEG_GEMEEND:
        return "alsnog ontvankelijk: de indiener kon menen dat het ontwerp al bestond (Awb 6:10 lid 1 sub b)"
    return f"alsnog ontvankelijk ({uitkomst})" if uitkomst else "alsnog ontvankelijk"


def _beantwoord(d, k):
    codes = d.get("standaardreacties") or []
    met = (("met eigen tekst en " if d.get("eigen_tekst") else "met ")
           + ("standaardreactie " if len(codes) == 1 else "standaardreacties ") + _opsomming(codes)) if codes \
        else "met een eigen reactie"
    aanpassing = (f"leidt tot aanpassing: {d['wat_gewijzigd']}" if d.get("leidt_tot_aanpassing")
                  else "leidt niet tot aanpassing")
    vervolg = d.get("vervolgacties") or []
    return _zin(met, aanpassing, f"vervolg: {_opsomming(vervolg)}" if vervolg else "")


# Aanbesteding ----------------------------------------------------------------------------------
# The details keep the names the raad's view lists (domain.vertrouwelijkheid: _TIJDLIJN_DETAILS).


def _ab_geregistreerd_details(e) -> dict:
    return {"titel": e.titel, "procedure": e.procedure, "percelen": list(e.percelen),
            "looptijd": looptijd_tekst(e.looptijd_jaren, e.opties_jaren), "max_kandidaten": e.max_kandidaten}


def _ab_geregistreerd(d, k):
    return _zin(
        d.get("titel", ""),
        k.titel or d.get("procedure", ""),
        f"{'perceel' if len(d.get('percelen') or []) == 1 else 'percelen'} {_opsomming(d['percelen'])}"
        if d.get("percelen") else "",
        f"contract {d['looptijd']}" if d.get("looptijd") else "",
        f"ten hoogste {_aantal(d['max_kandidaten'], 'kandidaat', 'kandidaten')} in de dialoog"
        if d.get("max_kandidaten") else "",
    )


def _fase_details(e) -> dict:
    details = {"van": e.van, "naar": e.naar}
    if isinstance(e, Aanbesteding.InschrijfleidraadGepubliceerd):
        details["sluitingsdatum"] = e.sluitingsdatum
    elif isinstance(e, Aanbesteding.GunningsbeslissingVerzonden):
        details["voorgenomen_winnaar"] = e.winnaar
        for t in e.termijnen:
            details["standstill_einde"] = LopendeTermijn.uit_record(t).bereken().einde
    elif isinstance(e, Aanbesteding.KortGedingAangespannen):
        details["eiser"] = e.eiser
    elif isinstance(e, Aanbesteding.UitspraakGedaan):
        details["vordering"] = e.vordering
    elif isinstance(e, Aanbesteding.DefinitiefGegund):
        details["gegund_aan"] = e.winnaar
    elif isinstance(e, Aanbesteding.ContractGetekend):
        details["ingangsdatum"] = e.ingangsdatum
        details["einddatum"] = contract_einde(e.ingangsdatum, e.looptijd_jaren)
        details["maximale_einddatum"] = contract_einde(e.ingangsdatum, e.looptijd_jaren + sum(e.opties_jaren))
        details["looptijd"] = looptijd_tekst(e.looptijd_jaren, e.opties_jaren)
    return details


def _fase(d, k):
    return _zin(
        _overgang(d, k),
        f"inschrijving sluit {_datum(d['sluitingsdatum'])}" if d.get("sluitingsdatum") else "",
        f"voorgenomen winnaar {d['voorgenomen_winnaar']}" if d.get("voorgenomen_winnaar") else "",
        f"standstill t/m {_datum(d['standstill_einde'])}" if d.get("standstill_einde") else "",
        f"aangespannen door {d['eiser']}" if d.get("eiser") else "",
        f"vordering {d['vordering']}" if d.get("vordering") else "",
        f"gegund aan {d['gegund_aan']}" if d.get("gegund_aan") else "",
        (f"loopt {_datum(d['ingangsdatum'])} t/m {_datum(d['einddatum'])}" if d.get("einddatum") else "")
        + (f", {d['looptijd']}" if d.get("looptijd") and d.get("einddatum") else ""),
        f"met alle opties t/m {_datum(d['maximale_einddatum'])}" if d.get("maximale_einddatum") else "",
    )


def _kandidaat(d) -> str:
    return d.get("kandidaat") or ""


def _aanmelding(d, k):
    partijen = d.get("partijen") or []
    return _zin(_kandidaat(d), f"partijen: {', '.join(partijen)}" if partijen and partijen != [d.get("kandidaat")] else "")


def _dialoogsessie_details(e) -> dict:
    return {"onderwerp": e.onderwerp, "deelnemers": list(e.deelnemers),
            "uitkomsten": {UITKOMSTEN.get(s, s): list(v) for s, v in e.uitkomsten.items()}}


def _dialoogsessie(d, k):
    return _zin(
        (d.get("onderwerp", "") + (f", met {_opsomming(d['deelnemers'])}" if d.get("deelnemers") else "")),
        *(f"{soort}: {'; '.join(punten)}" for soort, punten in (d.get("uitkomsten") or {}).items()),
    )


def _verificatie(d, k):
    if "partij" not in d:
        return ""
    uitslag = "voldoet" if d.get("voldoet") else "voldoet niet: de kandidaat is uitgesloten"
    return f"{d['partij']} (van {d.get('kandidaat')}) met {d.get('instrument')}: {uitslag}"


# Cliëntoverdracht and overgangsjaar ----------------------------------------------------------------
# The pseudonym and the reasons about a client are ciphertexts (left out by name), the key id is left
# out; the service puts the decrypted reason in the line's `reden` where the key still exists.


def _client_aangemeld(d, k):
    return _zin(
        f"{d.get('regel')}, {d.get('wet')} {d.get('product')}",
        f"indicatie {_datum(d['indicatie_start'])} t/m {_datum(d['einddatum'])}",
        f"latende aanbieder {d['latende_aanbieder']}" if d.get("latende_aanbieder") else "nieuwe hulpvraag",
        f"overgangsdatum {_datum(d['overgangsdatum'])}" if d.get("overgangsdatum") else "",
        f"status {k.toestand(d['status'])}" if d.get("status") else "",
        f"toestemming {d['toestemming']}" if d.get("toestemming") else "",
    )


def _client_stap(d, k):
    return _zin(
        _overgang(d, k),
        f"aanwezig: {_opsomming(d['aanwezigen'])}" if d.get("aanwezigen") else "",
        ("met dossier" if d["dossier_overgedragen"] else "zonder dossier")
        + (f": {d['dossier_grond']}" if d.get("dossier_grond") else "") if "dossier_overgedragen" in d else "",
        f"oorzaak {d['oorzaak']}" if d.get("oorzaak") else "",
    )


def _indicatie_gewijzigd(d, k):
    return _zin(
        f"einddatum {_datum(d['oude_einddatum'])} → {_datum(d['nieuwe_einddatum'])} ({d.get('soort')})",
        f"{d['oude_regel']} → {d['nieuwe_regel']}" if d.get("oude_regel") != d.get("nieuwe_regel") else "",
        _overgang(d, k) if d.get("van") != d.get("naar") else "",
        f"overgangsdatum {_datum(d['overgangsdatum'])}" if d.get("overgangsdatum") else "",
    )


def _jaar_gedefinieerd(d, k):
    return _zin(
        f"{_datum(d['start'])} t/m {_datum(d['einde'])}",
        f"ontvangende aanbieder {d['ontvangende_aanbieder']}" if d.get("ontvangende_aanbieder") else "",
        f"latende aanbieders {_opsomming(d['latende_aanbieders'])}" if d.get("latende_aanbieders") else "",
        f"definitie versie {d['definitie_versie']}" if d.get("definitie_versie") else "",
    )


def _populatie(d, k):
    nieuw = d.get("nieuw") or {}
    return _zin(
        f"{d.get('bestand')}: {_aantal(d.get('rijen', 0), 'rij', 'rijen')}",
        "nieuw " + ", ".join(f"{r} {n}" for r, n in nieuw.items()) if nieuw else "",
        f"al aanwezig {d['al_aanwezig']}" if d.get("al_aanwezig") else "",
        f"afgewezen {d['afgewezen']}" if d.get("afgewezen") else "",
        "synthetisch" if d.get("synthetisch") else "",
    )


_SOORTEN: dict[type, Soort] = {
    # Zaak
    Zaak.Geregistreerd: Soort("geregistreerd", "Zaak geregistreerd", _zaak_geregistreerd),
    Zaak.StatusGewijzigd: Soort("stap", "Stap", _statusgewijzigd, stap=True),
    Zaak.Opgeschort: Soort("opgeschort", "Zaak opgeschort", lambda d, k: "de termijnen staan stil"),
    Zaak.Hervat: Soort("hervat", "Zaak hervat", lambda d, k: (
        f"na {_aantal(d.get('opgeschorte_dagen', 0), 'dag', 'dagen')} opschorting; de termijnen lopen weer")),
    Zaak.Verlengd: Soort("verlengd", "Termijn verlengd", lambda d, k: f"met {_aantal(d.get('dagen', 0), 'dag', 'dagen')}"),
    Zaak.Afgesloten: Soort("afgesloten", "Afgesloten", _afgesloten, stap=True),
    bvm.PolitiekeMarktGepland: Soort("politieke markt gepland", "Politieke markt gepland", _politieke_markt),
    bvm.Geagendeerd: Soort("geagendeerd", "Geagendeerd voor de raad", _geagendeerd),
    bvm.AgendapuntGewijzigd: Soort("agendapunt gewijzigd", "Agendapunt gewijzigd", _agendapunt_gewijzigd),
    bvm.RaadsbesluitGenomen: Soort("raadsbesluit genomen", "Raadsbesluit genomen", _raadsbesluit),
    bvm.Bekendgemaakt: Soort("bekendgemaakt", "Besluit bekendgemaakt", _bekendgemaakt),
    bvm.InwerkingtredingVastgelegd: Soort("inwerkingtreding vastgelegd", "Inwerkingtreding vastgelegd",
                                          _inwerkingtreding),
    bvm.BeroepIngesteld: Soort("beroep ingesteld", "Beroep ingesteld", _beroep),
    bvm.UitspraakGedaan: Soort("uitspraak gedaan", "Uitspraak in beroep", _uitspraak_beroep),
    bvm.OnherroepelijkGeworden: Soort("onherroepelijk geworden", "Besluit onherroepelijk",
                                      lambda d, k: f"onherroepelijk per {_datum(d['per'])}"),
    AdviesOntvangen: Soort("advies ontvangen", "Advies ontvangen", _advies_ontvangen),
    CollegeReactieVerzonden: Soort("reactie college verzonden", "Reactie van het college verzonden", _college_reactie),
    AdviesNaarRaad: Soort("advies naar de raad", "Advies naar de raad", lambda d, k: (
        "met de reactie van het college" if d.get("met_reactie") else "zonder reactie van het college")),
    # Raadsagenda
    bvm.Raadsagenda.Aangemaakt: Soort("raadsagenda aangemaakt", "Raadsagenda aangemaakt",
                                      lambda d, k: f"raadsvergadering van {_datum(d['vergaderdatum'])}"),
    bvm.Raadsagenda.PuntGeagendeerd: Soort("agendapunt toegekend", "Agendapunt toegekend",
                                           lambda d, k: f"{d['code']}: zaak {d['zaaknummer']}"),
    bvm.Raadsagenda.PuntGewijzigd: Soort("agendapunt verplaatst", "Agendapunt verplaatst",
                                         lambda d, k: f"{d['oud']} → {d['nieuw']}: zaak {d['zaaknummer']}"),
    # Inspraakdossier and zienswijzen
    Inspraakdossier.Geopend: Soort("inspraakdossier geopend", "Inspraakdossier geopend"),
    Inspraakdossier.KennisgevingVastgelegd: Soort("kennisgeving vastgelegd", "Kennisgeving vastgelegd", _kennisgeving),
    Inspraakdossier.StandaardreactieToegevoegd: Soort(
        "standaardreactie toegevoegd", "Standaardreactie toegevoegd",
        lambda d, k: d["code"] + (f": {d['titel']}" if d.get("titel") else "")),
    Inspraakdossier.ZienswijzeGeregistreerd: Soort("zienswijze geregistreerd", "Zienswijze geregistreerd",
                                                   lambda d, k: f"kenmerk {d['kenmerk']}"),
    Zienswijze.Ingediend: Soort(
        "zienswijze ingediend",
        lambda d: "Zienswijze ingediend" if d.get("soort") == "zienswijze" else "Overige reactie ingediend",
        _ingediend, details=_ingediend_details),
    Zienswijze.VerschoonbaarVerklaard: Soort("verschoonbaar verklaard", "Verschoonbaar verklaard", _verschoonbaar),
    Zienswijze.Beantwoord: Soort("beantwoord", "Zienswijze beantwoord", _beantwoord, details=_beantwoord_details),
    Zienswijze.BriefVerzonden: Soort("brief verzonden", "Brief aan de indiener verzonden", lambda d, k: (
        "over het voorstel van het college" if d.get("soort") == "voorstel" else "over het raadsbesluit")),
    Zienswijze.IndienerVergeten: Soort("indiener vergeten", "Persoonsgegevens van de indiener gewist", lambda d, k: (
        "sleutel vernietigd (AVG art. 17): identiteit, samenvatting en eigen reactietekst zijn niet meer te lezen")),
    Zienswijze.PersoonsgegevensIngezien: Soort("persoonsgegevens ingezien", "Persoonsgegevens van de indiener ingezien",
                                               lambda d, k: f"in {d['wat']}" if d.get("wat") else ""),
    # Aanbesteding
    Aanbesteding.Geregistreerd: Soort("geregistreerd", "Aanbesteding geregistreerd", _ab_geregistreerd,
                                      details=_ab_geregistreerd_details),
    Aanbesteding.FaseGewijzigd: Soort("stap", "Stap", _fase, details=_fase_details, stap=True),
    Aanbesteding.InschrijfleidraadGepubliceerd: Soort("inschrijfleidraad gepubliceerd", "", _fase,
                                                      details=_fase_details, stap=True),
    Aanbesteding.GunningsbeslissingVerzonden: Soort("gunningsbeslissing verzonden", "", _fase,
                                                    details=_fase_details, stap=True),
    Aanbesteding.KortGedingAangespannen: Soort("kort geding aangespannen", "", _fase, details=_fase_details, stap=True),
    Aanbesteding.UitspraakGedaan: Soort("uitspraak kort geding", "", _fase, details=_fase_details, stap=True),
    Aanbesteding.DefinitiefGegund: Soort("definitief gegund", "", _fase, details=_fase_details, stap=True),
    Aanbesteding.ContractGetekend: Soort("contract getekend", "", _fase, details=_fase_details, stap=True),
    Aanbesteding.Ingetrokken: Soort("ingetrokken", "", _fase, details=_fase_details, stap=True),
    Aanbesteding.MarktconsultatieGehouden: Soort(
        "marktconsultatie", "Marktconsultatie",
        lambda d, k: _zin(d.get("bijeenkomst", ""), _aantal(d["aantal_deelnemers"], "deelnemer", "deelnemers")
                          if d.get("aantal_deelnemers") else ""),
        details=lambda e: {"bijeenkomst": e.omschrijving, "aantal_deelnemers": e.deelnemers}),
    Aanbesteding.AanmeldingOntvangen: Soort("aanmelding ontvangen", "Aanmelding ontvangen", _aanmelding),
    Aanbesteding.AanmeldingBeoordeeld: Soort(
        "aanmelding beoordeeld",
        lambda d: "Toegelaten tot de dialoog" if d.get("toegelaten") else "Aanmelding afgewezen",
        lambda d, k: _zin(_kandidaat(d), f"selectiescore {_getal(d['score'])}" if d.get("score") is not None else "")),
    Aanbesteding.DialoogsessieGehouden: Soort("dialoogsessie", "Dialoogsessie", _dialoogsessie,
                                              details=_dialoogsessie_details),
    Aanbesteding.InschrijvingOntvangen: Soort("inschrijving ontvangen", "Inschrijving ontvangen",
                                              lambda d, k: _kandidaat(d)),
    Aanbesteding.InschrijvingGeweigerd: Soort("inschrijving geweigerd", "Inschrijving geweigerd",
                                              lambda d, k: _kandidaat(d)),
    Aanbesteding.InschrijvingBeoordeeld: Soort(
        "inschrijving beoordeeld", "Inschrijving beoordeeld",
        lambda d, k: _zin(_kandidaat(d), f"score {_getal(d['score'])}" if d.get("score") is not None else "")),
    Aanbesteding.Geverifieerd: Soort("verificatie", "Verificatie", _verificatie),
    Aanbesteding.OptieUitgeoefend: Soort("optie uitgeoefend", lambda d: f"Optie {d.get('nummer')} uitgeoefend"),
    Aanbesteding.OptieVervallen: Soort("optie vervallen", lambda d: f"Optie {d.get('nummer')} niet uitgeoefend"),
    # Not in the raad's view (no phase, not among its public facts): who looked is the inkoper's and auditor's.
    Aanbesteding.VertrouwelijkIngezien: Soort("vertrouwelijk ingezien", "Vertrouwelijke gegevens ingezien",
                                              lambda d, k: f"in {d['wat']}" if d.get("wat") else ""),
    # Overgangsjaar
    Overgangsjaar.Gedefinieerd: Soort("overgangsjaar gedefinieerd", lambda d: f"Overgangsjaar {d.get('jaar')} "
                                      "gedefinieerd", _jaar_gedefinieerd),
    Overgangsjaar.AanbiederToegevoegd: Soort("latende aanbieder toegevoegd", "Latende aanbieder toegevoegd",
                                             lambda d, k: d.get("naam", "")),
    Overgangsjaar.PopulatieGeimporteerd: Soort("populatie geïmporteerd", "Populatie geïmporteerd", _populatie),
    # Cliëntoverdracht (the steps' labels are their titels in the definition)
    Clientoverdracht.Aangemeld: Soort("aangemeld (import)", "Aangemeld", _client_aangemeld, stap=True),
    Clientoverdracht.Stap: Soort("stap", "Stap", _client_stap, stap=True),
    Clientoverdracht.ToestemmingGevraagd: Soort("toestemming gevraagd", "", _client_stap, stap=True),
    Clientoverdracht.ToestemmingGegeven: Soort("toestemming gegeven", "", _client_stap, stap=True),
    Clientoverdracht.ToestemmingGeweigerd: Soort("toestemming geweigerd", "", _client_stap, stap=True),
    Clientoverdracht.WarmeOverdrachtGehouden: Soort("warme overdracht", "", _client_stap, stap=True),
    Clientoverdracht.Overgedragen: Soort("overgedragen", "", _client_stap, stap=True),
    Clientoverdracht.Afgesloten: Soort("afgesloten", "", _client_stap, stap=True),
    Clientoverdracht.IndicatieBeeindigd: Soort("indicatie beëindigd (einddatum)", "", _client_stap, stap=True),
    Clientoverdracht.Uitgevallen: Soort("uitgevallen", "", _client_stap, stap=True),
    Clientoverdracht.IndicatieGewijzigd: Soort(
        "indicatie gewijzigd", lambda d: "Indicatie verlengd" if d.get("soort") == "verlengd" else "Indicatie ingekort",
        _indicatie_gewijzigd),
    Clientoverdracht.OvergangsdatumGewijzigd: Soort(
        "overgangsdatum gewijzigd", "Overgangsdatum gewijzigd",
        lambda d, k: f"{_datum(d['oud'])} → {_datum(d['nieuw'])}"),
    Clientoverdracht.VervolgVastgelegd: Soort("vervolg vastgelegd", "Vervolg vastgelegd",
                                              lambda d, k: d.get("vervolg", "")),
    Clientoverdracht.Gesignaleerd: Soort("gesignaleerd", "Gesignaleerd",
                                         lambda d, k: d.get("soort", "").replace("_", " ")),
    Clientoverdracht.ClientVergeten: Soort("gegevens gewist", "Persoonsgegevens van de cliënt gewist", lambda d, k: (
        "sleutel vernietigd (AVG art. 17): pseudoniem en redenen zijn niet meer te lezen; de tellingen blijven")),
}


def _algemeen(klassenaam: str) -> Soort:
    """An event class the table does not know (yet): named after its class, its fields listed."""
    naam = re.sub(r"(?<!^)(?=[A-Z])", " ", klassenaam).lower()

    def alles(d, k):
        return "; ".join(f"{sleutel.replace('_', ' ')}: {_waarde(v)}" for sleutel, v in d.items()
                         if v not in (None, [], {}, "") and not isinstance(v, dict))

    return Soort(naam, naam.capitalize(), alles)


def _waarde(v) -> str:
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, date):
        return nl_datum(v)
    if isinstance(v, list):
        return ", ".join(_waarde(x) for x in v) if len(v) <= 3 else f"{len(v)} stuks"
    tekst = str(v)
    return tekst if len(tekst) <= 80 else tekst[:77] + "…"


def soort_van(cls: type) -> Soort:
    """The table's entry for an event class, or for the nearest class it derives from."""
    for c in cls.__mro__:
        if c in _SOORTEN:
            return _SOORTEN[c]
    return _algemeen(cls.__name__)


# --- the line -------------------------------------------------------------------------------


def regel(e, bij: Bij, kader: Kader = Kader()) -> dict:
    """One event as a line of the audit (see the module docstring)."""
    soort = soort_van(type(e))
    details = soort.details(e) if soort.details else _velden(e)
    r = {
        "volgnummer": e.originator_version,
        "bij": bij.tekst,
        "aggregaat": {"soort": bij.soort, "sleutel": bij.sleutel, "versie": e.originator_version},
        "soort": type(e).__name__,
        "gebeurtenis": soort.gebeurtenis,
    }
    if soort.stap:
        r["stap"] = e.stap
        r["label"] = kader.stap(e.stap, getattr(e, "van", None))
    else:
        r["label"] = soort.label(details) if callable(soort.label) else soort.label
    r.update(omschrijving="", datum=e.datum, geregistreerd=e.timestamp, actor=e.actor, reden=e.reden)
    if bij.soort == "aanbesteding":
        r["perceel"] = getattr(e, "perceel", None)
        r["fase"] = getattr(e, "naar", None) if soort.stap else getattr(e, "fase", None)
    r["details"] = details
    r["omschrijving"] = _beschrijf(soort, details, kader)
    return r


def omschrijving(r: dict, kader: Kader = Kader()) -> str:
    """The description of a line from its details: after raadsweergave it says only what is left.

    `r` needs `soort` and `aggregaat.soort` (to find the table entry) and `details`.
    """
    cls = _KLASSEN.get((r.get("aggregaat", {}).get("soort"), r["soort"]))
    return _beschrijf(soort_van(cls) if cls else _algemeen(r["soort"]), r.get("details") or {}, kader)


def _beschrijf(soort: Soort, details: dict, kader: Kader) -> str:
    try:
        return soort.omschrijving(details, kader)
    except (KeyError, TypeError, ValueError):  # a field missing (an older event, or hidden for the raad)
        return ""


def _klassen() -> dict[tuple[str, str], type]:
    """(aggregate kind, class name) → class: class names repeat across aggregates (Geregistreerd, UitspraakGedaan)."""
    uit: dict[tuple[str, str], type] = {}
    for cls in _SOORTEN:
        if issubclass(cls, Zaak.Event):
            soort = "zaak"
        elif issubclass(cls, Inspraakdossier.Event):
            soort = "inspraakdossier"
        elif issubclass(cls, Zienswijze.Event):
            soort = "zienswijze"
        elif issubclass(cls, bvm.Raadsagenda.Event):
            soort = "raadsagenda"
        elif issubclass(cls, Overgangsjaar.Event):
            soort = "overgangsjaar"
        elif issubclass(cls, Clientoverdracht.Event):
            soort = "cliëntoverdracht"
        else:
            soort = "aanbesteding"
        uit[(soort, cls.__name__)] = cls
    return uit


_KLASSEN = _klassen()


# --- histories ------------------------------------------------------------------------------


def samengevoegd(*stromen: list[dict]) -> list[dict]:
    """Lines of several aggregates in one order: by recording time; each aggregate's own lines keep
    their version order (heapq.merge never reorders within one input). Numbered from 1."""
    regels = list(heapq.merge(*stromen, key=lambda r: r["geregistreerd"]))
    for n, r in enumerate(regels, start=1):
        r["volgnummer"] = n
    return regels


class AuditDienst(Dienst):
    """The history of a zaak or an aanbesteding in the one line format; a zaak as it was on a day."""

    def geschiedenis(self, nummer: str, *, vertrouwelijk: bool = False, actor: str | None = None,
                     reden: str | None = None) -> dict:
        """Every event of zaak `nummer` (digits) or of aanbesteding `nummer` (its kenmerk), as lines.

        A zaaknummer is digits only; an aanbesteding's kenmerk may be digits too, so for digits
        the zaak is tried first. The aanbesteding shows the raad's view unless `vertrouwelijk` (with
        `actor` and `reden`: the look is recorded on the aanbesteding first).
        """
        nummer = nummer.strip()
        if ZAAKNUMMER.fullmatch(nummer):
            events = self.kern.gebeurtenissen(zaak_id(nummer))
            if events:
                return self._zaak(nummer, events)
        if nummer and self.kern.gebeurtenissen(aanbesteding_id(nummer)):
            g = self.kern.dienst("aanbestedingen").aanbesteding_geschiedenis(
                nummer, vertrouwelijk=vertrouwelijk, actor=actor, reden=reden)
            return {"soort": "aanbesteding", "nummer": nummer, "titel": g["titel"],
                    "vertrouwelijk": g["vertrouwelijk"], "percelen": [p["perceel"] for p in g["percelen"]],
                    "regels": g["tijdlijn"]}
        raise self._onbekend(nummer)

    def toon_per(self, nummer: str, per: date, *, geregistreerd: bool = False, vertrouwelijk: bool = False,
                 actor: str | None = None, reden: str | None = None) -> dict:
        """The zaak or aanbesteding as it was on `per`, rebuilt from its events (domain.tijdreis.zoals_op)."""
        nummer = nummer.strip()
        if ZAAKNUMMER.fullmatch(nummer) and self.kern.gebeurtenissen(zaak_id(nummer)):
            return {"soort": "zaak", **self.zaken.toon_per(nummer, per, geregistreerd=geregistreerd)}
        if nummer and self.kern.gebeurtenissen(aanbesteding_id(nummer)):
            w = self.kern.dienst("aanbestedingen").aanbesteding_toon(
                nummer, vertrouwelijk=vertrouwelijk, actor=actor, reden=reden, per=per, geregistreerd=geregistreerd)
            return {"soort": "aanbesteding", **w}
        raise self._onbekend(nummer)

    def _onbekend(self, nummer: str) -> DomeinFout:
        if re.fullmatch(r"[0-9]+-[0-9]+", nummer) and self.kern.gebeurtenissen(zienswijze_id(nummer)):
            zaak = nummer.split("-")[0]
            return DomeinFout(f"{nummer} is het kenmerk van een zienswijze; de geschiedenis staat bij zaak {zaak} "
                              f"('audit geschiedenis {zaak}'), de zienswijze zelf: 'zienswijze toon {nummer}'.")
        return DomeinFout(
            f"Er is geen zaak en geen aanbesteding '{nummer}'. Een zaaknummer bestaat uit cijfers "
            "(bijvoorbeeld 3261787), een aanbesteding heeft een kenmerk (bijvoorbeeld HGL-BO-2023)."
        )

    def _zaak(self, zaaknummer: str, zaak_events: list) -> dict:
        eerste = zaak_events[0]
        # The rules the zaak ran on: its zaaktype version as stored (workflow.definitieversies).
        kader = Kader.uit(self.kern.dienst("definities").regels(
            ZAAKTYPE, eerste.zaaktype, eerste.zaaktype_versie, getattr(eerste, "zaaktype_sha256", None)))
        stromen = [[regel(e, Bij("zaak", zaaknummer), kader) for e in zaak_events]]

        dossier = self.kern.gebeurtenissen(inspraakdossier_id(zaaknummer))
        if dossier:
            stromen.append([regel(e, Bij("inspraakdossier", zaaknummer), kader) for e in dossier])
        kenmerken = [e.kenmerk for e in dossier if isinstance(e, Inspraakdossier.ZienswijzeGeregistreerd)]
        for kenmerk in kenmerken:
            stromen.append([regel(e, Bij("zienswijze", kenmerk), kader)
                            for e in self.kern.gebeurtenissen(zienswijze_id(kenmerk))])

        # The raadsagenda entries about this zaak (an agenda is shared by the zaken of one meeting).
        vergaderingen = list(dict.fromkeys(e.vergaderdatum for e in zaak_events
                                           if isinstance(e, (bvm.Geagendeerd, bvm.AgendapuntGewijzigd))))
        for vergaderdatum in vergaderingen:
            agenda = self.kern.gebeurtenissen(bvm.raadsagenda_id(vergaderdatum))
            bij = Bij("raadsagenda", nl_datum(vergaderdatum))
            eigen = [e for e in agenda if getattr(e, "zaaknummer", None) == zaaknummer]
            # The agenda was opened by this zaak's agendering when its first entry is this zaak's.
            if len(agenda) > 1 and getattr(agenda[1], "zaaknummer", None) == zaaknummer:
                eigen.insert(0, agenda[0])
            stromen.append([regel(e, bij, kader) for e in eigen])

        return {
            "soort": "zaak", "nummer": zaaknummer, "titel": eerste.omschrijving,
            "bronnen": {"zaak": len(zaak_events), "inspraakdossier": len(dossier),
                        "zienswijzen": len(kenmerken), "raadsagenda": [nl_datum(v) for v in vergaderingen]},
            "regels": samengevoegd(*stromen),
        }
