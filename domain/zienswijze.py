"""Zienswijzen on a zaak that lay ter inzage, and the zaak's inspraakdossier.

Two aggregates, both linked to their zaak by zaaknummer:
- `Zienswijze`: one submitted view (or an "overige reactie": late or informal),
  with the engine's ontvankelijkheid decision, the answer and the letters sent.
  What may identify the indiener is never in an event in the clear: its identity,
  the samenvatting and the answer's own text are encrypted with the zienswijze's
  own key (store/keys.py); events carry the key's id and the ciphertexts, and
  destroying the key erases them (AVG art. 17) while history still replays.
  The domain gets the clear texts and a function that encrypts them
  (`Versleutel`), so the rule of what is stored encrypted lives here.
- `Inspraakdossier`: one per zaak: the kennisgeving, the standaardreacties
  (kept once, cited by code from many answers) and the kenmerken of the
  registered zienswijzen, so they can be listed and numbered.
Standaardreacties are kept per zaak, not globally: their text answers the
arguments about one ontwerp (the ZKA hotel study in the seed), and a zaak's
nota must not change when another zaak edits a shared block.
Once the raad decided on the voorstel the inspraak is fixed (`controleer_inspraak_open`);
what may still happen then: letters about the besluit and overige reacties until
the zaak is afgesloten, and always erasure (AVG art. 17) and, recorded as events,
looking up who the indieners are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.basis import Gebeurtenis
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.ontvankelijkheid import Ontvankelijkheid, verschoonbaar
from domain.persoonsgegevens import controleer_wissen

ZIENSWIJZE_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/zienswijze")
DOSSIER_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/inspraakdossier")

VORMEN = ("schriftelijk", "mondeling")
ZIENSWIJZE = "zienswijze"
OVERIGE_REACTIE = "overige reactie"
BRIEFSOORTEN = ("voorstel", "besluit")  # the college's proposal, the raad's besluit

_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]*")
# A reactie places a standaardreactie inline with {{CODE}}; cited codes not placed follow the text.
MARKERING = re.compile(r"\{\{\s*([A-Za-z0-9_-]+)\s*\}\}")

# Encrypts a JSON value with the zienswijze's key for one field (`doel`, None: the identity), returning
# the ciphertext; store.keys.Sleutelkluis.versleutel_met bound to the key id.
Versleutel = Callable[..., str]
SAMENVATTING = "samenvatting"  # the `doel` of each encrypted text
REACTIE = "reactie"


def inspraakdossier_id(zaaknummer: str) -> UUID:
    return uuid5(DOSSIER_NAMESPACE, zaaknummer)


def kenmerk_van(zaaknummer: str, registratienummer: int) -> str:
    """The stable reference of a zienswijze: zaaknummer and order of registration, e.g. 3261787-2."""
    return f"{zaaknummer}-{registratienummer}"


def zienswijze_id(kenmerk: str) -> UUID:
    return uuid5(ZIENSWIJZE_NAMESPACE, kenmerk)


def normaliseer_code(code: str) -> str:
    c = code.strip().upper()
    if not _CODE.fullmatch(c):
        raise DomeinFout(f"Code '{code}' is ongeldig: letters, cijfers, '-' en '_', bijvoorbeeld ZKA of VEREENIGING.")
    return c


def geplaatste_codes(reactie: str) -> list[str]:
    """The standaardreactie codes a reactie text places inline with {{CODE}}, in order."""
    return [m.upper() for m in MARKERING.findall(reactie)]


class Inspraakdossier(Aggregate):
    class Event(Gebeurtenis):
        """Who, when it took effect, and why: domain.basis.Gebeurtenis."""

    class Geopend(Event, Aggregate.Created):
        zaaknummer: str

        def apply(self, dossier: Inspraakdossier) -> None:
            dossier.zaaknummer = self.zaaknummer
            dossier.kennisgeving = None
            dossier.standaardreacties = {}
            dossier.kenmerken = []

    class KennisgevingVastgelegd(Event):
        publicatie: str
        ontwerp: str
        hierna: str | None
        ontwerp_datum: date

        def apply(self, dossier: Inspraakdossier) -> None:
            dossier.kennisgeving = {
                "datum": self.datum, "publicatie": self.publicatie, "ontwerp": self.ontwerp,
                "hierna": self.hierna, "ontwerp_datum": self.ontwerp_datum,
            }

    class StandaardreactieToegevoegd(Event):
        code: str
        titel: str | None
        tekst: str

        def apply(self, dossier: Inspraakdossier) -> None:
            dossier.standaardreacties[self.code] = {
                "code": self.code, "titel": self.titel, "tekst": self.tekst, "sinds": self.datum,
            }

    class ZienswijzeGeregistreerd(Event):
        kenmerk: str

        def apply(self, dossier: Inspraakdossier) -> None:
            dossier.kenmerken.append(self.kenmerk)

    @classmethod
    def open(cls, zaaknummer: str, *, actor: str, datum: date) -> Inspraakdossier:
        return cls._create(cls.Geopend, id=inspraakdossier_id(zaaknummer), zaaknummer=zaaknummer,
                           actor=actor, datum=datum, reden=None)

    def leg_kennisgeving_vast(self, *, publicatie: str, ontwerp: str, hierna: str | None, ontwerp_datum: date,
                              actor: str, datum: date, reden: str | None) -> None:
        if not publicatie.strip():
            raise DomeinFout("Noem waar de kennisgeving is gepubliceerd (--publicatie), bv. \"het Hengelo's Weekblad\".")
        if not ontwerp.strip():
            raise DomeinFout("Noem het ontwerp dat ter inzage ligt (--ontwerp).")
        if ontwerp_datum > datum:
            raise DomeinFout(
                f"Het ontwerp ({nl_datum(ontwerp_datum)}) kan niet na de kennisgeving ({nl_datum(datum)}) zijn ontstaan."
            )
        self.trigger_event(self.KennisgevingVastgelegd, publicatie=publicatie.strip(), ontwerp=ontwerp.strip(),
                           hierna=(hierna or "").strip() or None, ontwerp_datum=ontwerp_datum,
                           actor=actor, datum=datum, reden=reden)

    def voeg_standaardreactie_toe(self, *, code: str, titel: str | None, tekst: str,
                                  actor: str, datum: date, reden: str | None) -> str:
        code = normaliseer_code(code)
        if code in self.standaardreacties:
            raise DomeinFout(f"Zaak {self.zaaknummer} heeft al een standaardreactie {code}; codes zijn uniek per zaak.")
        if not tekst.strip():
            raise DomeinFout("Een standaardreactie heeft tekst nodig (--tekst).")
        if MARKERING.search(tekst):
            raise DomeinFout("Een standaardreactie kan geen andere standaardreactie ({{CODE}}) bevatten.")
        self.trigger_event(self.StandaardreactieToegevoegd, code=code, titel=(titel or "").strip() or None,
                           tekst=tekst.strip(), actor=actor, datum=datum, reden=reden)
        return code

    def controleer_codes(self, codes: list[str], datum: date) -> None:
        """The standaardreacties an answer of `datum` cites: known, and existing on that day (the nota of
        a day is built from what existed then)."""
        onbekend = [c for c in codes if c not in self.standaardreacties]
        if onbekend:
            bekend = ", ".join(sorted(self.standaardreacties)) or "geen"
            raise DomeinFout(
                f"Onbekende standaardreactie {', '.join(onbekend)} bij zaak {self.zaaknummer}; bekend: {bekend}. "
                f"Voeg haar toe met 'standaardreactie toevoegen {self.zaaknummer} CODE --tekst …'."
            )
        later = [c for c in codes if self.standaardreacties[c]["sinds"] > datum]
        if later:
            raise DomeinFout("; ".join(
                f"Standaardreactie {c} bestaat sinds {nl_datum(self.standaardreacties[c]['sinds'])}" for c in later
            ) + f": een antwoord van {nl_datum(datum)} kan haar niet citeren.")

    def registreer_zienswijze(self, *, actor: str, datum: date) -> tuple[str, int]:
        """The kenmerk and registratienummer of the next zienswijze, recorded in the dossier."""
        nummer = len(self.kenmerken) + 1
        kenmerk = kenmerk_van(self.zaaknummer, nummer)
        self.trigger_event(self.ZienswijzeGeregistreerd, kenmerk=kenmerk, actor=actor, datum=datum, reden=None)
        return kenmerk, nummer


class Zienswijze(Aggregate):
    class Event(Gebeurtenis):
        """Who, when it took effect, and why: domain.basis.Gebeurtenis."""

    class Ingediend(Event, Aggregate.Created):
        """Version 2: the samenvatting is encrypted with the zienswijze's key, which every zienswijze
        has, whether or not the indiener gave an identity (ARCHITECTURE.md, "Events that evolve").

        Version 1 (stored until this change) had the samenvatting in the clear and a key only for an
        identity; `upcast_v1_v2` reads it in the version 2 shape, its clear samenvatting kept as the
        legacy value, so old stores replay to the same state.
        """

        class_version = 2

        zaaknummer: str
        kenmerk: str
        registratienummer: int
        ontvangstdatum: date
        verzenddatum: date | None  # when sent by post (Awb 6:9 lid 2)
        vorm: str
        themas: list[str]
        samenvatting: str | None  # v1 only: the samenvatting in the clear (legacy); None from v2 on
        samenvatting_versleuteld: str | None  # v2: the samenvatting, under key indiener_ref (doel SAMENVATTING)
        # The id of the key of this zienswijze's personal data: from v2 on always set; in v1 only with an identity.
        indiener_ref: str | None
        indiener_versleuteld: str | None  # the identity ({"naam", "adres", "email"}); None: none was given
        informeel: bool  # registered as an overige reactie on purpose, not as a zienswijze
        ontvankelijkheid: dict  # {"ontvankelijk", "uitkomst", "reden"} as the engine decided
        soort: str  # "zienswijze" or "overige reactie"

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["samenvatting_versleuteld"] = None  # v1 kept the samenvatting in the clear, in `samenvatting`

        def apply(self, z: Zienswijze) -> None:
            for veld in ("zaaknummer", "kenmerk", "registratienummer", "ontvangstdatum", "verzenddatum", "vorm",
                         "samenvatting", "samenvatting_versleuteld", "indiener_ref", "indiener_versleuteld",
                         "informeel", "soort"):
                setattr(z, veld, getattr(self, veld))
            z.themas = list(self.themas)
            z.ontvankelijkheid = dict(self.ontvankelijkheid)
            z.verschoonbaar = None
            z.antwoord = None
            z.reactie_versleuteld = None
            z.brieven = []
            z.indiener_gewist = None

    class VerschoonbaarVerklaard(Event):
        ontvankelijkheid: dict

        def apply(self, z: Zienswijze) -> None:
            z.ontvankelijkheid = dict(self.ontvankelijkheid)
            z.soort = ZIENSWIJZE
            z.verschoonbaar = {"door": self.actor, "datum": self.datum, "reden": self.reden}

    class Beantwoord(Event):
        """Version 2: the answer's own text (which may name a person) is encrypted with the zienswijze's
        key. The standaardreacties it cites are shared texts, not personal: they stay in the dossier.

        Version 1 had the own text in the clear; `upcast_v1_v2` keeps it as the legacy value.
        """

        class_version = 2

        # The own text in the clear: v1; "" when there is none; or the answer to a v1 zienswijze that has no
        # key (no identity given; its samenvatting is in the clear as well).
        reactie: str | None
        reactie_versleuteld: str | None  # v2: the own text under the zienswijze's key (doel REACTIE)
        standaardreacties: list[str]
        leidt_tot_aanpassing: bool
        wat_gewijzigd: str | None
        vervolgacties: list[str]

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["reactie_versleuteld"] = None  # v1 kept the own text in the clear, in `reactie`

        def apply(self, z: Zienswijze) -> None:
            z.reactie_versleuteld = self.reactie_versleuteld
            z.antwoord = {
                "reactie": self.reactie, "standaardreacties": list(self.standaardreacties),
                "leidt_tot_aanpassing": self.leidt_tot_aanpassing, "wat_gewijzigd": self.wat_gewijzigd,
                "vervolgacties": list(self.vervolgacties), "datum": self.datum, "door": self.actor,
            }

    class BriefVerzonden(Event):
        soort: str

        def apply(self, z: Zienswijze) -> None:
            z.brieven.append({"soort": self.soort, "datum": self.datum})

    class IndienerVergeten(Event):
        """The zienswijze's key was destroyed (AVG art. 17): its ciphertexts (identity, samenvatting, own
        reactie text) can no longer be read."""

        def apply(self, z: Zienswijze) -> None:
            z.indiener_gewist = {"datum": self.datum, "door": self.actor, "reden": self.reden}

    class PersoonsgegevensIngezien(Event):
        """Someone was shown the indiener's identity, in `wat` (AVG art. 5 lid 2 and 32: who saw it and why)."""

        wat: str

        def apply(self, z: Zienswijze) -> None:
            pass  # nothing about the zienswijze changes: the event itself is the record

    @classmethod
    def dien_in(
        cls,
        *,
        zaaknummer: str,
        kenmerk: str,
        registratienummer: int,
        ontvangstdatum: date,
        verzenddatum: date | None,
        vorm: str,
        themas: list[str],
        samenvatting: str,
        indiener: dict,
        sleutel: str,
        versleutel: Versleutel,
        informeel: bool,
        ontvankelijkheid: Ontvankelijkheid,
        actor: str,
        datum: date,
        reden: str | None,
    ) -> Zienswijze:
        """`indiener`: the identity given (may be empty); `sleutel`: the id of the zienswijze's new key,
        `versleutel` encrypts with it. Only ciphertexts are recorded."""
        controleer_indiening(vorm=vorm, samenvatting=samenvatting)
        return cls._create(
            cls.Ingediend,
            id=zienswijze_id(kenmerk),
            zaaknummer=zaaknummer, kenmerk=kenmerk, registratienummer=registratienummer,
            ontvangstdatum=ontvangstdatum, verzenddatum=verzenddatum, vorm=vorm,
            themas=[t.strip() for t in themas if t.strip()],
            samenvatting=None, samenvatting_versleuteld=versleutel(samenvatting.strip(), SAMENVATTING),
            indiener_ref=sleutel, indiener_versleuteld=versleutel(indiener) if indiener else None,
            informeel=informeel,
            ontvankelijkheid=ontvankelijkheid.als_record(),
            soort=ZIENSWIJZE if ontvankelijkheid.ontvankelijk and not informeel else OVERIGE_REACTIE,
            actor=actor, datum=datum, reden=reden,
        )

    # --- queries ------------------------------------------------------------

    @property
    def ontvankelijk(self) -> bool:
        return self.ontvankelijkheid["ontvankelijk"]

    @property
    def in_nota(self) -> bool:
        """Ontvankelijke zienswijzen are answered in the nota; overige reacties are not."""
        return self.soort == ZIENSWIJZE

    @property
    def identiteit_vastgelegd(self) -> bool:
        """Whether the indiener gave an identity (encrypted; it may have been erased since)."""
        return self.indiener_versleuteld is not None

    # --- commands -----------------------------------------------------------

    def verklaar_verschoonbaar(self, *, actor: str, datum: date, reden: str | None) -> None:
        if self.informeel:
            raise DomeinFout(f"{self.kenmerk} is als overige reactie geregistreerd, niet als zienswijze.")
        huidig = Ontvankelijkheid(self.ontvankelijk, self.ontvankelijkheid["uitkomst"], self.ontvankelijkheid["reden"])
        nieuw = verschoonbaar(huidig, reden, actor)
        self.trigger_event(self.VerschoonbaarVerklaard, ontvankelijkheid=nieuw.als_record(),
                           actor=actor, datum=datum, reden=reden.strip())

    def beantwoord(self, *, reactie: str, standaardreacties: list[str], aanpassing: str | None,
                   vervolgacties: list[str], versleutel: Versleutel | None, actor: str, datum: date,
                   reden: str | None) -> None:
        """`versleutel` encrypts with the zienswijze's key (None: it has none, a v1 zienswijze without identity)."""
        if not reactie.strip() and not standaardreacties:
            raise DomeinFout("Een reactie vraagt tekst (--reactie) of ten minste één standaardreactie (--standaardreactie).")
        eigen, versleuteld = reactie.strip(), None
        if eigen and self.indiener_gewist is not None:
            raise DomeinFout(
                f"De persoonsgegevens bij {self.kenmerk} zijn gewist op {nl_datum(self.indiener_gewist['datum'])}: "
                "een eigen reactietekst kan niet meer worden vastgelegd; antwoord met standaardreacties "
                "(--standaardreactie)."
            )
        if eigen and self.indiener_ref is not None:
            if versleutel is None:
                raise ValueError(f"{self.kenmerk} has a key: its reactie is stored encrypted")
            eigen, versleuteld = None, versleutel(eigen, REACTIE)
        self.trigger_event(
            self.Beantwoord,
            reactie=eigen, reactie_versleuteld=versleuteld, standaardreacties=standaardreacties,
            leidt_tot_aanpassing=aanpassing is not None, wat_gewijzigd=aanpassing,
            vervolgacties=[v.strip() for v in vervolgacties if v.strip()],
            actor=actor, datum=datum, reden=reden,
        )

    def verzend_brief(self, *, soort: str, actor: str, datum: date, reden: str | None) -> None:
        if soort not in BRIEFSOORTEN:
            raise DomeinFout(f"Onbekende brief '{soort}'; kies uit {', '.join(BRIEFSOORTEN)}.")
        if datum < self.ontvangstdatum:
            raise DomeinFout(
                f"De brief ({nl_datum(datum)}) kan niet vóór de ontvangst van {self.kenmerk} "
                f"({nl_datum(self.ontvangstdatum)}) zijn verzonden."
            )
        self.trigger_event(self.BriefVerzonden, soort=soort, actor=actor, datum=datum, reden=reden)

    def registreer_inzage(self, *, wat: str, actor: str, datum: date, reden: str | None) -> None:
        controleer_inzage(actor, reden)
        self.trigger_event(self.PersoonsgegevensIngezien, wat=wat, actor=actor, datum=datum, reden=reden.strip())

    def vergeet_indiener(self, *, actor: str, datum: date, reden: str | None) -> None:
        """Record the erasure; the caller destroys the key (`indiener_ref`)."""
        controleer_wissen(reden)
        if self.indiener_ref is None:  # v1, without identity: there is no key, nothing can be made unreadable
            raise DomeinFout(f"Bij {self.kenmerk} zijn geen persoonsgegevens van de indiener vastgelegd.")
        if self.indiener_gewist is not None:
            raise DomeinFout(
                f"De gegevens van de indiener van {self.kenmerk} zijn al gewist op {nl_datum(self.indiener_gewist['datum'])}."
            )
        self.trigger_event(self.IndienerVergeten, actor=actor, datum=datum, reden=reden.strip())



