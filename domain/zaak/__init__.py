"""The Zaak aggregate: a case with a zaaktype, a status and legal deadlines.

Each command method checks what only the zaak itself can know (is it open, is
it suspended) and records one event; the event's ``apply`` is the only place
state changes, so replaying history runs exactly the code the command ran.
Which steps a zaaktype allows and which deadlines they carry is workflow
knowledge: the application decides that and hands the outcome to the zaak.

The commands for the facts of raadsbesluitvorming and advies are mixed in from
this package's `besluitvorming` and `advies` modules. The class itself lives
here, in the package, because a stored event's topic is its module and class:
domain.zaak:Zaak.Geregistreerd, written since the first zaak, names this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.basis import Gebeurtenis
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.termijnen import (
    Eenheid,
    Soort,
    Telling,
    Termijn,
    Termijnregel,
    bereken_termijn,
)
from domain.zaak.advies import AdviesCommando
from domain.zaak.besluitvorming import BesluitvormingCommando

# The zaaktype's step that comes with a fact (raad agendeer: naar_raad): the workflow checks it
# (definition, wachttermijn, voorwaarden) and records it on the zaak; see Zaak._neem_stap.
Stap = Callable[[], object]

ZAAK_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/zaak")


def zaak_id(zaaknummer: str) -> UUID:
    """A zaak's aggregate id follows from its zaaknummer, so lookups need no index."""
    return uuid5(ZAAK_NAMESPACE, zaaknummer)


def opgeschorte_dagen(uitnodiging: date, aanvulling: date) -> int:
    """Awb 4:15 lid 1: the term stands still from the day after the uitnodiging until,
    not including, the day of aanvulling."""
    return max((aanvulling - uitnodiging).days - 1, 0)


@dataclass(frozen=True)
class LopendeTermijn:
    """A deadline of the current step: the rule, when it started, and why it exists."""

    naam: str
    regel: Termijnregel
    gebeurtenis: date
    grondslag: str
    aard: str  # "behandeltermijn" (act before it ends) or "wachttermijn" (wait until it ends)

    @classmethod
    def uit_record(cls, r: dict) -> LopendeTermijn:
        regel = Termijnregel(
            lengte=r["lengte"],
            eenheid=Eenheid(r["eenheid"]),
            telling=Telling(r["telling"]),
            soort=Soort(r["soort"]),
        )
        return cls(r["naam"], regel, date.fromisoformat(r["gebeurtenis"]), r["grondslag"], r["aard"])

    def bereken(self, extra_dagen: int = 0) -> Termijn:
        return bereken_termijn(self.regel, self.gebeurtenis, extra_dagen=extra_dagen)


