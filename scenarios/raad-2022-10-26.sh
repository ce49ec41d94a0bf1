#!/usr/bin/env bash
# The zaken on the agenda of the Hengelo raad of 26 October 2022, and the advies
# of the adviesraad sociaal domein of October 2021, replayed with their real
# dates through the same commands a behandelaar types. Every fact is sourced in
# scenarios/FEITEN.md; dates marked [verzonnen] there are invented because the
# seeds do not give them (collegebesluit raadsvoorstel 20-09-2022, bekendmaking
# 02-11-2022), and the reason text says so.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

echo "== B01 3261787 Nota van uitgangspunten Hart van Zuid De Koppeling (hamerstuk) =="
zs zaak registreer 3261787 --zaaktype raadsvoorstel \
   --omschrijving "Nota van uitgangspunten Hart van Zuid De Koppeling" \
   --portefeuillehouder "G. Gerrits" --behandelaar "K. van Ekeris" --sector FYS-PVG \
   --datum 29-06-2021 --actor "K. van Ekeris" \
   --reden "Collegebesluit: concept NvU 6 weken ter inzage leggen, raad per brief informeren"
zs zaak stap 3261787 ter_inzage_leggen --datum 30-06-2021 --actor "K. van Ekeris" \
   --reden "Kennisgeving in Hengelo's Weekblad; ter inzage van 30 juni tot en met 10 augustus 2021"
# Kennisgeving and the three zienswijzen received within the term (FEITEN.md §1a).
zs zienswijze kennisgeving 3261787 --publicatie "het Hengelo’s Weekblad" \
   --ontwerp "het concept van de Nota van Uitgangspunten Hart van Zuid Businessdistrict" --hierna "de concept NVU" \
   --ontwerp-datum 29-06-2021 --datum 30-06-2021 --actor "K. van Ekeris" \
   --reden "Kennisgeving in Hengelo's Weekblad; de datum is verzonnen (de seeds noemen haar niet)"
zs zienswijze indienen 3261787 --ontvangen 09-07-2021 --vorm schriftelijk --thema hotelprogramma --actor "K. van Ekeris" \
   --samenvatting "Indiener vindt de concept nvu in strijd met het vertrouwensbeginsel en onrechtmatig: de brief van het college van 11 september 2018 zegde alleen een ondergeschikte hotelfunctie toe, mits daar marktruimte voor is. Op grond daarvan investeerde indiener miljoenen in het Vereeniginggebouw. Het hotelprogramma moet worden geschrapt; anders zet indiener alle juridische middelen in en vordert schadevergoeding.

Indiener vindt het marktonderzoek van HTC naar hotelkamers onvolledig en ondeugdelijk: gezien het huidige aanbod is er geen ruimte voor extra hotelkamers."
zs zienswijze indienen 3261787 --ontvangen 09-07-2021 --vorm schriftelijk --thema hotelprogramma --actor "K. van Ekeris" \
   --samenvatting "Indiener is voorstander van een groot stedelijk businessdistrict op en om de fundamenten van de oude Hofstede MTS, maar is het met de ontwikkeling van een hotel volledig oneens vanwege de onderneming in het voormalige Verenigingsgebouw van Stork.

Indiener verzoekt de Nota van uitgangspunten gewijzigd vast te stellen, de hotelfunctie te schrappen en geen extra openbare commerciële horeca toe te voegen."
zs zienswijze indienen 3261787 --ontvangen 12-07-2021 --vorm schriftelijk --thema hotelprogramma --actor "K. van Ekeris" \
   --samenvatting "Indiener zet grote vraagtekens bij 3.000 m2 hotel met 80 kamers en bij de rapportage van HTC: Hengelo is geen Twente, het aantal zakelijke nachten daalt en de drie aanwezige hotels en het Vereenigingsgebouw bedienen de markt ruim voldoende."
zs zaak stap 3261787 zienswijzen_beoordelen --datum 11-08-2021 --actor "K. van Ekeris" \
   --reden "Termijn gesloten; drie schriftelijke zienswijzen binnen de termijn"
# The letter of 8-12-2021 came long after the term: recorded, as an overige reactie (FEITEN.md §1b).
zs zienswijze indienen 3261787 --ontvangen 08-12-2021 --vorm schriftelijk --thema erfgoed --actor "K. van Ekeris" \
   --samenvatting "Bond Heemschut en Cuypersgenootschap, gezamenlijk: positief dat het wederopbouwcomplex Hofstede MTS een prominente plaats krijgt." \
   --reden "Na de termijn ontvangen; in het raadsadvies behandeld als overige reactie"
