#!/usr/bin/env bash
# The tender "Realisatie en doorontwikkeling Basisondersteuning" (gemeente Hengelo,
# 2023-2025) replayed through the same commands an inkoper types: marktconsultatie
# in the first half of 2023, selection with at most 2 places and 1 qualifying
# samenwerkingsverband of 7 kernpartners, dialoogfase, inschrijving, verificatie
# with KIT, gunning at the end of September 2024, contract 4 + 2 + 2 years,
# implementation and the start on 1 January 2025. Every fact is sourced in
# scenarios/FEITEN-aanbesteding.md. The seed gives almost no exact dates: every
# date or fact marked [verzonnen] there is invented so the procedure can run, and
# its --reden says so. Ends by printing the tender and its timeline.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

K=HGL-BO-2023  # kenmerk [verzonnen]: the seed names no tender reference
WIJKRACHT="Wijkracht Hengelo"
FICTIEF="Zorgcombinatie Twente (fictief)"  # a second candidate [verzonnen]: the seed says only "inschrijvingen"

echo "== Voorbereiding en marktconsultatie (eerste helft 2023) =="
zs aanbesteding registreer $K --titel "Realisatie en doorontwikkeling Basisondersteuning" \
   --procedure concurrentiegerichte-dialoog --perceel Basisondersteuning \
   --max-kandidaten 2 --looptijd 4 --optie 2 --optie 2 --datum 10-01-2023 --actor inkoper \
   --reden "Kaders Nieuw Hengelo's Model uit het Transformatieplan (raad oktober 2022); één integrale opdracht; datum verzonnen"
zs aanbesteding stap $K marktconsultatie_starten --datum 01-02-2023 --actor inkoper \
   --reden "Marktconsultaties in de eerste helft van 2023; datum verzonnen"
zs aanbesteding marktconsultatie $K --omschrijving "Startbijeenkomst marktconsultatie" --deelnemers 200 \
   --datum 14-02-2023 --actor inkoper --reden "Ruim 200 mensen aanwezig; datum verzonnen"
zs aanbesteding marktconsultatie $K --omschrijving "Vervolgsessie 1" --deelnemers 30 --datum 14-03-2023 \
   --actor inkoper --reden "Steeds 30 aanbieders per sessie, geplaatst op voorkeur en loting; datum en aantal sessies verzonnen"
zs aanbesteding marktconsultatie $K --omschrijving "Vervolgsessie 2" --deelnemers 30 --datum 11-04-2023 \
   --actor inkoper --reden "Steeds 30 aanbieders per sessie; datum verzonnen"
zs aanbesteding marktconsultatie $K --omschrijving "Vervolgsessie 3" --deelnemers 30 --datum 16-05-2023 \
   --actor inkoper --reden "Steeds 30 aanbieders per sessie; datum verzonnen"

echo "== Selectiefase: ten hoogste twee plaatsen, één samenwerkingsverband voldoet =="
zs aanbesteding stap $K selectieleidraad_publiceren --datum 03-07-2023 --actor inkoper \
   --reden "Selectieleidraad op basis van de marktconsultaties, Europese aanbesteding; datum verzonnen"
zs aanbesteding aanmelding $K "$WIJKRACHT" --partij Wijkracht --partij Aveleijn --partij Carintreggeland \
   --partij "Humanitas Onder Dak" --partij Mediant --partij "RIBW Overijssel" --partij Tactus \
   --datum 21-08-2023 --actor inkoper --reden "Samenwerkingsverband van 7 kernpartners plus onderaannemers; datum verzonnen"
zs aanbesteding aanmelding $K "$FICTIEF" --datum 22-08-2023 --actor inkoper \
   --reden "Verzonnen tweede kandidaat: de bron spreekt van inschrijvingen, meervoud, zonder namen"
zs aanbesteding toelaten $K "$WIJKRACHT" --datum 02-10-2023 --actor inkoper \
   --reden "Voldoet als enige aan alle eisen; datum verzonnen"
zs aanbesteding afwijzen $K "$FICTIEF" --datum 02-10-2023 --actor inkoper \
   --reden "Voldoet niet aan alle eisen (verzonnen kandidaat en datum)"

echo "== Dialoogfase met het ene geselecteerde samenwerkingsverband =="
zs aanbesteding stap $K dialoog_starten --datum 09-10-2023 --actor inkoper \
   --reden "Verder met één kandidaat: de enige die aan alle eisen voldeed; datum verzonnen"
