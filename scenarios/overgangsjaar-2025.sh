#!/usr/bin/env bash
# The overgangsjaar 2025 (gemeente Hengelo): begeleiding and dagbesteding (Wmo and Jeugdwet) move
# from ~90 latende aanbieders to the samenwerkingsverband Wijkracht Hengelo. The contractmanager
# defines the year, generates a SYNTHETIC population (no real clients: the seeds give no client
# data) and imports it; consulenten and Wijkracht's coordinator walk a few clients through their
# steps; the nightly job runs; the monitor and the signal list show who is at risk.
# Every fact is sourced in scenarios/FEITEN-overgangsjaar.md; dates marked [verzonnen] there are invented.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Like zs (lib.sh), but the output is shown.
show() {
  local arg line='$ zaakstroom'
  for arg in "$@"; do
    if [[ "$arg" =~ [[:space:]\'\;\&] ]]; then line+=" \"${arg//\"/\\\"}\""; else line+=" $arg"; fi
  done
  printf '\n%s\n' "$line"
  zaakstroom "$@"
}

UIT=${ZAAKSTROOM_UITVOER:-demo-uitvoer}
mkdir -p "$UIT"
POP="$UIT/overgangsjaar-2025-populatie.csv"
AANBIEDERS="$UIT/overgangsjaar-2025-aanbieders.txt"
J=(--jaar 2025)

# The n-th client (default the first) of the population that meets an awk condition on its fields:
# $1 client, $2 wet, $3 product, $4 start, $5 einde, $6 latende aanbieder, $7 toestemming, $8 overgangsdatum.
kies() {
  awk -F';' -v n="${2:-1}" "!/^#/ && \$1 != \"client\" && \$1 !~ /^SYN-F/ && ($1) { if (++c == n) { print \$1; exit } }" "$POP"
}
veld() { awk -F';' -v c="$1" -v k="$2" '$1 == c { print $k; exit }' "$POP"; }
# dd-mm-yyyy plus N days, as dd-mm-yyyy, never before the day of the import.
dag() {
  local iso="${1:6:4}-${1:3:2}-${1:0:2}" uit
  uit=$(date -d "$iso $2 days" +%Y-%m-%d)
  [[ $uit < 2025-01-02 ]] && uit=2025-01-02
  date -d "$uit" +%d-%m-%Y
}

R2='$6 != "" && substr($5, 7, 4) >= 2026 && substr($8, 4, 2) <= "05"'  # moves, planned February to May
echo "== Overgangsjaar 2025: definiëren, synthetische populatie genereren en importeren =="
zs overgang genereer --uitvoer "$POP" --aantal 3000 --seed 2025 --plan --fouten 6 --aanbieders-uitvoer "$AANBIEDERS"
zs overgang jaar definieer 2025 --ontvangende-aanbieder "Wijkracht Hengelo" --latende-aanbieders "$AANBIEDERS" \
   --waarschuwing-dagen 60 --datum 30-09-2024 --actor contractmanager \
   --reden "Overgangsjaar contractueel vastgelegd met de zorgaanbieders; latende aanbieders verzonnen (synthetisch)"
show overgang importeer "$POP" "${J[@]}" --datum 02-01-2025 --actor contractmanager
show overgang importeer "$POP" "${J[@]}" --datum 02-01-2025 --actor contractmanager

A=$(kies "\$2 == \"Wmo\" && \$7 == \"ja\" && $R2")         # Wmo, consent known: with dossier
B=$(kies "\$2 == \"Wmo\" && \$7 == \"\" && $R2")           # Wmo, asks consent, refused: without dossier
C=$(kies "\$2 == \"Jeugdwet\" && \$7 == \"\" && $R2")      # Jeugdwet, asks consent, given
D=$(kies "\$2 == \"Jeugdwet\" && \$7 == \"\" && $R2" 2)    # Jeugdwet, no consent, noodzaak recorded
E=$(kies "\$2 == \"Wmo\" && \$7 == \"ja\" && $R2" 2)       # date adjusted: tussen wal en schip
G=$(kies "$R2" 9)                                          # uitval
K=$(kies "\$2 == \"Wmo\" && \$7 == \"\" && $R2" 2)         # consent asked, no answer yet
F=$(kies '$6 != "" && substr($5, 7, 4) == "2025" && substr($5, 4, 2) >= "07"')  # R1 verlengd into 2026
H=$(kies '$6 != "" && substr($5, 7, 4) == "2025" && substr($5, 4, 2) <= "03"')  # R1 ends: basisondersteuning
I=$(kies '$6 != "" && substr($5, 7, 4) == "2025" && substr($5, 4, 2) <= "03"' 2)  # R1 ends, later erased

echo
echo "== Cliënten door hun stappen (rollen, geen namen) =="
P=$(veld "$A" 8)
zs overgang warme-overdracht "$A" "${J[@]}" --datum "$(dag "$P" -7)" --aanwezig client --aanwezig latende-aanbieder \
   --aanwezig ontvangende-aanbieder --actor coordinator-wijkracht
zs overgang overdragen "$A" "${J[@]}" --datum "$P" --actor coordinator-wijkracht
zs overgang afsluiten "$A" "${J[@]}" --datum "$(dag "$P" 14)" --actor consulent

P=$(veld "$B" 8)
zs overgang toestemming "$B" vragen "${J[@]}" --datum 06-01-2025 --actor consulent
zs overgang toestemming "$B" geweigerd "${J[@]}" --datum 13-01-2025 --actor consulent \
   --reden "Cliënt wil geen gegevens laten overdragen"
zs overgang warme-overdracht "$B" "${J[@]}" --datum "$(dag "$P" -7)" --aanwezig client --aanwezig mantelzorger \
   --aanwezig latende-aanbieder --aanwezig ontvangende-aanbieder --actor coordinator-wijkracht
zs overgang overdragen "$B" "${J[@]}" --datum "$P" --actor coordinator-wijkracht

P=$(veld "$C" 8)
zs overgang toestemming "$C" vragen "${J[@]}" --datum 06-01-2025 --actor consulent
zs overgang toestemming "$C" gegeven "${J[@]}" --datum 16-01-2025 --actor consulent --reden "Ouders tekenden de verklaring"
zs overgang warme-overdracht "$C" "${J[@]}" --datum "$(dag "$P" -7)" --aanwezig client --aanwezig ouder \
   --aanwezig latende-aanbieder --aanwezig ontvangende-aanbieder --actor coordinator-wijkracht
zs overgang overdragen "$C" "${J[@]}" --datum "$P" --actor coordinator-wijkracht

P=$(veld "$D" 8)
zs overgang warme-overdracht "$D" "${J[@]}" --datum "$(dag "$P" -7)" --aanwezig ouder --aanwezig latende-aanbieder \
   --aanwezig ontvangende-aanbieder --aanwezig consulent --actor coordinator-wijkracht
zs overgang overdragen "$D" "${J[@]}" --datum "$P" --actor coordinator-wijkracht \
   --noodzakelijk "Het ondersteuningsplan is nodig om de begeleiding zonder onderbreking voort te zetten"

zs overgang verplaats "$E" "${J[@]}" --overgangsdatum 01-07-2025 --datum "$(dag "$(veld "$E" 8)" -3)" --actor contractmanager \
   --reden "Dreigde tussen wal en schip te raken: nog geen plek bij Wijkracht; extra gesprek met de latende aanbieder"
zs overgang uitval "$G" "${J[@]}" --oorzaak ziet-af --datum 20-01-2025 --actor consulent \
   --reden "Cliënt ziet af van verdere begeleiding"
zs overgang toestemming "$K" vragen "${J[@]}" --datum 02-05-2025 --actor consulent
zs overgang verleng "$F" "${J[@]}" --einddatum 31-03-2026 --overgangsdatum 01-09-2025 --datum 15-05-2025 \
   --actor consulent --reden "Herindicatie: begeleiding langer nodig"
zs overgang vervolg "$H" "${J[@]}" --uitkomst basisondersteuning --datum "$(dag "$(veld "$H" 5)" -7)" --actor consulent

echo
echo "== De nachtelijke taak, twee keer voor dezelfde dag =="
show overgang verwerk --tot 30-06-2025 --actor nachtelijke-taak
show overgang verwerk --tot 30-06-2025 --actor nachtelijke-taak
zs overgang vergeet "$I" "${J[@]}" --datum 01-07-2025 --actor privacy-officer \
   --reden "Verzoek van de cliënt op grond van art. 17 AVG (synthetisch voorbeeld)"

show overgang toon "$B" "${J[@]}"
show overgang toon "$F" "${J[@]}"
show overgang toon "$I" "${J[@]}"
show overgang monitor --per 30-06-2025 --top 10
AANBIEDER=$(veld "$E" 6)
show overgang signalen --per 30-06-2025 --aanbieder "$AANBIEDER"
printf '\n$ zaakstroom overgang signalen --per 30-06-2025 | tail -n 1\n'
zaakstroom overgang signalen --per 30-06-2025 | tail -n 1
