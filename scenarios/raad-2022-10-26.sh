#!/usr/bin/env bash
# The zaken on the agenda of the Hengelo raad of 26 October 2022, and the advies
# of the adviesraad sociaal domein of October 2021, replayed with their real
# dates through the same commands a behandelaar types. Every fact is sourced in
# scenarios/FEITEN.md; dates marked [verzonnen] there are invented because the
# seeds do not give them (collegebesluit raadsvoorstel 20-09-2022, bekendmaking
# 02-11-2022), and the reason text says so.
set -euo pipefail

# Print each command as it could be typed, then run it (its output is the zaak, shown later).
zs() {
  local arg line='$ zaakstroom'
  for arg in "$@"; do
    if [[ "$arg" =~ [[:space:]\'\;\&] ]]; then line+=" \"${arg//\"/\\\"}\""; else line+=" $arg"; fi
  done
  echo "$line"
  zaakstroom "$@" > /dev/null
}

echo "== B01 3261787 Nota van uitgangspunten Hart van Zuid De Koppeling (hamerstuk) =="
zs zaak registreer 3261787 --zaaktype raadsvoorstel \
   --omschrijving "Nota van uitgangspunten Hart van Zuid De Koppeling" \
   --portefeuillehouder "G. Gerrits" --behandelaar "K. van Ekeris" --sector FYS-PVG \
   --datum 29-06-2021 --actor "K. van Ekeris" \
   --reden "Collegebesluit: concept NvU 6 weken ter inzage leggen, raad per brief informeren"
zs zaak stap 3261787 ter_inzage_leggen --datum 30-06-2021 --actor "K. van Ekeris" \
   --reden "Kennisgeving in Hengelo's Weekblad; ter inzage van 30 juni tot en met 10 augustus 2021"
zs zaak stap 3261787 zienswijzen_beoordelen --datum 11-08-2021 --actor "K. van Ekeris" \
   --reden "Termijn gesloten; drie schriftelijke zienswijzen binnen de termijn"
zs zaak stap 3261787 naar_politieke_markt --datum 20-09-2022 --actor "K. van Ekeris" \
   --reden "Collegebesluit raadsvoorstel (datum verzonnen: de seeds noemen haar niet); nota zienswijzen d.d. 18 mei 2022"
zs zaak stap 3261787 naar_raad --datum 04-10-2022 --actor griffie \
   --reden "Politieke markt 4 oktober 2022 (oordeelsvormend); behandeladvies hamerstuk, agendapunt B01"
zs zaak stap 3261787 besluiten --datum 26-10-2022 --actor griffie \
   --reden "Raad 26 oktober 2022: hamerstuk B01, 8 beslispunten"
zs zaak stap 3261787 bekendmaken --datum 02-11-2022 --actor "K. van Ekeris" \
   --reden "Bekendmaking (datum verzonnen); coördinatieregeling in werking de dag na bekendmaking"
zs zaak stap 3261787 onherroepelijk_worden --datum 15-12-2022 --actor "K. van Ekeris" \
   --reden "Geen beroep ingesteld binnen de termijn"
zs zaak afsluiten 3261787 --resultaat vastgesteld --datum 15-12-2022 --actor "K. van Ekeris"

echo "== C01 3462621 Transformatieplan sociaal domein (bespreekstuk) =="
zs zaak registreer 3462621 --zaaktype raadsvoorstel --omschrijving "Transformatieplan sociaal domein" \
   --portefeuillehouder "J. Freriksen" --portefeuillehouder "M. Luttikholt" --portefeuillehouder "C. Bruggink" \
   --behandelaar "M. Moes" --sector MSO-SD --datum 30-06-2022 --actor "M. Moes" \
   --reden "Verzoek om een politieke markt bij de Zomerbrief"
zs zaak stap 3462621 naar_politieke_markt --datum 20-09-2022 --actor "M. Moes" \
   --reden "Collegebesluit raadsadvies (datum verzonnen); beeldvormende PM was 12 juli 2022"
zs zaak stap 3462621 naar_raad --datum 04-10-2022 --actor griffie \
   --reden "Politieke markt 4 oktober 2022 (oordeelsvormend); agendapunt C01, bespreekstuk"
zs zaak stap 3462621 besluiten --datum 26-10-2022 --actor griffie --reden "Raad 26 oktober 2022: C01, 5 beslispunten"
zs zaak afsluiten 3462621 --resultaat vastgesteld --datum 26-10-2022 --actor "M. Moes" \
   --reden "Beleidskader, geen appellabel besluit (uitkomst verzonnen: de seeds geven haar niet)"

echo "== C02 3467519 Participatie denkkader (bespreekstuk) =="
zs zaak registreer 3467519 --zaaktype raadsvoorstel --omschrijving "Participatie denkkader" \
   --portefeuillehouder "Steen" --portefeuillehouder "G. Gerrits" --behandelaar "n.n.b." \
   --datum 29-09-2021 --actor griffie --reden "Raad geeft het college opdracht de conclusies van de Rekenkamercommissie uit te voeren"
zs zaak stap 3467519 naar_politieke_markt --datum 20-09-2022 --actor griffie --reden "Collegebesluit raadsadvies (datum verzonnen)"
zs zaak stap 3467519 naar_raad --datum 04-10-2022 --actor griffie \
   --reden "Politieke markt 4 oktober 2022 (oordeelsvormend); agendapunt C02, bespreekstuk"
zs zaak stap 3467519 besluiten --datum 26-10-2022 --actor griffie --reden "Raad 26 oktober 2022: C02, 2 beslispunten"
zs zaak afsluiten 3467519 --resultaat vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Uitkomst verzonnen: de seeds geven haar niet"

echo "== D01 3482239 Intrekkingsverordening individuele studietoeslag (zonder politieke markt) =="
zs zaak registreer 3482239 --zaaktype raadsvoorstel --omschrijving "Intrekkingsverordening individuele studietoeslag" \
   --portefeuillehouder "J. Freriksen" --behandelaar "n.n.b." --datum 20-09-2022 --actor griffie \
   --reden "Collegevoorstel 20 september 2022"
zs zaak stap 3482239 naar_raad --datum 20-09-2022 --actor griffie \
   --reden "D-stuk: naar de raad zonder tussenkomst van de politieke markt; agendapunt D01"
zs zaak stap 3482239 besluiten --datum 26-10-2022 --actor griffie --reden "Raad 26 oktober 2022: D01, 1 beslispunt"
zs zaak afsluiten 3482239 --resultaat vastgesteld --datum 26-10-2022 --actor griffie \
   --reden "Verordening: geen beroep mogelijk (Awb 8:3); uitkomst verzonnen"

echo "== 3317818 Advies maatregelenpakket, adviesraad sociaal domein (2021) =="
zs zaak registreer 3317818 --zaaktype adviesaanvraag --omschrijving "Advies maatregelenpakket adviesraad sociaal domein" \
   --portefeuillehouder "n.n.b." --behandelaar "n.n.b." --sector MSO-SD --datum 21-09-2021 --actor griffie \
   --reden "Adviesaanvraag van het college (datum verzonnen: de seeds noemen haar niet)"
zs zaak stap 3317818 advies_ontvangen --datum 05-10-2021 --actor griffie \
   --reden "Advies d.d. 5 oktober 2021 (kenmerk 21 047), 12 adviezen; ontvangen in week 40"
zs zaak stap 3317818 reageren --datum 21-10-2021 --actor college \
   --reden "Reactietermijn bewust verkort, zoals advies A1 vroeg, voor de politieke markt van 26 oktober 2021"
zs zaak afsluiten 3317818 --resultaat "advies verwerkt" --datum 10-11-2021 --actor griffie \
   --reden "Betrokken bij de begrotingsbehandeling van 10 november 2021 (datum afsluiten verzonnen)"
