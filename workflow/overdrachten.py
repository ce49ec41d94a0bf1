"""Use-cases for the overgangsjaar: define it, import the client population, walk each client
through the transfer, change dates with a reason, process what falls due, erase a client.

A client's steps are a definition kept as data
(definities-overdracht/clientoverdracht/v<N>.toml, the zaaktype format; its kind is
workflow.definitie.CLIENTOVERDRACHT). Defining an overgangsjaar stores the text of the version
its clients run on, once per version, through the `definities` service (`bewaar_nieuw`), and the
jaar records its sha256; a client's rules are read back through `regels` (its file when here and
unchanged, else the stored text), so a running year stays readable when the file changes or is
gone. One machine per text (workflow.engine.bouw_workflow). The extra sections are parsed from
the text read: `[overgang] producten` (what a population file may name) and `[dossier.<wet>]`
(when the dossier of the latende aanbieder goes with the client). Steps go through the shared
step executor (workflow.engine.stap) in `OverdrachtDienst._stap`.

A client's command loads the jaar and the transfer once, reads the client's key once and builds
its view from what it holds (`_weergave`); the history is in the one audit line format
(workflow.audit.regel).

Personal data (see domain.overdracht, domain.persoonsgegevens): the pseudonym and the reasons
are encrypted with the client's key (store.person_keys for keys in bulk, store.keys for the one
ciphertext format), the aggregate id comes from an HMAC of the pseudonym with the overgangsjaar's
secret; logs and history lines carry no pseudonym, no ciphertext and no key id.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import tomllib
from enum import StrEnum, auto
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID, uuid5

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.persoonsgegevens import gewist_op
from domain.overdracht import (
    DOSSIERREGELS,
    REGEL_UITLEG,
    Aanwezige,
    Clientoverdracht,
    Oorzaak,
    Overgangsjaar,
    Regel,
    Vervolg,
    Wet,
    deel_in,
    overdracht_id,
    overgangsjaar_id,
    plan_overgangsdatum,
)
from store.events_bulk import bestaande_ids
from store.keys import ontsleutel, versleutel
from store.person_keys import Persoonssleutels
from workflow.definitie import CLIENTOVERDRACHT, OVERDRACHTEN, Definitie, DefinitieFout, definitie, vereist
from workflow import engine
from workflow.engine import Workflow, bouw_workflow
from workflow.kern import Dienst
from workflow.voorwaarden import Context, voorwaarde
from workflow.overdracht_csv import Afwijzing, lees_populatie

DEFINITIES = OVERDRACHTEN
DEFINITIE = "clientoverdracht"
BATCHGROOTTE = 1000  # clients per transaction in an import
VERWERK_BATCH = 500  # transfers per transaction in `verwerk`
# PostgreSQL: eventsourcing inserts a batch in psycopg's pipeline mode, which can deadlock on a large
# payload (psycopg/psycopg#685; here it hung at 1,000 events of ~750 bytes, not at 500): at most this many.
PG_BATCH = 250
# Called during an import with ("sleutels", n) once batch n's keys are committed and ("batch", n) once its
# events are: None here. The tests of an interrupted import set it in their own process to end it there.
NA_STAP_VAN_IMPORT: Callable[[str, int], None] | None = None

# The `overgang …` commands that record a fact without a step; a toestand lists those it allows.
HANDELINGEN = ("verplaatsen", "verlengen", "inkorten", "vervolg", "vergeten")


# --- the definition ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overdrachtdefinitie:
    workflow: Workflow
    producten: tuple[str, ...]
    dossier: dict[str, dict]  # wet → {"regel", "grondslag", "te_bevestigen"?}

    @property
    def versie(self) -> int:
        return self.workflow.definitie.versie


class Stappen(StrEnum):
    """The step names this module refers to: every definition with onderdelen = ["overdrachten"] has them."""

    indelen_r1 = auto()
    plannen = auto()
    direct_basisondersteuning = auto()
    toestemming_vragen = auto()
    toestemming_geven = auto()
    toestemming_weigeren = auto()
    warme_overdracht = auto()
    overdragen = auto()
    afsluiten = auto()
    indicatie_beeindigen = auto()
    herindelen_r1 = auto()
    herindelen_r2 = auto()
    uitvallen = auto()


class Toestanden(StrEnum):
    loopt_door = auto()
    uitgevallen = auto()
    afgesloten = auto()


EERSTE_STAP = {Regel.R1: Stappen.indelen_r1, Regel.R2: Stappen.plannen, Regel.R3: Stappen.direct_basisondersteuning}
VEREIST = vereist("overdrachten", stappen=Stappen, toestanden=Toestanden, handelingen=HANDELINGEN)


@voorwaarde("einddatum_bereikt")
def _einddatum_bereikt(c: Context) -> str | None:
    o = c.onderwerp
    if c.datum < o.einddatum:
        return f"De indicatie loopt tot en met {nl_datum(o.einddatum)}; beëindigen kan vanaf die dag."
    return None


def overdrachtdefinitie(versie: int | None = None) -> Overdrachtdefinitie:
    """The clientoverdracht definition from its file: the given version, or the newest. A jaar's
    clients read theirs through `OverdrachtDienst._regels` (the stored text)."""
    return _bouw(definitie(DEFINITIE, versie, CLIENTOVERDRACHT.mappen))


_GEBOUWD: dict[str, Overdrachtdefinitie] = {}  # per text sha256: checked and built once per process


def _bouw(d: Definitie) -> Overdrachtdefinitie:
    """Check one definition text and build its machine: once per process."""
    gebouwd = _GEBOUWD.get(d.sha256)
    if gebouwd is None:
        gebouwd = _GEBOUWD[d.sha256] = _controleer(d)
    return gebouwd


def _controleer(d: Definitie) -> Overdrachtdefinitie:
    VEREIST.controleer(d)  # its steps, states and handelingen (named checks: when it was read)
    extra = tomllib.loads(d.tekst)  # the text read (a file, or the stored version), never the file again
    try:
        producten = tuple(extra["overgang"]["producten"])
        dossier = {w.value: dict(extra["dossier"][w.value]) for w in Wet}
    except KeyError as e:
        raise DefinitieFout(f"Definitie {d.bron}: het veld {e} ontbreekt ([overgang] producten, [dossier.<wet>]).") \
            from None
    for wet, r in dossier.items():
        if r.get("regel") not in DOSSIERREGELS or not r.get("grondslag"):
            raise DefinitieFout(f"Definitie {d.bron}: [dossier.{wet}] heeft een regel ({', '.join(DOSSIERREGELS)}) "
                                "en een grondslag nodig.")
    for stap in EERSTE_STAP.values():
        if stap not in {o.stap for o in d.overgangen}:
            raise DefinitieFout(f"Definitie {d.bron}: de importstap '{stap}' ontbreekt.")
    return Overdrachtdefinitie(bouw_workflow(d, CLIENTOVERDRACHT), producten, dossier)


# --- the use-cases ---------------------------------------------------------------------------------


class OverdrachtDienst(Dienst):
    def __init__(self, kern) -> None:
        super().__init__(kern)
        self._sleutels: Persoonssleutels | None = None
        self._geheimen: dict[int, bytes] = {}

    def sluit(self) -> None:
        if self._sleutels is not None:
            self._sleutels.sluit()

    # --- keys, ids, loading --------------------------------------------------------------

    def _kluis(self) -> Persoonssleutels:
        if self._sleutels is None:
            self._sleutels = Persoonssleutels(self.kern.opslag)
        return self._sleutels

    def _geheim(self, jaar: int, *, maak: bool = False) -> bytes:
        """The overgangsjaar's secret for the clients' ids, made only when the jaar is defined: a
        secret that went missing would silently make every client unfindable, so that is refused."""
        if jaar not in self._geheimen:
            geheim_id = str(uuid5(overgangsjaar_id(jaar), "pseudoniemen"))
            geheim = self._kluis().geheim(geheim_id) if maak else self._kluis().sleutel(geheim_id)
            if geheim is None:
                raise DomeinFout(f"Het geheim van overgangsjaar {jaar} ontbreekt in de sleuteltabel "
                                 "(persoonsgegevens_sleutels); zonder dat is geen cliënt te vinden. Zet het terug "
                                 "uit een back-up.")
            self._geheimen[jaar] = geheim
        return self._geheimen[jaar]

    def _id(self, jaar: int, client: str) -> UUID:
        code = hmac.new(self._geheim(jaar), client.strip().encode(), hashlib.sha256).hexdigest()
        return overdracht_id(jaar, code)

    @staticmethod
    def _sleutel_id(oid: UUID) -> str:
        """The client's key is kept under the transfer's id: one key per client and overgangsjaar,
        found again by an import that was interrupted after its keys were committed."""
        return str(oid)

    def _jaar(self, jaar: int) -> Overgangsjaar:
        return self.kern.laad(overgangsjaar_id(jaar), f"Overgangsjaar {jaar} is niet gedefinieerd "
                                                      f"('zaakstroom overgang jaar definieer {jaar} …').")

    def _laad(self, jaar: int, client: str) -> tuple[Overgangsjaar, Clientoverdracht]:
        """The overgangsjaar (first: a clear message for a jaar that does not exist, and no secret
        made for it) and the client's transfer: loaded once per command."""
        j = self._jaar(jaar)
        return j, self.kern.laad(self._id(jaar, client), f"Cliënt {client} staat niet in overgangsjaar {jaar} "
                                                          "(importeer de populatie met 'overgang importeer').")

    def _regels(self, j: Overgangsjaar, versie: int | None = None) -> Overdrachtdefinitie:
        """The definition the jaar's clients run on (`versie`: a client's; default the jaar's): the
        text stored when the jaar was defined (workflow.definitieversies: its file when unchanged).
        A jaar defined before that text was recorded reads the file (the newest, without `versie`)."""
        if j.definitie_versie is None:
            return overdrachtdefinitie(versie)
        versie = versie or j.definitie_versie
        sha = j.definitie_sha256 if versie == j.definitie_versie else None
        return _bouw(self.kern.dienst("definities").regels(CLIENTOVERDRACHT, DEFINITIE, versie, sha))

    def _client(self, jaar: int, client: str) -> tuple[Overgangsjaar, Clientoverdracht, Overdrachtdefinitie,
                                                       bytes | None]:
        """What a client's command works with, each read once: the jaar, the transfer, its
        definition and the client's key (None once erased)."""
        j, o = self._laad(jaar, client)
        return j, o, self._regels(j, o.definitie_versie), self._kluis().sleutel(o.sleutel_id)

    @staticmethod
    def _versleutel(sleutel: bytes | None, o: Clientoverdracht, reden: str | None) -> str | None:
        """A reason about the client, encrypted with the client's key (None when none was given)."""
        if not reden or not reden.strip():
            return None
        if sleutel is None:
            raise DomeinFout("De sleutel van deze cliënt is vernietigd; er kan niets meer worden vastgelegd.")
        return versleutel(sleutel, o.sleutel_id, {"reden": reden.strip()})

    # --- the one step function -------------------------------------------------------------

    def _stap(self, d: Overdrachtdefinitie, o: Clientoverdracht, stap: str, datum: date) -> dict:
        """Check step `stap` of this client against its definition; return the checked step as the
        aggregate's command takes it (`stap`, `naar`: Toegestaan.overgang), as the zaak's ga_naar.

        The one place where a client's step is checked, by the shared step executor
        (workflow.engine.stap: the definition's machine, its wachttermijnen and named checks).
        """
        wf = d.workflow
        # Kept before the engine only for its message: a client's rule and status and the commands that
        # do apply (the engine's own refusal names the step and the status, not what to do instead).
        if stap not in {x.stap for x in wf.overgangen_vanuit(o.status)}:  # the machine's answer
            mogelijk = [f"{x.titel.split(':')[0].lower()} ('zaakstroom {x.commando}')" if x.commando else x.stap
                        for x in wf.overgangen_vanuit(o.status)]
            toestand = wf.definitie.toestand(o.status)
            raise DomeinFout(
                f"Dat kan niet voor deze cliënt ({o.regel.value}, status '{o.status}': {toestand.titel})."
                + (f" Mogelijk: {'; '.join(mogelijk)}." if mogelijk else " De overdracht is afgerond.")
            )
        # The definition has no terms (yet): the client's deadlines are its indicatie and overgangsdatum.
        toegestaan = engine.stap(wf, o.status, stap, lopend=[], datum=datum, context=Context(self.kern, o, datum),
                                 startdatum=datum, kenmerk="deze cliënt")
        return {"stap": toegestaan.overgang.stap, "naar": toegestaan.overgang.naar}

    @staticmethod
    def _mag(od: Overdrachtdefinitie, o: Clientoverdracht, handeling: str) -> None:
        """Refuse a fact the client's state does not allow, naming the states that do."""
        d = od.workflow.definitie
        if handeling in d.toestand(o.status).handelingen:
            return
        waar = [f"'{t.naam}'" for t in d.toestanden if handeling in t.handelingen]
        raise DomeinFout(f"'overgang {handeling}' kan alleen in status {', '.join(waar)}; deze cliënt "
                         f"({o.regel.value}) is '{o.status}' ({d.toestand(o.status).titel}).")

    def _bewaar(self, *aggregates, gebeurtenis: str, actor: str) -> None:
        self.kern.bewaar(*aggregates, gebeurtenis=gebeurtenis, actor=actor)  # no pseudonym in the log

    # --- the overgangsjaar ------------------------------------------------------------------

    def jaar_definieer(self, *, jaar: int, start: date, einde: date, ontvangende_aanbieder: str,
                       latende_aanbieders: list[str], waarschuwing_dagen: int, plan_vanaf: date | None = None,
                       plan_tot: date | None = None, actor: str, datum: date | None = None,
                       reden: str | None = None) -> dict:
        bestaat_al = f"Overgangsjaar {jaar} is al gedefinieerd."
        if self.kern.bestaat(overgangsjaar_id(jaar)):
            raise DomeinFout(bestaat_al)
        d = overdrachtdefinitie()  # the newest version: the jaar's clients run on its text from now on
        dag = self.kern.datum(datum)

        def maak() -> Overgangsjaar:
            return Overgangsjaar.definieer(
                jaar=jaar, start=start, einde=einde, ontvangende_aanbieder=ontvangende_aanbieder,
                latende_aanbieders=latende_aanbieders, waarschuwing_dagen=waarschuwing_dagen, plan_vanaf=plan_vanaf,
                plan_tot=plan_tot, actor=actor, datum=dag, reden=reden,
                definitie_versie=d.versie, definitie_sha256=d.workflow.definitie.sha256,
            )

        maak()  # its checks, before a secret is made
        self._geheim(jaar, maak=True)  # the secret for the clients' ids, before any client exists
        # The definition's text is stored with the jaar when no jaar used this version before.
        j = self.kern.dienst("definities").bewaar_nieuw(
            CLIENTOVERDRACHT, d.workflow.definitie, maak, actor=actor,
            reden=f"Eerste overgangsjaar op deze versie: {jaar}.", bestaat_al=bestaat_al,
            gebeurtenis="overgangsjaar gedefinieerd", jaar=jaar,
        )
        return self._jaar_weergave(j)

    def jaar_aanbieder_toevoegen(self, jaar: int, naam: str, *, actor: str, datum: date | None = None,
                                 reden: str | None = None) -> dict:
        j = self._jaar(jaar)
        j.voeg_aanbieder_toe(naam=naam, actor=actor, datum=self.kern.datum(datum), reden=reden)
        self.kern.bewaar(j, gebeurtenis="latende aanbieder toegevoegd", jaar=jaar, actor=actor)
        return self._jaar_weergave(j)

    def jaar_toon(self, jaar: int) -> dict:
        return self._jaar_weergave(self._jaar(jaar))

    def _jaar_weergave(self, j: Overgangsjaar) -> dict:
        d = self._regels(j)
        return {
            "jaar": j.jaar, "start": j.start, "einde": j.einde, "ontvangende_aanbieder": j.ontvangende_aanbieder,
            "latende_aanbieders": list(j.latende_aanbieders), "waarschuwing_dagen": j.waarschuwing_dagen,
            "waarschuwing_vanaf": j.einde - timedelta(days=j.waarschuwing_dagen),
            "plan_vanaf": j.plan_vanaf, "plan_tot": j.plan_tot, "synthetisch": j.synthetisch,
            "imports": [dict(i) for i in j.imports],
            "regels": {r.value: REGEL_UITLEG[r] for r in Regel},
            "producten": list(d.producten),
            "dossier": {w: dict(r) for w, r in d.dossier.items()},
            # The version its clients run on, and the sha256 of its stored text (None: defined before those
            # were stored; its clients read the file).
            "definitie": {"naam": DEFINITIE, "versie": d.versie, "sha256": j.definitie_sha256},
        }

    # --- the import -------------------------------------------------------------------------

    def importeer(self, jaar: int, inhoud: bytes, bestand: str, *, actor: str, datum: date | None = None,
                  batchgrootte: int = BATCHGROOTTE, voortgang: Callable[[int], None] | None = None,
                  begin: Callable[[int], None] | None = None) -> dict:
        """Import a population file: every row checked, the good ones saved in batches (one
        transaction each), ids deterministic, so running it again adds only what is missing.

        `begin(n)` is called with the number of rows to save, `voortgang(k)` after each batch.
        """
        j = self._jaar(jaar)
        datum = self.kern.datum(datum)
        if self.kern.opslag.is_postgres:
            batchgrootte = min(batchgrootte, PG_BATCH)
        d = self._regels(j)
        invoer = lees_populatie(inhoud, d.producten)
        afgewezen = list(invoer.afgewezen)
        plan = j.plan_dagen(datum + timedelta(days=1))
        geheim = self._geheim(jaar)

        aanbieders = {" ".join(a.split()).casefold(): a for a in j.latende_aanbieders}
        te_doen: list[tuple] = []
        for rij in invoer.rijen:
            try:
                latende = None
                if rij.latende_aanbieder:
                    latende = aanbieders.get(rij.latende_aanbieder.casefold())  # spaces normalised by the reader
                    if latende is None:
                        raise DomeinFout(f"latende_aanbieder {rij.latende_aanbieder!r} is geen latende aanbieder van "
                                         f"overgangsjaar {jaar} ('overgang jaar aanbieder-toevoegen')")
                regel = deel_in(jaar_start=j.start, jaar_einde=j.einde, indicatie_start=rij.indicatie_start,
                                einddatum=rij.einddatum, latende_aanbieder=latende)
                if rij.overgangsdatum and regel is not Regel.R2:
                    raise DomeinFout(f"een overgangsdatum hoort alleen bij R2; dit is {regel.value} "
                                     f"({REGEL_UITLEG[regel]})")
                if rij.overgangsdatum and not j.binnen(rij.overgangsdatum):
                    raise DomeinFout(f"overgangsdatum {nl_datum(rij.overgangsdatum)} ligt buiten het overgangsjaar")
                if regel is Regel.R2 and not rij.overgangsdatum and not plan:
                    raise DomeinFout("er is geen werkdag meer in het overgangsjaar om over te gaan; geef een "
                                     "overgangsdatum (kolom overgangsdatum)")
            except DomeinFout as e:
                afgewezen.append(Afwijzing(rij.regel, str(e)))
                continue
            oid = overdracht_id(jaar, hmac.new(geheim, rij.client.encode(), hashlib.sha256).hexdigest())
            te_doen.append((rij, oid, regel, latende))

        if begin:
            begin(len(te_doen))
        # The parsed population lives until the end: keep the garbage collector from walking all of it
        # again each time the batches' aggregates and events make it run (some 15 % at 100,000 rows).
        gc.freeze()
        try:
            return self._importeer_batches(j, d, te_doen, invoer, afgewezen, bestand=bestand, actor=actor, datum=datum,
                                           batchgrootte=batchgrootte, voortgang=voortgang)
        finally:
            gc.unfreeze()

    def _importeer_batches(self, j: Overgangsjaar, d: Overdrachtdefinitie, te_doen: list[tuple], invoer,
                           afgewezen: list[Afwijzing], *, bestand: str, actor: str, datum: date, batchgrootte: int,
                           voortgang: Callable[[int], None] | None) -> dict:
        jaar = j.jaar
        wf = d.workflow
        naar = {r: wf.overgang(wf.definitie.begintoestand, stap).naar for r, stap in EERSTE_STAP.items()}
        plan = j.plan_dagen(datum + timedelta(days=1))
        recorder = self.kern.repository.event_store.recorder
        nieuw: Counter[str] = Counter()
        al_aanwezig = batches = 0
        for i in range(0, len(te_doen), batchgrootte):
            batch = te_doen[i:i + batchgrootte]
            bestaand = bestaande_ids(recorder, [oid for _, oid, _, _ in batch])
            nieuwe = [x for x in batch if x[1] not in bestaand]
            al_aanwezig += len(batch) - len(nieuwe)
            if nieuwe:
                sleutels = self._kluis().sleutels([self._sleutel_id(oid) for _, oid, _, _ in nieuwe], maak=True)
                if NA_STAP_VAN_IMPORT:
                    NA_STAP_VAN_IMPORT("sleutels", batches + 1)
                aggregates = []
                for rij, oid, regel, latende in nieuwe:
                    sid = self._sleutel_id(oid)
                    overgangsdatum = rij.overgangsdatum or (plan_overgangsdatum(oid, plan) if regel is Regel.R2
                                                            else None)
                    aggregates.append(Clientoverdracht.meld_aan(
                        id_=oid, jaar=jaar, definitie_versie=d.versie, stap=EERSTE_STAP[regel], status=naar[regel],
                        regel=regel, wet=rij.wet, product=rij.product, indicatie_start=rij.indicatie_start,
                        einddatum=rij.einddatum, latende_aanbieder=latende, overgangsdatum=overgangsdatum,
                        toestemming=rij.toestemming, sleutel_id=sid,
                        client_versleuteld=versleutel(sleutels[sid], sid, {"client": rij.client}),
                        actor=actor, datum=datum,
                    ))
                self.kern.bewaar(
                    *aggregates, gebeurtenis="populatie geïmporteerd (batch)", jaar=jaar, aantal=len(aggregates),
                    actor=actor, bestaat_al="Een andere import heeft intussen dezelfde cliënten vastgelegd; draai "
                                            "de import opnieuw: wat er al is, wordt overgeslagen.",
                )
                nieuw.update(regel.value for _, _, regel, _ in nieuwe)
            batches += 1
            if voortgang:
                voortgang(len(batch))
            if NA_STAP_VAN_IMPORT:
                NA_STAP_VAN_IMPORT("batch", batches)

        afgewezen.sort(key=lambda a: a.regel)
        totaal = sum(nieuw.values())
        if totaal:
            j.leg_import_vast(bestand=Path(bestand).name, sha256=invoer.sha256, rijen=invoer.gelezen,
                              nieuw={r.value: nieuw[r.value] for r in Regel}, al_aanwezig=al_aanwezig,
                              afgewezen=len(afgewezen), synthetisch=invoer.synthetisch, actor=actor, datum=datum)
            self.kern.bewaar(j, gebeurtenis="populatie geïmporteerd", jaar=jaar, actor=actor)
        return {
            "jaar": jaar, "bestand": Path(bestand).name, "sha256": invoer.sha256, "codering": invoer.codering,
            "scheidingsteken": invoer.scheidingsteken, "synthetisch": invoer.synthetisch, "gelezen": invoer.gelezen,
            "nieuw": {r.value: nieuw[r.value] for r in Regel}, "nieuw_totaal": totaal, "al_aanwezig": al_aanwezig,
            "afgewezen": [{"regel": a.regel, "reden": a.reden} for a in afgewezen], "batches": batches,
            "batchgrootte": batchgrootte,
            "vastgelegd": totaal > 0,
        }

    # --- a client's steps ---------------------------------------------------------------------

    def toestemming(self, jaar: int, client: str, actie: str, *, actor: str, datum: date | None = None,
                    reden: str | None = None) -> dict:
        """actie: 'vragen', 'gegeven' or 'geweigerd'."""
        j, o, d, sleutel = self._client(jaar, client)
        datum = self.kern.datum(datum)
        if actie == "vragen":
            o.vraag_toestemming(**self._stap(d, o, Stappen.toestemming_vragen, datum), actor=actor, datum=datum,
                                reden_versleuteld=self._versleutel(sleutel, o, reden))
        elif actie in ("gegeven", "geweigerd"):
            stap = Stappen.toestemming_geven if actie == "gegeven" else Stappen.toestemming_weigeren
            o.leg_toestemming_vast(gegeven=actie == "gegeven", **self._stap(d, o, stap, datum), actor=actor,
                                   datum=datum, reden_versleuteld=self._versleutel(sleutel, o, reden))
        else:
            raise DomeinFout(f"Onbekende actie '{actie}'; kies vragen, gegeven of geweigerd.")
        self._bewaar(o, gebeurtenis=f"toestemming {actie}", actor=actor)
        return self._weergave(j, o, d, sleutel)

    def warme_overdracht(self, jaar: int, client: str, *, aanwezigen: list[str], actor: str,
                         datum: date | None = None, reden: str | None = None) -> dict:
        j, o, d, sleutel = self._client(jaar, client)
        datum = self.kern.datum(datum)
        rollen = [Aanwezige.lees(a, "rol (aanwezig)") for a in aanwezigen]
        o.houd_warme_overdracht(aanwezigen=rollen, **self._stap(d, o, Stappen.warme_overdracht, datum), actor=actor,
                                datum=datum, reden_versleuteld=self._versleutel(sleutel, o, reden))
        self._bewaar(o, gebeurtenis="warme overdracht", actor=actor)
        return self._weergave(j, o, d, sleutel)

    def overdragen(self, jaar: int, client: str, *, noodzakelijk: str | None = None, actor: str,
                   datum: date | None = None, reden: str | None = None) -> dict:
        """Hand over; the dossier goes with the client only on the definition's ground for its wet.
        `noodzakelijk`: why the dossier is needed without consent (Jeugdwet art. 7.4.0 lid 1), encrypted."""
        j, o, d, sleutel = self._client(jaar, client)
        datum = self.kern.datum(datum)
        regel = d.dossier[o.wet.value]["regel"]
        stap = self._stap(d, o, Stappen.overdragen, datum)
        toelichting = "; ".join(x.strip() for x in (reden, noodzakelijk and f"noodzakelijk: {noodzakelijk}") if x
                                and x.strip()) or None
        o.draag_over(dossierregel=regel, noodzaak=bool(noodzakelijk and noodzakelijk.strip()), **stap,
                     actor=actor, datum=datum, reden_versleuteld=self._versleutel(sleutel, o, toelichting))
        self._bewaar(o, gebeurtenis="overgedragen", actor=actor)
        return self._weergave(j, o, d, sleutel)

    def afsluiten(self, jaar: int, client: str, *, actor: str, datum: date | None = None,
                  reden: str | None = None) -> dict:
        j, o, d, sleutel = self._client(jaar, client)
        datum = self.kern.datum(datum)
        o.sluit_af(**self._stap(d, o, Stappen.afsluiten, datum), actor=actor, datum=datum,
                   reden_versleuteld=self._versleutel(sleutel, o, reden))
        self._bewaar(o, gebeurtenis="afgesloten", actor=actor)
        return self._weergave(j, o, d, sleutel)

    def uitval(self, jaar: int, client: str, *, oorzaak: str, actor: str, datum: date | None = None,
               reden: str | None = None) -> dict:
        j, o, d, sleutel = self._client(jaar, client)
        datum = self.kern.datum(datum)
        o.val_uit(oorzaak=Oorzaak.lees(oorzaak, "oorzaak van uitval"), **self._stap(d, o, Stappen.uitvallen, datum),
                  actor=actor, datum=datum, reden_versleuteld=self._versleutel(sleutel, o, reden))
        self._bewaar(o, gebeurtenis="uitgevallen", actor=actor)
        return self._weergave(j, o, d, sleutel)

    def verplaats(self, jaar: int, client: str, *, overgangsdatum: date, actor: str, reden: str | None,
                  datum: date | None = None) -> dict:
        j, o, d, sleutel = self._client(jaar, client)
        self._mag(d, o, "verplaatsen")
        if not j.binnen(overgangsdatum):
            raise DomeinFout(f"Een R2-cliënt gaat binnen het overgangsjaar over ({nl_datum(j.start)} t/m "
                             f"{nl_datum(j.einde)}); {nl_datum(overgangsdatum)} valt erbuiten.")
        o.verplaats(nieuw=overgangsdatum, actor=actor, datum=self.kern.datum(datum),
                    reden_versleuteld=self._versleutel(sleutel, o, reden))
        self._bewaar(o, gebeurtenis="overgangsdatum gewijzigd", actor=actor)
        return self._weergave(j, o, d, sleutel)

    def wijzig_einddatum(self, jaar: int, client: str, *, einddatum: date, verlengen: bool, actor: str,
                         reden: str | None, overgangsdatum: date | None = None, datum: date | None = None) -> dict:
        """`overgang verleng` (later einddatum) or `overgang inkorten` (earlier); across the end of the
        overgangsjaar the client is reclassified (R1 → R2 with a planned overgangsdatum, R2 → R1)."""
        j, o, d, sleutel = self._client(jaar, client)
        datum = self.kern.datum(datum)
        if not reden or not reden.strip():
            raise DomeinFout("Een indicatie wijzigen vraagt een reden (--reden); die blijft zichtbaar in de geschiedenis.")
        if o.regel is Regel.R3:
            raise DomeinFout("Een R3-cliënt (nieuwe hulpvraag) staat al bij de basisondersteuning; hier valt geen "
                             "indicatie te wijzigen.")
        if verlengen and einddatum <= o.einddatum:
            raise DomeinFout(f"Verlengen vraagt een einddatum na {nl_datum(o.einddatum)}; eerder is "
                             "'overgang inkorten'.")
        if not verlengen and einddatum >= o.einddatum:
            raise DomeinFout(f"Inkorten vraagt een einddatum voor {nl_datum(o.einddatum)}; later is "
                             "'overgang verleng'.")
        nieuwe_regel = Regel.R1 if einddatum <= j.einde else Regel.R2
        if einddatum < j.start:
            raise DomeinFout(f"Een einddatum voor het overgangsjaar ({nl_datum(einddatum)}) past bij geen regel.")
        stap, naar, plan = None, o.status, o.overgangsdatum
        if nieuwe_regel is not o.regel:
            stap = Stappen.herindelen_r2 if nieuwe_regel is Regel.R2 else Stappen.herindelen_r1
            g = self._stap(d, o, stap, datum)
            stap, naar = g["stap"], g["naar"]
            if nieuwe_regel is Regel.R2:
                plan = overgangsdatum or self._plan(j, o.id, datum)
                if not j.binnen(plan):
                    raise DomeinFout(f"De overgangsdatum {nl_datum(plan)} valt buiten het overgangsjaar.")
            else:
                plan = None
        else:
            self._mag(d, o, "verlengen" if verlengen else "inkorten")
            if overgangsdatum:
                raise DomeinFout("--overgangsdatum hoort bij een herindeling naar R2; de overgangsdatum van een "
                                 "R2-cliënt wijzig je met 'overgang verplaats'.")
        o.wijzig_einddatum(nieuw=einddatum, nieuwe_regel=nieuwe_regel, stap=stap, naar=naar, overgangsdatum=plan,
                           actor=actor, datum=datum, reden_versleuteld=self._versleutel(sleutel, o, reden))
        self._bewaar(o, gebeurtenis="indicatie gewijzigd", actor=actor)
        return self._weergave(j, o, d, sleutel)

    @staticmethod
    def _plan(j: Overgangsjaar, oid: UUID, datum: date) -> date:
        dagen = j.plan_dagen(datum + timedelta(days=1))
        if not dagen:
            raise DomeinFout("Er is geen werkdag meer in het overgangsjaar om over te gaan; geef --overgangsdatum.")
        return plan_overgangsdatum(oid, dagen)

    def vervolg(self, jaar: int, client: str, *, vervolg: str, actor: str, datum: date | None = None,
                reden: str | None = None) -> dict:
        j, o, d, sleutel = self._client(jaar, client)
        self._mag(d, o, "vervolg")
        o.leg_vervolg_vast(vervolg=Vervolg.lees(vervolg, "vervolg"), actor=actor, datum=self.kern.datum(datum),
                           reden_versleuteld=self._versleutel(sleutel, o, reden))
        self._bewaar(o, gebeurtenis="vervolg vastgelegd", actor=actor)
        return self._weergave(j, o, d, sleutel)

    def heeft_client(self, jaar: int, client: str) -> bool:
        """Is `client` in overgangsjaar `jaar`? False also when there is no such jaar (no secret is made)."""
        if not self.kern.bestaat(overgangsjaar_id(jaar)):
            return False
        return self.kern.bestaat(self._id(jaar, client))

    def vergeet(self, jaar: int, client: str, *, reden: str | None, actor: str, datum: date | None = None) -> dict:
        """Erase the client's personal data (AVG art. 17) by destroying the key; the counts stay."""
        j, o, d, sleutel = self._client(jaar, client)
        self._mag(d, o, "vergeten")
        o.vergeet(actor=actor, datum=self.kern.datum(datum), reden=reden)
        # The irreversible part first: if recording the event fails, running the command again records it.
        self._kluis().vernietig(o.sleutel_id)
        self._bewaar(o, gebeurtenis="gegevens gewist", actor=actor)
        return self._weergave(j, o, d, None)  # the key is gone

    # --- the nightly job ---------------------------------------------------------------------------

    def verwerk(self, kandidaten: Iterable[UUID], *, tot: date, actor: str) -> dict:
        """What falls due up to `tot`: an R1 indicatie that reached its einddatum is ended; an R2
        client past the overgangsdatum, or not transferred at the end of the year, is recorded as
        a signal (once). The candidates come from the projection; each transfer decides itself,
        so running it twice for the same day changes nothing more."""
        tot = self.kern.datum(tot)
        jaren: dict[int, Overgangsjaar] = {}
        telling: Counter[str] = Counter()
        kandidaten = list(kandidaten)
        aantal = 0
        batch = min(VERWERK_BATCH, PG_BATCH) if self.kern.opslag.is_postgres else VERWERK_BATCH
        for i in range(0, len(kandidaten), batch):
            gewijzigd = []
            for oid in kandidaten[i:i + batch]:
                o = self.kern.laad(oid, f"Overdracht {oid} ontbreekt in de store (projectie en store verschillen).")
                j = jaren.get(o.jaar) or jaren.setdefault(o.jaar, self._jaar(o.jaar))
                if self._verwerk_een(o, j, self._regels(j, o.definitie_versie), tot, actor, telling):
                    gewijzigd.append(o)
            if gewijzigd:
                self._bewaar(*gewijzigd, gebeurtenis="verwerkt", actor=actor)
                aantal += len(gewijzigd)
        return {"tot": tot, "bekeken": len(kandidaten), "gewijzigd": aantal, "beeindigd": telling["beeindigd"],
                "gesignaleerd": {s: telling[s] for s in ("overgangsdatum_verstreken", "jaar_verstreken")}}

    def _verwerk_een(self, o: Clientoverdracht, j: Overgangsjaar, d: Overdrachtdefinitie, tot: date, actor: str,
                     telling: Counter) -> bool:
        if o.gewist is not None:
            return False
        veranderd = False
        if o.status == Toestanden.loopt_door and o.einddatum <= tot:
            o.beeindig_indicatie(**self._stap(d, o, Stappen.indicatie_beeindigen, o.einddatum), actor=actor)
            telling["beeindigd"] += 1
            veranderd = True
        if o.regel is Regel.R2 and not o.overgedragen and o.status not in (Toestanden.uitgevallen, Toestanden.afgesloten):
            if o.overgangsdatum and o.overgangsdatum < tot and o.signaleer(
                    soort="overgangsdatum_verstreken", sleutel=o.overgangsdatum.isoformat(), actor=actor,
                    datum=o.overgangsdatum + timedelta(days=1)):
                telling["overgangsdatum_verstreken"] += 1
                veranderd = True
            if tot > j.einde and o.signaleer(soort="jaar_verstreken", sleutel=str(j.jaar), actor=actor,
                                             datum=j.einde + timedelta(days=1)):
                telling["jaar_verstreken"] += 1
                veranderd = True
        return veranderd

    # --- views -------------------------------------------------------------------------------------

    def toon(self, jaar: int, client: str) -> dict:
        """The client's transfer with its history; the pseudonym and the reasons decrypted (or erased)."""
        return self._weergave(*self._client(jaar, client))

    def _weergave(self, j: Overgangsjaar, o: Clientoverdracht, d: Overdrachtdefinitie, sleutel: bytes | None) -> dict:
        """The view of a transfer the command holds, with its key (None: erased)."""

        from workflow.audit import Bij, Kader, regel  # imports every part's events: only for a view

        gewist = gewist_op(o.gewist)

        def reden(e) -> str | None:
            if e.reden_versleuteld is None:
                return e.reden
            waarde = ontsleutel(sleutel, o.sleutel_id, e.reden_versleuteld)
            return waarde["reden"] if waarde else gewist

        pseudoniem = ontsleutel(sleutel, o.sleutel_id, o.client_versleuteld)
        wf = d.workflow
        # The one audit line (workflow.audit); the aggregate named by its id, never by the pseudonym.
        bij, kader = Bij("cliëntoverdracht", str(o.id)), Kader.uit(wf.definitie)
        geschiedenis = []
        for e in self.kern.gebeurtenissen(o.id):
            r = regel(e, bij, kader)
            r["reden"] = reden(e)
            geschiedenis.append(r)
        return {
            "jaar": o.jaar, "client": pseudoniem["client"] if pseudoniem else gewist, "gewist": o.gewist,
            "regel": o.regel.value, "regel_uitleg": REGEL_UITLEG[o.regel], "wet": o.wet.value, "product": o.product,
            "latende_aanbieder": o.latende_aanbieder, "indicatie_start": o.indicatie_start, "einddatum": o.einddatum,
            "status": o.status, "status_titel": wf.definitie.toestand(o.status).titel, "status_sinds": o.status_sinds,
            "overgangsdatum": o.overgangsdatum, "toestemming": o.toestemming, "toestemming_sinds": o.toestemming_sinds,
            "warme_overdracht": {"datum": o.warme_overdracht_op, "aanwezigen": list(o.aanwezigen)}
            if o.warme_overdracht_op else None,
            "overgedragen_op": o.overgedragen_op,
            "dossier_overgedragen": o.dossier_overgedragen, "dossier_grond": o.dossier_grond,
            "dossierregel": d.dossier[o.wet.value],
            "vervolg": o.vervolg, "uitval": dict(o.uitval) if o.uitval else None, "signalen": list(o.signalen),
            "volgende_stappen": [{"stap": x.stap, "titel": x.titel, "naar": x.naar, "commando": x.commando}
                                 for x in wf.overgangen_vanuit(o.status)],
            "handelingen": list(wf.definitie.toestand(o.status).handelingen),
            "geschiedenis": geschiedenis,
        }


def vergeet_persoon(kern, sleutel: str, reden: str, actor: str) -> dict | None:
    """This part's kind of person for `avg vergeet` (workflow.avg, registered in workflow.delen): a
    client of an overgangsjaar as JAAR/CLIENT (e.g. 2025/SYN-000123). None when no overgangsjaar
    has that client; refusals (transfer still running, already erased) are DomeinFout."""
    import re

    m = re.fullmatch(r"([0-9]{4})/(\S+)", sleutel.strip())
    if m is None:
        return None
    jaar, client = int(m[1]), m[2]
    dienst: OverdrachtDienst = kern.dienst("overdrachten")
    if not dienst.heeft_client(jaar, client):
        return None
    c = dienst.vergeet(jaar, client, reden=reden, actor=actor)
    return {"soort": "cliënt in het overgangsjaar", "sleutel": f"{jaar}/{client}", "datum": kern.vandaag(),
            "gewist": ["pseudoniem", "redenen over de cliënt"], "overdracht": c}
