"""Raadsbesluitvorming on a zaak: politieke markt, raadsagenda, raadsbesluit, bekendmaking, beroep.

The facts are events of the Zaak (subclasses of `Zaak.Event`, so their topic is
this module: keep the class names). Their state is one small `Besluitvorming`
on the zaak, created by the first such fact (`Zaak.Geregistreerd` sets None);
the advies of an adviesraad (domain.advies) hangs on it as well.

The checks here (`controleer_*`) are pure: they get the current state and the
input, refuse with a DomeinFout or return the event's fields. The Zaak's
commands (domain.zaak.besluitvorming) call them before they record anything.

The agenda of one raadsvergadering is its own aggregate (`Raadsagenda`): it
holds which zaak has which agendacode, so a code is never given twice and
`raad agenda DATUM` needs no search through all zaken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.basis import Gebeurtenis, Keuze
from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.ontvankelijkheid import TE_LAAT, tijdigheid
from domain.termijnen import Eenheid, Soort, Telling, Termijn, Termijnregel, bereken_termijn
from domain.zaak import Zaak

if TYPE_CHECKING:
    from domain.advies import Advies


class SoortPolitiekeMarkt(Keuze):
    OORDEELSVORMEND = "oordeelsvormend"  # the raad forms its opinion on the voorstel: the step before the raad
    BEELDVORMEND = "beeldvormend"  # information only; the zaak does not move


class Uitkomst(Keuze):
    VASTGESTELD = "vastgesteld"
    GEWIJZIGD_VASTGESTELD = "gewijzigd vastgesteld"
    VERWORPEN = "verworpen"
    AANGEHOUDEN = "aangehouden"


class UitspraakUitkomst(Keuze):
    ONGEGROND = "ongegrond"
    NIET_ONTVANKELIJK = "niet ontvankelijk"
    GEGROND = "gegrond"

    @property
    def besluit_blijft(self) -> bool:
        return self is not UitspraakUitkomst.GEGROND


# --- the raadsagenda: codes and sections -------------------------------------

AGENDACODE = re.compile(r"([ABCD])([0-9]{2})")  # not \d: that also matches other scripts' digits
AGENDACODE_PATROON = "sectieletter A, B, C of D gevolgd door twee cijfers ([A-D][0-9][0-9], bv. B01)"


@dataclass(frozen=True)
class Sectie:
    letter: str
    titel: str
    behandeling: str  # how the raad handles the item, as the agenda shows it
    politieke_markt_nodig: bool  # an oordeelsvormende politieke markt must precede the raadsbesluit
    voor_raadsvoorstellen: bool = True


# The agenda of the Hengelo raad (oproeping 26-10-2022, s000:31-62).
SECTIES = {
    "A": Sectie("A", "Algemeen", "vast agendapunt", False, voor_raadsvoorstellen=False),
    "B": Sectie("B", "Hamerstukken", "hamerstuk", True),
    "C": Sectie("C", "Voorstellen met tussenkomst van de Politieke Markt", "bespreekstuk", True),
    "D": Sectie("D", "Voorstellen zonder tussenkomst van de Politieke Markt", "zonder politieke markt", False),
}
BEHANDELINGEN = ("hamerstuk", "bespreekstuk")


def lees_agendacode(tekst: str) -> str:
    """An agendacode as the agenda writes it; lowercase is accepted and written in capitals."""
    code = tekst.strip().upper()
    m = AGENDACODE.fullmatch(code)
    if m is None:
        raise DomeinFout(f"Agendacode '{tekst}' past niet in het patroon: {AGENDACODE_PATROON}.")
    if m[2] == "00":
        raise DomeinFout(f"Agendacode '{tekst}': de nummering binnen een sectie begint bij 01.")
    return code


def sectie(code: str) -> Sectie:
    return SECTIES[code[0]]


def controleer_agendapunt(tekst: str, behandeling: str | None, bv: Besluitvorming) -> str:
    """The agendacode for a raadsvoorstel, checked against the behandeling and the zaak's politieke markt."""
    code = lees_agendacode(tekst)
    s = sectie(code)
    if not s.voor_raadsvoorstellen:
        raise DomeinFout(
            f"Sectie A ({s.titel}) is voor de vaste punten van de vergadering (opening, vaststellen agenda, …); "
            "een raadsvoorstel staat in B (hamerstuk), C (bespreekstuk) of D (zonder politieke markt)."
        )
    if behandeling is not None:
        if behandeling not in BEHANDELINGEN:
            raise DomeinFout(f"Onbekende behandeling '{behandeling}'; kies uit {', '.join(BEHANDELINGEN)}.")
        if behandeling != s.behandeling:
            juist = next(x for x in SECTIES.values() if x.behandeling == behandeling)
            raise DomeinFout(
                f"Agendacode {code} hoort bij sectie {s.letter} ({s.titel}: {s.behandeling}); "
                f"een {behandeling} staat in sectie {juist.letter} (bv. {juist.letter}01)."
            )
    oordeelsvormend = bv.oordeelsvormende_markten()
    if not s.politieke_markt_nodig and oordeelsvormend:
        raise DomeinFout(
            f"Sectie D is voor voorstellen zonder tussenkomst van de politieke markt, maar deze zaak heeft een "
            f"oordeelsvormende politieke markt ({nl_datum(oordeelsvormend[0].datum)}); "
            "kies B (hamerstuk) of C (bespreekstuk)."
        )
    return code


