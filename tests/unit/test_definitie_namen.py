"""The names the parts' code uses are checked against the definitions that say they support the part,
and the one registry of named checks knows every name before any part is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workflow import advies, aanbestedingen, besluitvorming, definitie, zienswijzen
from workflow.definitie import INGEBOUWD, PROCEDURES, DefinitieFout, lees_definitie
from workflow.engine import procedure, workflow

ROOT = Path(__file__).parent.parent.parent
DELEN = {"besluitvorming": besluitvorming.VEREIST, "zienswijzen": zienswijzen.VEREIST, "advies": advies.VEREIST,
         "aanbestedingen": aanbestedingen.VEREIST}


def kopie(tmp_path: Path, bron: Path, *vervangingen: tuple[str, str]) -> Path:
    """The shipped definition `bron`, with text replaced, as <tmp>/<naam>/v1.toml."""
    tekst = bron.read_text(encoding="utf-8")
    for oud, nieuw in vervangingen:
        assert oud in tekst, oud
        tekst = tekst.replace(oud, nieuw)
    pad = tmp_path / bron.parent.name / bron.name
    pad.parent.mkdir(parents=True)
    pad.write_text(tekst, encoding="utf-8")
    return pad


RAADSVOORSTEL = INGEBOUWD / "raadsvoorstel" / "v1.toml"
ADVIESAANVRAAG = INGEBOUWD / "adviesaanvraag" / "v1.toml"
CGD = PROCEDURES / "concurrentiegerichte-dialoog" / "v1.toml"


def test_elke_meegeleverde_definitie_heeft_de_namen_van_haar_onderdelen():
    gelezen = [workflow(n).definitie for n in definitie.zaaktypen()]
    gelezen += [procedure(n).definitie for n in definitie.procedures()]
    assert {o for d in gelezen for o in d.onderdelen} == set(DELEN)
    for d in gelezen:
        for o in d.onderdelen:
            assert DELEN[o].controleer(d) is d


@pytest.mark.parametrize(("bron", "vervanging", "melding"), [
    (RAADSVOORSTEL, ('stap = "besluiten"', 'stap = "beslissen"'),
     "onderdeel besluitvorming gebruikt stap 'besluiten', die de definitie niet heeft."),
    (RAADSVOORSTEL, ('"beroep_ingesteld"', '"beroep"'),
     "onderdeel besluitvorming gebruikt stap 'beroep_ingesteld', die de definitie niet heeft."),
    (RAADSVOORSTEL, ('"in_beroep"', '"beroep_loopt"'),
     "onderdeel besluitvorming gebruikt toestand 'in_beroep', die de definitie niet heeft."),
    (RAADSVOORSTEL, [('"beroepstermijn"\n  lengte', '"rechtsmiddelentermijn"\n  lengte'),
                     ('na_termijn = "beroepstermijn"', 'na_termijn = "rechtsmiddelentermijn"')],
     "onderdeel besluitvorming gebruikt termijn 'beroepstermijn', die de definitie niet heeft."),
    (RAADSVOORSTEL, [('"zienswijzetermijn"\n  lengte', '"inspraaktermijn"\n  lengte'),
                     ('na_termijn = "zienswijzetermijn"', 'na_termijn = "inspraaktermijn"')],
     "onderdeel zienswijzen gebruikt termijn 'zienswijzetermijn', die de definitie niet heeft."),
    (ADVIESAANVRAAG, ('stap = "reageren"', 'stap = "antwoorden"'),
     "onderdeel advies gebruikt stap 'reageren', die de definitie niet heeft."),
    (CGD, ('stap = "definitief_gunnen"', 'stap = "gunnen"'),
     "onderdeel aanbestedingen gebruikt stap 'definitief_gunnen', die de definitie niet heeft."),
    (RAADSVOORSTEL, ('onderdelen = ["besluitvorming", "zienswijzen"]', 'onderdelen = ["besluitvorming", "inspraak"]'),
     "onbekend onderdeel 'inspraak'; bekend: zaken, zienswijzen, besluitvorming"),
    (RAADSVOORSTEL, ('voorwaarden = ["politieke_markt_gehouden"]', 'voorwaarden = ["pm_gehouden"]'),
     "stap 'besluiten' noemt onbekende voorwaarde pm_gehouden; bekend: aanmeldingen_beoordeeld"),
    (CGD, ('handelingen = ["dialoogsessie"]', 'handelingen = ["dialoogsessie", "koffie"]'),
     "toestand 'dialoogfase' noemt onbekende handeling koffie; bekend: aanmelding, afwijzen, beoordeel"),
])
def test_een_definitie_zonder_een_naam_van_haar_onderdeel_wordt_geweigerd_met_het_bestand(
        tmp_path, bron, vervanging, melding):
    pad = kopie(tmp_path, bron, *(vervanging if isinstance(vervanging, list) else [vervanging]))
    with pytest.raises(DefinitieFout) as fout:
        lees_definitie(pad)
    assert str(fout.value).startswith(f"Definitie {pad}: ")
    assert melding in str(fout.value)


def test_een_handeling_in_een_zaaktype_zonder_onderdeel_dat_haar_biedt(tmp_path):
    pad = kopie(tmp_path, INGEBOUWD / "wmo-melding" / "v1.toml",
                ('titel = "Onderzoek na melding"', 'titel = "Onderzoek na melding"\nhandelingen = ["aanmelding"]'))
    with pytest.raises(DefinitieFout, match="toestand 'onderzoek' noemt onbekende handeling aanmelding; bekend: geen"):
        lees_definitie(pad)


def test_gelezen_voordat_het_onderdeel_er_was_dan_geweigerd_als_het_onderdeel_de_zaak_neemt(tmp_path, monkeypatch):
    pad = kopie(tmp_path, RAADSVOORSTEL, ('stap = "bekendmaken"', 'stap = "publiceren"'))
    # As in a process where `zaak stap` read the definition and besluitvorming was not imported.
    monkeypatch.setattr(definitie, "_VEREIST", {})
    d = lees_definitie(pad)
    monkeypatch.undo()
    with pytest.raises(DefinitieFout, match=f"^Definitie {pad}: onderdeel besluitvorming gebruikt stap 'bekendmaken'"):
        besluitvorming.VEREIST.controleer(d)


def test_een_onderdeel_neemt_alleen_een_definitie_die_het_noemt(tmp_path):
    pad = kopie(tmp_path, RAADSVOORSTEL, ('onderdelen = ["besluitvorming", "zienswijzen"]', 'onderdelen = ["zienswijzen"]'))
    d = lees_definitie(pad)
    with pytest.raises(DefinitieFout, match=r"hoort niet bij onderdeel besluitvorming \(onderdelen = \['zienswijzen'\]\)"):
        besluitvorming.VEREIST.controleer(d)


def test_een_voorwaarde_registreert_alleen_onder_een_naam_uit_delen():
    from workflow.voorwaarden import voorwaarde

    with pytest.raises(RuntimeError, match="Voorwaarde 'verzonnen' staat niet bij het onderdeel"):
        voorwaarde("verzonnen")(lambda c: None)
    with pytest.raises(RuntimeError, match="Voorwaarde 'zienswijzen_beantwoord' staat niet bij het onderdeel"):
        voorwaarde("zienswijzen_beantwoord")(lambda c: None)  # registered from another module


def test_een_voorwaarde_laadt_haar_module_pas_als_een_stap_haar_vraagt():
    code = """
