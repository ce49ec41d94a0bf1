"""Use-cases for raadsbesluitvorming (`raad …`); the advies of an adviesraad is workflow.advies.

Each dedicated command calls the zaak's command for its fact
(domain.zaak.besluitvorming) and hands it the zaaktype's step that comes with
it (`voer_stap_uit`, which checks the definition's wachttermijn and
voorwaarden): the zaak checks the fact, has the step taken and records the
fact; the service saves everything in one `bewaar` call: a refusal writes nothing.

Mapping to the raadsvoorstel definition (workflow/definities/raadsvoorstel/v1.toml):
  raad politieke-markt --soort oordeelsvormend  step naar_politieke_markt (planning = agendering;
                                                 a later oordeelsvormende session while the zaak is
                                                 at the politieke markt is a fact only)
  raad politieke-markt --soort beeldvormend     no step: the zaak does not move
  raad agendeer                                 step naar_raad (a B or C item only with an
                                                 oordeelsvormende politieke markt by the vergaderdatum)
  raad agenda-wijzig                            no step (the zaak stays on the agenda)
  raad besluit                                  step besluiten, or aanhouden for 'aangehouden'
  raad bekendmaking                             step bekendmaken (starts the beroepstermijn)
  raad inwerkingtreding                         no step
  raad beroep                                   step beroep_ingesteld (the first beroep; later ones are facts)
  raad uitspraak                                step uitspraak (ongegrond, niet ontvankelijk) or vernietigen (gegrond)
  raad onherroepelijk                           step onherroepelijk_worden (after the beroepstermijn and the
                                                 week in which a posted beroepschrift may still arrive,
                                                 Awb 6:9 lid 2: the definition's `postweek`)
  zaak afsluiten --resultaat ingetrokken        step intrekken, from every state before a raadsbesluit
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum, auto

from domain import besluitvorming as bvm
from domain.besluitvorming import (
    SECTIES,
    Raadsagenda,
    SoortPolitiekeMarkt,
    Uitkomst,
    UitspraakUitkomst,
    raadsagenda_id,
    toestand,
)
from domain.fouten import DomeinFout
from domain.zaak import Zaak
from workflow.definitie import vereist
from workflow.kern import Dienst
from workflow.voorwaarden import Context, voorwaarde

INSTANTIE = "Afdeling bestuursrechtspraak van de Raad van State"


# --- the names of the zaaktype this part uses: every definition with onderdelen = ["besluitvorming"] has them


class Stappen(StrEnum):
    naar_politieke_markt = auto()
    naar_raad = auto()
    besluiten = auto()
    aanhouden = auto()
    bekendmaken = auto()
    beroep_ingesteld = auto()
    uitspraak = auto()
    vernietigen = auto()
    onherroepelijk_worden = auto()


class Toestanden(StrEnum):
    politieke_markt = auto()
    in_beroep = auto()


class Termijnen(StrEnum):
    beroepstermijn = auto()


VEREIST = vereist("besluitvorming", stappen=Stappen, toestanden=Toestanden, termijnen=Termijnen)


@voorwaarde("politieke_markt_gehouden")
def _politieke_markt_gehouden(c: Context) -> str | None:
    return bvm.politieke_markt_ontbreekt(toestand(c.onderwerp), c.onderwerp.zaaknummer, c.datum)




class BesluitvormingDienst(Dienst):
    # --- helpers ----------------------------------------------------------------

    def _raadszaak(self, zaaknummer: str) -> Zaak:
        return self.zaken.zaak_voor(zaaknummer, VEREIST,
                                    "gaat niet naar de raad; raadsbesluitvorming hoort bij een raadsvoorstel.")

    def _raadsagenda(self, vergaderdatum: date) -> Raadsagenda | None:
        agenda_id = raadsagenda_id(vergaderdatum)
        return self.kern.laad(agenda_id, "") if self.kern.bestaat(agenda_id) else None

    def _raad_weergave(self, zaak: Zaak) -> dict:
        weergave = self.zaken.weergave(zaak)
        weergave["besluitvorming"] = besluitvorming_als_dict(zaak)
        return weergave

    # --- politieke markt --------------------------------------------------------

    def raad_politieke_markt(
        self, zaaknummer: str, pm_datum: date, soort: str, *, voorzitter: str | None = None,
        zaal: str | None = None, spreekrecht: bool = False, max_spreektijd: int | None = None,
        insprekers: list[str] = (), particuliere_insprekers: int = 0, volgorde: list[str] = (),
        actor: str, datum: date | None = None, reden: str | None = None,
    ) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        soort = SoortPolitiekeMarkt.lees(soort, "soort politieke markt")
        wf = self.zaken.workflow(zaak)
        stap = next((o for o in wf.definitie.overgangen if o.stap == Stappen.naar_politieke_markt), None)

        def naar_politieke_markt() -> None:
            if stap is not None and zaak.status in stap.van:
                self.zaken.voer_stap_uit(zaak, stap.stap, actor=actor, datum=datum, reden=reden)
            else:
                vanuit = [*stap.van, Toestanden.politieke_markt] if stap else [Toestanden.politieke_markt]
                raise DomeinFout(
                    f"Een oordeelsvormende politieke markt kan vanuit status {', '.join(vanuit)}; "
                    f"zaak {zaaknummer} heeft status '{zaak.status}'."
                )

        # No step for a beeldvormende one (information only) or a further session.
        zonder_stap = soort is SoortPolitiekeMarkt.BEELDVORMEND or zaak.status == Toestanden.politieke_markt
        zaak.plan_politieke_markt(
            pm_datum, soort, voorzitter=voorzitter, zaal=zaal, spreekrecht=spreekrecht, max_spreektijd=max_spreektijd,
            insprekers=insprekers, particuliere_insprekers=particuliere_insprekers, volgorde=volgorde,
            stap=None if zonder_stap else naar_politieke_markt, actor=actor, datum=datum, reden=reden,
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="politieke_markt", actor=actor)
        return self._raad_weergave(zaak)

    # --- raadsagenda ------------------------------------------------------------

    def raad_agendeer(self, zaaknummer: str, vergaderdatum: date, code: str, *, behandeling: str | None = None,
                      actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        agenda = self._raadsagenda(vergaderdatum)
        code = zaak.agendeer(
            vergaderdatum, code, behandeling=behandeling, agenda=agenda, actor=actor, datum=datum, reden=reden,
            stap=lambda: self.zaken.voer_stap_uit(zaak, Stappen.naar_raad, actor=actor, datum=datum, reden=reden),
        )
        if agenda is None:
            agenda = Raadsagenda.maak(vergaderdatum, actor=actor, datum=datum, reden=reden)
        agenda.agendeer(code, zaaknummer, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(zaak, agenda, zaaknummer=zaaknummer, gebeurtenis="geagendeerd", agendacode=code, actor=actor)
        return self._raad_weergave(zaak)

    def raad_wijzig_agendapunt(self, zaaknummer: str, code: str, *, behandeling: str | None = None,
                               actor: str, reden: str | None, datum: date | None = None) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        a = bvm.huidige_agendering(toestand(zaak), zaaknummer)
        agenda = self._raadsagenda(a.vergaderdatum)
        oud = a.code
        nieuw = zaak.wijzig_agendapunt(code, behandeling=behandeling, agenda=agenda, actor=actor, datum=datum,
                                       reden=reden)
        agenda.wijzig(oud, nieuw, zaaknummer, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(zaak, agenda, zaaknummer=zaaknummer, gebeurtenis="agendapunt_gewijzigd", actor=actor)
        return self._raad_weergave(zaak)

    def raad_agenda(self, vergaderdatum: date) -> dict:
        """The agenda of a raadsvergadering by section, from its Raadsagenda and the zaken on it."""
        agenda = self._raadsagenda(vergaderdatum)
        punten = agenda.punten if agenda is not None else {}
        secties = []
        for s in SECTIES.values():
            rijen = []
            for code in sorted(c for c in punten if c[0] == s.letter):
                zaak = self.zaken.zaak(punten[code])
                a = next(a for a in toestand(zaak).agenderingen if a.vergaderdatum == vergaderdatum)
                rijen.append({
                    "code": code,
                    "zaaknummer": zaak.zaaknummer,
                    "omschrijving": zaak.omschrijving,
                    "behandeling": s.behandeling,
                    "portefeuillehouders": zaak.portefeuillehouders,
                    "uitkomst": a.uitkomst.value if a.uitkomst else None,
                    "eerder": [w["oud"] for w in a.wijzigingen],
                })
            secties.append({"sectie": s.letter, "titel": s.titel, "punten": rijen})
        return {"vergaderdatum": vergaderdatum, "secties": secties, "aantal": len(punten)}

    # --- raadsbesluit -----------------------------------------------------------

    def raad_besluit(self, zaaknummer: str, uitkomst: str, beslispunten: list[str], *, actor: str,
                     datum: date | None = None, reden: str | None = None) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        uitkomst = Uitkomst.lees(uitkomst, "uitkomst")
        stap = Stappen.aanhouden if uitkomst is Uitkomst.AANGEHOUDEN else Stappen.besluiten
        zaak.neem_raadsbesluit(
            uitkomst, beslispunten, actor=actor, datum=datum, reden=reden,
            stap=lambda: self.zaken.voer_stap_uit(zaak, stap, actor=actor, datum=datum, reden=reden),
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="raadsbesluit", uitkomst=uitkomst.value, actor=actor)
        return self._raad_weergave(zaak)

    def raad_bekendmaking(self, zaaknummer: str, *, vindplaats: str | None = None, actor: str,
                          datum: date | None = None, reden: str | None = None) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        zaak.maak_bekend(
            vindplaats=vindplaats, actor=actor, datum=datum, reden=reden,
            stap=lambda: self.zaken.voer_stap_uit(zaak, Stappen.bekendmaken, actor=actor, datum=datum, reden=reden),
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="bekendgemaakt", actor=actor)
        return self._raad_weergave(zaak)

    def raad_inwerkingtreding(self, zaaknummer: str, *, regel: str | None = None, op: date | None = None,
                              actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        zaak.leg_inwerkingtreding_vast(regel=regel, op=op, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="inwerkingtreding", actor=actor)
        return self._raad_weergave(zaak)

    # --- rechtsbescherming --------------------------------------------------------

    def raad_beroep(self, zaaknummer: str, *, indiener: str | None = None, particulier: bool = False,
                    instantie: str | None = None, verzonden: date | None = None, actor: str,
                    datum: date | None = None, reden: str | None = None) -> dict:
        """Record a beroep received on `datum` (posted on `verzonden`), judged on time or late (Awb 6:9)."""
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)

        def beroep_ingesteld() -> None:
            self.zaken.voer_stap_uit(zaak, Stappen.beroep_ingesteld, actor=actor, datum=datum, reden=reden)

        zaak.stel_beroep_in(
            indiener=indiener, particulier=particulier, instantie=instantie or INSTANTIE, verzonden=verzonden,
            actor=actor, datum=datum, reden=reden,
            stap=None if zaak.status == Toestanden.in_beroep else beroep_ingesteld,  # a further beroep: a fact only
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="beroep", actor=actor)
        return self._raad_weergave(zaak)

    def raad_uitspraak(self, zaaknummer: str, uitkomst: str, *, actor: str, datum: date | None = None,
                       reden: str | None = None) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        uitkomst = UitspraakUitkomst.lees(uitkomst, "uitkomst van de uitspraak")
        # Gegrond: the court annuls the besluit and the raad must take a new one (Awb 8:72 lid 4),
        # so the zaak goes to 'vernietigd', from where it is put on a raad agenda again.
        stap = Stappen.uitspraak if uitkomst.besluit_blijft else Stappen.vernietigen
        zaak.doe_uitspraak(
            uitkomst, actor=actor, datum=datum, reden=reden,
            stap=lambda: self.zaken.voer_stap_uit(zaak, stap, actor=actor, datum=datum, reden=reden),
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="uitspraak", uitkomst=uitkomst.value, actor=actor)
        return self._raad_weergave(zaak)

    def raad_onherroepelijk(self, zaaknummer: str, *, actor: str, datum: date | None = None,
                            reden: str | None = None) -> dict:
        zaak = self._raadszaak(zaaknummer)
        datum = self.kern.datum(datum)
        zaak.word_onherroepelijk(
            actor=actor, datum=datum, reden=reden,
            stap=lambda: self.zaken.voer_stap_uit(zaak, Stappen.onherroepelijk_worden, actor=actor, datum=datum, reden=reden),
        )
        self.kern.bewaar(zaak, zaaknummer=zaaknummer, gebeurtenis="onherroepelijk", actor=actor)
        return self._raad_weergave(zaak)

    def raad_toon(self, zaaknummer: str) -> dict:
        return self._raad_weergave(self._raadszaak(zaaknummer))


# --- views ------------------------------------------------------------------------


def besluitvorming_als_dict(zaak: Zaak) -> dict:
    bv = toestand(zaak)
    return {
        "politieke_markten": [
            {"datum": pm.datum, "soort": pm.soort.value, "voorzitter": pm.voorzitter, "zaal": pm.zaal,
             "spreekrecht": pm.spreekrecht, "max_spreektijd_minuten": pm.max_spreektijd,
             "insprekers": pm.insprekers, "particuliere_insprekers": pm.particuliere_insprekers,
             "volgorde": pm.volgorde, "gepland_op": pm.gepland_op}
            for pm in bv.politieke_markten
        ],
        "agenderingen": [
            {"vergaderdatum": a.vergaderdatum, "agendacode": a.code, "sectie": a.sectie.titel,
             "behandeling": a.sectie.behandeling, "geagendeerd_op": a.geagendeerd_op,
             "wijzigingen": a.wijzigingen, "uitkomst": a.uitkomst.value if a.uitkomst else None}
            for a in bv.agenderingen
        ],
        "besluiten": [
            {"datum": b.datum, "vergaderdatum": b.vergaderdatum, "agendacode": b.agendacode,
             "uitkomst": b.uitkomst.value,
             "beslispunten": [{"nummer": i, "tekst": t} for i, t in enumerate(b.beslispunten, start=1)],
             "bekendmaking": b.bekendmaking, "vindplaats": b.vindplaats,
             "beroepstermijn": ({"eerste_dag": b.beroepstermijn[0], "einde": b.beroepstermijn[1]}
                                if b.beroepstermijn else None),
             "inwerkingtreding": b.inwerkingtreding,
             "inwerkingtreding_regel": (bvm.INWERKINGTREDING_REGELS[b.inwerkingtreding_regel][1]
                                        if b.inwerkingtreding_regel else None),
             "beroepen": [{"datum": x.datum, "verzonden": x.verzonden, "indiener": x.indiener,
                           "instantie": x.instantie, "binnen_termijn": x.binnen_termijn,
                           "tijdigheid": x.tijdigheid} for x in b.beroepen],
             "uitspraak": ({"datum": b.uitspraak[0], "uitkomst": b.uitspraak[1].value} if b.uitspraak else None),
             "vernietigd": b.vernietigd,
             "onherroepelijk_per": b.onherroepelijk_per}
            for b in bv.besluiten
        ],
    }
