"""Use-cases for zienswijzen: kennisgeving, indienen, verschoonbaar verklaren, beantwoorden,
brieven, persoonsgegevens wissen; and the gate before besluitvorming.

Every zienswijze gets a key of its own (store.keys) when it is registered, whether or
not the indiener gives an identity: its identity, samenvatting and the answer's own
text are stored encrypted with it, and decrypted here when shown (the samenvatting
and the answer belong in the published nota; the identity only with `intern`, a
look recorded on the zienswijze). Erasing the indiener (`vergeet_indiener`, also
`avg vergeet KENMERK` through `vergeet_persoon`, see workflow.avg) destroys the
key: everything that showed those texts then shows "[gewist op …]".

A zienswijze is judged against the zaak's zienswijzetermijn (kept on the zaak
when it went ter inzage) and the date the ontwerp existed (the kennisgeving).
Volgnummers ("Indiener 1 d.d. 9 juli 2021") are not stored: they follow from
the order of receipt each time the zienswijzen are listed, so a zienswijze
registered late but received early still gets its right place.
The queries can show the inspraak as it was on a day (`per`), for the nota of that day.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum, auto
from functools import partial
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.ontvankelijkheid import TE_VROEG_GEMEEND, Zienswijzetermijn, beoordeel
from domain import zienswijze as zw
from domain.persoonsgegevens import controleer_wissen, gewist_op
from domain.tijdreis import zoals_op
from domain.zaak import Zaak, zaak_id
from domain.zienswijze import (
    Inspraakdossier,
    Zienswijze,
    controleer_brief,
    controleer_indiening,
    controleer_inspraak_open,
    controleer_inzage,
    controleer_niet_afgesloten,
    geplaatste_codes,
    inspraakdossier_id,
    normaliseer_code,
    stel_reactie_samen,
    zienswijze_id,
)
from workflow.definitie import vereist
from workflow.kern import Dienst
from store.log import log
from store.keys import Sleutelkluis
from workflow.voorwaarden import Context, voorwaarde

PERSOONSGEGEVENS = ("naam", "adres", "email")
KENMERK = re.compile(r"[0-9]+-[0-9]+")


# --- the names of the zaaktype this part uses: every definition with onderdelen = ["zienswijzen"] has them


class Stappen(StrEnum):
    ter_inzage_leggen = auto()


class Termijnen(StrEnum):
    zienswijzetermijn = auto()


VEREIST = vereist("zienswijzen", stappen=Stappen, termijnen=Termijnen)


def nummering(zienswijzen: list[Zienswijze]) -> dict[str, int]:
    """Volgnummer per kenmerk of the zienswijzen in the nota: by ontvangstdatum, then registration."""
    in_nota = sorted((z for z in zienswijzen if z.in_nota), key=lambda z: (z.ontvangstdatum, z.registratienummer))
    return {z.kenmerk: n for n, z in enumerate(in_nota, start=1)}


def aanduiding(z: Zienswijze, volgnummer: int | None) -> str:
    """How a zienswijze is named in anything published: never by the indiener's name."""
    wie = f"Indiener {volgnummer}" if volgnummer else "Overige reactie"
    return f"{wie} d.d. {nl_datum(z.ontvangstdatum)}"