# Answers in the Nota zienswijzen of 18-05-2022; one paragraph is shared by all three (standaardreacties).
zs standaardreactie toevoegen 3261787 VEREENIGING --titel "Hotel complementair aan de Vereeniging" --datum 18-05-2022 --actor "K. van Ekeris" \
   --tekst "Het beoogde concept met een mix van wonen, werken en hotel dat in de nvu voor ogen staat is complementair aan de Vereeniging. De Vereeniging typeert zich als een “boetiekhotel” op 4 sterrenniveau met kamers vanaf 50 m2 (netto) oppervlak en een prijsstelling vanaf €150 per nacht (bron: www.grandcafedevereeniging.nl). De hotelfunctie in het concept van de nvu typeert zich als 3 sterren met een kameroppervlak van circa 20 m2 (netto) oppervlak en een prijsstelling rond de € 100 (bron: ontwikkelaar VincentSpikker BV)."
zs standaardreactie toevoegen 3261787 ZKA --titel "ZKA-onderzoek hotelmarkt (5 mei 2022)" --datum 18-05-2022 --actor "K. van Ekeris" \
   --tekst "Gemeente heeft, mede naar aanleiding van de zienswijze van indiener, opdracht gegeven tot het doen van een nieuw onderzoek naar kwalitatieve en kwantitatieve marktruimte voor hotelkamers in Hengelo. Dit onderzoek is uitgevoerd door ZKA Leisure Consultants uit Den Bosch. Uit dit onderzoek blijkt o.a. dat, bij het beleidsrijke scenario waarbij Hengelo de ingezette koers in de binnenstad en Hart van Zuid vasthoudt, er een kwantitatieve marktruimte is van circa 95 tot 105 hotelkamers. Kwalitatief moet ingezet worden op hotelontwikkelingen in het centrum en Hart van Zuid voor zowel de zakelijke klant (door de week) als de toeristische klant (in het weekend en de vakantieperiodes) op een 3 sterrenniveau.

In dit kader stelt ZKA het volgende: “De gebiedsontwikkeling Hart van Zuid zorgt ervoor dat nieuwe zakelijke gasten en toeristen in Hengelo overnachten. Dit zijn deels gasten die nu niet of in mindere mate naar Hengelo komen (markt vergrotende effecten).”"
zs zienswijze beantwoorden 3261787-1 --geen-aanpassing --vervolgactie "nader onderzoek" --datum 18-05-2022 --actor "K. van Ekeris" \
   --reactie "De renovatieplannen met betrekking tot het Vereenigingsgebouw bestonden al geruime tijd voor het overleg van 11 september 2018: de koopovereenkomst dateert van 23 juni 2016, de eigendomsoverdracht vond plaats op 18 juli 2019. Er zijn daarbij geen bedingen gemaakt aangaande ontwikkelingen in de nabije omgeving van het verkochte.

{{VEREENIGING}}

{{ZKA}}

De gemeente handelt derhalve niet in strijd met het gestelde in haar brief van 11 september 2018, zodat geen sprake is van onrechtmatig handelen of bedrog."
zs zienswijze beantwoorden 3261787-2 --standaardreactie VEREENIGING --standaardreactie ZKA --geen-aanpassing \
   --vervolgactie "nader onderzoek" --datum 18-05-2022 --actor "K. van Ekeris"
zs zienswijze beantwoorden 3261787-3 --standaardreactie ZKA --geen-aanpassing \
   --vervolgactie "nader onderzoek" --datum 18-05-2022 --actor "K. van Ekeris"
# --- besluitvorming (issue 4, items 5-7) ---
zs raad politieke-markt 3261787 04-10-2022 --soort oordeelsvormend \
   --voorzitter "Elske Mooijman" --zaal "Vergaderkamer 5" --spreekrecht --max-spreektijd 5 \
   --inspreker "City Hotel Hengelo" \
   --volgorde "Opening voorzitter" --volgorde "Korte inleidende presentatie namens het college" \
   --volgorde "Ruimte voor insprekers" --volgorde "Ronde langs de fracties" --volgorde "Reactie college" \
   --datum 20-09-2022 --actor "K. van Ekeris" \
   --reden "Collegebesluit raadsvoorstel (datum verzonnen: de seeds noemen haar niet); nota zienswijzen d.d. 18 mei 2022; spreekrecht afgeleid uit de bijgevoegde inspreektekst"