def controleer_inzage(actor: str | None, reden: str | None) -> None:
    if not actor or not actor.strip():
        raise DomeinFout("Persoonsgegevens inzien vraagt wie dat doet (--actor).")
    if not reden or not reden.strip():
        raise DomeinFout(
            "Persoonsgegevens inzien vraagt een reden (--reden), bv. \"brieven aan de indieners\": wie de identiteit "
            "van indieners ziet en waarom, wordt bij de zienswijze vastgelegd."
        )


def geldend_raadsbesluit(zaak):
    """The raad's besluit on the voorstel that stands, or None: none yet, only aangehouden, or
    vernietigd by the bestuursrechter (then a new besluit must be prepared, Awb 8:72 lid 4)."""
    besluit = zaak.besluitvorming.besluit if zaak.besluitvorming is not None else None
    return None if besluit is None or besluit.vernietigd else besluit


def controleer_niet_afgesloten(zaak, wat: str) -> None:
    """Once the zaak is afgesloten nothing about its inspraak changes. `wat` names the refused action."""
    if zaak.is_afgesloten:
        raise DomeinFout(
            f"Zaak {zaak.zaaknummer} is afgesloten op {nl_datum(zaak.einddatum)} (resultaat {zaak.resultaat}): "
            f"{wat} kan niet meer; de zienswijzen en de nota liggen vast."
        )


