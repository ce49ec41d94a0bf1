"""The Nota zienswijzen of a zaak, as a structure (rendering is in workflow/nota_opmaak.py).

Its parts follow the seed's Nota zienswijzen (zaak 3261787, 18 mei 2022):
I INLEIDING (publication, term, count), II SAMENVATTING VAN EN REACTIE OP DE
ZIENSWIJZEN (per indiener in order of receipt: "Indiener 1 d.d. 9 juli 2021",
samenvatting en kern, reactie, a closing sentence), III CONCLUSIE EN VOORSTEL.
Anonymous unless `intern` is asked for (with a reason; recorded per zienswijze);
overige reacties (late, informal) are not part of it. The nota of a day is built
from the facts that had taken effect on that day (zienswijzen registered, answers
given, standaardreacties added, verschoonbaar verklaard), so printing it again
later gives the same document. Reads everything through the application's
plain-value queries.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from domain.datums import nl_datum
from domain.fouten import DomeinFout
from domain.ontvankelijkheid import TE_VROEG_GEMEEND, TIJDIG, TIJDIG_PER_POST, VERSCHOONBAAR, VOOR_TERMIJN
from domain.zienswijze import alineas

TITEL = "Nota zienswijzen"
ANONIEM = "ANONIEM"
INTERN = "INTERN — bevat persoonsgegevens, niet openbaar maken"
_TELWOORDEN = ("geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def stel_op(app, zaaknummer: str, *, datum: date | None = None, intern: bool = False, actor: str | None = None,
            reden: str | None = None, voorstel: str | None = None) -> dict:
    """The nota d.d. `datum` (default today; never in the future: it shows what existed on that day)."""
    datum = app.kern.datum(datum)
    if app.dienst("zienswijzen").inspraak(zaaknummer)["ter_inzage"] is None:
        raise DomeinFout(f"Zaak {zaaknummer} is nooit ter inzage gelegd; er is geen nota zienswijzen te maken.")
    inspraak = app.dienst("zienswijzen").inspraak(zaaknummer, per=datum)
    if inspraak["ter_inzage"] is None:
        raise DomeinFout(f"Zaak {zaaknummer} lag op {nl_datum(datum)} nog niet ter inzage; er is geen nota "
                         "zienswijzen van die dag.")
    zienswijzen = [z for z in app.dienst("zienswijzen").zienswijzen_van(zaaknummer, per=datum) if z["soort"] == "zienswijze"]
    if intern:
        indieners = app.dienst("zienswijzen").toon_indieners(
            [z["kenmerk"] for z in zienswijzen], actor=actor, reden=reden,
            wat=f"de interne nota zienswijzen d.d. {nl_datum(datum)}")
        zienswijzen = [{**z, "indiener": indieners[z["kenmerk"]]} for z in zienswijzen]
    kennisgeving = inspraak["kennisgeving"] or {}
    ontwerp = kennisgeving.get("ontwerp") or f"het ontwerp “{inspraak['omschrijving']}”"
    hierna = kennisgeving.get("hierna") or "het ontwerp"
    return {
        "titel": f"{TITEL} d.d. {nl_datum(datum)}",
        "markering": INTERN if intern else ANONIEM,
        "anoniem": not intern,
        "concept": any(not z["beantwoord"] for z in zienswijzen),
        "datum": datum,
        "zaaknummer": zaaknummer,
        "onderwerp": inspraak["omschrijving"],
        "hoofdstukken": [
            {"nummer": "I", "titel": "INLEIDING", "alineas": _inleiding(inspraak, kennisgeving, ontwerp, zienswijzen)},
            {"nummer": "II", "titel": "SAMENVATTING VAN EN REACTIE OP DE ZIENSWIJZEN",
             "alineas": [] if zienswijzen else ["Er zijn geen zienswijzen ingediend."],
             "zienswijzen": [_per_indiener(z, hierna, intern) for z in zienswijzen]},
            {"nummer": "III", "titel": "CONCLUSIE EN VOORSTEL",
             "alineas": _conclusie(zienswijzen, ontwerp, hierna, voorstel)},
        ],
    }


def telwoord(n: int) -> str:
    return _TELWOORDEN[n] if n < len(_TELWOORDEN) else str(n)


def periode(van: date, tot: date) -> str:
    """"30 juni tot en met 10 augustus 2021": the year once when both days share it, as the seed writes it."""
    begin = nl_datum(van).removesuffix(f" {van.year}") if van.year == tot.year else nl_datum(van)
    return f"{begin} tot en met {nl_datum(tot)}"


def _hoofdletter(woord: str) -> str:
    """At the start of a sentence: "Eén" (Taalunie), "Twee"."""
    return "Eén" + woord[3:] if woord.startswith("één") else woord[:1].upper() + woord[1:]


def opsomming(delen: list[str]) -> str:
    """"a", "a en b", "a, b en c"."""
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def _zienswijzen(n: int) -> str:
    return f"{telwoord(n)} {'zienswijze' if n == 1 else 'zienswijzen'}"


def _inleiding(inspraak: dict, kennisgeving: dict, ontwerp: str, zienswijzen: list[dict]) -> list[str]:
    t = inspraak["ter_inzage"]
    hierna = f" (hierna: {kennisgeving['hierna']})" if kennisgeving.get("hierna") else ""
    ligging = f"van {periode(t['eerste_dag'], t['einde'])} ter inzage gelegen"
    if kennisgeving:
        zin = f"Na voorafgaande publicatie in {kennisgeving['publicatie']} heeft {ontwerp}{hierna} {ligging}."
    else:
        zin = f"{ontwerp[0].upper()}{ontwerp[1:]}{hierna} heeft {ligging}."
    uitkomsten = Counter(z["ontvankelijkheid"]["uitkomst"] for z in zienswijzen)
    tijdig = [z for z in zienswijzen if z["ontvankelijkheid"]["uitkomst"] in (TIJDIG, TIJDIG_PER_POST)]
    zinnen = [zin, "Binnen de termijn van terinzagelegging " + _aantal_ingediend(tijdig) + "."]
    if n := uitkomsten[VOOR_TERMIJN]:
        zinnen.append(f"Daarnaast {'is' if n == 1 else 'zijn'} vóór het begin van de termijn {_zienswijzen(n)} "
                      f"ingediend toen het ontwerp al bestond; {'die is' if n == 1 else 'die zijn'} ontvankelijk (Awb 6:10).")
    if n := uitkomsten[TE_VROEG_GEMEEND]:
        zinnen.append(f"Vóór het begin van de termijn {'is' if n == 1 else 'zijn'} {_zienswijzen(n)} ingediend "
                      f"voordat het ontwerp bestond, terwijl {'de indiener' if n == 1 else 'de indieners'} "
                      f"redelijkerwijs {'kon' if n == 1 else 'konden'} menen dat het al bestond (Awb 6:10 lid 1 "
                      f"sub b); {'die is' if n == 1 else 'die zijn'} hierna meegenomen.")
    if n := uitkomsten[VERSCHOONBAAR]:
        zinnen.append(f"Na afloop van de termijn {'is' if n == 1 else 'zijn'} {_zienswijzen(n)} ingediend waarvan "
                      f"de termijnoverschrijding verschoonbaar is geacht (Awb 6:11); {'die is' if n == 1 else 'die zijn'} hierna "
                      "meegenomen.")
    return [" ".join(zinnen)]


def _aantal_ingediend(zienswijzen: list[dict]) -> str:
    n = len(zienswijzen)
    if n == 0:
        return "zijn geen zienswijzen ingediend"
    werkwoord = "is" if n == 1 else "zijn"
    vormen = Counter(z["vorm"] for z in zienswijzen)
    if len(vormen) == 1:
        bijvoeglijk = {"schriftelijk": "schriftelijke", "mondeling": "mondelinge"}[next(iter(vormen))]
        return f"{werkwoord} {telwoord(n)} {bijvoeglijk} {'zienswijze' if n == 1 else 'zienswijzen'} ingediend"
    return (f"{werkwoord} {_zienswijzen(n)} ingediend: {telwoord(vormen['schriftelijk'])} schriftelijk en "
            f"{telwoord(vormen['mondeling'])} mondeling")


def _per_indiener(z: dict, hierna: str, intern: bool) -> dict:
    a = z["antwoord"]
    if a is None:
        reactie, conclusie = [], "Deze zienswijze is nog niet beantwoord."
    else:
        reactie = alineas(a["volledig"])
        if a["leidt_tot_aanpassing"]:
            wat = a["wat_gewijzigd"].rstrip(".")
            conclusie = f"De zienswijze van indiener leidt tot aanpassing van {hierna}: {wat}."
        else:
            conclusie = f"De zienswijze van indiener geeft geen aanleiding {hierna} aan te passen."
    entry = {
        "kop": z["aanduiding"],
        "samenvatting": alineas(z["samenvatting"]),
        "reactie": reactie,
        "conclusie": conclusie,
    }
    if intern:
        entry["kenmerk"] = z["kenmerk"]
        entry["indiener"] = _identiteit(z["indiener"])
    return entry


def _identiteit(indiener: dict | str | None) -> str:
    if indiener is None:
        return "(geen persoonsgegevens vastgelegd)"
    if isinstance(indiener, str):
        return indiener  # "[gewist op …]"
    return ", ".join(indiener[k] for k in ("naam", "adres", "email") if indiener.get(k))


def _conclusie(zienswijzen: list[dict], ontwerp: str, hierna: str, voorstel: str | None) -> list[str]:
    if not zienswijzen:
        return [voorstel or f"Voorgesteld wordt {hierna} ongewijzigd ter vaststelling aan te bieden aan de raad."]
    n = len(zienswijzen)
    beantwoord = [z for z in zienswijzen if z["beantwoord"]]
    aangepast = [z for z in beantwoord if z["antwoord"]["leidt_tot_aanpassing"]]
    open_ = [z["aanduiding"] for z in zienswijzen if not z["beantwoord"]]
    if not aangepast:
        onderwerp = "De zienswijze geeft" if n == 1 else "De zienswijzen geven"
        conclusie = f"{onderwerp} geen aanleiding om wijzigingen aan te brengen in {ontwerp}."
    else:
        wijzigingen = "; ".join(f"{z['aanduiding']}: {z['antwoord']['wat_gewijzigd'].rstrip('.')}" for z in aangepast)
        conclusie = (f"{_hoofdletter(telwoord(len(aangepast)))} van de {_zienswijzen(n)} "
                     f"{'leidt' if len(aangepast) == 1 else 'leiden'} tot aanpassing van {ontwerp}: {wijzigingen}.")
    if open_:
        conclusie += f" Nog niet beantwoord: {opsomming(open_)}."

    themas = Counter(t for z in zienswijzen for t in z["themas"])
    overzicht = []
    if themas:
        overzicht.append("Thema's: " + ", ".join(f"{t} ({k} van de {n})" for t, k in themas.most_common()) + ".")
    overzicht.append(f"Zienswijzen die tot aanpassing leiden: {len(aangepast)} van de {n}.")
    acties: dict[str, list[str]] = {}
    for z in beantwoord:
        for actie in z["antwoord"]["vervolgacties"]:
            acties.setdefault(actie, []).append(str(z["volgnummer"]))
    if acties:
        overzicht.append("Vervolgacties: " + "; ".join(
            f"{actie} (indiener {opsomming(nummers)})" for actie, nummers in acties.items()) + ".")

    if voorstel is None:
        hoe = "met de genoemde aanpassingen" if aangepast else "ongewijzigd"
        voorstel = f"Voorgesteld wordt {hierna} {hoe} ter vaststelling aan te bieden aan de raad."
    return [conclusie, " ".join(overzicht), voorstel]