zs zienswijze brief 3261787-1 3261787-2 3261787-3 --soort voorstel --datum 21-09-2022 --actor "K. van Ekeris" \
   --reden "Indieners geïnformeerd over het voorstel van het college (datum verzonnen)"
zs raad agendeer 3261787 26-10-2022 B01 --behandeling hamerstuk --datum 04-10-2022 --actor griffie \
   --reden "Politieke markt 4 oktober 2022 (oordeelsvormend); behandeladvies raad: hamerstuk"
zs raad besluit 3261787 --uitkomst vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Raad 26 oktober 2022, hamerstuk B01 (uitkomst verzonnen: de seeds geven haar niet)" \
   --beslispunt "Kennis te nemen van het verdiepend onderzoek hotelmarkt d.d. 5 mei 2022 van ZKA naar het aanbod, vraag en marktruimte voor nieuwe hotelcapaciteit in Hengelo, en deze te gebruiken bij de planologische uitwerking van de nota van uitgangspunten HvZ De Koppeling" \
   --beslispunt "In te stemmen met de behandeling van de zienswijzen, zoals opgenomen in de “Nota zienswijzen Nota van Uitgangspunten Hart van Zuid De Koppeling” dat deel uitmaakt van dit besluit." \
   --beslispunt "De nota van uitgangspunten HvZ De Koppeling vast te stellen als kader voor de planologische uitwerking." \
   --beslispunt "Na de vaststelling van de NvU de indieners van de zienswijzen op de hoogte brengen van het besluit." \
   --beslispunt "De grondexploitatie van HvZ De Koppeling en de bijbehorende grondexploitatie vast te stellen en te verantwoorden in een nieuw in te richten administratief complex." \
   --beslispunt "De grondexploitatie van Centraal Station Twente (complex 711) gewijzigd vast te stellen en af te sluiten." \
   --beslispunt "In te stemmen met de verlaging van de voorziening grondexploitaties met €1.090.000 en met de verhoging van de reserve grondexploitaties met €899.000." \
   --beslispunt "In te stemmen met het toepassen van de coördinatieregeling op grond van artikel 3.30 Wet ruimtelijke ordening voor de voorbereiding en bekendmaking van een bestemmingsplan en omgevingsvergunning voor de activiteit bouwen en één of meer voor de uitvoering van de beoogde bestemming benodigde, gewenste en/of samenhangende besluiten om de ontwikkeling van de locatie conform de nota van uitgangpunten HvZ De Koppeling mogelijk te maken en dit besluit de dag na bekendmaking in werking te laten treden."
zs raad bekendmaking 3261787 --datum 02-11-2022 --actor "K. van Ekeris" \
   --reden "Bekendmaking (datum verzonnen: de seeds noemen haar niet)"
zs zienswijze brief 3261787-1 3261787-2 3261787-3 --soort besluit --datum 02-11-2022 --actor "K. van Ekeris" \
   --reden "Beslispunt 4: indieners op de hoogte gebracht van het besluit (datum verzonnen)"
zs raad inwerkingtreding 3261787 --regel dag-na-bekendmaking --datum 02-11-2022 --actor "K. van Ekeris" \
   --reden "Beslispunt 8: de coördinatieregeling treedt in werking de dag na bekendmaking"
zs raad onherroepelijk 3261787 --datum 22-12-2022 --actor "K. van Ekeris" \
   --reden "Geen beroep ingesteld binnen de termijn (3 november t/m 14 december 2022), ook niet per post ontvangen tot en met 21 december 2022 (Awb 6:9 lid 2); onherroepelijk per 15 december 2022"
zs zaak afsluiten 3261787 --resultaat vastgesteld --datum 22-12-2022 --actor "K. van Ekeris"