def controleer_inspraak_open(zaak, wat: str, *, na_besluit: str = "") -> None:
    """The zienswijzen, their ontvankelijkheid, answers and the standaardreacties are what the raad
    decides on: the nota zienswijzen is part of the raadsbesluit ("In te stemmen met de behandeling
    van de zienswijzen", seed beslispunt 2). Once the raad decided they are fixed."""
    controleer_niet_afgesloten(zaak, wat)
    besluit = geldend_raadsbesluit(zaak)
    if besluit is not None:
        raise DomeinFout(
            f"De raad heeft op {nl_datum(besluit.datum)} over zaak {zaak.zaaknummer} besloten "
            f"({besluit.uitkomst.value}), met de zienswijzen en hun beantwoording zoals die toen waren: "
            f"{wat} kan niet meer.{na_besluit}"
        )


def controleer_brief(zaak, soort: str, datum: date) -> None:
    """A letter about the college's voorstel belongs before the raad decided on it, one about the
    besluit after (seed beslispunt 4: "de indieners … op de hoogte brengen van het besluit")."""
    controleer_niet_afgesloten(zaak, "een brief vastleggen")
    besluit = geldend_raadsbesluit(zaak)
    if soort == "voorstel" and besluit is not None and datum >= besluit.datum:
        raise DomeinFout(
            f"De raad heeft op {nl_datum(besluit.datum)} over het voorstel van zaak {zaak.zaaknummer} besloten: "
            f"een brief over het voorstel van {nl_datum(datum)} kan niet meer; over het besluit: --soort besluit."
        )
    if soort == "besluit":
        if besluit is None:
            raise DomeinFout(
                f"Zaak {zaak.zaaknummer} heeft geen raadsbesluit: een brief over het besluit kan pas daarna "
                "(over het voorstel van het college: --soort voorstel)."
            )
        if datum < besluit.datum:
            raise DomeinFout(
                f"Een brief over het besluit ({nl_datum(datum)}) kan niet vóór het raadsbesluit van "
                f"{nl_datum(besluit.datum)} zijn verzonden."
            )


def controleer_indiening(*, vorm: str, samenvatting: str) -> None:
    if vorm not in VORMEN:
        raise DomeinFout(f"Onbekende vorm '{vorm}'; kies uit {', '.join(VORMEN)}.")
    if not samenvatting.strip():
        raise DomeinFout("Een zienswijze heeft een samenvatting nodig (--samenvatting).")


def stel_reactie_samen(reactie: str, codes: list[str], teksten: dict[str, str]) -> str:
    """The full reactie: {{CODE}} markers replaced by their standaardreactie, the other cited
    standaardreacties after the own text, each as its own paragraph."""
    geplaatst = set(geplaatste_codes(reactie))
    tekst = MARKERING.sub(lambda m: "\n\n" + teksten[m.group(1).upper()] + "\n\n", reactie)
    delen = [tekst] + [teksten[c] for c in codes if c not in geplaatst]
    return "\n\n".join(a for d in delen for a in alineas(d))


def alineas(tekst: str) -> list[str]:
    """Paragraphs: separated by an empty line; single line breaks inside a paragraph are kept."""
    return [a.strip() for a in re.split(r"\n\s*\n", tekst) if a.strip()]
