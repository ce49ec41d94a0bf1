"""The Aanbesteding aggregate: a public procurement, its percelen, candidates and contracts.

Each perceel (lot) is awarded on its own, so each has its own phase, deadline
records, candidates, dialogue, inschrijvingen and contract. Which phases exist
and which steps lead where is a workflow definition
(workflow/definities-aanbesteding); the application checks the step against it
and hands the outcome here. As with the Zaak, command methods check what only
the aanbesteding itself knows, then record one event; `apply` is the only place
state changes, so replaying history runs exactly the code the command ran.

Candidate names and scores are in the events (the inkoper and the auditor need
them); who may see them is decided in one place, domain.vertrouwelijkheid. Who
was shown them is recorded here: every look at the full view is an event
(`VertrouwelijkIngezien`, with actor, day and the reason asked for).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.basis import Gebeurtenis
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.termijnen import Termijn
from domain.zaak import LopendeTermijn

AANBESTEDING_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/aanbesteding")

# The longest contract accepted, all options included. The longest public contracts in
# practice are DBFM(O) contracts for infrastructure, of 25 to 30 years; a longer one is a
# typo, and an unbounded one runs off the calendar (the seed case is 4 + 2 + 2 = 8).
MAX_CONTRACTJAREN = 30


# What a dialogue session can produce (seed 001 L1279-1288, L3671-3675), with the word people use.
UITKOMSTEN = {
    "opdrachtomschrijving": "opdrachtomschrijving",
    "kernwaarden": "kernwaarden",
    "financiele_afspraken": "financiële afspraken",
    "overlegstructuren": "overlegstructuren",
    "risicos": "risico's en ventielafspraken",
}


def aanbesteding_id(kenmerk: str) -> UUID:
    """An aanbesteding's aggregate id follows from its kenmerk, so lookups need no index."""
    return uuid5(AANBESTEDING_NAMESPACE, kenmerk)


def verplicht(tekst: str, melding: str) -> str:
    """`tekst` without surrounding spaces; refused with `melding` when nothing is left."""
    if not tekst or not tekst.strip():
        raise DomeinFout(melding)
    return tekst.strip()


def _leeg(tekst: str | None) -> bool:
    return not tekst or not tekst.strip()


def contract_einde(ingangsdatum: date, jaren: int) -> date:
    """The last day of a contract that runs `jaren` years from `ingangsdatum`.

    A contract term in years is no termijn of the Algemene termijnenwet (and
    domain.termijnen counts only days and weeks): it ends the day before the
    same date `jaren` years later, 1-1-2025 + 4 jaar → 31-12-2028.
    """
    if ingangsdatum.year + jaren > date.max.year:
        raise DomeinFout(f"Een contract van {jaren} jaar vanaf {nl_datum(ingangsdatum)} eindigt na "
                         f"{nl_datum(date.max)}, de laatste dag van de kalender.")
    try:
        zelfde_dag = ingangsdatum.replace(year=ingangsdatum.year + jaren)
    except ValueError:  # 29 februari, en het eindjaar is geen schrikkeljaar
        zelfde_dag = date(ingangsdatum.year + jaren, 3, 1)
    return zelfde_dag - timedelta(days=1)


def looptijd_tekst(looptijd_jaren: int, opties_jaren: list[int]) -> str:
    """'4 + 2 + 2 jaar (ten hoogste 8)', as contracts are described."""
    delen = " + ".join(str(j) for j in [looptijd_jaren, *opties_jaren])
    if not opties_jaren:
        return f"{delen} jaar, zonder opties"
    return f"{delen} jaar (ten hoogste {looptijd_jaren + sum(opties_jaren)})"