# --- state --------------------------------------------------------------------


@dataclass
class PolitiekeMarkt:
    datum: date
    soort: SoortPolitiekeMarkt
    voorzitter: str | None
    zaal: str | None
    spreekrecht: bool
    max_spreektijd: int | None  # minutes per inspreker
    insprekers: list[str]  # organisations or pseudonyms only
    particuliere_insprekers: int  # counted, never named: personal data
    volgorde: list[str]
    gepland_op: date


@dataclass
class Agendering:
    vergaderdatum: date
    code: str
    geagendeerd_op: date
    wijzigingen: list[dict] = field(default_factory=list)  # {"datum", "oud", "nieuw", "reden"}
    uitkomst: Uitkomst | None = None  # set by the raadsbesluit on this item

    @property
    def sectie(self) -> Sectie:
        return sectie(self.code)


@dataclass
class Beroep:
    datum: date  # received
    indiener: str  # organisation or pseudonym
    instantie: str
    binnen_termijn: bool | None
    verzonden: date | None = None  # posted (Awb 6:9 lid 2)
    tijdigheid: str | None = None  # domain.ontvankelijkheid.tijdigheid's outcome


@dataclass
class Raadsbesluit:
    datum: date
    vergaderdatum: date
    agendacode: str
    uitkomst: Uitkomst
    beslispunten: list[str]
    bekendmaking: date | None = None
    vindplaats: str | None = None
    beroepstermijn: tuple[date, date] | None = None  # (eerste dag, laatste dag)
    inwerkingtreding: date | None = None
    inwerkingtreding_regel: str | None = None
    beroepen: list[Beroep] = field(default_factory=list)
    uitspraak: tuple[date, UitspraakUitkomst] | None = None
    onherroepelijk_per: date | None = None

    @property
    def is_genomen(self) -> bool:
        """A decision on the voorstel itself (aangehouden postpones it)."""
        return self.uitkomst is not Uitkomst.AANGEHOUDEN

    @property
    def vernietigd(self) -> bool:
        return self.uitspraak is not None and not self.uitspraak[1].besluit_blijft


@dataclass
class Besluitvorming:
    politieke_markten: list[PolitiekeMarkt] = field(default_factory=list)
    agenderingen: list[Agendering] = field(default_factory=list)
    besluiten: list[Raadsbesluit] = field(default_factory=list)
    advies: Advies | None = None

    @property
    def agendering(self) -> Agendering | None:
        """The raad agenda item the zaak is on now, awaiting its besluit."""
        if self.agenderingen and self.agenderingen[-1].uitkomst is None:
            return self.agenderingen[-1]
        return None

    @property
    def besluit(self) -> Raadsbesluit | None:
        """The latest raadsbesluit on the voorstel (not an aanhouding)."""
        genomen = [b for b in self.besluiten if b.is_genomen]
        return genomen[-1] if genomen else None

    def oordeelsvormende_markten(self, tot_en_met: date | None = None) -> list[PolitiekeMarkt]:
        return [
            pm for pm in self.politieke_markten
            if pm.soort is SoortPolitiekeMarkt.OORDEELSVORMEND and (tot_en_met is None or pm.datum <= tot_en_met)
        ]


def toestand(zaak: Zaak) -> Besluitvorming:
    """The zaak's besluitvorming, read-only: empty when nothing was recorded yet."""
    return zaak.besluitvorming or Besluitvorming()


