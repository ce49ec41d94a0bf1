"""Zaaktypen are data: listing them, showing one, and versions that running zaken keep."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from workflow.definitie import INGEBOUWD
from workflow.engine import herlaad


def test_zaaktype_lijst_toont_de_meegeleverde_zaaktypen(zs_sqlite):
    namen = [d["naam"] for d in zs_sqlite.json("zaaktype", "lijst")]
    assert {"raadsvoorstel", "adviesaanvraag", "wmo-melding", "omgevingsvergunning-regulier"} <= set(namen)
    assert "raadsvoorstel" in zs_sqlite("zaaktype", "lijst").stdout


def test_zaaktype_toon_noemt_termijnen_met_hun_regel_en_grondslag(zs_sqlite):
    d = zs_sqlite.json("zaaktype", "toon", "omgevingsvergunning-regulier")
    assert d["verlenging"]["max_aantal"] == 1 and d["verlenging"]["max_lengte"] == 6
    [beslistermijn] = [t for s in d["toestanden"] for t in s["termijnen"] if t["naam"] == "beslistermijn"]
    assert beslistermijn["regel"].startswith("8 weken, te rekenen vanaf de dag na")
    tekst = zs_sqlite("zaaktype", "toon", "raadsvoorstel").stdout
    assert "termijn zienswijzetermijn (wachttermijn): 6 weken, te rekenen vanaf de dag van de gebeurtenis" in tekst
    assert "Awb 3:16" in tekst
    onbekend = zs_sqlite("zaaktype", "toon", "bouwplan", ok=False)
    assert onbekend.exit_code == 1 and "Onbekend zaaktype 'bouwplan'" in onbekend.stderr


@pytest.fixture
def nieuwe_versie(tmp_path, monkeypatch):
    """A v2 of wmo-melding in an extra definitions folder, with a longer onderzoekstermijn."""
    map_ = tmp_path / "definities" / "wmo-melding"
    map_.mkdir(parents=True)
    tekst = (INGEBOUWD / "wmo-melding" / "v1.toml").read_text(encoding="utf-8")
    tekst = tekst.replace("versie = 1", "versie = 2")
    tekst = tekst.replace('naam = "onderzoekstermijn"\n  lengte = 6', 'naam = "onderzoekstermijn"\n  lengte = 8')
    (map_ / "v2.toml").write_text(tekst, encoding="utf-8")

    def activeer() -> None:
        monkeypatch.setenv("ZAAKSTROOM_DEFINITIES", str(tmp_path / "definities"))
        herlaad()

    yield activeer
    monkeypatch.delenv("ZAAKSTROOM_DEFINITIES", raising=False)
    herlaad()


def test_een_lopende_zaak_houdt_de_versie_waarop_hij_begon(zs_sqlite, nieuwe_versie):
    zs_sqlite("zaak", "registreer", "500001", "--zaaktype", "wmo-melding", "--omschrijving", "Melding",
              "--behandelaar", "consulent", "--datum", "01-03-2021")
    nieuwe_versie()
    assert zs_sqlite.json("zaaktype", "toon", "wmo-melding")["versie"] == 2
    nieuw = zs_sqlite.json("zaak", "registreer", "500002", "--zaaktype", "wmo-melding", "--omschrijving", "Melding",
                           "--behandelaar", "consulent", "--datum", "01-03-2021")
    oud = zs_sqlite.json("zaak", "toon", "500001")
    assert (oud["zaaktype_versie"], oud["termijnen"][0]["einde"]) == (1, "2021-04-12")
    assert (nieuw["zaaktype_versie"], nieuw["termijnen"][0]["einde"]) == (2, "2021-04-26")
    # The old zaak keeps running on v1.
    assert zs_sqlite.json("zaak", "stap", "500001", "aanvraag_ontvangen", "--datum", "05-04-2021")["zaaktype_versie"] == 1
    assert zs_sqlite.json("zaaktype", "toon", "wmo-melding", "--versie", "1")["versie"] == 1


def test_een_kapotte_definitie_geeft_een_melding_met_het_bestand(tmp_path, monkeypatch, zs_sqlite):
    map_ = tmp_path / "raar"
    map_.mkdir()
    shutil.copy(INGEBOUWD / "wmo-melding" / "v1.toml", map_ / "v1.toml")
    tekst = (map_ / "v1.toml").read_text().replace('naam = "wmo-melding"', 'naam = "raar"')
    (map_ / "v1.toml").write_text(tekst.replace('naar = "beschikking"', 'naar = "nergens"'))
    monkeypatch.setenv("ZAAKSTROOM_DEFINITIES", str(tmp_path))
    herlaad()
    try:
        result = zs_sqlite("zaaktype", "toon", "raar", ok=False)
        assert result.exit_code == 1
        assert "stap 'aanvraag_ontvangen' noemt onbekende toestand 'nergens'" in result.stderr
        assert str(Path(map_ / "v1.toml")) in result.stderr
    finally:
        monkeypatch.delenv("ZAAKSTROOM_DEFINITIES")
        herlaad()


def test_een_map_in_zaakstroom_definities_die_niet_bestaat_is_een_fout(zs_sqlite, tmp_path, monkeypatch):
    """A typo in the setting must not silently hide zaaktypen: refused at the first use, with the path."""
    weg = tmp_path / "bestaat-niet"
    monkeypatch.setenv("ZAAKSTROOM_DEFINITIES", os.pathsep.join([str(tmp_path), str(weg)]))
    herlaad()
    try:
        registreer = ("zaak", "registreer", "600001", "--zaaktype", "wmo-melding", "--omschrijving", "Melding",
                      "--behandelaar", "consulent")
        for uitkomst in (zs_sqlite("zaaktype", "lijst", ok=False), zs_sqlite(*registreer, ok=False)):
            assert uitkomst.exit_code == 1 and "Traceback" not in uitkomst.output
            assert f"Fout: ZAAKSTROOM_DEFINITIES noemt {weg}, maar die map bestaat niet" in uitkomst.stderr
        assert "Zaak 600001 bestaat niet." in zs_sqlite("zaak", "toon", "600001", ok=False).stderr
        bestand = tmp_path / "los.toml"
        bestand.write_text("", encoding="utf-8")
        monkeypatch.setenv("ZAAKSTROOM_DEFINITIES", str(bestand))
        herlaad()
        uitkomst = zs_sqlite("zaaktype", "toon", "wmo-melding", ok=False)
        assert uitkomst.exit_code == 1
        assert f"Fout: ZAAKSTROOM_DEFINITIES noemt {bestand}, maar dat is geen map" in uitkomst.stderr
    finally:
        monkeypatch.delenv("ZAAKSTROOM_DEFINITIES")
        herlaad()