@dataclass
class Kandidaat:
    """A candidate (one company or a samenwerkingsverband) on one perceel."""

    naam: str
    partijen: list[str]  # the parties to screen: kernpartners and onderaannemers, or the candidate itself
    aangemeld: date
    toegelaten: bool | None = None  # None: not yet assessed
    beoordeeld: date | None = None
    selectiescore: float | None = None
    afwijzing: str | None = None
    ingeschreven: date | None = None
    geweigerd: dict | None = None  # {"datum", "reden"}: a refused inschrijving, kept for auditors
    score: float | None = None
    verificaties: dict[str, dict] = field(default_factory=dict)  # partij → {"datum", "instrument", "voldoet", "reden"}
    uitgesloten: dict | None = None  # {"datum", "partij", "reden"}

    @property
    def status(self) -> str:
        if self.uitgesloten:
            return "uitgesloten"
        if self.geweigerd:
            return "inschrijving geweigerd"
        if self.ingeschreven:
            return "ingeschreven"
        if self.toegelaten is None:
            return "aangemeld"
        return "toegelaten" if self.toegelaten else "afgewezen"

    @property
    def in_de_race(self) -> bool:
        """Has a valid inschrijving and was not excluded."""
        return self.ingeschreven is not None and self.uitgesloten is None

    def te_verifiëren(self) -> list[str]:
        return [p for p in self.partijen if p not in self.verificaties]


@dataclass
class Contract:
    getekend: date
    ingangsdatum: date
    looptijd_jaren: int
    opties_jaren: list[int]
    uitgeoefend: dict[int, date] = field(default_factory=dict)  # optie → datum
    afgezien: dict[int, date] = field(default_factory=dict)  # optie → datum (explicitly not exercised)

    @property
    def einddatum(self) -> date:
        jaren = self.looptijd_jaren + sum(self.opties_jaren[n - 1] for n in self.uitgeoefend)
        return contract_einde(self.ingangsdatum, jaren)

    @property
    def maximale_einddatum(self) -> date:
        return contract_einde(self.ingangsdatum, self.looptijd_jaren + sum(self.opties_jaren))

    def optie(self, nummer: int, per: date) -> tuple[str, str]:
        """(status, toelichting) of option `nummer` on day `per`: uitgeoefend, vervallen or open.

        Options run in order: each extends the contract as it stands, so an option
        lapses when an earlier one lapsed, when it was explicitly not exercised,
        or when the contract ended without it being exercised.
        """
        if nummer in self.uitgeoefend:
            return "uitgeoefend", f"uitgeoefend op {nl_datum(self.uitgeoefend[nummer])}"
        for n in range(1, nummer + 1):
            if n in self.afgezien:
                wie = "" if n == nummer else f" (optie {n} is niet uitgeoefend)"
                return "vervallen", f"vervallen: op {nl_datum(self.afgezien[n])} besloten niet te verlengen{wie}"
        if per > self.einddatum:
            return "vervallen", f"vervallen: het contract liep af op {nl_datum(self.einddatum)} zonder deze optie"
        volgende = len(self.uitgeoefend) + 1
        if nummer > volgende:
            return "open", f"kan pas na optie {volgende}"
        return "open", f"uit te oefenen uiterlijk {nl_datum(self.einddatum)}"


@dataclass
class Perceel:
    naam: str
    fase: str
    fase_sinds: date
    termijnen: list[LopendeTermijn]
    datums: dict[str, date] = field(default_factory=dict)  # stap → the day it was (last) taken
    kandidaten: dict[str, Kandidaat] = field(default_factory=dict)
    dialoogsessies: list[dict] = field(default_factory=list)
    inschrijving_sluit: date | None = None  # last day an inschrijving is on time
    voorlopige_winnaar: str | None = None
    standstill: LopendeTermijn | None = None  # of the last gunningsbeslissing
    winnaar: str | None = None  # only after the definitive award
    kort_geding: dict | None = None  # {"sinds", "eiser"} while pending
    uitspraken: list[dict] = field(default_factory=list)
    contract: Contract | None = None

    def kandidaat(self, naam: str) -> Kandidaat:
        if naam not in self.kandidaten:
            bekend = ", ".join(self.kandidaten) or "nog geen"
            if _leeg(naam):
                raise DomeinFout(f"Noem de kandidaat; aangemeld voor perceel {self.naam}: {bekend}.")
            raise DomeinFout(f"'{naam}' heeft zich niet aangemeld voor perceel {self.naam}; aangemeld: {bekend}.")
        return self.kandidaten[naam]

    def toegelaten(self) -> list[Kandidaat]:
        return [k for k in self.kandidaten.values() if k.toegelaten]

    def lopende_termijnen(self) -> list[tuple[LopendeTermijn, Termijn]]:
        # A calendar-day standstill is never suspended or extended: no extra days.
        return [(t, t.bereken()) for t in self.termijnen]

    def termijn_records(self) -> list[dict]:
        return [
            {"naam": t.naam, "lengte": t.regel.lengte, "eenheid": t.regel.eenheid.value,
             "telling": t.regel.telling.value, "soort": t.regel.soort.value, "aard": t.aard,
             "grondslag": t.grondslag, "gebeurtenis": t.gebeurtenis.isoformat()}
            for t in self.termijnen
        ]