echo "== C01 3462621 Transformatieplan sociaal domein (bespreekstuk) =="
zs zaak registreer 3462621 --zaaktype raadsvoorstel --omschrijving "Transformatieplan sociaal domein" \
   --portefeuillehouder "J. Freriksen" --portefeuillehouder "M. Luttikholt" --portefeuillehouder "C. Bruggink" \
   --behandelaar "M. Moes" --sector MSO-SD --datum 30-06-2022 --actor "M. Moes" \
   --reden "Verzoek om een politieke markt bij de Zomerbrief"
zs raad politieke-markt 3462621 12-07-2022 --soort beeldvormend --datum 30-06-2022 --actor griffie \
   --reden "Beeldvormende politieke markt over de scenario's (12 juli 2022; de adviesraad schrijft 13 juli)"
zs raad politieke-markt 3462621 04-10-2022 --soort oordeelsvormend --voorzitter "Sander Janssen" --zaal Raadzaal \
   --spreekrecht --max-spreektijd 5 --datum 20-09-2022 --actor "M. Moes" \
   --reden "Collegebesluit raadsadvies (datum verzonnen)"
zs raad agendeer 3462621 26-10-2022 C01 --behandeling bespreekstuk --datum 04-10-2022 --actor griffie \
   --reden "Politieke markt 4 oktober 2022 (oordeelsvormend)"
zs raad besluit 3462621 --uitkomst vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Raad 26 oktober 2022, C01 (uitkomst verzonnen: de seeds geven haar niet)" \
   --beslispunt "Kennis te nemen van het transformatieplan sociaal domein." \
   --beslispunt "De aanvullende kaders voor het Nieuw Hengelo's Model (hoofdstuk 3) vast te stellen." \
   --beslispunt "Het beleidsprogramma, het maatregelenpakket en de innovatiefiches op te nemen in het transformatieplan." \
   --beslispunt "De verantwoording te laten lopen via de P&C-cyclus." \
   --beslispunt "De lagere taakstellingen 2022-2025 te dekken uit de reserves (a, b en c)."
zs zaak afsluiten 3462621 --resultaat vastgesteld --datum 26-10-2022 --actor "M. Moes" \
   --reden "Beleidskader, geen appellabel besluit (uitkomst verzonnen: de seeds geven haar niet)"

echo "== C02 3467519 Participatie denkkader (bespreekstuk) =="
zs zaak registreer 3467519 --zaaktype raadsvoorstel --omschrijving "Participatie denkkader" \
   --portefeuillehouder "Steen" --portefeuillehouder "G. Gerrits" --behandelaar "n.n.b." \
   --datum 29-09-2021 --actor griffie --reden "Raad geeft het college opdracht de conclusies van de Rekenkamercommissie uit te voeren"
zs raad politieke-markt 3467519 04-10-2022 --soort oordeelsvormend --voorzitter "Jeanet Nijhof-Leeuw" \
   --zaal "Vergaderkamer 5" --spreekrecht --datum 20-09-2022 --actor griffie \
   --reden "Collegebesluit raadsadvies (datum verzonnen)"
zs raad agendeer 3467519 26-10-2022 C02 --behandeling bespreekstuk --datum 04-10-2022 --actor griffie \
   --reden "Politieke markt 4 oktober 2022 (oordeelsvormend)"
zs raad besluit 3467519 --uitkomst vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Raad 26 oktober 2022, C02 (uitkomst verzonnen)" \
   --beslispunt "Het denkkader participatie vast te stellen." \
   --beslispunt "Participatie niet te verplichten als aanvraagvereiste bij buitenplanse omgevingsplanactiviteiten."
zs zaak afsluiten 3467519 --resultaat vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Uitkomst verzonnen: de seeds geven haar niet"

echo "== D01 3482239 Intrekkingsverordening individuele studietoeslag (zonder politieke markt) =="
zs zaak registreer 3482239 --zaaktype raadsvoorstel --omschrijving "Intrekkingsverordening individuele studietoeslag" \
   --portefeuillehouder "J. Freriksen" --behandelaar "n.n.b." --datum 20-09-2022 --actor griffie \
   --reden "Collegevoorstel 20 september 2022"
zs raad agendeer 3482239 26-10-2022 D01 --datum 20-09-2022 --actor griffie \
   --reden "D-stuk: naar de raad zonder tussenkomst van de politieke markt"
zs raad besluit 3482239 --uitkomst vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Raad 26 oktober 2022, D01 (uitkomst verzonnen)" \
   --beslispunt "De Intrekkingsverordening Individuele Studietoeslag vast te stellen."