zs aanbesteding dialoogsessie $K --onderwerp "Scope en integrale ingang" --deelnemer "$WIJKRACHT" \
   --opdrachtomschrijving "Individuele en groepsgerichte basisondersteuning, vrij toegankelijk zonder indicatie" \
   --opdrachtomschrijving "Visie op en invulling van de integrale ingang" \
   --datum 07-11-2023 --actor inkoper --reden "Definitieve scope en randvoorwaarden; datum verzonnen"
zs aanbesteding dialoogsessie $K --onderwerp "Kernwaarden en sturing" --deelnemer "$WIJKRACHT" \
   --kernwaarde "Zakelijk partnerschap: elkaar anders vasthouden, maar niet loslaten" \
   --kernwaarde "Sturingsmodel van Simons: ambitie, kaders, kernwaarden, monitoring en sturing, leren en ontwikkelen" \
   --datum 12-12-2023 --actor inkoper --reden "Datum verzonnen"
zs aanbesteding dialoogsessie $K --onderwerp "Financiële afspraken" --deelnemer "$WIJKRACHT" \
   --financiele-afspraak "Taakgerichte uitvoeringsvariant met een lumpsum-opdrachtsom in plaats van PxQ" \
   --financiele-afspraak "Basisbudget op zorgvolume 2024, ingroeipad, besparingsopgave, incidenteel innovatiebudget; geen nacalculatie" \
   --datum 23-01-2024 --actor inkoper --reden "Datum verzonnen"
zs aanbesteding dialoogsessie $K --onderwerp "Overlegstructuren en risico's" --deelnemer "$WIJKRACHT" \
   --overlegstructuur "Gesprekscyclus op vier niveaus: bestuurlijk, strategisch, tactisch en operationeel" \
   --risico "Ventielafspraken: wet- en regelgeving, samenstelling populatie, omstandigheden en capaciteit, contractresultaat" \
   --datum 20-02-2024 --actor inkoper --reden "Kansen en risico's in kaart; datum verzonnen"

echo "== Inschrijvingsfase, beoordeling en verificatie =="
zs aanbesteding inschrijfleidraad $K --sluitingsdatum 14-05-2024 --datum 02-04-2024 --actor inkoper \
   --reden "Dialoogresultaten opgetekend in de inschrijfleidraad, gepubliceerd volgens de aanbestedingsregels; data verzonnen"
zs aanbesteding inschrijving $K "$WIJKRACHT" --datum 13-05-2024 --actor inkoper \
   --reden "Het samenwerkingsverband schrijft in op de inschrijfleidraad; datum verzonnen"
zs aanbesteding stap $K beoordeling_starten --datum 15-05-2024 --actor inkoper --reden "Datum verzonnen"
zs aanbesteding verificatie $K "$WIJKRACHT" --instrument KIT --voldoet --datum 01-07-2024 --actor inkoper \
   --reden "Alle kernpartners geverifieerd met het Kwaliteits- en Integriteitsinstrument Twente: groen licht; datum verzonnen"

echo "== Gunning (eind september 2024), contract en implementatie =="
zs aanbesteding gunningsbeslissing $K --winnaar "$WIJKRACHT" --datum 06-09-2024 --actor college \
   --reden "Voorgenomen gunning via het aanbestedingsplatform; datum verzonnen, standstill volgt uit art. 2.127 Aw 2012"
zs aanbesteding gunnen $K --datum 27-09-2024 --actor college \
   --reden "Officiële gunning eind september 2024; de precieze dag is verzonnen"
zs aanbesteding contract $K --ingangsdatum 01-01-2025 --datum 30-09-2024 --actor contractmanager \
   --reden "Contract 4 jaar met twee verlengopties van 2 jaar; datum ondertekening verzonnen"
zs aanbesteding stap $K implementatie_starten --datum 30-09-2024 --actor contractmanager \
   --reden "Implementatiefase tot de start (de bron noemt 3,5 maand); datum verzonnen"
zs aanbesteding stap $K starten --datum 01-01-2025 --actor contractmanager \
   --reden "Wijkracht Hengelo start per 1 januari 2025; 2025 is het overgangsjaar"

show() { printf '\n$ zaakstroom %s\n' "$*"; zaakstroom "$@"; }
show aanbesteding toon $K
show aanbesteding tijdlijn $K --vertrouwelijk --actor contractmanager --reden "Controle van het dossier na de start van de opdracht"
