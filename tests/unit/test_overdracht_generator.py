"""The synthetic population: seedable, Hengelo's mix, marked as synthetic, and valid for the import."""

from __future__ import annotations

from collections import Counter

from domain.overdracht import Wet
from workflow.overdracht_csv import lees_populatie
from workflow.overdracht_generator import STANDAARD_AANTAL, genereer

PRODUCTEN = ("begeleiding", "dagbesteding", "dagopvang")


def test_zelfde_seed_zelfde_populatie_andere_seed_andere():
    assert genereer(aantal=300, seed=7).tekst == genereer(aantal=300, seed=7).tekst
    assert genereer(aantal=300, seed=7).tekst != genereer(aantal=300, seed=8).tekst


def test_hengelo_schaal_en_verhoudingen():
    assert STANDAARD_AANTAL == 9_470
    p = genereer(seed=1)
    inv = lees_populatie(p.tekst.encode(), PRODUCTEN)
    assert inv.synthetisch and not inv.afgewezen and len(inv.rijen) == 9_470
    wetten = Counter(r.wet for r in inv.rijen)
    assert 0.75 < wetten[Wet.WMO] / len(inv.rijen) < 0.79  # 7,300 of 9,470
    aanbieders = {r.latende_aanbieder for r in inv.rijen if r.latende_aanbieder}
    assert 85 <= len(aanbieders) <= 90
    grootte = Counter(r.latende_aanbieder for r in inv.rijen if r.latende_aanbieder).most_common()
    assert grootte[0][1] > 10 * grootte[-1][1]  # a few large providers, a long tail
    eindjaren = Counter(r.einddatum.year for r in inv.rijen)
    assert set(eindjaren) <= {2025, 2026, 2027, 2028} and min(eindjaren.values()) > 100
    toestemming = Counter(r.toestemming for r in inv.rijen)
    assert toestemming[None] > 1000 and toestemming["geweigerd"] > 100  # some without consent
    nieuw = [r for r in inv.rijen if r.latende_aanbieder is None]
    assert nieuw and all(r.indicatie_start.year == 2025 for r in nieuw)  # R3: new hulpvragen


def test_overal_als_synthetisch_gemarkeerd():
    p = genereer(aantal=40, seed=2)
    assert p.tekst.startswith("# SYNTHETISCHE POPULATIE")
    inv = lees_populatie(p.tekst.encode(), PRODUCTEN)
    assert all(r.client.startswith("SYN-") for r in inv.rijen)
    assert all(a.startswith("Synthetische aanbieder") for a in p.aanbieders) and len(p.aanbieders) == 90


def test_opzettelijke_fouten_worden_afgewezen_en_raken_geen_goede_client():
    inv = lees_populatie(genereer(aantal=500, seed=4, fouten=12).tekst.encode(), PRODUCTEN)
    # Unknown providers are refused by the service (they depend on the overgangsjaar), not by the reader.
    fout_ids = {r.client for r in inv.rijen if r.client.startswith("SYN-F")}
    assert len(inv.afgewezen) + len(fout_ids) == 12
    assert len([r for r in inv.rijen if not r.client.startswith("SYN-F")]) == 500