zs zaak afsluiten 3482239 --resultaat vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Verordening: geen beroep mogelijk (Awb 8:3); uitkomst verzonnen"

echo "== 3317818 Advies maatregelenpakket, adviesraad sociaal domein (2021) =="
zs zaak registreer 3317818 --zaaktype adviesaanvraag --omschrijving "Advies maatregelenpakket adviesraad sociaal domein" \
   --portefeuillehouder "n.n.b." --behandelaar "n.n.b." --sector MSO-SD --datum 21-09-2021 --actor griffie \
   --reden "Adviesaanvraag van het college (datum verzonnen: de seeds noemen haar niet)"
zs advies ontvangen 3317818 --adviesorgaan "Adviesraad sociaal domein" --kenmerk "21 047" --dagtekening 05-10-2021 \
   --datum 05-10-2021 --actor griffie --reden "Ontvangen in week 40; 5 oktober is de vroegst mogelijke dag (afgeleid)" \
   --advies "Stuur het advies direct na verzending aan de raad, anders dan de afspraken over openbaarheid." \
   --advies "Voeg de onderliggende analyse, gegevens en evaluaties toe aan de stukken." \
   --advies "Maak maatwerk het leidende principe, niet de uitzondering." \
   --advies "Werp geen drempels op; ga uit van de vraag van de inwoner." \
   --advies "Geen 'extra handjes'; geef inzicht in de organisatie en de budgetten sinds 2015." \
   --advies "Neem de tijd, zodat inwoners kunnen meedenken." \
   --advies "Breng de schade in beeld en neem schadebeperkende maatregelen." \
   --advies "Let op de toonzetting in notities over inwoners." \
   --advies "Laat de maatregel 'maximaal 4 dagdelen' vervallen." \
   --advies "Maak inclusie het leidende principe." \
   --advies "Implementeer de kern van de doorbraakmethode." \
   --advies "Breng de schoolzorg- en huisartsondersteuners en de WMO-WLZ-maatregel met elkaar in lijn."
zs advies naar-raad 3317818 --datum 11-10-2021 --actor college \
   --reden "Direct, in afwijking van de afspraken over openbaarheid, zoals advies 1 vraagt"
zs advies reactie 3317818 --datum 21-10-2021 --actor college \
   --termijn-tot 26-10-2021 \
   --afwijking "Zoals de adviesraad adviseert verkort, zodat de reactie kan worden betrokken bij de politieke markt van 26 oktober 2021" \
   --advies 1 gevolgd "Op maandag 11 oktober aan de raad verstuurd; de reactietermijn is verkort." \
   --advies 2 niet-gevolgd "Verwijst naar de (informele) bijeenkomsten met raadsleden en biedt een gesprek aan; geen gegevens." \
   --advies 3 deels-gevolgd "Maatwerk blijft het uitgangspunt, maar niet altijd volledig geïndiceerde zorg." \
   --advies 4 deels-gevolgd "Absoluut niet wat wij willen; wel meer nadruk op zelfredzaamheid." \
   --advies 5 gevolgd "Wij zijn het eens met uw advies; de informatie staat in de P&C-documenten, een gesprek is mogelijk." \
   --advies 6 toegelicht "Communicatie in de komende maanden; geen standpunt." \
   --advies 7 deels-gevolgd "Maandelijkse rapportages en dashboards; bijsturen of ingrijpen waar gevolgen niet in verhouding zijn." \
   --advies 8 toegelicht "Uitleg; een communicatieplan na de begroting." \
   --advies 9 niet-gevolgd "Houdt het max kader aan (normenkader interventieprogramma 2018)." \
   --advies 10 gevolgd "Wij zijn het eens met dit advies." \
   --advies 11 gevolgd "Dit advies omarmen wij; professionals worden geschoold." \
   --advies 12 gevolgd "Ook dit advies omarmen wij."
zs advies naar-raad 3317818 --met-reactie --datum 21-10-2021 --actor college \
   --reden "Advies en reactie met begeleidende brief, ter voorbereiding op de politieke markt van 26 oktober 2021 (datum verzonnen)"
zs zaak afsluiten 3317818 --resultaat "advies verwerkt" --datum 10-11-2021 --actor griffie \
   --reden "Betrokken bij de begrotingsbehandeling van 10 november 2021 (datum afsluiten verzonnen)"
