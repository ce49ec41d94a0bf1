"""The inspraak of zaak 3261787 (Nota zienswijzen d.d. 18 mei 2022, seed 000 L940–1142) as CLI steps,
and a look at the raw database for the tests of zienswijzen and the nota."""

from __future__ import annotations

HVZ = "3261787"
ONTWERP = "het concept van de Nota van Uitgangspunten Hart van Zuid Businessdistrict"

SAMENVATTING_1 = (
    "Indiener is van mening dat de concept nvu in strijd met het vertrouwensbeginsel en onrechtmatig is. Indiener "
    "refereert naar de brief van 11 september 2018 van het college van B&W. Indiener is van mening dat uitdrukkelijk "
    "is toegezegd dat er alleen een ondergeschikte hotelfunctie kan worden toegevoegd mits daar marktruimte voor is. "
    "Deze toezegging was volgens indiener een motivatie voor hen om “de handschoen op te pakken” en vanuit "
    "maatschappelijke betrokkenheid miljoenen te investeren in het Vereeniginggebouw. Indiener is van mening dat de "
    "hotelfunctie in de concept nvu niet als ondergeschikt kan worden gezien en dat het beoogde hotelprogramma moet "
    "worden geschrapt. Voorts stelt indiener dat als het hotelprogramma niet wordt geschrapt zij dan alle juridische "
    "middelen zal inzetten om de voorziene ontwikkelingen in het business district Hart van Zuid tegen te houden. Ook "
    "zal indiener de gemeente aansprakelijk stellen wegens onrechtmatige daad en zal zij schadevergoeding vorderen. En "
    "indiener sluit niet uit dat er sprake is van bedrog jegens haar.\n\n"
    "Indiener is van mening dat het gedane marktonderzoek van HTC naar hotelkamers niet alleen onvolledig is maar ook "
    "ondeugdelijk. Indiener stelt dat er, gezien het huidige aanbod, geen enkele ruimte is voor extra hotelkamers en "
    "voor een extra hotelfunctie."
)
SAMENVATTING_2 = (
    "Indiener is voorstander van het ontwikkelen van een groot stedelijk businessdistrict op en om de fundamenten van "
    "de oude Hofstede MTS en het terrein om het centraal station Twente (Hengelo). Indiener vindt het behoud van oude "
    "gebouwen door deze te revitaliseren naar nieuwe functies een waardevolle waarde creatie voor stad en omgeving. "
    "Indiener is het met de ontwikkeling van een hotel volledig oneens dit ten aanzien van de onderneming in het "
    "Voormalige Verenigingsgebouw van Stork dat voor heel veel geld is opgeknapt, gerevitaliseerd en exploitabel is "
    "gemaakt conform het afgesproken Master plan hart van Zuid.\n\n"
    "Indiener verzoekt om de Nota van uitgangspunten business district hart van zuid gewijzigd vast te stellen en de "
    "hotelfunctie te schrappen en geen extra openbare commerciële horeca toe te voegen in Business district hart van Zuid."
)
SAMENVATTING_3 = (
    "Indiener ziet de concept nota een heel ambitieus plan voor Hengelo en is voor verbeteringen van de stad. Indiener "
    "zet echter bij dit plan grote vraagtekens in zake de ontwikkeling van 3.000 m2 hotel. Indiener zet vraagtekens bij "
    "de rapportage van HTC en de haalbaarheid van 80 kamers te realiseren op het middensegment en met name op de "
    "zakelijke gebruiker. Indiener geeft aan dat HTC dit haalbaar acht door de groei van het aantal nachten in Twente, "
    "maar indiener geeft aan dat Hengelo geen Twente is. Indiener stelt dat Hengelo net als Enschede een eigen zakelijke "
    "markt heeft. Indiener vindt het zeer van belang inzichtelijk te hebben wat de groei specifiek in Hengelo is, "
    "alvorens de conclusie te kunnen trekken dat de realisatie van een nieuw hotel haalbaar is in deze stad. Indiener "
    "ziet het aantal nachten van de zakelijker gebruiker de laatste jaren alleen maar dalen. Indiener vindt dat met de "
    "drie aanwezige hotels en de komst van het Vereenigingsgebouw de markt ruim voldoende bediend wordt. De komst van "
    "een nieuw hotel is niet te realiseren zonder de komst van nieuwe internationale bedrijven."
)