def wijzigbare_toestand(zaak: Zaak) -> Besluitvorming:
    """For apply: the zaak's besluitvorming, created on the first fact."""
    if zaak.besluitvorming is None:
        zaak.besluitvorming = Besluitvorming()
    return zaak.besluitvorming


# --- rules --------------------------------------------------------------------


def huidige_agendering(bv: Besluitvorming, zaaknummer: str) -> Agendering:
    if bv.agendering is None:
        raise DomeinFout(
            f"Zaak {zaaknummer} staat niet op de agenda van een raadsvergadering; agendeer haar eerst "
            "('zaakstroom raad agendeer')."
        )
    return bv.agendering


def ontbrekende_politieke_markt(bv: Besluitvorming, code: str, datum: date) -> str | None:
    """Why agendapunt `code` lacks the oordeelsvormende politieke markt it needs by `datum`, or None.

    The agenda section decides (SECTIES): B and C items come through an
    oordeelsvormende politieke markt, D items go to the raad without one.
    """
    s = sectie(code)
    if not s.politieke_markt_nodig or bv.oordeelsvormende_markten(datum):
        return None
    later = bv.oordeelsvormende_markten()
    if later:
        waarom = f"de oordeelsvormende politieke markt van {nl_datum(later[0].datum)} valt na {nl_datum(datum)}"
    elif bv.politieke_markten:
        waarom = "er was alleen een beeldvormende politieke markt"
    else:
        waarom = "er is geen politieke markt gepland"
    return f"Agendapunt {code} ({s.behandeling}) vraagt een oordeelsvormende politieke markt vóór de raad; {waarom}."


def _op_de_agenda_zonder_politieke_markt(a: Agendering, zaaknummer: str) -> str:
    """The way out for a zaak on the raad's agenda without the politieke markt a B or C item needs.

    From status 'raad' no politieke markt can be planned: the item goes (or stays) in
    section D, or the raad postpones it, after which the politieke markt can be planned.
    """
    d = (f"Laat het als {a.code} in sectie D" if not a.sectie.politieke_markt_nodig else
         f"Zet het in sectie D als het zonder politieke markt mag ('zaakstroom raad agenda-wijzig {zaaknummer} D01 "
         "--reden …')")
    return (
        f"{d}, of laat de raad het aanhouden ('zaakstroom raad besluit {zaaknummer} --uitkomst aangehouden') en plan "
        f"daarna de oordeelsvormende politieke markt ('zaakstroom raad politieke-markt {zaaknummer} DATUM_PM "
        "--soort oordeelsvormend')."
    )


def politieke_markt_ontbreekt(bv: Besluitvorming, zaaknummer: str, datum: date) -> str | None:
    """Why a raadsbesluit on `datum` may not be taken yet for lack of a politieke markt, or None.

    Agendering checks this already (controleer_agenderen); a zaak put on the agenda
    before that check existed may still lack its politieke markt.
    """
    a = huidige_agendering(bv, zaaknummer)
    waarom = ontbrekende_politieke_markt(bv, a.code, datum)
    return waarom and f"{waarom} {_op_de_agenda_zonder_politieke_markt(a, zaaknummer)}"


# Inwerkingtreding is a day, not a term to act within: the Algemene termijnenwet
# does not apply (a besluit may enter into force on a Saturday), hence KALENDER.
INWERKINGTREDING_REGELS = {
    "dag-na-bekendmaking": (
        Termijnregel(1, Eenheid.DAGEN, Telling.DAG_ERNA, Soort.KALENDER),
        "de dag na bekendmaking",
    ),
    "achtste-dag-na-bekendmaking": (
        Termijnregel(8, Eenheid.DAGEN, Telling.DAG_ERNA, Soort.KALENDER),
        "de achtste dag na bekendmaking (Gemeentewet art. 142, tenzij het besluit iets anders bepaalt)",
    ),
}


def inwerkingtreding(regel: str, bekendmaking: date) -> date:
    """The day a besluit enters into force under `regel`, counted from its bekendmaking."""
    try:
        termijnregel, _ = INWERKINGTREDING_REGELS[regel]
    except KeyError:
        raise DomeinFout(
            f"Onbekende regel voor inwerkingtreding '{regel}'; kies uit {', '.join(INWERKINGTREDING_REGELS)} "
            "of geef een datum."
        ) from None
    return bereken_termijn(termijnregel, bekendmaking).einde