class Aanbesteding(Aggregate):
    class Event(Gebeurtenis):
        """Who, when it took effect, and why: domain.basis.Gebeurtenis."""

    class Geregistreerd(Event, Aggregate.Created):
        kenmerk: str
        titel: str
        procedure: str
        procedure_versie: int
        percelen: list[str]
        max_kandidaten: int
        looptijd_jaren: int
        opties_jaren: list[int]
        fase: str
        termijnen: list[dict]
        # The sha256 of the procedure text it runs on (domain.definitieversie); None before those were stored.
        procedure_sha256: str | None = None

        def apply(self, a: Aanbesteding) -> None:
            a.kenmerk = self.kenmerk
            a.titel = self.titel
            a.procedure = self.procedure
            a.procedure_versie = self.procedure_versie
            a.procedure_sha256 = self.procedure_sha256
            a.max_kandidaten = self.max_kandidaten
            a.looptijd_jaren = self.looptijd_jaren
            a.opties_jaren = list(self.opties_jaren)
            a.startdatum = self.datum
            a.marktconsultaties = []
            a.percelen = {
                naam: Perceel(naam, self.fase, self.datum, [LopendeTermijn.uit_record(t) for t in self.termijnen])
                for naam in self.percelen
            }

    class MarktconsultatieGehouden(Event):
        omschrijving: str
        deelnemers: int

        def apply(self, a: Aanbesteding) -> None:
            a.marktconsultaties.append(
                {"datum": self.datum, "omschrijving": self.omschrijving, "deelnemers": self.deelnemers}
            )

    # --- phase steps: one event per step, with the facts the step records --------

    class FaseGewijzigd(Event):
        perceel: str
        stap: str
        van: str
        naar: str
        termijnen: list[dict]

        def apply(self, a: Aanbesteding) -> None:
            p = a.percelen[self.perceel]
            p.fase = self.naar
            p.fase_sinds = self.datum
            p.termijnen = [LopendeTermijn.uit_record(t) for t in self.termijnen]
            p.datums[self.stap] = self.datum
            self.werk_bij(p)

        def werk_bij(self, p: Perceel) -> None:
            """The facts a particular step records, besides the phase."""

    class InschrijfleidraadGepubliceerd(FaseGewijzigd):
        sluitingsdatum: date

        def werk_bij(self, p: Perceel) -> None:
            p.inschrijving_sluit = self.sluitingsdatum

    class GunningsbeslissingVerzonden(FaseGewijzigd):
        winnaar: str

        def werk_bij(self, p: Perceel) -> None:
            p.voorlopige_winnaar = self.winnaar
            p.standstill = next((t for t in p.termijnen if t.aard == "wachttermijn"), None)

    class KortGedingAangespannen(FaseGewijzigd):
        eiser: str

        def werk_bij(self, p: Perceel) -> None:
            p.kort_geding = {"sinds": self.datum, "eiser": self.eiser}

    class UitspraakGedaan(FaseGewijzigd):
        vordering: str  # "toegewezen" or "afgewezen"

        def werk_bij(self, p: Perceel) -> None:
            p.uitspraken.append({"datum": self.datum, "eiser": p.kort_geding["eiser"],
                                 "sinds": p.kort_geding["sinds"], "vordering": self.vordering})
            p.kort_geding = None
            if self.vordering == "toegewezen":
                p.voorlopige_winnaar = None  # the award decision falls; beoordeling starts again

    class DefinitiefGegund(FaseGewijzigd):
        winnaar: str

        def werk_bij(self, p: Perceel) -> None:
            p.winnaar = self.winnaar

    class ContractGetekend(FaseGewijzigd):
        ingangsdatum: date
        looptijd_jaren: int
        opties_jaren: list[int]

        def werk_bij(self, p: Perceel) -> None:
            p.contract = Contract(self.datum, self.ingangsdatum, self.looptijd_jaren, list(self.opties_jaren))

    class Ingetrokken(FaseGewijzigd):
        pass

    # --- facts recorded within a phase --------------------------------------------

    class AanmeldingOntvangen(Event):
        perceel: str
        kandidaat: str
        partijen: list[str]

        def apply(self, a: Aanbesteding) -> None:
            a.percelen[self.perceel].kandidaten[self.kandidaat] = Kandidaat(
                self.kandidaat, list(self.partijen), self.datum
            )

    class AanmeldingBeoordeeld(Event):
        perceel: str
        kandidaat: str
        toegelaten: bool
        score: float | None

        def apply(self, a: Aanbesteding) -> None:
            k = a.percelen[self.perceel].kandidaten[self.kandidaat]
            k.toegelaten = self.toegelaten
            k.beoordeeld = self.datum
            k.selectiescore = self.score
            k.afwijzing = None if self.toegelaten else self.reden

    class DialoogsessieGehouden(Event):
        perceel: str
        onderwerp: str
        deelnemers: list[str]
        uitkomsten: dict[str, list[str]]  # soort (see UITKOMSTEN) → what was agreed

        def apply(self, a: Aanbesteding) -> None:
            a.percelen[self.perceel].dialoogsessies.append({
                "datum": self.datum, "onderwerp": self.onderwerp, "deelnemers": list(self.deelnemers),
                "uitkomsten": {s: list(v) for s, v in self.uitkomsten.items()},
            })

    class InschrijvingOntvangen(Event):
        perceel: str
        kandidaat: str

        def apply(self, a: Aanbesteding) -> None:
            a.percelen[self.perceel].kandidaten[self.kandidaat].ingeschreven = self.datum

    class InschrijvingGeweigerd(Event):
        perceel: str
        kandidaat: str

        def apply(self, a: Aanbesteding) -> None:
            a.percelen[self.perceel].kandidaten[self.kandidaat].geweigerd = {"datum": self.datum, "reden": self.reden}

    class InschrijvingBeoordeeld(Event):
        perceel: str
        kandidaat: str
        score: float

        def apply(self, a: Aanbesteding) -> None:
            a.percelen[self.perceel].kandidaten[self.kandidaat].score = self.score

    class Geverifieerd(Event):
        perceel: str
        kandidaat: str
        partij: str
        instrument: str
        voldoet: bool

        def apply(self, a: Aanbesteding) -> None:
            k = a.percelen[self.perceel].kandidaten[self.kandidaat]
            k.verificaties[self.partij] = {"datum": self.datum, "instrument": self.instrument,
                                           "voldoet": self.voldoet, "reden": self.reden}
            if not self.voldoet:
                k.uitgesloten = {"datum": self.datum, "partij": self.partij, "reden": self.reden}

    class OptieUitgeoefend(Event):
        perceel: str
        nummer: int

        def apply(self, a: Aanbesteding) -> None:
            a.percelen[self.perceel].contract.uitgeoefend[self.nummer] = self.datum

    class OptieVervallen(Event):
        perceel: str
        nummer: int

        def apply(self, a: Aanbesteding) -> None:
            a.percelen[self.perceel].contract.afgezien[self.nummer] = self.datum

    # --- who looked -----------------------------------------------------------------

    class VertrouwelijkIngezien(Event):
        """Someone was shown the confidential view (names, parties, scores, reasons), in `wat`: who,
        on which day and why (Aanbestedingswet 2012 art. 2.57: what candidates give in confidence)."""

        wat: str

        def apply(self, a: Aanbesteding) -> None:
            pass  # nothing about the aanbesteding changes: the event itself is the record

    # --- construction -------------------------------------------------------------

    @classmethod
    def registreer(
        cls,
        *,
        kenmerk: str,
        titel: str,
        procedure: str,
        procedure_versie: int,
        percelen: list[str],
        max_kandidaten: int,
        looptijd_jaren: int,
        opties_jaren: list[int],
        fase: str,
        termijnen: list[dict],
        actor: str,
        datum: date,
        reden: str | None,
        procedure_sha256: str | None = None,
    ) -> Aanbesteding:
        if not kenmerk or any(c.isspace() for c in kenmerk):
            raise DomeinFout(f"Kenmerk '{kenmerk}' is ongeldig: één woord zonder spaties, bijvoorbeeld HGL-BO-2023.")
        titel = verplicht(titel, "Een aanbesteding heeft een titel nodig (--titel).")
        if not percelen:
            raise DomeinFout("Een aanbesteding heeft ten minste één perceel (--perceel).")
        percelen = [verplicht(p, "Een perceel heeft een naam; --perceel is leeg.") for p in percelen]
        dubbel = sorted({p for p in percelen if percelen.count(p) > 1})
        if dubbel:
            raise DomeinFout(f"Perceel {', '.join(dubbel)} staat er meer dan eens in; elk perceel heeft een eigen naam.")
        if max_kandidaten < 1:
            raise DomeinFout("Het maximum aantal kandidaten voor de dialoog is ten minste 1.")
        if looptijd_jaren < 1 or any(j < 1 for j in opties_jaren):
            raise DomeinFout("De looptijd en elke optie duren ten minste 1 jaar.")
        if (jaren := looptijd_jaren + sum(opties_jaren)) > MAX_CONTRACTJAREN:
            raise DomeinFout(f"Een contract van {jaren} jaar (looptijd en opties samen) is te lang: "
                             f"ten hoogste {MAX_CONTRACTJAREN} jaar.")
        return cls._create(
            cls.Geregistreerd,
            id=aanbesteding_id(kenmerk),
            kenmerk=kenmerk, titel=titel, procedure=procedure, procedure_versie=procedure_versie,
            percelen=list(percelen), max_kandidaten=max_kandidaten, looptijd_jaren=looptijd_jaren,
            opties_jaren=list(opties_jaren), fase=fase, termijnen=termijnen, procedure_sha256=procedure_sha256,
            actor=actor, datum=datum, reden=reden,
        )

    # --- queries ------------------------------------------------------------------

    def perceel(self, naam: str | None) -> Perceel:
        """The perceel named, or the only one when no name is given."""
        if naam is None:
            if len(self.percelen) == 1:
                return next(iter(self.percelen.values()))
            raise DomeinFout(
                f"Aanbesteding {self.kenmerk} heeft {len(self.percelen)} percelen; "
                f"noem er een met --perceel ({', '.join(self.percelen)})."
            )
        if naam not in self.percelen:
            raise DomeinFout(f"Aanbesteding {self.kenmerk} heeft geen perceel '{naam}'; wel: {', '.join(self.percelen)}.")
        return self.percelen[naam]

    @property
    def looptijd(self) -> str:
        return looptijd_tekst(self.looptijd_jaren, self.opties_jaren)

    # --- commands -----------------------------------------------------------------

    def _controleer_datum(self, p: Perceel, datum: date) -> None:
        if datum < p.fase_sinds:
            raise DomeinFout(
                f"De datum {nl_datum(datum)} ligt voor de huidige fase van perceel {p.naam} "
                f"('{p.fase}' sinds {nl_datum(p.fase_sinds)})."
            )

    def ga_naar(self, p: Perceel, *, stap: str, naar: str, termijnen: list[dict], actor: str, datum: date,
                reden: str | None, soort: type[FaseGewijzigd] | None = None, **feiten) -> None:
        """Record step `stap` of perceel `p` (already checked against the definition)."""
        self._controleer_datum(p, datum)
        self.trigger_event(
            soort or self.FaseGewijzigd,
            perceel=p.naam, stap=stap, van=p.fase, naar=naar, termijnen=termijnen,
            actor=actor, datum=datum, reden=reden, **feiten,
        )

    def houd_marktconsultatie(self, percelen: list[Perceel], *, omschrijving: str, deelnemers: int, actor: str,
                              datum: date, reden: str | None) -> None:
        """A session for the whole aanbesteding; `percelen` are those in the marktconsultatie phase."""
        for p in percelen:
            self._controleer_datum(p, datum)
        if deelnemers < 1:
            raise DomeinFout("Een marktconsultatie heeft ten minste 1 deelnemer.")
        omschrijving = verplicht(omschrijving, "Geef de bijeenkomst een omschrijving, bijvoorbeeld 'Startbijeenkomst'.")
        self.trigger_event(self.MarktconsultatieGehouden, omschrijving=omschrijving, deelnemers=deelnemers,
                           actor=actor, datum=datum, reden=reden)

    def meld_aan(self, p: Perceel, *, kandidaat: str, partijen: list[str], actor: str, datum: date,
                 reden: str | None) -> None:
        self._controleer_datum(p, datum)
        kandidaat = verplicht(kandidaat, "Een aanmelding noemt de kandidaat.")
        partijen = [verplicht(x, f"Een partij van {kandidaat} heeft een naam; --partij is leeg.") for x in partijen]
        if kandidaat in p.kandidaten:
            raise DomeinFout(
                f"{kandidaat} heeft zich al aangemeld voor perceel {p.naam} "
                f"(op {nl_datum(p.kandidaten[kandidaat].aangemeld)})."
            )
        dubbel = sorted({x for x in partijen if partijen.count(x) > 1})
        if dubbel:
            raise DomeinFout(f"Partij {', '.join(dubbel)} staat er meer dan eens in.")
        self.trigger_event(self.AanmeldingOntvangen, perceel=p.naam, kandidaat=kandidaat,
                           partijen=partijen or [kandidaat], actor=actor, datum=datum, reden=reden)

    def beoordeel_aanmelding(self, p: Perceel, *, kandidaat: str, toegelaten: bool, score: float | None,
                             actor: str, datum: date, reden: str | None) -> None:
        self._controleer_datum(p, datum)
        k = p.kandidaat(kandidaat)
        if k.toegelaten is not None:
            raise DomeinFout(
                f"De aanmelding van {kandidaat} is al beoordeeld op {nl_datum(k.beoordeeld)}: {k.status}."
            )
        if datum < k.aangemeld:
            raise DomeinFout(f"{kandidaat} meldde zich aan op {nl_datum(k.aangemeld)}; beoordelen kan niet eerder.")
        if toegelaten:
            al = p.toegelaten()
            if len(al) >= self.max_kandidaten:
                hoeveel = "1 kandidaat mag" if self.max_kandidaten == 1 else f"{self.max_kandidaten} kandidaten mogen"
                raise DomeinFout(
                    f"Ten hoogste {hoeveel} door naar de dialoogfase en dat aantal is bereikt "
                    f"({', '.join(x.naam for x in al)}); wijs {kandidaat} af met een reden."
                )
        elif _leeg(reden):
            raise DomeinFout(f"Afwijzen vraagt een reden (--reden): waarom voldoet {kandidaat} niet?")
        self.trigger_event(self.AanmeldingBeoordeeld, perceel=p.naam, kandidaat=kandidaat, toegelaten=toegelaten,
                           score=score, actor=actor, datum=datum, reden=reden)

    def houd_dialoogsessie(self, p: Perceel, *, onderwerp: str, deelnemers: list[str],
                           uitkomsten: dict[str, list[str]], actor: str, datum: date, reden: str | None) -> None:
        self._controleer_datum(p, datum)
        onderwerp = verplicht(onderwerp, "Een dialoogsessie heeft een onderwerp (--onderwerp).")
        if not deelnemers:
            raise DomeinFout("Een dialoogsessie heeft ten minste één deelnemende kandidaat (--deelnemer).")
        if onbekend := sorted(set(uitkomsten) - set(UITKOMSTEN)):
            raise DomeinFout(f"Onbekende uitkomst {', '.join(onbekend)}; kies uit {', '.join(UITKOMSTEN)}.")
        uitkomsten = {soort: [verplicht(x, f"Een uitkomst ({UITKOMSTEN[soort]}) is leeg; vul haar in of laat haar weg.")
                              for x in punten]
                      for soort, punten in uitkomsten.items()}
        for naam in deelnemers:
            k = p.kandidaat(naam)
            if not k.toegelaten:
                waarom = f"is afgewezen op {nl_datum(k.beoordeeld)} ({k.afwijzing})" if k.toegelaten is False \
                    else "is nog niet beoordeeld"
                toegelaten = ", ".join(x.naam for x in p.toegelaten()) or "geen"
                raise DomeinFout(
                    f"{naam} {waarom} en mag niet aan de dialoog deelnemen; toegelaten: {toegelaten}."
                )
        self.trigger_event(self.DialoogsessieGehouden, perceel=p.naam, onderwerp=onderwerp,
                           deelnemers=list(dict.fromkeys(deelnemers)), uitkomsten=uitkomsten,
                           actor=actor, datum=datum, reden=reden)

    def ontvang_inschrijving(self, p: Perceel, *, kandidaat: str, actor: str, datum: date,
                             reden: str | None, kenmerk: str) -> None:
        self._controleer_datum(p, datum)
        self._kan_inschrijven(p, kandidaat)
        if datum > p.inschrijving_sluit:
            raise DomeinFout(
                f"De inschrijving van {kandidaat} is ontvangen op {nl_datum(datum)}, na de sluiting "
                f"(uiterlijk {nl_datum(p.inschrijving_sluit)}), en telt niet mee. Leg de weigering vast met "
                f"'aanbesteding inschrijving-weigeren {kenmerk} \"{kandidaat}\" --datum {datum.isoformat()} --reden …'."
            )
        self.trigger_event(self.InschrijvingOntvangen, perceel=p.naam, kandidaat=kandidaat,
                           actor=actor, datum=datum, reden=reden)

    def weiger_inschrijving(self, p: Perceel, *, kandidaat: str, actor: str, datum: date, reden: str | None) -> None:
        self._controleer_datum(p, datum)
        self._kan_inschrijven(p, kandidaat)
        if _leeg(reden):
            raise DomeinFout("Een inschrijving weigeren vraagt een reden (--reden), bijvoorbeeld 'na de sluiting ontvangen'.")
        self.trigger_event(self.InschrijvingGeweigerd, perceel=p.naam, kandidaat=kandidaat,
                           actor=actor, datum=datum, reden=reden)

    def _kan_inschrijven(self, p: Perceel, kandidaat: str) -> Kandidaat:
        k = p.kandidaat(kandidaat)
        if not k.toegelaten:
            raise DomeinFout(f"{kandidaat} is niet toegelaten tot de dialoog en kan niet inschrijven ({k.status}).")
        if k.ingeschreven or k.geweigerd:
            wanneer = k.ingeschreven or k.geweigerd["datum"]
            raise DomeinFout(f"De inschrijving van {kandidaat} is al vastgelegd op {nl_datum(wanneer)} ({k.status}).")
        return k

    def beoordeel_inschrijving(self, p: Perceel, *, kandidaat: str, score: float, actor: str, datum: date,
                               reden: str | None) -> None:
        self._controleer_datum(p, datum)
        k = p.kandidaat(kandidaat)
        if not k.in_de_race:
            raise DomeinFout(f"{kandidaat} heeft geen geldige inschrijving om te beoordelen ({k.status}).")
        self.trigger_event(self.InschrijvingBeoordeeld, perceel=p.naam, kandidaat=kandidaat, score=score,
                           actor=actor, datum=datum, reden=reden)

    def verifieer(self, p: Perceel, *, kandidaat: str, partij: str, instrument: str, voldoet: bool,
                  actor: str, datum: date, reden: str | None) -> None:
        self._controleer_datum(p, datum)
        k = p.kandidaat(kandidaat)
        if not k.in_de_race:
            raise DomeinFout(f"{kandidaat} heeft geen geldige inschrijving om te verifiëren ({k.status}).")
        instrument = verplicht(instrument, "Noem het instrument van de verificatie (--instrument), bijvoorbeeld KIT.")
        if partij not in k.partijen:
            raise DomeinFout(f"{partij} is geen partij van {kandidaat}; partijen: {', '.join(k.partijen)}.")
        if partij in k.verificaties:
            v = k.verificaties[partij]
            raise DomeinFout(f"{partij} is al geverifieerd op {nl_datum(v['datum'])} met {v['instrument']}.")
        if not voldoet and _leeg(reden):
            raise DomeinFout(f"Een verificatie die niet voldoet vraagt een reden (--reden): {kandidaat} wordt uitgesloten.")
        self.trigger_event(self.Geverifieerd, perceel=p.naam, kandidaat=kandidaat, partij=partij,
                           instrument=instrument, voldoet=voldoet, actor=actor, datum=datum, reden=reden)

    def controleer_winnaar(self, p: Perceel, winnaar: str) -> None:
        """Only a candidate with a valid inschrijving whose every party passed verification can win."""
        k = p.kandidaat(winnaar)
        if not k.in_de_race:
            raise DomeinFout(f"{winnaar} kan niet gegund worden: {k.status}.")
        if open_ := k.te_verifiëren():
            raise DomeinFout(
                f"Nog niet alle partijen van {winnaar} zijn geverifieerd; nog te doen: {', '.join(open_)} "
                "(aanbesteding verificatie)."
            )

    def controleer_kort_geding(self, p: Perceel, datum: date) -> None:
        """A kort geding suspends the award only when brought during the standstill (Aw 2012 art. 2.127)."""
        for spec, termijn in p.lopende_termijnen():
            if spec.aard == "wachttermijn" and datum > termijn.einde:
                raise DomeinFout(
                    f"De {spec.naam} van perceel {p.naam} eindigde op {nl_datum(termijn.einde)}; een kort geding "
                    "dat daarna wordt aangespannen schort de gunning niet op (Aanbestedingswet 2012 art. 2.127)."
                )

    def controleer_contract(self, p: Perceel, ingangsdatum: date) -> None:
        """Before the contract is signed: it starts after the award, and all its end dates exist.

        Every end date (with or without options) falls on or before the one with all
        options, so once that one is computed here, replaying, showing or projecting
        the contract computes nothing that can fail.
        """
        gegund = p.datums.get("definitief_gunnen")
        if gegund and ingangsdatum < gegund:
            raise DomeinFout(f"De ingangsdatum {nl_datum(ingangsdatum)} ligt voor de definitieve gunning "
                             f"({nl_datum(gegund)}).")
        contract_einde(ingangsdatum, self.looptijd_jaren + sum(self.opties_jaren))

    def oefen_optie_uit(self, p: Perceel, *, nummer: int, actor: str, datum: date, reden: str | None) -> None:
        c = self._contract(p, nummer, datum)
        status, toelichting = c.optie(nummer, datum)
        if status != "open" or nummer != len(c.uitgeoefend) + 1:
            raise DomeinFout(f"Optie {nummer} van perceel {p.naam} kan niet worden uitgeoefend: {toelichting}.")
        self.trigger_event(self.OptieUitgeoefend, perceel=p.naam, nummer=nummer, actor=actor, datum=datum, reden=reden)

    def laat_optie_vervallen(self, p: Perceel, *, nummer: int, actor: str, datum: date, reden: str | None) -> None:
        c = self._contract(p, nummer, datum)
        status, toelichting = c.optie(nummer, datum)
        if status != "open":
            raise DomeinFout(f"Optie {nummer} van perceel {p.naam} is al {toelichting}.")
        if _leeg(reden):
            raise DomeinFout("Afzien van een optie vraagt een reden (--reden).")
        self.trigger_event(self.OptieVervallen, perceel=p.naam, nummer=nummer, actor=actor, datum=datum, reden=reden)

    def registreer_inzage(self, *, wat: str, actor: str, datum: date, reden: str | None) -> None:
        """Record that `actor` was shown the confidential view `wat`; the caller saves before showing it."""
        controleer_inzage(actor, reden)
        self.trigger_event(self.VertrouwelijkIngezien, wat=wat, actor=actor, datum=datum, reden=reden.strip())

    def _contract(self, p: Perceel, nummer: int, datum: date) -> Contract:
        c = p.contract
        if c is None:
            raise DomeinFout(f"Perceel {p.naam} heeft nog geen getekend contract.")
        if datum < c.getekend:
            raise DomeinFout(f"Het contract van perceel {p.naam} is getekend op {nl_datum(c.getekend)}; "
                             f"{nl_datum(datum)} ligt daarvoor.")
        if not 1 <= nummer <= len(c.opties_jaren):
            opties = ", ".join(f"optie {i} ({j} jaar)" for i, j in enumerate(c.opties_jaren, 1)) or "geen opties"
            raise DomeinFout(
                f"Optie {nummer} bestaat niet: het contract van perceel {p.naam} is "
                f"{looptijd_tekst(c.looptijd_jaren, c.opties_jaren)}, met {opties}."
            )
        return c


def controleer_inzage(actor: str | None, reden: str | None) -> None:
    """Asked before anything is read: the full view needs who looks and why."""
    if _leeg(actor):
        raise DomeinFout("Vertrouwelijke gegevens van een aanbesteding inzien vraagt wie dat doet (--actor).")
    if _leeg(reden):
        raise DomeinFout(
            "Vertrouwelijke gegevens van een aanbesteding inzien (--vertrouwelijk) vraagt een reden (--reden), bv. "
            "\"beoordeling van de inschrijvingen\": wie namen, scores en redenen ziet en waarom, wordt bij de "
            "aanbesteding vastgelegd."
        )
