"""Cliëntoverdracht in the overgangsjaar: the Overgangsjaar and one Clientoverdracht per client.

On 1-1-2025 begeleiding and dagbesteding (Wmo and Jeugdwet) moved from ~90 latende
aanbieders to one samenwerkingsverband; 2025 was the overgangsjaar (seed 001 L1307-1318):
- R1: the indicatie ends within the overgangsjaar: the client stays with the current
  provider until the einddatum; no transfer; closed at the einddatum.
- R2: the indicatie ends later: the client moves in the course of the year, on a
  planned overgangsdatum, after a warme overdracht.
- R3: a new hulpvraag (indicatie from the start of the year, no current provider):
  straight to basisondersteuning, no transfer.

Which steps lead where is a workflow definition kept as data
(workflow/definities-overdracht/clientoverdracht); the service checks a step against it
and hands the target state here. As everywhere, a command method validates what only
the aggregate knows and records one event; `apply` is the only place state changes.

Personal data: a client is a natural person with health data. The client's pseudonym
and every free-text reason about the client are encrypted with the client's own key
(store.person_keys; events carry only the key id and the ciphertext), and the aggregate
id is derived from a keyed hash of the pseudonym, so the event log alone does not tell
which pseudonym a transfer belongs to. Wet, product, dates, provider and steps stay in
the clear: the monitor counts them, also after the key is destroyed (`vergeet`).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.basis import Gebeurtenis, Keuze
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.persoonsgegevens import controleer_wissen

OVERGANG_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/overgangsjaar")
OVERDRACHT_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/clientoverdracht")


class Wet(Keuze):
    WMO = "wmo"
    JEUGDWET = "jeugdwet"

    @property
    def naam(self) -> str:
        return {"wmo": "Wmo 2015", "jeugdwet": "Jeugdwet"}[self.value]


class Regel(str, Enum):
    R1 = "R1"  # indicatie ends within the overgangsjaar: stays until the einddatum
    R2 = "R2"  # indicatie ends later: moves within the overgangsjaar
    R3 = "R3"  # new hulpvraag: straight to basisondersteuning


REGEL_UITLEG = {
    Regel.R1: "indicatie eindigt in het overgangsjaar: blijft bij de huidige aanbieder tot de einddatum",
    Regel.R2: "indicatie loopt door na het overgangsjaar: gaat in de loop van het jaar over",
    Regel.R3: "nieuwe hulpvraag: direct naar de basisondersteuning",
}


class Oorzaak(Keuze):
    """Why a transfer ends without a handover (uitval)."""

    ZIET_AF = "ziet af"  # the client declines
    VERHUISD = "verhuisd"  # moves out of the gemeente
    OVERLEDEN = "overleden"


class Vervolg(Keuze):
    """What follows when an R1 indicatie ends."""

    BASISONDERSTEUNING = "basisondersteuning"  # further need goes to basisondersteuning (lump sum)
    GEEN = "geen"  # no further support needed


class Aanwezige(Keuze):
    """Who attended a warme overdracht: roles and organisations, never names."""

    CLIENT = "client"
    OUDER = "ouder"
    WETTELIJK_VERTEGENWOORDIGER = "wettelijk vertegenwoordiger"
    MANTELZORGER = "mantelzorger"
    CLIENTONDERSTEUNER = "clientondersteuner"
    LATENDE_AANBIEDER = "latende aanbieder"
    ONTVANGENDE_AANBIEDER = "ontvangende aanbieder"
    CONSULENT = "consulent"


# Who may speak for the client at a warme overdracht.
NAMENS_CLIENT = {Aanwezige.CLIENT, Aanwezige.OUDER, Aanwezige.WETTELIJK_VERTEGENWOORDIGER}

# The dossier rules a definition may name (workflow/definities-overdracht, [dossier.<wet>]).
DOSSIERREGELS = ("toestemming", "toestemming_of_noodzaak")


def overgangsjaar_id(jaar: int) -> UUID:
    return uuid5(OVERGANG_NAMESPACE, str(jaar))


def overdracht_id(jaar: int, client_hash: str) -> UUID:
    """The transfer's id from the jaar and a keyed hash of the client's pseudonym (never the pseudonym)."""
    return uuid5(OVERDRACHT_NAMESPACE, f"{jaar}:{client_hash}")


def verplicht(tekst: str | None, melding: str) -> str:
    if not tekst or not tekst.strip():
        raise DomeinFout(melding)
    return tekst.strip()


def deel_in(*, jaar_start: date, jaar_einde: date, indicatie_start: date, einddatum: date,
            latende_aanbieder: str | None) -> Regel:
    """R1, R2 or R3 for one indicatie (seed 001 L1307-1318), or a refusal that says why none fits.

    The einddatum is the last day of the indicatie: ending on the last day of the
    overgangsjaar is R1, one day later R2. An indicatie with a latende aanbieder is an
    existing client even when it starts on the first day of the year (a verlengde
    indicatie); without one, only a new hulpvraag from the start of the year fits (R3).
    """
    if einddatum < indicatie_start:
        raise DomeinFout(f"de einddatum {nl_datum(einddatum)} ligt voor de startdatum {nl_datum(indicatie_start)}")
    if not latende_aanbieder:
        if indicatie_start >= jaar_start:
            return Regel.R3
        raise DomeinFout(f"een indicatie die voor {nl_datum(jaar_start)} begon, heeft een latende aanbieder; "
                         "alleen een nieuwe hulpvraag (R3) is zonder")
    if einddatum < jaar_start:
        raise DomeinFout(f"de indicatie eindigde al op {nl_datum(einddatum)}, voor het overgangsjaar")
    return Regel.R1 if einddatum <= jaar_einde else Regel.R2


def werkdagen(van: date, tot: date) -> list[date]:
    """The days from `van` to `tot` inclusive that are no Saturday, Sunday or Atw holiday."""
    from domain.termijnen import Feestdagenkalender

    kalender = Feestdagenkalender.standaard()
    dagen, d = [], van
    while d <= tot:
        if not kalender.is_vrije_dag(d):
            dagen.append(d)
        d += timedelta(days=1)
    return dagen


def plan_overgangsdatum(id_: UUID, dagen: list[date]) -> date:
    """The default plan: spread evenly over the working days of the plan window, by id.

    Deterministic (the same client gets the same day on every import, also after an
    interrupted one) and independent of the order of the file.
    """
    return dagen[int(id_.hex[:12], 16) % len(dagen)]


def dossierbesluit(*, wet: Wet, regel: str, toestemming: str | None, noodzaak: bool) -> tuple[bool, str]:
    """Whether the dossier goes with the client, and why (the rule of the definition per wet)."""
    if regel not in DOSSIERREGELS:
        raise DomeinFout(f"Onbekende dossierregel '{regel}'; bekend: {', '.join(DOSSIERREGELS)}.")
    if toestemming == "gegeven":
        return True, "toestemming van de cliënt vastgelegd"
    if toestemming == "geweigerd":
        return False, "de cliënt heeft toestemming geweigerd"
    if regel == "toestemming_of_noodzaak" and noodzaak:
        return True, ("zonder toestemming, vastgelegd als noodzakelijk voor de jeugdhulp door de ontvangende "
                      "aanbieder (Jeugdwet art. 7.4.0 lid 1; lezing te bevestigen door de privacy officer)")
    hoe = "gevraagd maar nog niet gegeven" if toestemming == "gevraagd" else "niet vastgelegd"
    if regel == "toestemming":
        return False, f"{wet.naam}: geen dossier zonder toestemming (toestemming {hoe})"
    return False, f"{wet.naam}: toestemming {hoe} en geen noodzaak vastgelegd (--noodzakelijk)"


# --- the overgangsjaar ---------------------------------------------------------------------------


class Overgangsjaar(Aggregate):
    class Event(Gebeurtenis):
        """Who, when it took effect, and why: domain.basis.Gebeurtenis."""

    class Gedefinieerd(Event, Aggregate.Created):
        jaar: int
        start: date
        einde: date
        ontvangende_aanbieder: str
        latende_aanbieders: list[str]
        waarschuwing_dagen: int
        plan_vanaf: date
        plan_tot: date
        # The clientoverdracht definition its clients run on (the text stored as domain.definitieversie,
        # its sha256 here); None for a jaar defined before those were recorded (it reads the file).
        definitie_versie: int | None = None
        definitie_sha256: str | None = None

        def apply(self, j: Overgangsjaar) -> None:
            j.jaar = self.jaar
            j.definitie_versie, j.definitie_sha256 = self.definitie_versie, self.definitie_sha256
            j.start, j.einde = self.start, self.einde
            j.ontvangende_aanbieder = self.ontvangende_aanbieder
            j.latende_aanbieders = list(self.latende_aanbieders)
            j.waarschuwing_dagen = self.waarschuwing_dagen
            j.plan_vanaf, j.plan_tot = self.plan_vanaf, self.plan_tot
            j.imports = []

    class AanbiederToegevoegd(Event):
        naam: str

        def apply(self, j: Overgangsjaar) -> None:
            j.latende_aanbieders.append(self.naam)

    class PopulatieGeimporteerd(Event):
        bestand: str  # the file's name, not its path
        sha256: str
        rijen: int
        nieuw: dict[str, int]  # regel → new transfers
        al_aanwezig: int
        afgewezen: int
        synthetisch: bool

        def apply(self, j: Overgangsjaar) -> None:
            j.imports.append({"datum": self.datum, "bestand": self.bestand, "sha256": self.sha256,
                              "rijen": self.rijen, "nieuw": dict(self.nieuw), "al_aanwezig": self.al_aanwezig,
                              "afgewezen": self.afgewezen, "synthetisch": self.synthetisch, "actor": self.actor})

    @classmethod
    def definieer(cls, *, jaar: int, start: date, einde: date, ontvangende_aanbieder: str,
                  latende_aanbieders: list[str], waarschuwing_dagen: int, plan_vanaf: date | None,
                  plan_tot: date | None, actor: str, datum: date, reden: str | None,
                  definitie_versie: int | None = None, definitie_sha256: str | None = None) -> Overgangsjaar:
        if einde <= start:
            raise DomeinFout(f"Het overgangsjaar eindigt ({nl_datum(einde)}) voor of op zijn start ({nl_datum(start)}).")
        if (einde - start).days > 731:
            raise DomeinFout("Een overgangsjaar duurt ten hoogste twee jaar; zijn start en einde goed?")
        ontvangende_aanbieder = verplicht(ontvangende_aanbieder, "Noem de ontvangende aanbieder (--ontvangende-aanbieder).")
        namen = [n.strip() for n in latende_aanbieders if n and n.strip()]
        if not namen:
            raise DomeinFout("Noem de latende aanbieders (--latende-aanbieder of --latende-aanbieders BESTAND): "
                             "elke cliënt van de import hoort bij een van hen.")
        dubbel = sorted({n for n in namen if [m.casefold() for m in namen].count(n.casefold()) > 1})
        if dubbel:
            raise DomeinFout(f"Latende aanbieder {', '.join(dubbel)} staat er meer dan eens in.")
        if ontvangende_aanbieder.casefold() in {n.casefold() for n in namen}:
            raise DomeinFout(f"{ontvangende_aanbieder} is de ontvangende aanbieder en kan geen latende aanbieder zijn.")
        if not 0 <= waarschuwing_dagen <= (einde - start).days:
            raise DomeinFout(f"De waarschuwingstermijn voor het einde van het jaar is 0 tot {(einde - start).days} dagen.")
        # Default plan window: from a month after the start (no provider takes everyone in on day one,
        # seed 001 L2889-2896) to the day before the warning window opens.
        plan_vanaf = plan_vanaf or min(start + timedelta(days=31), einde)
        plan_tot = plan_tot or max(einde - timedelta(days=waarschuwing_dagen + 1), plan_vanaf)
        if not start <= plan_vanaf <= plan_tot <= einde:
            raise DomeinFout(f"De planperiode {nl_datum(plan_vanaf)} t/m {nl_datum(plan_tot)} moet binnen het "
                             f"overgangsjaar vallen ({nl_datum(start)} t/m {nl_datum(einde)}).")
        if not werkdagen(plan_vanaf, plan_tot):
            raise DomeinFout("De planperiode bevat geen werkdag.")
        return cls._create(cls.Gedefinieerd, id=overgangsjaar_id(jaar), jaar=jaar, start=start, einde=einde,
                           ontvangende_aanbieder=ontvangende_aanbieder, latende_aanbieders=namen,
                           waarschuwing_dagen=waarschuwing_dagen, plan_vanaf=plan_vanaf, plan_tot=plan_tot,
                           definitie_versie=definitie_versie, definitie_sha256=definitie_sha256,
                           actor=actor, datum=datum, reden=reden)

    def aanbieder(self, naam: str | None) -> str | None:
        """The latende aanbieder as defined (case and spaces do not matter), or None."""
        if not naam:
            return None
        sleutel = " ".join(naam.split()).casefold()
        for n in self.latende_aanbieders:
            if " ".join(n.split()).casefold() == sleutel:
                return n
        return None

    def voeg_aanbieder_toe(self, *, naam: str, actor: str, datum: date, reden: str | None) -> None:
        naam = verplicht(naam, "Noem de latende aanbieder.")
        if self.aanbieder(naam):
            raise DomeinFout(f"{self.aanbieder(naam)} is al een latende aanbieder van overgangsjaar {self.jaar}.")
        if naam.casefold() == self.ontvangende_aanbieder.casefold():
            raise DomeinFout(f"{naam} is de ontvangende aanbieder en kan geen latende aanbieder zijn.")
        self.trigger_event(self.AanbiederToegevoegd, naam=naam, actor=actor, datum=datum, reden=reden)

    def leg_import_vast(self, *, bestand: str, sha256: str, rijen: int, nieuw: dict[str, int], al_aanwezig: int,
                        afgewezen: int, synthetisch: bool, actor: str, datum: date) -> None:
        self.trigger_event(self.PopulatieGeimporteerd, bestand=bestand, sha256=sha256, rijen=rijen, nieuw=nieuw,
                           al_aanwezig=al_aanwezig, afgewezen=afgewezen, synthetisch=synthetisch,
                           actor=actor, datum=datum, reden=None)

    @property
    def synthetisch(self) -> bool:
        return any(i["synthetisch"] for i in self.imports)

    def plan_dagen(self, vanaf: date | None = None) -> list[date]:
        """Working days a planned overgangsdatum may fall on, from `vanaf` (default: the plan window)."""
        begin = max(self.plan_vanaf, vanaf) if vanaf else self.plan_vanaf
        dagen = werkdagen(begin, self.plan_tot) or werkdagen(begin, self.einde)
        return dagen

    def binnen(self, d: date) -> bool:
        return self.start <= d <= self.einde


# --- one client's transfer -------------------------------------------------------------------------


class Clientoverdracht(Aggregate):
    class Event(Gebeurtenis):
        """Who, when it took effect, and why; `reden` is never in the clear for a client:
        a reason given is in `reden_versleuteld`, encrypted with the client's key."""

        reden_versleuteld: str | None

    class Aangemeld(Event, Aggregate.Created):
        jaar: int
        definitie_versie: int
        stap: str  # the import's first step: indelen_r1, plannen or direct_basisondersteuning
        status: str
        regel: str
        wet: str
        product: str
        indicatie_start: date
        einddatum: date
        latende_aanbieder: str | None
        overgangsdatum: date | None
        toestemming: str | None  # as known at import: "gegeven", "geweigerd" or None
        sleutel_id: str
        client_versleuteld: str

        def apply(self, o: Clientoverdracht) -> None:
            o.jaar, o.definitie_versie = self.jaar, self.definitie_versie
            o.status, o.status_sinds = self.status, self.datum
            o.regel = Regel(self.regel)
            o.wet = Wet(self.wet)
            o.product = self.product
            o.indicatie_start, o.einddatum = self.indicatie_start, self.einddatum
            o.latende_aanbieder = self.latende_aanbieder
            o.overgangsdatum = self.overgangsdatum
            o.toestemming = self.toestemming
            o.toestemming_sinds = self.datum if self.toestemming else None
            o.sleutel_id, o.client_versleuteld = self.sleutel_id, self.client_versleuteld
            o.aangemeld_op = self.datum
            o.aanwezigen, o.warme_overdracht_op = [], None
            o.overgedragen_op, o.dossier_overgedragen, o.dossier_grond = None, None, None
            o.vervolg, o.uitval, o.signalen, o.gewist = None, None, [], None

    # --- steps (checked against the definition by the service) ---------------------------

    class Stap(Event):
        stap: str
        van: str
        naar: str

        def apply(self, o: Clientoverdracht) -> None:
            o.status, o.status_sinds = self.naar, self.datum
            self.werk_bij(o)

        def werk_bij(self, o: Clientoverdracht) -> None:
            """The facts a particular step records, besides the status."""

    class ToestemmingGevraagd(Stap):
        def werk_bij(self, o: Clientoverdracht) -> None:
            o.toestemming, o.toestemming_sinds = "gevraagd", self.datum

    class ToestemmingGegeven(Stap):
        def werk_bij(self, o: Clientoverdracht) -> None:
            o.toestemming, o.toestemming_sinds = "gegeven", self.datum

    class ToestemmingGeweigerd(Stap):
        def werk_bij(self, o: Clientoverdracht) -> None:
            o.toestemming, o.toestemming_sinds = "geweigerd", self.datum

    class WarmeOverdrachtGehouden(Stap):
        aanwezigen: list[str]

        def werk_bij(self, o: Clientoverdracht) -> None:
            o.aanwezigen, o.warme_overdracht_op = list(self.aanwezigen), self.datum

    class Overgedragen(Stap):
        dossier_overgedragen: bool
        dossier_grond: str

        def werk_bij(self, o: Clientoverdracht) -> None:
            o.overgedragen_op = self.datum
            o.dossier_overgedragen, o.dossier_grond = self.dossier_overgedragen, self.dossier_grond

    class Afgesloten(Stap):
        pass

    class IndicatieBeeindigd(Stap):
        """R1 reached its einddatum (recorded by `overgang verwerk`); datum is the einddatum."""

    class Uitgevallen(Stap):
        oorzaak: str

        def werk_bij(self, o: Clientoverdracht) -> None:
            o.uitval = {"datum": self.datum, "oorzaak": self.oorzaak}

    # --- facts ---------------------------------------------------------------------------

    class IndicatieGewijzigd(Event):
        """A new einddatum (verlengd or ingekort); when it crosses the end of the overgangsjaar
        the rule changes (R1 ↔ R2) and so does the status, both recorded here."""

        soort: str  # "verlengd" or "ingekort"
        oude_einddatum: date
        nieuwe_einddatum: date
        oude_regel: str
        nieuwe_regel: str
        stap: str | None  # herindelen_r1 / herindelen_r2 when the rule changes
        van: str
        naar: str
        overgangsdatum: date | None  # the planned date after the change (None for R1)

        def apply(self, o: Clientoverdracht) -> None:
            o.einddatum = self.nieuwe_einddatum
            o.regel = Regel(self.nieuwe_regel)
            o.overgangsdatum = self.overgangsdatum
            if self.naar != self.van:
                o.status, o.status_sinds = self.naar, self.datum

    class OvergangsdatumGewijzigd(Event):
        oud: date
        nieuw: date

        def apply(self, o: Clientoverdracht) -> None:
            o.overgangsdatum = self.nieuw

    class VervolgVastgelegd(Event):
        vervolg: str

        def apply(self, o: Clientoverdracht) -> None:
            o.vervolg = self.vervolg

    class Gesignaleerd(Event):
        """A risk `overgang verwerk` recorded: once per soort and sleutel (e.g. the overgangsdatum)."""

        soort: str
        sleutel: str

        def apply(self, o: Clientoverdracht) -> None:
            o.signalen.append(f"{self.soort}:{self.sleutel}")

    class ClientVergeten(Event):
        """The client's key was destroyed: pseudonym and reasons are unreadable; the counts remain.
        Its own `reden` (why the data was erased, e.g. an AVG art. 17 request) is in the clear: it
        must stay readable after the key is gone, and says nothing about the client's health."""

        def apply(self, o: Clientoverdracht) -> None:
            o.gewist = self.datum

    # --- creating ------------------------------------------------------------------------

    @classmethod
    def meld_aan(cls, *, id_: UUID, jaar: int, definitie_versie: int, stap: str, status: str, regel: Regel,
                 wet: Wet, product: str, indicatie_start: date, einddatum: date, latende_aanbieder: str | None,
                 overgangsdatum: date | None, toestemming: str | None, sleutel_id: str, client_versleuteld: str,
                 actor: str, datum: date) -> Clientoverdracht:
        """Validated by the import (workflow.overdracht_csv, deel_in); recorded as one event."""
        return cls._create(
            cls.Aangemeld, id=id_, jaar=jaar, definitie_versie=definitie_versie, stap=stap, status=status,
            regel=regel.value, wet=wet.value, product=product, indicatie_start=indicatie_start,
            einddatum=einddatum, latende_aanbieder=latende_aanbieder, overgangsdatum=overgangsdatum,
            toestemming=toestemming, sleutel_id=sleutel_id, client_versleuteld=client_versleuteld,
            actor=actor, datum=datum, reden=None, reden_versleuteld=None,
        )

    # --- commands ------------------------------------------------------------------------

    def _niet_gewist(self) -> None:
        if self.gewist is not None:
            raise DomeinFout(f"De gegevens van deze cliënt zijn gewist op {nl_datum(self.gewist)}; "
                             "er kan niets meer worden vastgelegd.")

    def _na(self, datum: date, sinds: date, wat: str) -> None:
        if datum < sinds:
            raise DomeinFout(f"{wat} op {nl_datum(datum)} kan niet: dat is voor {nl_datum(sinds)} "
                             f"(status '{self.status}' sinds die dag).")

    def _stap(self, soort: type[Stap], *, stap: str, naar: str, actor: str, datum: date,
              reden_versleuteld: str | None, **feiten) -> None:
        self._niet_gewist()
        self.trigger_event(soort, stap=stap, van=self.status, naar=naar, actor=actor, datum=datum, reden=None,
                           reden_versleuteld=reden_versleuteld, **feiten)

    # Each step command gets the step the engine checked (workflow.engine.stap: its `stap` and `naar`),
    # as Zaak.ga_naar does: the step's name is decided once, by the service that asked the engine.

    def vraag_toestemming(self, *, stap: str, naar: str, actor: str, datum: date,
                          reden_versleuteld: str | None) -> None:
        self._na(datum, self.status_sinds, "Toestemming vragen")
        self._stap(self.ToestemmingGevraagd, stap=stap, naar=naar, actor=actor, datum=datum,
                   reden_versleuteld=reden_versleuteld)

    def leg_toestemming_vast(self, *, gegeven: bool, stap: str, naar: str, actor: str, datum: date,
                             reden_versleuteld: str | None) -> None:
        self._na(datum, self.status_sinds, "Toestemming vastleggen")
        soort = self.ToestemmingGegeven if gegeven else self.ToestemmingGeweigerd
        self._stap(soort, stap=stap, naar=naar, actor=actor, datum=datum, reden_versleuteld=reden_versleuteld)

    def houd_warme_overdracht(self, *, aanwezigen: list[Aanwezige], stap: str, naar: str, actor: str, datum: date,
                              reden_versleuteld: str | None) -> None:
        self._na(datum, self.status_sinds, "Een warme overdracht")
        rollen = list(dict.fromkeys(aanwezigen))
        ontbreekt = []
        if Aanwezige.LATENDE_AANBIEDER not in rollen:
            ontbreekt.append("de latende aanbieder")
        if Aanwezige.ONTVANGENDE_AANBIEDER not in rollen:
            ontbreekt.append("de ontvangende aanbieder")
        if not NAMENS_CLIENT & set(rollen):
            ontbreekt.append("de cliënt (of ouder of wettelijk vertegenwoordiger)")
        if ontbreekt:
            raise DomeinFout("Bij een warme overdracht zitten de latende en de ontvangende aanbieder met de cliënt "
                             f"aan tafel; niet aanwezig: {', '.join(ontbreekt)} (--aanwezig, rollen, geen namen).")
        self._stap(self.WarmeOverdrachtGehouden, stap=stap, naar=naar, actor=actor, datum=datum,
                   reden_versleuteld=reden_versleuteld, aanwezigen=[r.value for r in rollen])

    def draag_over(self, *, dossierregel: str, noodzaak: bool, stap: str, naar: str, actor: str, datum: date,
                   reden_versleuteld: str | None) -> tuple[bool, str]:
        self._na(datum, self.status_sinds, "Overdragen")
        if noodzaak and dossierregel != "toestemming_of_noodzaak":
            raise DomeinFout(f"Onder de {self.wet.naam} gaat het dossier alleen mee met toestemming; "
                             "--noodzakelijk geldt hier niet.")
        mee, grond = dossierbesluit(wet=self.wet, regel=dossierregel, toestemming=self.toestemming, noodzaak=noodzaak)
        self._stap(self.Overgedragen, stap=stap, naar=naar, actor=actor, datum=datum,
                   reden_versleuteld=reden_versleuteld, dossier_overgedragen=mee, dossier_grond=grond)
        return mee, grond

    def sluit_af(self, *, stap: str, naar: str, actor: str, datum: date, reden_versleuteld: str | None) -> None:
        self._na(datum, self.status_sinds, "Afsluiten")
        self._stap(self.Afgesloten, stap=stap, naar=naar, actor=actor, datum=datum,
                   reden_versleuteld=reden_versleuteld)

    def beeindig_indicatie(self, *, stap: str, naar: str, actor: str) -> None:
        """R1 at its einddatum: the effective date is the einddatum itself (it may precede the import)."""
        self._stap(self.IndicatieBeeindigd, stap=stap, naar=naar, actor=actor,
                   datum=self.einddatum, reden_versleuteld=None)

    def val_uit(self, *, oorzaak: Oorzaak, stap: str, naar: str, actor: str, datum: date, reden_versleuteld: str | None) -> None:
        self._na(datum, self.aangemeld_op, "Uitval")
        self._stap(self.Uitgevallen, stap=stap, naar=naar, actor=actor, datum=datum,
                   reden_versleuteld=reden_versleuteld, oorzaak=oorzaak.value)

    def wijzig_einddatum(self, *, nieuw: date, nieuwe_regel: Regel, stap: str | None, naar: str,
                         overgangsdatum: date | None, actor: str, datum: date, reden_versleuteld: str | None) -> None:
        """Verlengd (later) or ingekort (earlier); the service decided the rule and, on a change, the step."""
        self._niet_gewist()
        self._na(datum, self.aangemeld_op, "De indicatie wijzigen")
        if nieuw == self.einddatum:
            raise DomeinFout(f"De einddatum is al {nl_datum(nieuw)}.")
        if nieuw < self.indicatie_start:
            raise DomeinFout(f"De nieuwe einddatum {nl_datum(nieuw)} ligt voor de start van de indicatie "
                             f"({nl_datum(self.indicatie_start)}).")
        if reden_versleuteld is None:
            raise DomeinFout("Een indicatie wijzigen vraagt een reden (--reden).")
        self.trigger_event(
            self.IndicatieGewijzigd, soort="verlengd" if nieuw > self.einddatum else "ingekort",
            oude_einddatum=self.einddatum, nieuwe_einddatum=nieuw, oude_regel=self.regel.value,
            nieuwe_regel=nieuwe_regel.value, stap=stap, van=self.status, naar=naar, overgangsdatum=overgangsdatum,
            actor=actor, datum=datum, reden=None, reden_versleuteld=reden_versleuteld,
        )

    def verplaats(self, *, nieuw: date, actor: str, datum: date, reden_versleuteld: str | None) -> None:
        self._niet_gewist()
        self._na(datum, self.aangemeld_op, "De overgangsdatum wijzigen")
        if self.overgangsdatum is None:
            raise DomeinFout(f"Een {self.regel.value}-cliënt heeft geen overgangsdatum.")
        if nieuw == self.overgangsdatum:
            raise DomeinFout(f"De overgangsdatum is al {nl_datum(nieuw)}.")
        if reden_versleuteld is None:
            raise DomeinFout("Een overgangsdatum wijzigen vraagt een reden (--reden): waarom schuift de overdracht?")
        self.trigger_event(self.OvergangsdatumGewijzigd, oud=self.overgangsdatum, nieuw=nieuw, actor=actor,
                           datum=datum, reden=None, reden_versleuteld=reden_versleuteld)

    def leg_vervolg_vast(self, *, vervolg: Vervolg, actor: str, datum: date, reden_versleuteld: str | None) -> None:
        self._niet_gewist()
        self._na(datum, self.aangemeld_op, "Het vervolg vastleggen")
        if self.vervolg == vervolg.value:
            raise DomeinFout(f"Het vervolg is al vastgelegd: {vervolg.value}.")
        self.trigger_event(self.VervolgVastgelegd, vervolg=vervolg.value, actor=actor, datum=datum, reden=None,
                           reden_versleuteld=reden_versleuteld)

    def signaleer(self, *, soort: str, sleutel: str, actor: str, datum: date) -> bool:
        """Record a risk once; False when it was recorded already (so `verwerk` can run twice)."""
        if f"{soort}:{sleutel}" in self.signalen or self.gewist is not None:
            return False
        self.trigger_event(self.Gesignaleerd, soort=soort, sleutel=sleutel, actor=actor, datum=datum, reden=None,
                           reden_versleuteld=None)
        return True

    def vergeet(self, *, actor: str, datum: date, reden: str | None) -> None:
        self._niet_gewist()
        controleer_wissen(reden)  # the reason stays readable (in the clear): no health data in it
        self.trigger_event(self.ClientVergeten, actor=actor, datum=datum, reden=reden.strip(), reden_versleuteld=None)

    # --- queries ---------------------------------------------------------------------------

    @property
    def overgedragen(self) -> bool:
        return self.overgedragen_op is not None