def _naam(tekst: str | None, wat: str) -> str | None:
    if tekst is None:
        return None
    if not tekst.strip():
        raise DomeinFout(f"{wat} mag niet leeg zijn.")
    return tekst.strip()


def controleer_politieke_markt(
    bv: Besluitvorming, *, pm_datum: date, soort: SoortPolitiekeMarkt, voorzitter: str | None, zaal: str | None,
    spreekrecht: bool, max_spreektijd: int | None, insprekers: list[str], particuliere_insprekers: int,
    volgorde: list[str], datum: date,
) -> dict:
    if bv.besluit is not None and not bv.besluit.vernietigd:
        raise DomeinFout(
            f"De raad besloot al op {nl_datum(bv.besluit.datum)}; een politieke markt over dit voorstel kan niet meer."
        )
    if max_spreektijd is not None and max_spreektijd < 1:
        raise DomeinFout("De maximale spreektijd is ten minste 1 minuut.")
    if not spreekrecht and (max_spreektijd is not None or insprekers or particuliere_insprekers):
        raise DomeinFout("Spreektijd en insprekers horen bij spreekrecht; geef --spreekrecht of laat ze weg.")
    if particuliere_insprekers < 0:
        raise DomeinFout("Het aantal particuliere insprekers kan niet negatief zijn.")
    namen = [_naam(i, "De naam van een inspreker") for i in insprekers]
    if len(set(namen)) != len(namen):
        raise DomeinFout("Een inspreker staat er meer dan eens in.")
    if pm_datum < datum:
        raise DomeinFout(
            f"De politieke markt van {nl_datum(pm_datum)} ligt vóór de dag waarop ze gepland werd "
            f"({nl_datum(datum)}); geef met --datum de dag van plannen (uiterlijk de dag van de politieke markt)."
        )
    return dict(
        pm_datum=pm_datum, soort=soort.value, voorzitter=_naam(voorzitter, "De voorzitter"),
        zaal=_naam(zaal, "De zaal"), spreekrecht=spreekrecht, max_spreektijd=max_spreektijd,
        insprekers=namen, particuliere_insprekers=particuliere_insprekers,
        volgorde=[_naam(v, "Een onderdeel van de volgorde") for v in volgorde],
    )


def controleer_agenderen(bv: Besluitvorming, agenda: Raadsagenda | None, *, zaaknummer: str, vergaderdatum: date,
                         code: str, behandeling: str | None, datum: date) -> str:
    if (a := bv.agendering) is not None:
        raise DomeinFout(
            f"Zaak {zaaknummer} staat al op de agenda van de raad van {nl_datum(a.vergaderdatum)} als {a.code}; "
            "wijzig dat met 'zaakstroom raad agenda-wijzig'."
        )
    code = controleer_agendapunt(code, behandeling, bv)
    if waarom := ontbrekende_politieke_markt(bv, code, vergaderdatum):
        # Refused here, not only at the raadsbesluit: once on the agenda (status 'raad') no
        # politieke markt can be planned any more.
        later = bv.oordeelsvormende_markten()
        uitweg = (
            f"Agendeer het voor een raadsvergadering op of na {nl_datum(later[0].datum)}." if later else
            f"Plan eerst de oordeelsvormende politieke markt, uiterlijk op {nl_datum(vergaderdatum)} ('zaakstroom raad "
            f"politieke-markt {zaaknummer} DATUM_PM --soort oordeelsvormend'), of agendeer het voorstel in sectie D "
            "(bv. D01) als het zonder politieke markt naar de raad mag."
        )
        raise DomeinFout(f"{waarom} {uitweg}")
    if vergaderdatum < datum:
        raise DomeinFout(
            f"De raadsvergadering van {nl_datum(vergaderdatum)} ligt vóór de dag van agenderen ({nl_datum(datum)}); "
            "geef met --datum de dag waarop het voorstel werd geagendeerd."
        )
    if agenda is not None:
        agenda.controleer_vrij(code, zaaknummer)
    return code