STANDAARDREACTIES = {
    "VEREENIGING": (
        "Het beoogde concept met een mix van wonen, werken en hotel dat in de nvu voor ogen staat is complementair aan "
        "de Vereeniging. De Vereeniging typeert zich als een “boetiekhotel” op 4 sterrenniveau met kamers vanaf 50 m2 "
        "(netto) oppervlak en een prijsstelling vanaf €150 per nacht (bron: www.grandcafedevereeniging.nl). De "
        "hotelfunctie in het concept van de nvu typeert zich als 3 sterren met een kameroppervlak van circa 20 m2 "
        "(netto) oppervlak en een prijsstelling rond de € 100 (bron: ontwikkelaar VincentSpikker BV)."
    ),
    "HTC": (
        "Het onderzoek van HTC, waarnaar in de concept nvu wordt verwezen, is van augustus 2019 en was een eerste "
        "verkenning voor de beoogde hotelketen (IBIS / Accorgroep) waarmee de ontwikkelaar contacten heeft."
    ),
    "ZKA": (
        "Gemeente heeft, mede naar aanleiding van de zienswijze van indiener, opdracht gegeven tot het doen van een "
        "nieuw onderzoek naar kwalitatieve en kwantitatieve marktruimte voor hotelkamers in Hengelo. Dit onderzoek is "
        "uitgevoerd door ZKA Leisure Consultants uit Den Bosch. Uit dit onderzoek blijkt o.a. dat, bij het beleidsrijke "
        "scenario waarbij Hengelo de ingezette koers in de binnenstad en Hart van Zuid vasthoudt, er een kwantitatieve "
        "marktruimte is van circa 95 tot 105 hotelkamers. Kwalitatief moet ingezet worden op hotelontwikkelingen in het "
        "centrum en Hart van Zuid voor zowel de zakelijke klant (door de week) als de toeristische klant (in het weekend "
        "en de vakantieperiodes) op een 3 sterrenniveau. Dat heeft mede te maken met de wens tot levendigheid en vermaak "
        "als ook de bereikbaarheid per auto en het openbaar vervoer."
    ),
    "KANSEN": (
        "Het beoogde concept uit de nvu biedt juist kansen voor de Vereeniging en haar exploitatie. Zowel de "
        "kantoorfunctie, de woonfunctie en hotelfunctie levert voor de Vereeniging juist veel potentiële klanten op. Het "
        "concept heeft niet een (horeca) voorziening op het niveau van de Vereeniging."
    ),
    "ZKA-CITAAT": (
        "In dit kader stelt ZKA het volgende: “De gebiedsontwikkeling Hart van Zuid zorgt ervoor dat nieuwe zakelijke "
        "gasten en toeristen in Hengelo overnachten. Dit zijn deels gasten die nu niet of in mindere mate naar Hengelo "
        "komen (markt vergrotende effecten).”"
    ),
}

REACTIE_1 = (
    "De renovatieplannen met betrekking tot het Vereenigingsgebouw bestonden al geruime tijd voor het overleg van 11 "
    "september 2018. Een intentieovereenkomst met daarin opgenomen de essentialia van de koopovereenkomst kwam tot stand "
    "op 28 januari 2016. De koopovereenkomst met betrekking tot het Vereenigingsgebouw dateert van 23 juni 2016. "
    "Partijen kwamen allonges op de koopovereenkomst overeen op 12 december 2016, 25 februari 2017, 27 juni 2017 en "
    "november 2018 ten aanzien van de verlenging van de leveringsdatum en de ontbindende voorwaarden. De "
    "eigendomsoverdracht van het Vereenigingsgebouw vond plaats op 18 juli 2019. In de koopovereenkomst is de "
    "verplichting tot afname van het Vereenigingsgebouw geregeld. Er zijn daarbij geen bedingen gemaakt aangaande "
    "ontwikkelingen in de nabije omgeving van het verkochte.\n\n"
    "Blijkens de concept nota van uitgangspunten is de hotelfunctie als onderdeel van het kwalitatieve concept van "
    "wezenlijke betekenis voor het Businessdistrict. Enkele citaten: “de invulling van circa 7.000 m2 kantoren en 3.000 "
    "m2 hotel van circa 80 kamers en circa 90 stuks studio’s en appartementen voldoet aan deze ambitieuze "
    "doelstelling”; en: “het creëren van een modern en eigentijds hotel is een prima invulling/ondersteuning op de 7.000 "
    "m2 bedrijven/kantoren. Uit onderzoek van HTC Advies bleek de locatie al snel geschikt voor circa 80 kamers, gericht "
    "op het middensegment, en met name de zakelijke gebruiker. Het hotel is het kloppend hart van de gehele "
    "ontwikkeling, opent ’s morgens als eerste de deuren en doet ’s avonds het licht uit”. Hier wordt vooral gedoeld op "
    "de ondersteunende diensten en services die het hotel kan bieden voor de kantoren en woningen.\n\n"
    "{{VEREENIGING}}\n\n{{HTC}}\n\n{{ZKA}}\n\n{{KANSEN}}\n\n{{ZKA-CITAAT}}\n\n"
    "De gemeente handelt derhalve niet in strijd met het gestelde in haar brief van 11 september 2018, zodat geen "
    "sprake is van onrechtmatig handelen of bedrog."
)

LATE_BRIEF = ("Bond Heemschut en Cuypersgenootschap, gezamenlijk: positief dat het wederopbouwcomplex Hofstede MTS "
              "een prominente plaats krijgt.")
VOORSTEL = "Voorgesteld wordt de NVU ter vaststelling aan te bieden aan de raad."


