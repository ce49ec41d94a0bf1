"""Use-cases for aanbestedingen: register, run each perceel through its phases, look back.

The phases are a workflow definition kept as data
(definities-aanbesteding/<procedure>/v<N>.toml, the zaaktype format) run by
workflow.engine (`procedure`: one `transitions.Machine` per definition version;
`stap`: the one step executor, shared with zaken). A toestand's `handelingen`
name the commands that record facts in that phase; an overgang's `voorwaarden`
name the checks registered below (workflow.voorwaarden). The names this module
uses are declared once (VEREIST) and checked against every procedure. Methods
return the raad's view (domain.vertrouwelijkheid) unless the full view is asked
for explicitly (`vertrouwelijk`), with who asks and why: that look is recorded
as an event on the aanbesteding (Aanbesteding.VertrouwelijkIngezien) and saved
before the view is returned; without a reason, or when it cannot be recorded,
nothing is shown. It is logged as well.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date, timedelta
from enum import StrEnum, auto
from functools import partial

from domain.aanbesteding import (
    UITKOMSTEN,
    Aanbesteding,
    Perceel,
    aanbesteding_id,
    controleer_inzage,
    looptijd_tekst,
)
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.tijdreis import zoals_op
from domain.vertrouwelijkheid import raadsweergave
from domain.zaak import LopendeTermijn
from workflow import engine
from workflow.definitie import PROCEDURE, vereist
from workflow.engine import Workflow, kan_vanaf, procedure
from workflow.kern import Dienst

if TYPE_CHECKING:
    from workflow.audit import Kader
from workflow.voorwaarden import Context, voorwaarde
from store.log import log
from workflow.weergave import termijn_als_dict


# --- the names of the procedure this part uses: every procedure has them (onderdelen = ["aanbestedingen"]) ---


class Stappen(StrEnum):
    inschrijfleidraad_publiceren = auto()
    gunningsbeslissing_versturen = auto()
    kort_geding_aanhangig = auto()
    uitspraak_afgewezen = auto()
    uitspraak_toegewezen = auto()
    definitief_gunnen = auto()
    contract_tekenen = auto()
    intrekken = auto()


class Handelingen(StrEnum):
    """The `aanbesteding` commands that record a fact without changing the phase; a
    definition's toestand lists those it allows (`handelingen`)."""

    marktconsultatie = auto()
    aanmelding = auto()
    toelaten = auto()
    afwijzen = auto()
    dialoogsessie = auto()
    inschrijving = auto()
    inschrijving_weigeren = "inschrijving-weigeren"
    beoordeel = auto()
    verificatie = auto()
    optie_uitoefenen = "optie-uitoefenen"
    optie_laten_vervallen = "optie-laten-vervallen"


VEREIST = vereist("aanbestedingen", stappen=Stappen, handelingen=Handelingen)


# --- conditions a step may name (`voorwaarden`): c.onderwerp is the Aanbesteding, c.onderdeel the Perceel ---


@voorwaarde("aanmeldingen_beoordeeld")
def _aanmeldingen_beoordeeld(c: Context) -> str | None:
    p = c.onderdeel
    open_ = [k.naam for k in p.kandidaten.values() if k.toegelaten is None]
    if open_:
        return (f"Nog niet alle aanmeldingen voor perceel {p.naam} zijn beoordeeld: {', '.join(open_)} "
                f"('aanbesteding toelaten' of 'aanbesteding afwijzen').")
    return None


@voorwaarde("kandidaat_toegelaten")
def _kandidaat_toegelaten(c: Context) -> str | None:
    p = c.onderdeel
    if not p.toegelaten():
        return (f"Geen kandidaat voor perceel {p.naam} voldoet aan de eisen ({len(p.kandidaten)} aangemeld, "
                f"geen toegelaten); zonder kandidaat geen dialoog: trek de procedure in met "
                f"'aanbesteding intrekken {c.onderwerp.kenmerk} --reden …'.")
    return None