def controleer_agendawijziging(bv: Besluitvorming, agenda: Raadsagenda, *, zaaknummer: str, code: str,
                               behandeling: str | None, datum: date, reden: str | None) -> str:
    a = huidige_agendering(bv, zaaknummer)
    if not reden or not reden.strip():
        raise DomeinFout("Een wijziging van de agenda vraagt een reden (--reden), bv. het verzoek van een fractie.")
    if datum > a.vergaderdatum:
        raise DomeinFout(
            f"De agenda van de raad van {nl_datum(a.vergaderdatum)} kan tot en met die dag worden gewijzigd "
            f"(uiterlijk bij de vaststelling van de agenda, A02), niet op {nl_datum(datum)}."
        )
    nieuw = controleer_agendapunt(code, behandeling, bv)
    if nieuw == a.code:
        raise DomeinFout(f"Zaak {zaaknummer} staat al als {nieuw} op de agenda.")
    if waarom := ontbrekende_politieke_markt(bv, nieuw, a.vergaderdatum):
        raise DomeinFout(f"{waarom} {_op_de_agenda_zonder_politieke_markt(a, zaaknummer)}")
    agenda.controleer_vrij(nieuw, zaaknummer)
    return nieuw


def controleer_raadsbesluit(bv: Besluitvorming, *, zaaknummer: str, uitkomst: Uitkomst, beslispunten: list[str],
                            datum: date) -> dict:
    a = huidige_agendering(bv, zaaknummer)
    if datum < a.vergaderdatum:
        raise DomeinFout(
            f"De raad besluit in zijn vergadering van {nl_datum(a.vergaderdatum)}, niet op {nl_datum(datum)}."
        )
    punten = [p.strip() for p in beslispunten]
    if any(not p for p in punten):
        raise DomeinFout("Een beslispunt mag niet leeg zijn.")
    if not punten and uitkomst in (Uitkomst.VASTGESTELD, Uitkomst.GEWIJZIGD_VASTGESTELD):
        raise DomeinFout(f"Een raadsbesluit ({uitkomst.value}) heeft ten minste één beslispunt (--beslispunt).")
    return dict(uitkomst=uitkomst.value, beslispunten=punten)


def controleer_bekendmaking(bv: Besluitvorming, zaaknummer: str, vindplaats: str | None) -> dict:
    b = bv.besluit
    if b is None:
        raise DomeinFout(f"Zaak {zaaknummer} heeft nog geen raadsbesluit om bekend te maken.")
    if b.uitkomst not in (Uitkomst.VASTGESTELD, Uitkomst.GEWIJZIGD_VASTGESTELD):
        raise DomeinFout(
            f"Het voorstel is {b.uitkomst.value}: er is geen besluit om bekend te maken; sluit de zaak af "
            f"met 'zaakstroom zaak afsluiten {zaaknummer} --resultaat {b.uitkomst.value}'."
        )
    return dict(vindplaats=_naam(vindplaats, "De vindplaats"))


def controleer_inwerkingtreding(bv: Besluitvorming, *, zaaknummer: str, regel: str | None, op: date | None) -> dict:
    b = bv.besluit
    if b is None or b.bekendmaking is None:
        raise DomeinFout(
            f"Het besluit van zaak {zaaknummer} is nog niet bekendgemaakt; een besluit treedt niet in werking "
            "voordat het is bekendgemaakt (Awb 3:40). Leg eerst de bekendmaking vast ('zaakstroom raad bekendmaking')."
        )
    if (regel is None) == (op is None):
        raise DomeinFout("Geef de datum van inwerkingtreding óf de regel (bv. dag-na-bekendmaking), niet beide.")
    if op is None:
        op = inwerkingtreding(regel, b.bekendmaking)
    elif op < b.bekendmaking:
        raise DomeinFout(
            f"Een besluit treedt niet in werking voordat het is bekendgemaakt (Awb 3:40): {nl_datum(op)} ligt vóór "
            f"de bekendmaking op {nl_datum(b.bekendmaking)}. Terugwerkende kracht regelt het besluit zelf."
        )
    return dict(regel=regel, inwerkingtreding=op)