class Zaak(BesluitvormingCommando, AdviesCommando, Aggregate):
    class Event(Gebeurtenis):
        """Who, when it took effect, and why: domain.basis.Gebeurtenis."""

        def mutate(self, zaak: Zaak | None) -> Zaak | None:
            zaak = super().mutate(zaak)
            zaak.laatste_datum = self.datum
            return zaak

    class Geregistreerd(Event, Aggregate.Created):
        zaaknummer: str
        zaaktype: str
        zaaktype_versie: int
        omschrijving: str
        portefeuillehouders: list[str]
        behandelaar: str
        sector: str | None
        status: str
        termijnen: list[dict]
        # The sha256 of the definition text the zaak runs on (stored as domain.definitieversie);
        # None in zaken registered before definition versions were stored.
        zaaktype_sha256: str | None = None

        def apply(self, zaak: Zaak) -> None:
            zaak.zaaknummer = self.zaaknummer
            zaak.zaaktype = self.zaaktype
            zaak.zaaktype_versie = self.zaaktype_versie
            zaak.zaaktype_sha256 = self.zaaktype_sha256
            zaak.omschrijving = self.omschrijving
            zaak.portefeuillehouders = list(self.portefeuillehouders)
            zaak.behandelaar = self.behandelaar
            zaak.sector = self.sector
            zaak.startdatum = self.datum
            zaak.registratiedatum = self.timestamp.date()
            zaak.einddatum = None
            zaak.resultaat = None
            zaak.verlengingen = []
            zaak.besluitvorming = None  # domain.besluitvorming: created by the first politieke markt, agendering or advies
            zaak.ter_inzage = None
            zaak._nieuwe_stap(self.status, self.datum, self.termijnen)

    class StatusGewijzigd(Event):
        stap: str
        van: str
        naar: str
        termijnen: list[dict]

        def apply(self, zaak: Zaak) -> None:
            zaak._nieuwe_stap(self.naar, self.datum, self.termijnen)

    class Opgeschort(Event):
        def apply(self, zaak: Zaak) -> None:
            zaak.opgeschort_sinds = self.datum

    class Hervat(Event):
        opgeschorte_dagen: int

        def apply(self, zaak: Zaak) -> None:
            zaak.opgeschort_sinds = None
            zaak.opgeschorte_dagen += self.opgeschorte_dagen

    class Verlengd(Event):
        dagen: int

        def apply(self, zaak: Zaak) -> None:
            zaak.verlengingen.append(self.dagen)
            zaak.verlengde_dagen += self.dagen

    class Afgesloten(Event):
        stap: str
        van: str
        naar: str
        resultaat: str

        def apply(self, zaak: Zaak) -> None:
            zaak.resultaat = self.resultaat
            zaak.einddatum = self.datum
            zaak._nieuwe_stap(self.naar, self.datum, [])

    # --- state helpers (called only from apply) ---------------------------

    def _nieuwe_stap(self, status: str, datum: date, termijnen: list[dict]) -> None:
        self.status = status
        self.status_sinds = datum
        self.termijnen = [LopendeTermijn.uit_record(t) for t in termijnen]
        # Zienswijzen are judged against the term after the zaak has left ter inzage (Awb 3:16, 6:9).
        for t in self.termijnen:
            if t.naam == "zienswijzetermijn":
                self.ter_inzage = t
        # Opschorting and verlenging move the deadlines of the step they happen in.
        self.opgeschort_sinds = None
        self.opgeschorte_dagen = 0
        self.verlengde_dagen = 0

    # --- construction -------------------------------------------------------

    @classmethod
    def registreer(
        cls,
        *,
        zaaknummer: str,
        zaaktype: str,
        zaaktype_versie: int,
        omschrijving: str,
        portefeuillehouders: list[str],
        behandelaar: str,
        sector: str | None,
        status: str,
        termijnen: list[dict],
        actor: str,
        datum: date,
        reden: str | None,
        zaaktype_sha256: str | None = None,
    ) -> Zaak:
        return cls._create(
            cls.Geregistreerd,
            id=zaak_id(zaaknummer),
            zaaknummer=zaaknummer,
            zaaktype=zaaktype,
            zaaktype_versie=zaaktype_versie,
            omschrijving=omschrijving,
            portefeuillehouders=portefeuillehouders,
            behandelaar=behandelaar,
            sector=sector,
            status=status,
            termijnen=termijnen,
            zaaktype_sha256=zaaktype_sha256,
            actor=actor,
            datum=datum,
            reden=reden,
        )

    # --- queries ------------------------------------------------------------

    @property
    def is_afgesloten(self) -> bool:
        return self.einddatum is not None

    def verschoven_dagen(self, per: date) -> int:
        """Days the current step's deadlines move: suspension so far plus extensions.

        While suspended, counted as if the zaak were resumed on `per` (as Hervat counts).
        """
        lopend = opgeschorte_dagen(self.opgeschort_sinds, per) if self.opgeschort_sinds else 0
        return self.opgeschorte_dagen + lopend + self.verlengde_dagen

    def verstreken_behandeltermijn(self, per: date) -> tuple[LopendeTermijn, Termijn] | None:
        """A behandeltermijn of the current step that ended before `per`, if any."""
        for spec, termijn in self.lopende_termijnen(per):
            if spec.aard == "behandeltermijn" and termijn.einde < per:
                return spec, termijn
        return None

    def lopende_termijnen(self, per: date) -> list[tuple[LopendeTermijn, Termijn]]:
        extra = self.verschoven_dagen(per)
        return [(t, t.bereken(extra)) for t in self.termijnen]

    def lopende_termijn(self, naam: str, per: date) -> Termijn | None:
        """The current step's deadline `naam` as computed for `per`, or None."""
        return next((termijn for spec, termijn in self.lopende_termijnen(per) if spec.naam == naam), None)

    # --- commands -----------------------------------------------------------

    def trigger_event(self, event_class, **kwargs) -> None:
        """A zaak's events follow each other in time: an effective date before the last one
        would make 'the zaak as it was on day X' (audit toon --per) ambiguous."""
        datum = kwargs.get("datum")
        if datum is not None and datum < self.laatste_datum:
            raise DomeinFout(
                f"De datum {nl_datum(datum)} ligt voor de laatste gebeurtenis van zaak {self.zaaknummer} "
                f"({nl_datum(self.laatste_datum)}); gebeurtenissen van een zaak volgen elkaar in de tijd op."
            )
        super().trigger_event(event_class, **kwargs)

    def _controleer_open(self, datum: date) -> None:
        if self.is_afgesloten:
            raise DomeinFout(f"Zaak {self.zaaknummer} is afgesloten; er kan niets meer aan veranderen.")
        if datum < self.status_sinds:
            raise DomeinFout(
                f"De datum {nl_datum(datum)} ligt voor de huidige stap van zaak {self.zaaknummer} "
                f"(status '{self.status}' sinds {nl_datum(self.status_sinds)})."
            )

    def _neem_stap(self, stap: Stap | None, datum: date) -> None:
        """A fact's command calls this after its own checks, before it records the fact.

        With a step, the workflow checks it and records it (ga_naar checks open and
        not suspended). A fact without one still needs the zaak open and its date not
        before the current step. Checking the fact first makes a refusal name what is
        wrong with the fact (no besluit yet, …) rather than only that the step cannot be
        taken; the step is recorded before the fact, as it always was.
        """
        if stap is None:
            self._controleer_open(datum)
        else:
            stap()

    def _controleer_niet_opgeschort(self) -> None:
        if self.opgeschort_sinds is not None:
            raise DomeinFout(
                f"Zaak {self.zaaknummer} is opgeschort sinds {nl_datum(self.opgeschort_sinds)}; "
                "hervat de zaak eerst."
            )

    def ga_naar(self, *, stap: str, naar: str, termijnen: list[dict], actor: str, datum: date, reden: str | None) -> None:
        self._controleer_open(datum)
        self._controleer_niet_opgeschort()
        self.trigger_event(
            self.StatusGewijzigd,
            stap=stap, van=self.status, naar=naar, termijnen=termijnen,
            actor=actor, datum=datum, reden=reden,
        )

    def sluit_af(self, *, stap: str, naar: str, resultaat: str, actor: str, datum: date, reden: str | None) -> None:
        self._controleer_open(datum)
        self._controleer_niet_opgeschort()
        self.trigger_event(
            self.Afgesloten,
            stap=stap, van=self.status, naar=naar, resultaat=resultaat,
            actor=actor, datum=datum, reden=reden,
        )

    def schort_op(self, *, actor: str, datum: date, reden: str) -> None:
        self._controleer_open(datum)
        if self.opgeschort_sinds is not None:
            raise DomeinFout(
                f"Zaak {self.zaaknummer} is al opgeschort sinds {nl_datum(self.opgeschort_sinds)}."
            )
        self.trigger_event(self.Opgeschort, actor=actor, datum=datum, reden=reden)

    def hervat(self, *, actor: str, datum: date, reden: str | None) -> None:
        self._controleer_open(datum)
        if self.opgeschort_sinds is None:
            raise DomeinFout(f"Zaak {self.zaaknummer} is niet opgeschort; hervatten kan alleen na opschorten.")
        if datum < self.opgeschort_sinds:
            raise DomeinFout(
                f"Hervatten op {nl_datum(datum)} kan niet: de zaak is opgeschort sinds "
                f"{nl_datum(self.opgeschort_sinds)}."
            )
        self.trigger_event(
            self.Hervat,
            opgeschorte_dagen=opgeschorte_dagen(self.opgeschort_sinds, datum),
            actor=actor, datum=datum, reden=reden,
        )

    def verleng(self, *, dagen: int, actor: str, datum: date, reden: str) -> None:
        self._controleer_open(datum)
        self.trigger_event(self.Verlengd, dagen=dagen, actor=actor, datum=datum, reden=reden)