@voorwaarde("dialoog_gevoerd")
def _dialoog_gevoerd(c: Context) -> str | None:
    p = c.onderdeel
    if not p.dialoogsessies:
        return f"Perceel {p.naam} heeft nog geen dialoogsessie gehad ('aanbesteding dialoogsessie')."
    return None


@voorwaarde("inschrijving_gesloten")
def _inschrijving_gesloten(c: Context) -> str | None:
    p = c.onderdeel
    if c.datum <= p.inschrijving_sluit:
        return (f"De inschrijving voor perceel {p.naam} staat open tot en met {nl_datum(p.inschrijving_sluit)}; "
                f"beoordelen kan vanaf {nl_datum(p.inschrijving_sluit + timedelta(days=1))}.")
    return None


@voorwaarde("inschrijving_ontvangen")
def _inschrijving_ontvangen(c: Context) -> str | None:
    p = c.onderdeel
    if not any(k.ingeschreven for k in p.kandidaten.values()):
        return (f"Er is voor perceel {p.naam} geen geldige inschrijving ontvangen; trek de procedure in met "
                f"'aanbesteding intrekken {c.onderwerp.kenmerk} --reden …'.")
    return None


@voorwaarde("contract_ingegaan")
def _contract_ingegaan(c: Context) -> str | None:
    p = c.onderdeel
    if c.datum < p.contract.ingangsdatum:
        return (f"Het contract van perceel {p.naam} gaat in op {nl_datum(p.contract.ingangsdatum)}; "
                "de opdracht kan niet eerder starten.")
    return None


# --- the use-cases -------------------------------------------------------------------------