def controleer_beroep(bv: Besluitvorming, *, zaaknummer: str, indiener: str | None, particulier: bool,
                      instantie: str, datum: date, verzonden: date | None = None) -> dict:
    b = bv.besluit
    if b is None or b.bekendmaking is None:
        raise DomeinFout(f"Het besluit van zaak {zaaknummer} is nog niet bekendgemaakt; beroep kan daarna.")
    if b.uitspraak is not None:
        raise DomeinFout(
            f"Over het beroep tegen dit besluit is al uitspraak gedaan ({nl_datum(b.uitspraak[0])})."
        )
    if (indiener is None) == (not particulier):
        raise DomeinFout(
            "Geef de indiener als organisatie (--indiener) óf geef --particulier: de naam van een particulier is "
            "een persoonsgegeven en wordt niet vastgelegd (hij krijgt een pseudoniem)."
        )
    if verzonden is not None and verzonden > datum:
        raise DomeinFout(
            f"De verzenddatum ({nl_datum(verzonden)}) ligt na de ontvangst van het beroepschrift ({nl_datum(datum)})."
        )
    if particulier:
        volgnummer = sum(x.indiener.startswith("Appellant ") for x in b.beroepen) + 1
        indiener = f"Appellant {volgnummer}"
    # The zienswijzen's rule (Awb 6:9): received by the last day, or posted by then and received within a
    # week. Received on the day of bekendmaking, before the term began, is on time: the besluit existed
    # (6:10 lid 1 sub a). A late beroep is still recorded: the court decides on it (6:11).
    oordeel = None if b.beroepstermijn is None else tijdigheid(*b.beroepstermijn, datum, verzonden)
    return dict(indiener=_naam(indiener, "De indiener"), instantie=_naam(instantie, "De instantie"),
                binnen_termijn=None if oordeel is None else oordeel != TE_LAAT, verzonden=verzonden,
                tijdigheid=oordeel)


def controleer_uitspraak(bv: Besluitvorming, zaaknummer: str) -> Raadsbesluit:
    b = bv.besluit
    if b is None or not b.beroepen:
        raise DomeinFout(
            f"Tegen het besluit van zaak {zaaknummer} is geen beroep ingesteld; een uitspraak kan alleen na beroep "
            "('zaakstroom raad beroep')."
        )
    if b.uitspraak is not None:
        raise DomeinFout(f"Over dit beroep is al uitspraak gedaan op {nl_datum(b.uitspraak[0])}.")
    return b


def controleer_onherroepelijk(bv: Besluitvorming, zaaknummer: str, beroepstermijn: Termijn | None) -> dict:
    """Onherroepelijk per the day after the beroepstermijn of a bekendgemaakt besluit."""
    b = bv.besluit
    if b is None or b.bekendmaking is None or beroepstermijn is None:
        raise DomeinFout(
            f"Zaak {zaaknummer} heeft geen bekendgemaakt besluit met een beroepstermijn; het wordt onherroepelijk "
            "als die termijn zonder beroep is verstreken."
        )
    return dict(per=beroepstermijn.einde + timedelta(days=1))


# --- events on the Zaak -------------------------------------------------------


class PolitiekeMarktGepland(Zaak.Event):
    pm_datum: date
    soort: str
    voorzitter: str | None
    zaal: str | None
    spreekrecht: bool
    max_spreektijd: int | None
    insprekers: list[str]
    particuliere_insprekers: int
    volgorde: list[str]

    def apply(self, zaak: Zaak) -> None:
        wijzigbare_toestand(zaak).politieke_markten.append(PolitiekeMarkt(
            self.pm_datum, SoortPolitiekeMarkt(self.soort), self.voorzitter, self.zaal, self.spreekrecht,
            self.max_spreektijd, list(self.insprekers), self.particuliere_insprekers, list(self.volgorde), self.datum,
        ))


class Geagendeerd(Zaak.Event):
    vergaderdatum: date
    agendacode: str

    def apply(self, zaak: Zaak) -> None:
        wijzigbare_toestand(zaak).agenderingen.append(Agendering(self.vergaderdatum, self.agendacode, self.datum))


class AgendapuntGewijzigd(Zaak.Event):
    vergaderdatum: date
    oud: str
    nieuw: str

    def apply(self, zaak: Zaak) -> None:
        a = wijzigbare_toestand(zaak).agendering
        a.wijzigingen.append({"datum": self.datum, "oud": self.oud, "nieuw": self.nieuw, "reden": self.reden})
        a.code = self.nieuw


class RaadsbesluitGenomen(Zaak.Event):
    uitkomst: str
    beslispunten: list[str]

    def apply(self, zaak: Zaak) -> None:
        bv = wijzigbare_toestand(zaak)
        a = bv.agendering
        a.uitkomst = Uitkomst(self.uitkomst)
        bv.besluiten.append(Raadsbesluit(self.datum, a.vergaderdatum, a.code, a.uitkomst, list(self.beslispunten)))