import sys
from workflow.definitie import definitie
from workflow import voorwaarden
definitie("raadsvoorstel")  # names zienswijzen_beantwoord: known, not imported
print("workflow.zienswijzen" in sys.modules, "workflow.aanbestedingen" in sys.modules)
voorwaarden.controle("zienswijzen_beantwoord")
print("workflow.zienswijzen" in sys.modules, "workflow.aanbestedingen" in sys.modules)
"""
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["False", "False", "True", "False"]


def test_een_machine_per_definitieversie():
    assert workflow("wmo-melding") is workflow("wmo-melding", 1)
    assert workflow("wmo-melding").machine is workflow("wmo-melding", 1).machine
    assert procedure("concurrentiegerichte-dialoog") is procedure("concurrentiegerichte-dialoog", 1)


def test_de_stap_van_een_perceel_wordt_geweigerd_met_de_toegestane_stappen():
    from datetime import date

    from domain.fouten import DomeinFout
    from workflow import engine

    wf = procedure("concurrentiegerichte-dialoog")
    vraag = dict(lopend=[], datum=date(2024, 9, 1), context=None, startdatum=date(2023, 1, 1), kenmerk="T-1",
                 bij="perceel Noord")
    with pytest.raises(DomeinFout, match=r"^'definitief_gunnen' is niet toegestaan vanuit fase 'beoordeling' van "
                                         r"perceel Noord\. Toegestaan vanuit 'beoordeling': "
                                         r"gunningsbeslissing_versturen, intrekken\.$"):
        engine.stap(wf, "beoordeling", "definitief_gunnen", **vraag)
    with pytest.raises(DomeinFout, match=r"^'vliegen' is geen stap van procedure concurrentiegerichte-dialoog\."):
        engine.stap(wf, "beoordeling", "vliegen", **vraag)
    with pytest.raises(DomeinFout, match=r"legt ook gegevens vast; gebruik 'zaakstroom aanbesteding gunnen T-1 …'\.$"):
        engine.stap(wf, "standstill", "definitief_gunnen", **vraag, algemeen=True)
    toegestaan = engine.stap(wf, "beoordeling", "gunningsbeslissing_versturen", **vraag)
    assert toegestaan.overgang.naar == "standstill"
    assert [t["naam"] for t in toegestaan.termijnen] == ["standstilltermijn"]