class AanbestedingDienst(Dienst):
    # --- helpers ---------------------------------------------------------------------

    def _aanbesteding(self, kenmerk: str) -> Aanbesteding:
        return self.kern.laad(aanbesteding_id(kenmerk), f"Aanbesteding {kenmerk} bestaat niet.")

    def _procedure(self, a: Aanbesteding) -> Workflow:
        """The rules the aanbesteding runs on: the text of the procedure version it was registered on."""
        d = self.kern.dienst("definities").regels(PROCEDURE, a.procedure, a.procedure_versie,
                                                  a.procedure_sha256)
        wf = engine.bouw_workflow(d, PROCEDURE)
        VEREIST.controleer(wf.definitie)
        return wf

    def _mag(self, a: Aanbesteding, p: Perceel, handeling: str) -> None:
        """Refuse a fact the perceel's phase does not allow, naming the phases that do."""
        d = self._procedure(a).definitie
        if handeling in d.toestand(p.fase).handelingen:
            return
        fasen = [f"'{t.naam}'" for t in d.toestanden if handeling in t.handelingen]
        raise DomeinFout(
            f"'aanbesteding {handeling}' kan alleen in fase {' of '.join(fasen)}; perceel {p.naam} is in fase "
            f"'{p.fase}' ({d.toestand(p.fase).titel}) sinds {nl_datum(p.fase_sinds)}."
        )

    def _ab_stap(self, a: Aanbesteding, p: Perceel, stap: str, *, actor: str, datum: date, reden: str | None,
                 algemeen: bool = False, termijnen: list[dict] | None = None,
                 soort: type[Aanbesteding.FaseGewijzigd] | None = None, **feiten) -> None:
        """Check step `stap` of perceel `p` against the definition and record it; the caller saves.

        `termijnen`: the deadline records the perceel takes along; by default those
        the target phase starts (a kort geding keeps the running standstill).
        """
        wf = self._procedure(a)
        toegestaan = engine.stap(
            wf, p.fase, stap, lopend=p.lopende_termijnen(), datum=datum, context=Context(self.kern, a, datum, p),
            startdatum=a.startdatum, kenmerk=a.kenmerk, bij=f"perceel {p.naam}", algemeen=algemeen,
        )
        o = toegestaan.overgang
        a.ga_naar(p, stap=o.stap, naar=o.naar, termijnen=toegestaan.termijnen if termijnen is None else termijnen,
                  actor=actor, datum=datum, reden=reden, soort=soort, **feiten)

    def _ab_bewaar(self, a: Aanbesteding, gebeurtenis: str, actor: str) -> dict:
        self.kern.bewaar(a, kenmerk=a.kenmerk, gebeurtenis=gebeurtenis, actor=actor)
        return raadsweergave(self._ab_weergave(a))

    # --- registering and phase steps --------------------------------------------------

    def aanbesteding_registreer(
        self, *, kenmerk: str, titel: str, procedure_naam: str, percelen: list[str], max_kandidaten: int,
        looptijd_jaren: int, opties_jaren: list[int], actor: str, datum: date | None = None,
        reden: str | None = None,
    ) -> dict:
        kenmerk = kenmerk.strip()
        wf = procedure(procedure_naam)
        VEREIST.controleer(wf.definitie)
        bestaat_al = f"Aanbesteding {kenmerk} bestaat al; een kenmerk is uniek."
        if self.kern.bestaat(aanbesteding_id(kenmerk)):
            raise DomeinFout(bestaat_al)
        datum = self.kern.datum(datum)
        d = wf.definitie
        maak = partial(
            Aanbesteding.registreer,
            kenmerk=kenmerk, titel=titel, procedure=d.naam, procedure_versie=d.versie, procedure_sha256=d.sha256,
            percelen=percelen, max_kandidaten=max_kandidaten,
            looptijd_jaren=looptijd_jaren, opties_jaren=list(opties_jaren), fase=d.begintoestand,
            termijnen=wf.termijnen_bij_binnenkomst(d.begintoestand, datum, datum),
            actor=actor, datum=datum, reden=reden,
        )
        a = self.kern.dienst("definities").bewaar_nieuw(
            PROCEDURE, d, maak, actor=actor, reden=f"Eerste aanbesteding op deze versie: {kenmerk}.",
            bestaat_al=bestaat_al, kenmerk=kenmerk, gebeurtenis="geregistreerd",
        )
        return raadsweergave(self._ab_weergave(a))

    def aanbesteding_stap(self, kenmerk: str, stap: str, *, perceel: str | None = None, actor: str,
                          datum: date | None = None, reden: str | None = None) -> dict:
        """A step without facts of its own; without a perceel, every perceel still under way takes it."""
        a = self._aanbesteding(kenmerk)
        datum = self.kern.datum(datum)
        for p in self._percelen(a, perceel):
            self._ab_stap(a, p, stap, actor=actor, datum=datum, reden=reden, algemeen=True)
        return self._ab_bewaar(a, stap, actor)

    def _percelen(self, a: Aanbesteding, perceel: str | None) -> list[Perceel]:
        if perceel is not None or len(a.percelen) == 1:
            return [a.perceel(perceel)]
        d = self._procedure(a).definitie
        lopend = [p for p in a.percelen.values() if not d.toestand(p.fase).eind]
        if not lopend:
            raise DomeinFout(f"Alle percelen van aanbesteding {a.kenmerk} zijn afgerond.")
        return lopend

    def aanbesteding_inschrijfleidraad(self, kenmerk: str, *, sluitingsdatum: date, perceel: str | None = None,
                                       actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        datum = self.kern.datum(datum)
        if sluitingsdatum <= datum:
            raise DomeinFout(f"De sluitingsdatum {nl_datum(sluitingsdatum)} moet na de publicatie "
                             f"({nl_datum(datum)}) liggen.")
        for p in self._percelen(a, perceel):
            self._ab_stap(a, p, Stappen.inschrijfleidraad_publiceren, actor=actor, datum=datum, reden=reden,
                          soort=Aanbesteding.InschrijfleidraadGepubliceerd, sluitingsdatum=sluitingsdatum)
        return self._ab_bewaar(a, "inschrijfleidraad gepubliceerd", actor)

    def aanbesteding_gunningsbeslissing(self, kenmerk: str, *, winnaar: str, perceel: str | None = None,
                                        actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        a.controleer_winnaar(p, winnaar)
        self._ab_stap(a, p, Stappen.gunningsbeslissing_versturen, actor=actor, datum=datum, reden=reden,
                      soort=Aanbesteding.GunningsbeslissingVerzonden, winnaar=winnaar)
        return self._ab_bewaar(a, "gunningsbeslissing verzonden", actor)

    def aanbesteding_kort_geding(self, kenmerk: str, *, eiser: str, perceel: str | None = None, actor: str,
                                 datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        if not eiser.strip():
            raise DomeinFout("Noem wie het kort geding aanspant (--eiser).")
        a.controleer_kort_geding(p, datum)
        # The standstill keeps running: a kort geding suspends the award, not the term.
        self._ab_stap(a, p, Stappen.kort_geding_aanhangig, actor=actor, datum=datum, reden=reden,
                      termijnen=p.termijn_records(), soort=Aanbesteding.KortGedingAangespannen, eiser=eiser.strip())
        return self._ab_bewaar(a, "kort geding", actor)

    def aanbesteding_uitspraak(self, kenmerk: str, *, vordering: str, perceel: str | None = None, actor: str,
                               datum: date | None = None, reden: str | None = None) -> dict:
        """Rejected: back to the standstill (same term), award may proceed. Upheld: back to beoordeling."""
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        if vordering == "afgewezen":
            self._ab_stap(a, p, Stappen.uitspraak_afgewezen, actor=actor, datum=datum, reden=reden,
                          termijnen=p.termijn_records(), soort=Aanbesteding.UitspraakGedaan, vordering=vordering)
        elif vordering == "toegewezen":
            self._ab_stap(a, p, Stappen.uitspraak_toegewezen, actor=actor, datum=datum, reden=reden,
                          soort=Aanbesteding.UitspraakGedaan, vordering=vordering)
        else:
            raise DomeinFout(f"Vordering '{vordering}': kies toegewezen of afgewezen.")
        return self._ab_bewaar(a, f"uitspraak: vordering {vordering}", actor)

    def aanbesteding_gunnen(self, kenmerk: str, *, perceel: str | None = None, actor: str,
                            datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        if p.kort_geding:
            raise DomeinFout(
                f"De gunning van perceel {p.naam} is opgeschort: er loopt een kort geding sinds "
                f"{nl_datum(p.kort_geding['sinds'])}. Leg eerst de uitspraak vast met "
                f"'aanbesteding uitspraak {a.kenmerk} --vordering toegewezen|afgewezen'."
            )
        self._ab_stap(a, p, Stappen.definitief_gunnen, actor=actor, datum=datum, reden=reden,
                      soort=Aanbesteding.DefinitiefGegund, winnaar=p.voorlopige_winnaar)
        return self._ab_bewaar(a, "definitief gegund", actor)

    def aanbesteding_contract(self, kenmerk: str, *, ingangsdatum: date, perceel: str | None = None, actor: str,
                              datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        datum = self.kern.datum(datum)
        a.controleer_contract(p, ingangsdatum)
        self._ab_stap(a, p, Stappen.contract_tekenen, actor=actor, datum=datum, reden=reden,
                      soort=Aanbesteding.ContractGetekend, ingangsdatum=ingangsdatum,
                      looptijd_jaren=a.looptijd_jaren, opties_jaren=list(a.opties_jaren))
        return self._ab_bewaar(a, "contract getekend", actor)

    def aanbesteding_intrekken(self, kenmerk: str, *, perceel: str | None = None, actor: str, reden: str | None,
                               datum: date | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        if not reden or not reden.strip():
            raise DomeinFout("Intrekken vraagt een reden (--reden), bijvoorbeeld 'geen kandidaat voldoet aan de eisen'.")
        datum = self.kern.datum(datum)
        for p in self._percelen(a, perceel):
            self._ab_stap(a, p, Stappen.intrekken, actor=actor, datum=datum, reden=reden, soort=Aanbesteding.Ingetrokken)
        return self._ab_bewaar(a, "ingetrokken", actor)

    # --- facts within a phase --------------------------------------------------------------

    def aanbesteding_marktconsultatie(self, kenmerk: str, *, omschrijving: str, deelnemers: int, actor: str,
                                      datum: date | None = None, reden: str | None = None) -> dict:
        """A session of the marktconsultatie: for the whole aanbesteding, while a perceel is in that phase."""
        a = self._aanbesteding(kenmerk)
        datum = self.kern.datum(datum)
        d = self._procedure(a).definitie
        in_fase = [p for p in a.percelen.values() if Handelingen.marktconsultatie in d.toestand(p.fase).handelingen]
        if not in_fase:
            self._mag(a, next(iter(a.percelen.values())), Handelingen.marktconsultatie)
        a.houd_marktconsultatie(in_fase, omschrijving=omschrijving, deelnemers=deelnemers,
                                actor=actor, datum=datum, reden=reden)
        return self._ab_bewaar(a, "marktconsultatie", actor)

    def aanbesteding_aanmelding(self, kenmerk: str, *, kandidaat: str, partijen: list[str],
                                perceel: str | None = None, actor: str, datum: date | None = None,
                                reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.aanmelding)
        a.meld_aan(p, kandidaat=kandidaat, partijen=partijen, actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "aanmelding", actor)

    def aanbesteding_beoordeel_aanmelding(self, kenmerk: str, *, kandidaat: str, toegelaten: bool,
                                          score: float | None = None, perceel: str | None = None, actor: str,
                                          datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.toelaten if toegelaten else Handelingen.afwijzen)
        a.beoordeel_aanmelding(p, kandidaat=kandidaat, toegelaten=toegelaten, score=score,
                               actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "toegelaten" if toegelaten else "afgewezen", actor)

    def aanbesteding_dialoogsessie(self, kenmerk: str, *, onderwerp: str, deelnemers: list[str],
                                   uitkomsten: dict[str, list[str]], perceel: str | None = None, actor: str,
                                   datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.dialoogsessie)
        a.houd_dialoogsessie(p, onderwerp=onderwerp, deelnemers=deelnemers,
                             uitkomsten={s: v for s, v in uitkomsten.items() if v},
                             actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "dialoogsessie", actor)

    def aanbesteding_inschrijving(self, kenmerk: str, *, kandidaat: str, perceel: str | None = None, actor: str,
                                  datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.inschrijving)
        a.ontvang_inschrijving(p, kandidaat=kandidaat, actor=actor, datum=self.kern.datum(datum), reden=reden,
                               kenmerk=a.kenmerk)
        return self._ab_bewaar(a, "inschrijving", actor)

    def aanbesteding_inschrijving_weigeren(self, kenmerk: str, *, kandidaat: str, perceel: str | None = None,
                                           actor: str, reden: str | None, datum: date | None = None) -> dict:
        """A refused inschrijving (late, or otherwise invalid) is recorded, not dropped: auditors see it."""
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.inschrijving_weigeren)
        a.weiger_inschrijving(p, kandidaat=kandidaat, actor=actor, datum=self.kern.datum(datum), reden=reden)
        return self._ab_bewaar(a, "inschrijving geweigerd", actor)

    def aanbesteding_beoordeel(self, kenmerk: str, *, kandidaat: str, score: float, perceel: str | None = None,
                               actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.beoordeel)
        a.beoordeel_inschrijving(p, kandidaat=kandidaat, score=score, actor=actor, datum=self.kern.datum(datum),
                                 reden=reden)
        return self._ab_bewaar(a, "inschrijving beoordeeld", actor)

    def aanbesteding_verificatie(self, kenmerk: str, *, kandidaat: str, partijen: list[str], instrument: str,
                                 voldoet: bool, perceel: str | None = None, actor: str,
                                 datum: date | None = None, reden: str | None = None) -> dict:
        """Screen parties of a candidate; without --partij, every party not yet screened (only when they pass)."""
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.verificatie)
        datum = self.kern.datum(datum)
        if not partijen:
            if not voldoet:
                raise DomeinFout("Noem de partij die niet voldoet (--partij).")
            partijen = p.kandidaat(kandidaat).te_verifiëren()
            if not partijen:
                raise DomeinFout(f"Alle partijen van {kandidaat} zijn al geverifieerd.")
        elif not voldoet and len(partijen) > 1:
            raise DomeinFout("Leg een verificatie die niet voldoet per partij vast (één --partij).")
        for partij in partijen:
            a.verifieer(p, kandidaat=kandidaat, partij=partij.strip(), instrument=instrument,
                        voldoet=voldoet, actor=actor, datum=datum, reden=reden)
        return self._ab_bewaar(a, "verificatie", actor)

    def aanbesteding_optie(self, kenmerk: str, nummer: int, *, uitoefenen: bool, perceel: str | None = None,
                           actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        a = self._aanbesteding(kenmerk)
        p = a.perceel(perceel)
        self._mag(a, p, Handelingen.optie_uitoefenen if uitoefenen else Handelingen.optie_laten_vervallen)
        datum = self.kern.datum(datum)
        if uitoefenen:
            a.oefen_optie_uit(p, nummer=nummer, actor=actor, datum=datum, reden=reden)
        else:
            a.laat_optie_vervallen(p, nummer=nummer, actor=actor, datum=datum, reden=reden)
        return self._ab_bewaar(a, f"optie {nummer} {'uitgeoefend' if uitoefenen else 'vervallen'}", actor)

    # --- queries -------------------------------------------------------------------------

    def aanbesteding_toon(self, kenmerk: str, *, vertrouwelijk: bool = False, actor: str,
                          reden: str | None = None, per: date | None = None, geregistreerd: bool = False) -> dict:
        """The raad's view; the full view (names, scores) only when asked, with a reason: recorded.

        With `per`: as it was on that day, rebuilt from its events (domain.tijdreis.zoals_op; with
        `geregistreerd` from what had been recorded by then), and the raad's view of that day: names
        stay hidden when the definitive award came later.
        """
        if vertrouwelijk:
            controleer_inzage(actor, reden)
        if per is None:
            a = self._aanbesteding(kenmerk)
            return self._zichtbaar(self._ab_weergave(a), vertrouwelijk, actor, reden, "de volledige weergave", a)
        events = self.kern.gebeurtenissen(aanbesteding_id(kenmerk))
        if not events:
            raise DomeinFout(f"Aanbesteding {kenmerk} bestaat niet.")
        stand = zoals_op(events, per, geregistreerd=geregistreerd)
        if stand.aggregate is None:
            raise DomeinFout(
                f"Aanbesteding {kenmerk} bestond op {nl_datum(per)} nog niet (geregistreerd met ingang van "
                f"{nl_datum(events[0].datum)}, vastgelegd op {nl_datum(events[0].timestamp.date())})."
            )
        weergave = self._ab_weergave(stand.aggregate, per)
        weergave["gebeurtenissen_meegeteld"], weergave["gebeurtenissen_totaal"] = stand.meegeteld, stand.totaal
        wat = f"de volledige weergave per {nl_datum(per)}" + (" (naar vastlegging)" if geregistreerd else "")
        return self._zichtbaar(weergave, vertrouwelijk, actor, reden, wat)

    def aanbesteding_tijdlijn(self, kenmerk: str, *, vertrouwelijk: bool = False, actor: str,
                              reden: str | None = None) -> dict:
        """Every event in the one audit line format (workflow.audit), by effective date."""
        if vertrouwelijk:
            controleer_inzage(actor, reden)
        a = self._aanbesteding(kenmerk)
        weergave, kader = self._met_regels(a)
        weergave["tijdlijn"].sort(key=lambda r: (r["datum"], r["volgnummer"]))
        return self._zichtbaar(weergave, vertrouwelijk, actor, reden, "de volledige tijdlijn", a, kader)

    def aanbesteding_geschiedenis(self, kenmerk: str, *, vertrouwelijk: bool = False, actor: str | None,
                                  reden: str | None = None) -> dict:
        """Every event in the one audit line format (workflow.audit), in the order of recording."""
        if vertrouwelijk:
            controleer_inzage(actor, reden)
        a = self._aanbesteding(kenmerk)
        weergave, kader = self._met_regels(a)
        return self._zichtbaar(weergave, vertrouwelijk, actor, reden, "de volledige geschiedenis", a, kader)

    def _met_regels(self, a: Aanbesteding) -> tuple[dict, Kader]:
        """The view with every event as an audit line (workflow.audit, imported here: it loads the
        domain modules of every part), and the words of the procedure version `a` runs on."""
        from workflow.audit import Bij, Kader, regel

        weergave = self._ab_weergave(a)
        kader = Kader.uit(self._procedure(a).definitie)
        bij = Bij("aanbesteding", a.kenmerk)
        weergave["tijdlijn"] = [regel(e, bij, kader) for e in self.kern.gebeurtenissen(a.id)]
        return weergave, kader

    def _zichtbaar(self, weergave: dict, vertrouwelijk: bool, actor: str | None, reden: str | None, wat: str,
                   a: Aanbesteding | None = None, kader: Kader | None = None) -> dict:
        """The raad's view of `weergave`, or the full view, once the look is saved as an event on `a`
        (the aanbesteding as it is now; loaded when not given). The view shows the aanbesteding as it
        was read, without this look: the next one shows it."""
        if not vertrouwelijk:
            raad = raadsweergave(weergave)
            if "tijdlijn" in raad:  # describe only what the raad may see of each line
                from workflow.audit import omschrijving

                for r in raad["tijdlijn"]:
                    r["omschrijving"] = omschrijving(r, kader)
            return raad
        # Who saw candidate names and scores must be traceable: an event an auditor reads in the history,
        # saved before anything is shown (if saving fails, nothing is); and a warning in the log.
        a = a or self._aanbesteding(weergave["kenmerk"])
        a.registreer_inzage(wat=wat, actor=actor, datum=self.kern.vandaag(), reden=reden)
        self.kern.bewaar(a, kenmerk=a.kenmerk, gebeurtenis="vertrouwelijk ingezien", actor=actor)
        log.warning("aanbesteding.vertrouwelijk_ingezien", kenmerk=weergave["kenmerk"], actor=actor, reden=reden,
                    weergave=wat)
        return weergave

    def _ab_weergave(self, a: Aanbesteding, per: date | None = None) -> dict:
        per = per or self.kern.vandaag()
        wf = self._procedure(a)
        d = wf.definitie
        return {
            "kenmerk": a.kenmerk,
            "titel": a.titel,
            "procedure": a.procedure,
            "procedure_versie": a.procedure_versie,
            "procedure_titel": d.titel,
            "startdatum": a.startdatum,
            "max_kandidaten": a.max_kandidaten,
            "looptijd_jaren": a.looptijd_jaren,
            "opties_jaren": list(a.opties_jaren),
            "looptijd": a.looptijd,
            "marktconsultaties": [dict(m) for m in a.marktconsultaties],
            "percelen": [_perceel_als_dict(p, wf, per) for p in a.percelen.values()],
            "per": per,
            "versie": a.version,
            "vertrouwelijk": True,
        }


def _perceel_als_dict(p: Perceel, wf: Workflow, per: date) -> dict:
    d = wf.definitie
    toestand = d.toestand(p.fase)
    lopend = p.lopende_termijnen()
    volgende = [
        {"stap": o.stap, "titel": o.titel, "naar": o.naar, "commando": o.commando or "aanbesteding stap",
         "kan_vanaf": kan_vanaf(o, lopend, per)}
        for o in wf.overgangen_vanuit(p.fase)
    ]
    k = list(p.kandidaten.values())
    winnaar = p.kandidaten.get(p.winnaar) if p.winnaar else None
    return {
        "perceel": p.naam,
        "fase": p.fase,
        "fase_titel": toestand.titel,
        "fase_sinds": p.fase_sinds,
        "afgerond": toestand.eind,
        "datums": dict(p.datums),
        "inschrijving_sluit": p.inschrijving_sluit,
        "standstill": _standstill(p.standstill, per) if p.standstill else None,
        "termijnen": [termijn_als_dict(spec, t, per, False) for spec, t in lopend],
        "kort_geding": dict(p.kort_geding) if p.kort_geding else None,
        "uitspraken": [dict(u) for u in p.uitspraken],
        "aantallen": {
            "aangemeld": len(k),
            "toegelaten": sum(1 for x in k if x.toegelaten),
            "afgewezen": sum(1 for x in k if x.toegelaten is False),
            "ingeschreven": sum(1 for x in k if x.ingeschreven),
            "geweigerd": sum(1 for x in k if x.geweigerd),
            "uitgesloten": sum(1 for x in k if x.uitgesloten),
        },
        "kandidaten": [
            {"naam": x.naam, "status": x.status, "partijen": list(x.partijen), "aangemeld": x.aangemeld,
             "beoordeeld": x.beoordeeld, "selectiescore": x.selectiescore, "afwijzing": x.afwijzing,
             "ingeschreven": x.ingeschreven, "geweigerd": dict(x.geweigerd) if x.geweigerd else None,
             "score": x.score, "uitgesloten": dict(x.uitgesloten) if x.uitgesloten else None,
             "verificaties": [{"partij": partij, **v} for partij, v in x.verificaties.items()]}
            for x in k
        ],
        "dialoogsessies": [
            {**s, "uitkomsten": {UITKOMSTEN[soort]: v for soort, v in s["uitkomsten"].items()}}
            for s in p.dialoogsessies
        ],
        "voorlopige_winnaar": p.voorlopige_winnaar,
        "gunning_definitief": p.winnaar is not None,
        "winnaar": p.winnaar,
        "winnaar_partijen": list(winnaar.partijen) if winnaar else [],
        "contract": _contract_als_dict(p, per),
        "volgende_stappen": volgende,
        "handelingen": [] if p.kort_geding else list(toestand.handelingen),
    }


def _standstill(spec: LopendeTermijn, per: date) -> dict:
    t = spec.bereken()
    return {"gebeurtenis": t.gebeurtenis, "eerste_dag": t.eerste_dag, "einde": t.einde,
            "regel": t.regel.beschrijving(), "grondslag": spec.grondslag, "verstreken": per > t.einde}


def _contract_als_dict(p: Perceel, per: date) -> dict | None:
    c = p.contract
    if c is None:
        return None
    opties = []
    for n, jaren in enumerate(c.opties_jaren, start=1):
        status, toelichting = c.optie(n, per)
        opties.append({"nummer": n, "jaren": jaren, "status": status, "toelichting": toelichting})
    return {
        "getekend": c.getekend, "ingangsdatum": c.ingangsdatum, "einddatum": c.einddatum,
        "maximale_einddatum": c.maximale_einddatum, "looptijd": looptijd_tekst(c.looptijd_jaren, c.opties_jaren),
        "opties": opties,
    }