def registreer_en_leg_ter_inzage(zs) -> None:
    zs("zaak", "registreer", HVZ, "--zaaktype", "raadsvoorstel",
       "--omschrijving", "Nota van uitgangspunten Hart van Zuid De Koppeling",
       "--portefeuillehouder", "G. Gerrits", "--behandelaar", "K. van Ekeris", "--sector", "FYS-PVG",
       "--datum", "29-06-2021", "--actor", "k.vanekeris")
    zs("zaak", "stap", HVZ, "ter_inzage_leggen", "--datum", "30-06-2021", "--actor", "k.vanekeris")
    zs("zienswijze", "kennisgeving", HVZ, "--publicatie", "het Hengelo’s Weekblad", "--ontwerp", ONTWERP,
       "--hierna", "de concept NVU", "--ontwerp-datum", "29-06-2021", "--datum", "30-06-2021",
       "--actor", "k.vanekeris")


def dien_seed_zienswijzen_in(zs, *extra_1: str) -> None:
    """The three zienswijzen of the nota and the late letter of 8 December 2021."""
    for ontvangen, samenvatting, extra in [("09-07-2021", SAMENVATTING_1, extra_1), ("09-07-2021", SAMENVATTING_2, ()),
                                           ("12-07-2021", SAMENVATTING_3, ())]:
        zs("zienswijze", "indienen", HVZ, "--ontvangen", ontvangen, "--vorm", "schriftelijk",
           "--thema", "hotelprogramma", "--samenvatting", samenvatting, "--actor", "k.vanekeris", *extra)
    zs("zienswijze", "indienen", HVZ, "--ontvangen", "08-12-2021", "--thema", "erfgoed",
       "--samenvatting", LATE_BRIEF, "--actor", "k.vanekeris")


def beantwoord_seed(zs) -> None:
    for code, tekst in STANDAARDREACTIES.items():
        zs("standaardreactie", "toevoegen", HVZ, code, "--tekst", tekst, "--datum", "18-05-2022")
    gemeen = ("--geen-aanpassing", "--vervolgactie", "nader onderzoek", "--datum", "18-05-2022",
              "--actor", "k.vanekeris")
    zs("zienswijze", "beantwoorden", f"{HVZ}-1", "--reactie", REACTIE_1, *gemeen)
    zs("zienswijze", "beantwoorden", f"{HVZ}-2", *[a for c in ("VEREENIGING", "HTC", "ZKA", "KANSEN", "ZKA-CITAAT")
                                                  for a in ("--standaardreactie", c)], *gemeen)
    zs("zienswijze", "beantwoorden", f"{HVZ}-3", "--standaardreactie", "ZKA", "--standaardreactie", "ZKA-CITAAT",
       *gemeen)


def seed(zs, *extra_1: str) -> None:
    registreer_en_leg_ter_inzage(zs)
    dien_seed_zienswijzen_in(zs, *extra_1)
    beantwoord_seed(zs)


def tot_het_raadsbesluit(zs) -> None:
    """From zienswijzen beoordelen to the raad's besluit of 26 October 2022 (hamerstuk B01), as the scenario."""
    zs("zaak", "stap", HVZ, "zienswijzen_beoordelen", "--datum", "11-08-2021")
    zs("raad", "politieke-markt", HVZ, "04-10-2022", "--soort", "oordeelsvormend", "--datum", "20-09-2022")
    zs("raad", "agendeer", HVZ, "26-10-2022", "B01", "--behandeling", "hamerstuk", "--datum", "04-10-2022")
    zs("raad", "besluit", HVZ, "--uitkomst", "vastgesteld", "--beslispunt", "De NvU vaststellen.",
       "--datum", "26-10-2022")


# --- the raw database -----------------------------------------------------------


def _engine(db_url: str):
    from sqlalchemy import create_engine

    from store.config import Opslag

    return create_engine(Opslag(db_url).sqlalchemy_url())


def eventtabel(db_url: str) -> str:
    """The event store's table, as eventsourcing names it (stored_events on SQLite, zaakstroom_events on PostgreSQL)."""
    from workflow.application import Zaakstroom
    from store.config import Opslag

    app = Zaakstroom(Opslag(db_url))
    try:
        return app.recorder.events_table_name
    finally:
        app.close()


def opgeslagen_bytes(db_url: str) -> bytes:
    """Every stored event's payload, as the store holds it."""
    from sqlalchemy import text

    engine = _engine(db_url)
    try:
        with engine.connect() as conn:
            rijen = conn.execute(text(f"SELECT state FROM {eventtabel(db_url)}")).all()
    finally:
        engine.dispose()
    assert rijen, "no events stored"
    return b"\n".join(bytes(r[0]) for r in rijen)


def aantal(db_url: str, tabel: str) -> int:
    """Rows in a table; 0 when it does not exist yet."""
    from sqlalchemy import inspect, text

    engine = _engine(db_url)
    try:
        if tabel not in inspect(engine).get_table_names():
            return 0
        with engine.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {tabel}")).scalar_one()
    finally:
        engine.dispose()


def stand(db_url: str) -> tuple[int, int]:
    """(events, keys): what a refused command must leave unchanged."""
    return aantal(db_url, eventtabel(db_url)), aantal(db_url, "persoonsgegevens_sleutels")