class Bekendgemaakt(Zaak.Event):
    vindplaats: str | None
    beroepstermijn_eerste_dag: date | None
    beroepstermijn_einde: date | None

    def apply(self, zaak: Zaak) -> None:
        b = wijzigbare_toestand(zaak).besluit
        b.bekendmaking, b.vindplaats = self.datum, self.vindplaats
        if self.beroepstermijn_einde is not None:
            b.beroepstermijn = (self.beroepstermijn_eerste_dag, self.beroepstermijn_einde)


class InwerkingtredingVastgelegd(Zaak.Event):
    regel: str | None
    inwerkingtreding: date

    def apply(self, zaak: Zaak) -> None:
        b = wijzigbare_toestand(zaak).besluit
        b.inwerkingtreding, b.inwerkingtreding_regel = self.inwerkingtreding, self.regel


class BeroepIngesteld(Zaak.Event):
    indiener: str
    instantie: str
    binnen_termijn: bool | None
    verzonden: date | None = None  # defaults: events recorded before --verzonden existed lack these
    tijdigheid: str | None = None

    def apply(self, zaak: Zaak) -> None:
        wijzigbare_toestand(zaak).besluit.beroepen.append(Beroep(
            self.datum, self.indiener, self.instantie, self.binnen_termijn, self.verzonden, self.tijdigheid,
        ))


class UitspraakGedaan(Zaak.Event):
    uitkomst: str

    def apply(self, zaak: Zaak) -> None:
        b = wijzigbare_toestand(zaak).besluit
        b.uitspraak = (self.datum, UitspraakUitkomst(self.uitkomst))
        if b.uitspraak[1].besluit_blijft:
            b.onherroepelijk_per = self.datum


class OnherroepelijkGeworden(Zaak.Event):
    per: date  # the day after the beroepstermijn ended

    def apply(self, zaak: Zaak) -> None:
        wijzigbare_toestand(zaak).besluit.onherroepelijk_per = self.per


# --- the agenda of one raadsvergadering ---------------------------------------

RAADSAGENDA_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/raadsagenda")


def raadsagenda_id(vergaderdatum: date) -> UUID:
    return uuid5(RAADSAGENDA_NAMESPACE, vergaderdatum.isoformat())


class Raadsagenda(Aggregate):
    """Which zaak has which agendacode in the raadsvergadering of one day."""

    class Event(Gebeurtenis):
        """Who, when it took effect, and why: domain.basis.Gebeurtenis."""

    class Aangemaakt(Event, Aggregate.Created):
        vergaderdatum: date

        def apply(self, agenda: Raadsagenda) -> None:
            agenda.vergaderdatum = self.vergaderdatum
            agenda.punten = {}  # code -> zaaknummer

    class PuntGeagendeerd(Event):
        code: str
        zaaknummer: str

        def apply(self, agenda: Raadsagenda) -> None:
            agenda.punten[self.code] = self.zaaknummer

    class PuntGewijzigd(Event):
        oud: str
        nieuw: str
        zaaknummer: str

        def apply(self, agenda: Raadsagenda) -> None:
            del agenda.punten[self.oud]
            agenda.punten[self.nieuw] = self.zaaknummer

    @classmethod
    def maak(cls, vergaderdatum: date, *, actor: str, datum: date, reden: str | None) -> Raadsagenda:
        return cls._create(cls.Aangemaakt, id=raadsagenda_id(vergaderdatum), vergaderdatum=vergaderdatum,
                           actor=actor, datum=datum, reden=reden)

    def controleer_vrij(self, code: str, zaaknummer: str) -> None:
        bezet = self.punten.get(code)
        if bezet is not None and bezet != zaaknummer:
            raise DomeinFout(
                f"Agendapunt {code} van de raad van {nl_datum(self.vergaderdatum)} is al zaak {bezet}; "
                f"bezet: {', '.join(sorted(self.punten))}."
            )

    def agendeer(self, code: str, zaaknummer: str, *, actor: str, datum: date, reden: str | None) -> None:
        self.controleer_vrij(code, zaaknummer)
        self.trigger_event(self.PuntGeagendeerd, code=code, zaaknummer=zaaknummer,
                           actor=actor, datum=datum, reden=reden)

    def wijzig(self, oud: str, nieuw: str, zaaknummer: str, *, actor: str, datum: date, reden: str | None) -> None:
        self.controleer_vrij(nieuw, zaaknummer)
        self.trigger_event(self.PuntGewijzigd, oud=oud, nieuw=nieuw, zaaknummer=zaaknummer,
                           actor=actor, datum=datum, reden=reden)
