"""Ontvankelijkheid van een zienswijze: is zij op tijd ingediend?

Awb 3:16 lid 3 verklaart de regels voor bezwaarschriften van overeenkomstige
toepassing op zienswijzen:
- 6:9 lid 1: tijdig als zij vóór het einde van de termijn is ontvangen, dus
  uiterlijk op de laatste dag (die de Algemene termijnenwet al kan hebben verlengd);
- 6:9 lid 2: per post tijdig als zij vóór het einde van de termijn ter post is
  bezorgd en niet later dan een week na afloop van de termijn is ontvangen;
- 6:10 lid 1: vóór het begin van de termijn ingediend, maar toen het ontwerp al
  bestond (sub a): geen niet-ontvankelijkverklaring; bestond het nog niet, dan ook
  niet als de indiener redelijkerwijs kon menen dat het al bestond (sub b: een
  oordeel van een persoon, met reden, buiten deze regels);
- 6:11: een te late zienswijze is toch ontvankelijk als een persoon de
  termijnoverschrijding verschoonbaar acht (ook een oordeel met reden).
`tijdigheid` is de regel van 6:9 zelf; ook beroepschriften (besluitvorming) worden ermee beoordeeld.
Zuivere regels: geen I/O, de termijn en de datums worden meegegeven.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.termijnen import Termijn

TIJDIG = "tijdig"
TIJDIG_PER_POST = "tijdig per post"
VOOR_TERMIJN = "voor de termijn, ontwerp bestond"
TE_VROEG = "te vroeg"
TE_VROEG_GEMEEND = "te vroeg, bestaan ontwerp redelijkerwijs gemeend"  # 6:10 lid 1 sub b
TE_LAAT = "te laat"
VERSCHOONBAAR = "verschoonbaar"
VOOR_BEGIN = "voor het begin van de termijn"  # tijdigheid: 6:10 beslist

POSTWEEK = timedelta(days=7)  # 6:9 lid 2: "niet later dan een week na afloop", in kalenderdagen


@dataclass(frozen=True)
class Zienswijzetermijn:
    eerste_dag: date
    einde: date  # de laatste dag, na toepassing van de Algemene termijnenwet
    onverlengd_einde: date  # de laatste dag zonder de Atw
    ontwerp_sinds: date | None  # sinds wanneer het ontwerp bestond; None: niet vastgelegd

    @classmethod
    def uit(cls, termijn: Termijn, ontwerp_sinds: date | None) -> Zienswijzetermijn:
        return cls(termijn.eerste_dag, termijn.einde, termijn.onverlengd_einde, ontwerp_sinds)

    def beschrijving(self) -> str:
        tekst = f"de zienswijzetermijn van {nl_datum(self.eerste_dag)} tot en met {nl_datum(self.einde)}"
        if self.einde != self.onverlengd_einde:
            tekst += (f" (de termijn zou op {nl_datum(self.onverlengd_einde)} eindigen en is op grond van "
                      "de Algemene termijnenwet verlengd)")
        return tekst


@dataclass(frozen=True)
class Ontvankelijkheid:
    ontvankelijk: bool
    uitkomst: str
    reden: str

    def als_record(self) -> dict:
        return {"ontvankelijk": self.ontvankelijk, "uitkomst": self.uitkomst, "reden": self.reden}


def tijdigheid(eerste_dag: date, einde: date, ontvangstdatum: date, verzenddatum: date | None = None) -> str:
    """Awb 6:9 for a document received on `ontvangstdatum` (posted on `verzenddatum`) against the term
    `eerste_dag` t/m `einde` (its last day after the Algemene termijnenwet): TIJDIG (lid 1),
    TIJDIG_PER_POST (lid 2: posted by the last day, received within a week after), TE_LAAT, or
    VOOR_BEGIN (received before the term began: 6:10 decides)."""
    if verzenddatum is not None and verzenddatum > ontvangstdatum:
        raise DomeinFout(
            f"De verzenddatum ({nl_datum(verzenddatum)}) ligt na de ontvangstdatum ({nl_datum(ontvangstdatum)})."
        )
    if ontvangstdatum < eerste_dag:
        return VOOR_BEGIN
    if ontvangstdatum <= einde:
        return TIJDIG
    if verzenddatum is not None and verzenddatum <= einde and ontvangstdatum <= einde + POSTWEEK:
        return TIJDIG_PER_POST
    return TE_LAAT


def beoordeel(termijn: Zienswijzetermijn, ontvangstdatum: date, verzenddatum: date | None = None) -> Ontvankelijkheid:
    """Decide whether a zienswijze received on `ontvangstdatum` (posted on `verzenddatum`) is on time."""
    uitkomst = tijdigheid(termijn.eerste_dag, termijn.einde, ontvangstdatum, verzenddatum)
    ontvangen = f"Ontvangen op {nl_datum(ontvangstdatum)}"
    if uitkomst == TIJDIG:
        return Ontvankelijkheid(True, TIJDIG, f"{ontvangen}, binnen {termijn.beschrijving()}: "
                                              "tijdig (Awb 3:16 lid 3 en 6:9 lid 1).")
    if uitkomst == VOOR_BEGIN:
        return _voor_de_termijn(termijn, ontvangstdatum, ontvangen)
    uiterlijk = termijn.einde + POSTWEEK
    if verzenddatum is not None and verzenddatum <= termijn.einde:
        verzonden = f"Per post verzonden op {nl_datum(verzenddatum)}, uiterlijk op de laatste dag van {termijn.beschrijving()}"
        if uitkomst == TIJDIG_PER_POST:
            return Ontvankelijkheid(
                True, TIJDIG_PER_POST,
                f"{verzonden}, en ontvangen op {nl_datum(ontvangstdatum)}, niet later dan een week na afloop "
                f"van de termijn (uiterlijk {nl_datum(uiterlijk)}): tijdig (Awb 6:9 lid 2).",
            )
        return Ontvankelijkheid(
            False, TE_LAAT,
            f"{verzonden}, maar pas ontvangen op {nl_datum(ontvangstdatum)}, later dan een week na afloop van de "
            f"termijn (uiterlijk {nl_datum(uiterlijk)}): te laat (Awb 6:9 lid 2). {_TENZIJ}",
        )
    verzonden = f" en per post verzonden op {nl_datum(verzenddatum)}" if verzenddatum else ""
    return Ontvankelijkheid(
        False, TE_LAAT,
        f"{ontvangen}{verzonden}, na afloop van {termijn.beschrijving()}: te laat (Awb 6:9). {_TENZIJ}",
    )


_TENZIJ = "Niet-ontvankelijk, tenzij de termijnoverschrijding verschoonbaar wordt geacht (Awb 6:11)."


def _voor_de_termijn(termijn: Zienswijzetermijn, ontvangstdatum: date, ontvangen: str) -> Ontvankelijkheid:
    begin = f"vóór het begin van de termijn op {nl_datum(termijn.eerste_dag)}"
    if termijn.ontwerp_sinds is None:
        raise DomeinFout(
            f"{ontvangen}, {begin}. Of die zienswijze ontvankelijk is, hangt af van de vraag of het ontwerp toen al "
            "bestond (Awb 6:10); leg eerst de datum van het ontwerp vast met 'zienswijze kennisgeving … --ontwerp-datum'."
        )
    if ontvangstdatum >= termijn.ontwerp_sinds:
        return Ontvankelijkheid(
            True, VOOR_TERMIJN,
            f"{ontvangen}, {begin}, maar het ontwerp bestond toen al (sinds {nl_datum(termijn.ontwerp_sinds)}): "
            "ontvankelijk (Awb 3:16 lid 3 en 6:10).",
        )
    return Ontvankelijkheid(
        False, TE_VROEG,
        f"{ontvangen}, {begin} en voordat het ontwerp bestond (sinds {nl_datum(termijn.ontwerp_sinds)}): "
        "geen zienswijze op het ontwerp, niet-ontvankelijk (Awb 6:10 lid 1), tenzij de indiener redelijkerwijs "
        "kon menen dat het ontwerp al bestond (sub b).",
    )


def verschoonbaar(beoordeling: Ontvankelijkheid, reden: str | None, door: str) -> Ontvankelijkheid:
    """A person's reasoned decision that a zienswijze from outside the term is ontvankelijk after all:
    late, but the lateness is excusable (Awb 6:11); or early, before the ontwerp existed, but the
    indiener could reasonably think it did (Awb 6:10 lid 1 sub b). The recorded judgment decides
    which ground applies, so the person cannot cite the wrong one."""
    if beoordeling.uitkomst not in (TE_LAAT, TE_VROEG):
        raise DomeinFout(
            "Verschoonbaar verklaren kan alleen bij een te late zienswijze (Awb 6:11) of bij een te vroege, "
            f"ingediend voordat het ontwerp bestond (Awb 6:10 lid 1 sub b); deze is '{beoordeling.uitkomst}'."
        )
    te_vroeg = beoordeling.uitkomst == TE_VROEG
    if not reden or not reden.strip():
        waarom = ("waarom kon de indiener redelijkerwijs menen dat het ontwerp al bestond?" if te_vroeg
                  else "waarom is de te late indiening verschoonbaar?")
        raise DomeinFout(f"Verschoonbaar verklaren vraagt een reden (--reden): {waarom}")
    if te_vroeg:
        return Ontvankelijkheid(
            True, TE_VROEG_GEMEEND,
            f"Ingediend voordat het ontwerp bestond, maar volgens {door} kon de indiener redelijkerwijs menen dat "
            f"het al bestond (Awb 6:10 lid 1 sub b): {reden.strip()}",
        )
    return Ontvankelijkheid(
        True, VERSCHOONBAAR,
        f"Te laat, maar door {door} verschoonbaar geacht (Awb 6:11): {reden.strip()}",
    )