class ZienswijzeDienst(Dienst):
    _sleutelkluis: Sleutelkluis | None = None

    # --- commands -------------------------------------------------------------

    def leg_kennisgeving_vast(self, zaaknummer: str, *, publicatie: str, ontwerp: str, hierna: str | None = None,
                              ontwerp_datum: date | None = None, actor: str, datum: date | None = None,
                              reden: str | None = None) -> dict:
        zaak = self.zaken.zaak(zaaknummer)
        d = self.zaken.workflow(zaak).definitie
        if VEREIST.onderdeel not in d.onderdelen:
            raise DomeinFout(f"Zaaktype {zaak.zaaktype} kent geen ter inzage legging met een zienswijzetermijn.")
        VEREIST.controleer(d)
        controleer_inspraak_open(zaak, "de kennisgeving vastleggen")
        datum = self.kern.datum(datum)
        dossier = self._inspraakdossier(zaaknummer)
        if dossier is not None and dossier.kennisgeving is not None:
            raise DomeinFout(
                f"De kennisgeving van zaak {zaaknummer} is al vastgelegd "
                f"({dossier.kennisgeving['publicatie']}, {nl_datum(dossier.kennisgeving['datum'])})."
            )
        dossier = dossier or Inspraakdossier.open(zaaknummer, actor=actor, datum=datum)
        dossier.leg_kennisgeving_vast(publicatie=publicatie, ontwerp=ontwerp, hierna=hierna,
                                      ontwerp_datum=ontwerp_datum or datum, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(dossier, zaaknummer=zaaknummer, gebeurtenis="kennisgeving", actor=actor)
        return self.inspraak(zaaknummer)

    def voeg_standaardreactie_toe(self, zaaknummer: str, code: str, *, tekst: str, titel: str | None = None,
                                  actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        controleer_inspraak_open(self.zaken.zaak(zaaknummer), "een standaardreactie toevoegen")
        datum = self.kern.datum(datum)
        dossier = self._inspraakdossier(zaaknummer) or Inspraakdossier.open(zaaknummer, actor=actor, datum=datum)
        code = dossier.voeg_standaardreactie_toe(code=code, titel=titel, tekst=tekst, actor=actor, datum=datum,
                                                 reden=reden)
        self.kern.bewaar(dossier, zaaknummer=zaaknummer, gebeurtenis="standaardreactie", code=code, actor=actor)
        return dossier.standaardreacties[code]

    def dien_zienswijze_in(
        self,
        zaaknummer: str,
        *,
        ontvangstdatum: date,
        samenvatting: str,
        verzenddatum: date | None = None,
        vorm: str = "schriftelijk",
        themas: list[str] | tuple[str, ...] = (),
        indiener: dict | None = None,
        informeel: bool = False,
        actor: str,
        datum: date | None = None,
        reden: str | None = None,
    ) -> dict:
        """Register a zienswijze (or, when late or `informeel`, an overige reactie) and judge its timeliness."""
        zaak = self.zaken.zaak(zaaknummer)
        if informeel:
            controleer_niet_afgesloten(zaak, "een overige reactie registreren")
        else:
            controleer_inspraak_open(
                zaak, "een zienswijze indienen",
                na_besluit=" Wat nu nog binnenkomt, is geen zienswijze meer: registreer het als overige reactie "
                           "(--overige-reactie).",
            )
        if ontvangstdatum > self.kern.vandaag():
            raise DomeinFout(f"De ontvangstdatum {nl_datum(ontvangstdatum)} ligt in de toekomst.")
        datum = self.kern.datum(datum or ontvangstdatum)
        if datum < ontvangstdatum:
            raise DomeinFout(
                f"Registreren op {nl_datum(datum)} kan niet vóór de ontvangst op {nl_datum(ontvangstdatum)}."
            )
        controleer_indiening(vorm=vorm, samenvatting=samenvatting)
        onbekend = set(indiener or {}) - set(PERSOONSGEGEVENS)
        if onbekend:
            raise DomeinFout(f"Onbekende persoonsgegevens {', '.join(sorted(onbekend))}; wel: {', '.join(PERSOONSGEGEVENS)}.")
        dossier = self._inspraakdossier(zaaknummer)
        beoordeling = beoordeel(self._zienswijzetermijn(zaak, dossier), ontvangstdatum, verzenddatum)

        dossier = dossier or Inspraakdossier.open(zaaknummer, actor=actor, datum=datum)
        kenmerk, nummer = dossier.registreer_zienswijze(actor=actor, datum=datum)
        gegevens = {k: v.strip() for k, v in (indiener or {}).items() if v and v.strip()}
        ref = self._kluis().nieuwe_sleutel()  # the zienswijze's own key, committed at once
        try:
            zienswijze = Zienswijze.dien_in(
                zaaknummer=zaaknummer, kenmerk=kenmerk, registratienummer=nummer,
                ontvangstdatum=ontvangstdatum, verzenddatum=verzenddatum, vorm=vorm, themas=list(themas),
                samenvatting=samenvatting, indiener=gegevens, sleutel=ref,
                versleutel=partial(self._kluis().versleutel_met, ref), informeel=informeel,
                ontvankelijkheid=beoordeling, actor=actor, datum=datum, reden=reden,
            )
            self.kern.bewaar(dossier, zienswijze, zaaknummer=zaaknummer, gebeurtenis="zienswijze ingediend",
                             kenmerk=kenmerk, actor=actor)
        except BaseException:
            self._kluis().vernietig(ref)  # no event refers to it: do not keep personal data around
            raise
        return self.zienswijze_details(kenmerk)

    def verklaar_verschoonbaar(self, kenmerk: str, *, reden: str | None, actor: str,
                               datum: date | None = None) -> dict:
        z = self._laad_zienswijze(kenmerk)
        controleer_inspraak_open(self.zaken.zaak(z.zaaknummer), "een zienswijze verschoonbaar verklaren")
        z.verklaar_verschoonbaar(actor=actor, datum=self._na_ontvangst(z, datum), reden=reden)
        self.kern.bewaar(z, zaaknummer=z.zaaknummer, gebeurtenis="verschoonbaar", kenmerk=z.kenmerk, actor=actor)
        # Early but the ontwerp could reasonably be thought to exist (6:10 lid 1 sub b), or late but excusable (6:11).
        grondslag = "Awb 6:10 lid 1 sub b" if z.ontvankelijkheid["uitkomst"] == TE_VROEG_GEMEEND else "Awb 6:11"
        return {**self.zienswijze_details(z.kenmerk), "grondslag": grondslag}

    def beantwoord_zienswijze(self, kenmerk: str, *, reactie: str = "", standaardreacties: list[str] | tuple = (),
                              aanpassing: str | None = None, vervolgacties: list[str] | tuple = (),
                              actor: str, datum: date | None = None, reden: str | None = None) -> dict:
        """Answer a zienswijze. `aanpassing` None: it does not lead to a change; else what changed."""
        z = self._laad_zienswijze(kenmerk)
        controleer_inspraak_open(self.zaken.zaak(z.zaaknummer), "een zienswijze beantwoorden")
        datum = self._na_ontvangst(z, datum)
        codes: list[str] = []
        for c in [*(normaliseer_code(c) for c in standaardreacties), *geplaatste_codes(reactie)]:
            if c not in codes:
                codes.append(c)
        self._inspraakdossier(z.zaaknummer).controleer_codes(codes, datum)
        if aanpassing is not None and not aanpassing.strip():
            raise DomeinFout("Zeg bij --aanpassing wat er aan het ontwerp verandert.")
        try:
            z.beantwoord(reactie=reactie, standaardreacties=codes, aanpassing=aanpassing and aanpassing.strip(),
                         vervolgacties=list(vervolgacties), versleutel=self._versleutel(z), actor=actor,
                         datum=datum, reden=reden)
        except KeyError:  # the key destroyed, the erasure not recorded (yet): as erased
            raise DomeinFout(f"De persoonsgegevens bij {z.kenmerk} zijn gewist: een eigen reactietekst kan niet "
                             "meer worden vastgelegd; antwoord met standaardreacties (--standaardreactie).") from None
        self.kern.bewaar(z, zaaknummer=z.zaaknummer, gebeurtenis="beantwoord", kenmerk=z.kenmerk, actor=actor)
        return self.zienswijze_details(z.kenmerk)

    def registreer_brieven(self, kenmerken: list[str] | tuple[str, ...], *, soort: str, actor: str,
                           datum: date | None = None, reden: str | None = None) -> list[dict]:
        """Record the letter `soort` sent on `datum` to the indieners of these zienswijzen, all or none."""
        if not kenmerken:
            raise DomeinFout("Noem ten minste één zienswijze (kenmerk).")
        datum = self.kern.datum(datum)
        geladen: dict[str, Zienswijze] = {}
        for k in kenmerken:
            z = self._laad_zienswijze(k)
            geladen.setdefault(z.kenmerk, z)
        for zaaknummer in dict.fromkeys(z.zaaknummer for z in geladen.values()):
            controleer_brief(self.zaken.zaak(zaaknummer), soort, datum)
        for z in geladen.values():
            z.verzend_brief(soort=soort, actor=actor, datum=datum, reden=reden)
        self.kern.bewaar(*geladen.values(), gebeurtenis=f"brief {soort}", kenmerken=list(geladen), actor=actor)
        return [self.zienswijze_details(k) for k in geladen]

    def vergeet_indiener(self, kenmerk: str, *, reden: str | None, actor: str, datum: date | None = None) -> dict:
        """Erase the indiener's personal data (AVG art. 17) by destroying the zienswijze's key: its
        identity, samenvatting and the answer's own text; history stays intact.

        `zienswijze vergeet-indiener` and `avg vergeet KENMERK` (vergeet_persoon) both come here.
        """
        controleer_wissen(reden)
        z = self._laad_zienswijze(kenmerk)
        z.vergeet_indiener(actor=actor, datum=self.kern.datum(datum), reden=reden)
        # The irreversible part first: if recording the event fails, running the command again records it.
        self._kluis().vernietig(z.indiener_ref)
        self.kern.bewaar(z, zaaknummer=z.zaaknummer, gebeurtenis="indiener vergeten", kenmerk=z.kenmerk, actor=actor)
        return self.zienswijze_details(z.kenmerk)

    # --- queries --------------------------------------------------------------

    def inspraak(self, zaaknummer: str, *, per: date | None = None) -> dict:
        """The zaak's ter inzage term, kennisgeving and standaardreacties (as they were on `per`)."""
        zaak = self.zaken.zaak(zaaknummer) if per is None else self._zaak_per(zaaknummer, per)
        dossier = self._inspraakdossier(zaaknummer, per)
        termijn = zaak.ter_inzage.bereken() if zaak.ter_inzage else None
        return {
            "zaaknummer": zaak.zaaknummer,
            "omschrijving": zaak.omschrijving,
            "ter_inzage": None if termijn is None else {
                "eerste_dag": termijn.eerste_dag, "einde": termijn.einde,
                "onverlengd_einde": termijn.onverlengd_einde, "grondslag": zaak.ter_inzage.grondslag,
            },
            "kennisgeving": dossier.kennisgeving if dossier else None,
            "standaardreacties": list(dossier.standaardreacties.values()) if dossier else [],
        }

    def onbeantwoord(self, zaaknummer: str) -> list[dict]:
        """The zienswijzen in the nota that have no answer yet, by volgnummer: kenmerk and aanduiding."""
        zienswijzen = self._zienswijzen(self._inspraakdossier(zaaknummer))
        nummers = nummering(zienswijzen)
        open_ = sorted((z for z in zienswijzen if z.in_nota and z.antwoord is None), key=lambda z: nummers[z.kenmerk])
        return [{"kenmerk": z.kenmerk, "aanduiding": aanduiding(z, nummers[z.kenmerk])} for z in open_]

    def standaardreacties(self, zaaknummer: str) -> list[dict]:
        return self.inspraak(zaaknummer)["standaardreacties"]

    def zienswijzen_van(self, zaaknummer: str, *, intern: bool = False, actor: str | None = None,
                        reden: str | None = None, per: date | None = None) -> list[dict]:
        """All zienswijzen and overige reacties of a zaak, in order of receipt (as they were on `per`).

        With `intern` the indieners' identities are included: that asks for a reason and is recorded.
        """
        self.zaken.zaak(zaaknummer)
        dossier = self._inspraakdossier(zaaknummer, per)
        zienswijzen = self._zienswijzen(dossier, per)
        indieners = {}
        if intern:
            indieners = self.toon_indieners([z.kenmerk for z in zienswijzen], actor=actor, reden=reden,
                                            wat=f"de lijst van zienswijzen van zaak {zaaknummer}")
        teksten = {c: s["tekst"] for c, s in dossier.standaardreacties.items()} if dossier else {}
        nummers = nummering(zienswijzen)
        rijen = [self._als_dict(z, nummers.get(z.kenmerk), teksten) for z in zienswijzen]
        if intern:
            for r in rijen:
                r["indiener"] = indieners[r["kenmerk"]]
        return sorted(rijen, key=lambda r: (r["volgnummer"] is None, r["ontvangstdatum"], r["registratienummer"]))

    def zienswijze_details(self, kenmerk: str, *, intern: bool = False, actor: str | None = None,
                           reden: str | None = None) -> dict:
        """One zienswijze with its volgnummer and history; identity only with `intern` (recorded)."""
        z = self._laad_zienswijze(kenmerk)
        if intern:
            indiener = self.toon_indieners([z.kenmerk], actor=actor, reden=reden, wat="de zienswijze")[z.kenmerk]
            z = self._laad_zienswijze(z.kenmerk)  # with the inzage just recorded
        dossier = self._inspraakdossier(z.zaaknummer)
        teksten = {c: s["tekst"] for c, s in dossier.standaardreacties.items()}
        d = self._als_dict(z, nummering(self._zienswijzen(dossier)).get(z.kenmerk), teksten)
        if intern:
            d["indiener"] = indiener
        d["geschiedenis"] = [
            {"gebeurtenis": type(e).__name__, "datum": e.datum, "actor": e.actor, "reden": e.reden,
             "wat": getattr(e, "wat", None), "geregistreerd": e.timestamp}
            for e in self.kern.gebeurtenissen(z.id)
        ]
        return d

    def toon_indieners(self, kenmerken: list[str], *, actor: str | None, reden: str | None, wat: str) -> dict:
        """The indieners' personal data per kenmerk, for `wat` (a list, a nota).

        Every look at an identity is recorded on that zienswijze, with who and why (AVG art. 5
        lid 2 and 32), before anything is shown; it is logged as well. Erased or never recorded
        data is not looked at, so nothing is recorded for it.
        """
        controleer_inzage(actor, reden)
        zienswijzen = [self._laad_zienswijze(k) for k in kenmerken]
        ingezien = [z for z in zienswijzen if z.identiteit_vastgelegd and z.indiener_gewist is None]
        for z in ingezien:
            z.registreer_inzage(wat=wat, actor=actor, datum=self.kern.vandaag(), reden=reden)
        if ingezien:
            self.kern.bewaar(*ingezien, gebeurtenis="persoonsgegevens ingezien", kenmerken=[z.kenmerk for z in ingezien],
                         actor=actor)
        log.warning("persoonsgegevens.ingezien", actor=actor, reden=reden, wat=wat,
                    kenmerken=[z.kenmerk for z in ingezien])
        return {z.kenmerk: self._indiener(z) for z in zienswijzen}

    # --- internals ------------------------------------------------------------

    def sluit(self) -> None:
        if self._sleutelkluis is not None:
            self._sleutelkluis.sluit()

    def _kluis(self) -> Sleutelkluis:
        if self._sleutelkluis is None:
            self._sleutelkluis = Sleutelkluis(self.kern.opslag)
        return self._sleutelkluis

    def _inspraakdossier(self, zaaknummer: str, per: date | None = None) -> Inspraakdossier | None:
        if per is not None:
            return zoals_op(self.kern.gebeurtenissen(inspraakdossier_id(zaaknummer)), per, schepping_telt=True).aggregate
        try:
            return self.kern.repository.get(inspraakdossier_id(zaaknummer))
        except AggregateNotFoundError:
            return None

    def _zienswijzen(self, dossier: Inspraakdossier | None, per: date | None = None) -> list[Zienswijze]:
        if dossier is None:
            return []
        if per is None:
            return [self.kern.repository.get(zienswijze_id(k)) for k in dossier.kenmerken]
        op_die_dag = (zoals_op(self.kern.gebeurtenissen(zienswijze_id(k)), per).aggregate for k in dossier.kenmerken)
        return [z for z in op_die_dag if z is not None]

    def _zaak_per(self, zaaknummer: str, per: date) -> Zaak:
        """The zaak as it was on `per`: its events follow each other in time (Zaak.trigger_event)."""
        zaak = zoals_op(self.kern.gebeurtenissen(zaak_id(zaaknummer)), per).aggregate
        if zaak is None:
            self.zaken.zaak(zaaknummer)  # "Zaak … bestaat niet."
            raise DomeinFout(f"Zaak {zaaknummer} bestond op {nl_datum(per)} nog niet.")
        return zaak

    def _laad_zienswijze(self, kenmerk: str) -> Zienswijze:
        kenmerk = kenmerk.strip()
        niet_gevonden = (f"Zienswijze {kenmerk} bestaat niet; 'zienswijze lijst ZAAKNUMMER' toont de kenmerken "
                         "(zaaknummer-volgorde van registratie, bv. 3261787-1).")
        try:
            aggregate_id = UUID(kenmerk)
        except ValueError:
            aggregate_id = zienswijze_id(kenmerk)
        z = self.kern.laad(aggregate_id, niet_gevonden)
        if not isinstance(z, Zienswijze):
            raise DomeinFout(niet_gevonden)
        return z

    def _na_ontvangst(self, z: Zienswijze, datum: date | None) -> date:
        datum = self.kern.datum(datum)
        if datum < z.ontvangstdatum:
            raise DomeinFout(
                f"De datum {nl_datum(datum)} ligt vóór de ontvangst van {z.kenmerk} ({nl_datum(z.ontvangstdatum)})."
            )
        return datum

    @staticmethod
    def _zienswijzetermijn(zaak: Zaak, dossier: Inspraakdossier | None) -> Zienswijzetermijn:
        if zaak.ter_inzage is None:
            raise DomeinFout(
                f"Zaak {zaak.zaaknummer} is nooit ter inzage gelegd; een zienswijze hoort bij een ontwerp dat ter "
                f"inzage ligt of lag (zaak stap {zaak.zaaknummer} {Stappen.ter_inzage_leggen})."
            )
        kennisgeving = dossier.kennisgeving if dossier else None
        return Zienswijzetermijn.uit(zaak.ter_inzage.bereken(), kennisgeving["ontwerp_datum"] if kennisgeving else None)

    def _indiener(self, z: Zienswijze) -> dict | str | None:
        if not z.identiteit_vastgelegd:
            return None
        return self._ontsleuteld(z, z.indiener_versleuteld, None)

    def _versleutel(self, z: Zienswijze):
        """Encrypts with the zienswijze's key (domain.zienswijze.Versleutel); None when it has no key."""
        return None if z.indiener_ref is None else partial(self._kluis().versleutel_met, z.indiener_ref)

    def _ontsleuteld(self, z: Zienswijze, versleuteld: str, doel: str | None):
        """A text of the zienswijze decrypted, or where it was erased "[gewist op …]"."""
        if z.indiener_gewist is None:
            tekst = self._kluis().ontsleutel(z.indiener_ref, versleuteld, doel)
            if tekst is not None:
                return tekst
        return self._gewist(z)

    def _gewist(self, z: Zienswijze) -> str:
        gewist = z.indiener_gewist
        if gewist is None:  # `z` as it was on an earlier day: the erasure is in its present
            gewist = self._laad_zienswijze(z.kenmerk).indiener_gewist
        return gewist_op(gewist["datum"] if gewist else None)

    def _in_de_klare(self, z: Zienswijze, tekst: str) -> str:
        """A text an older event holds in the clear (version 1): the event cannot change, but once the
        indiener is erased (the key gone) it is no longer shown."""
        if not tekst or z.indiener_ref is None:
            return tekst
        if z.indiener_gewist is None and self._kluis().bestaat(z.indiener_ref):
            return tekst
        return self._gewist(z)

    def _samenvatting(self, z: Zienswijze) -> str:
        if z.samenvatting_versleuteld is not None:
            return self._ontsleuteld(z, z.samenvatting_versleuteld, zw.SAMENVATTING)
        return self._in_de_klare(z, z.samenvatting)

    def _reactie(self, z: Zienswijze) -> str:
        """The answer's own text ("" when it has none)."""
        if z.reactie_versleuteld is not None:
            return self._ontsleuteld(z, z.reactie_versleuteld, zw.REACTIE)
        return self._in_de_klare(z, z.antwoord["reactie"] or "")

    def _als_dict(self, z: Zienswijze, volgnummer: int | None, teksten: dict[str, str]) -> dict:
        antwoord = None
        if z.antwoord is not None:
            eigen = self._reactie(z)
            antwoord = {**z.antwoord, "reactie": eigen,
                        "volledig": stel_reactie_samen(eigen, z.antwoord["standaardreacties"], teksten)}
        return {
            "kenmerk": z.kenmerk,
            "zaaknummer": z.zaaknummer,
            "registratienummer": z.registratienummer,
            "volgnummer": volgnummer,
            "aanduiding": aanduiding(z, volgnummer),
            "soort": z.soort,
            "informeel": z.informeel,
            "ontvangstdatum": z.ontvangstdatum,
            "verzenddatum": z.verzenddatum,
            "vorm": z.vorm,
            "themas": z.themas,
            "samenvatting": self._samenvatting(z),
            "ontvankelijk": z.ontvankelijk,
            "ontvankelijkheid": z.ontvankelijkheid,
            "verschoonbaar": z.verschoonbaar,
            "beantwoord": z.antwoord is not None,
            "antwoord": antwoord,
            "brieven": z.brieven,
            # About the identity: given and encrypted, never given, or erased (with the texts of the zienswijze).
            "persoonsgegevens": ("gewist" if z.indiener_gewist is not None
                                 else "versleuteld" if z.identiteit_vastgelegd else "geen"),
            "indiener_gewist": z.indiener_gewist,
            "versie": z.version,
        }


@voorwaarde("zienswijzen_beantwoord")
def zienswijzen_beantwoord(c: Context) -> str | None:
    """Besluitvorming waits until every ontvankelijke zienswijze has been answered."""
    open_ = c.kern.dienst("zienswijzen").onbeantwoord(c.onderwerp.zaaknummer)
    if not open_:
        return None
    namen = "; ".join(f"{z['aanduiding']} ({z['kenmerk']})" for z in open_)
    return (
        f"Zaak {c.onderwerp.zaaknummer} kan niet naar de besluitvorming: nog niet beantwoord: {namen}. "
        "Beantwoord eerst met 'zienswijze beantwoorden KENMERK …'."
    )


_OUD = "niet meer getoond; vastgelegd vóór de versleuteling, dus in de gebeurtenissen nog leesbaar"


def vergeet_persoon(kern, sleutel: str, reden: str, actor: str) -> dict | None:
    """This part's kind of person for `avg vergeet` (workflow.avg, registered in workflow.delen):
    the indiener of the zienswijze whose kenmerk is `sleutel` (e.g. 3261787-2). None when no
    zienswijze has that kenmerk; refusals (no reason, already erased) are DomeinFout."""
    kenmerk = sleutel.strip()
    if not KENMERK.fullmatch(kenmerk) or not kern.bestaat(zw.zienswijze_id(kenmerk)):
        return None
    z = kern.laad(zw.zienswijze_id(kenmerk), f"Zienswijze {kenmerk} bestaat niet.")
    gewist = ["identiteit (naam, adres, e-mail)"] if z.identiteit_vastgelegd else []
    gewist.append("samenvatting" if z.samenvatting_versleuteld is not None else f"samenvatting ({_OUD})")
    if z.reactie_versleuteld is not None:
        gewist.append("eigen reactietekst")
    elif z.antwoord is not None and z.antwoord["reactie"]:
        gewist.append(f"eigen reactietekst ({_OUD})")
    details = kern.dienst("zienswijzen").vergeet_indiener(kenmerk, reden=reden, actor=actor)
    return {"soort": "indiener van zienswijze", "sleutel": kenmerk, "datum": details["indiener_gewist"]["datum"],
            "gewist": gewist, "zienswijze": details}
