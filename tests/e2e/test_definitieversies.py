"""A zaak runs on the definition version stored when it was registered (domain.definitieversie):
readable for every user and process, also without the ZAAKSTROOM_DEFINITIES it came from."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workflow.definitie import INGEBOUWD
from workflow.engine import herlaad

ROOT = Path(__file__).resolve().parents[2]
NAAM = "proef-melding"
WMO = (INGEBOUWD / "wmo-melding" / "v1.toml").read_text(encoding="utf-8")


class Definities:
    """A folder for ZAAKSTROOM_DEFINITIES with zaaktype proef-melding: the wmo-melding under another name."""

    def __init__(self, pad: Path, monkeypatch) -> None:
        self.pad = pad
        self.monkeypatch = monkeypatch

    def schrijf(self, versie: int = 1, beslistermijn: int = 2) -> None:
        tekst = WMO.replace('naam = "wmo-melding"', f'naam = "{NAAM}"').replace("versie = 1", f"versie = {versie}")
        tekst = tekst.replace('naam = "beslistermijn"\n  lengte = 2', f'naam = "beslistermijn"\n  lengte = {beslistermijn}')
        assert f"lengte = {beslistermijn}" in tekst
        (self.pad / NAAM).mkdir(parents=True, exist_ok=True)
        (self.pad / NAAM / f"v{versie}.toml").write_text(tekst, encoding="utf-8")

    def aan(self) -> None:
        self.monkeypatch.setenv("ZAAKSTROOM_DEFINITIES", str(self.pad))
        herlaad()

    def uit(self) -> None:
        self.monkeypatch.delenv("ZAAKSTROOM_DEFINITIES", raising=False)
        herlaad()


@pytest.fixture
def definities(tmp_path, monkeypatch):
    d = Definities(tmp_path / "definities", monkeypatch)
    yield d
    d.uit()


def registreer(zs, nummer: str, zaaktype: str = NAAM, *extra: str, ok: bool = True):
    return zs("zaak", "registreer", nummer, "--zaaktype", zaaktype, "--omschrijving", "Traplift",
              "--behandelaar", "consulent", "--datum", "01-03-2021", *extra, ok=ok)


def test_een_zaak_op_een_eigen_definitie_blijft_leesbaar_zonder_zaakstroom_definities(zs, definities):
    definities.schrijf()
    definities.aan()
    registreer(zs, "600001")
    opslag = zs.json("zaaktype", "toon", NAAM)["opslag"]
    assert (opslag["vastgelegd"], opslag["bron"], opslag["bestand_wijkt_af"]) == (True, str(definities.pad), False)

    definities.uit()
    shutil.rmtree(definities.pad)  # and the folder is gone as well
    z = zs.json("zaak", "toon", "600001")
    assert (z["zaaktype_titel"], z["status"], z["termijnen"][0]["einde"]) == ("Wmo-melding", "onderzoek", "2021-04-12")
    z = zs.json("zaak", "stap", "600001", "aanvraag_ontvangen", "--datum", "05-04-2021")
    assert (z["status"], z["termijnen"][0]["naam"], z["termijnen"][0]["einde"]) == (
        "beschikking", "beslistermijn", "2021-04-19")
    assert [r["gebeurtenis"] for r in zs.json("audit", "geschiedenis", "600001")] == ["geregistreerd", "stap"]
    assert zs.json("audit", "toon", "600001", "--per", "01-04-2021")["status"] == "onderzoek"
    assert zs.json("projecties", "bijwerken")["laatste"] == 3  # the stored version and the zaak's two events
    assert [(r["zaaknummer"], r["status"]) for r in zs.json("zaak", "lijst")] == [("600001", "beschikking")]
    getoond = zs.json("zaaktype", "toon", NAAM, "--versie", "1")
    assert (getoond["opslag"]["sha256"], getoond["opslag"]["bestand"]) == (opslag["sha256"], None)
    assert "het bestand is hier niet te vinden" in zs("zaaktype", "toon", NAAM, "--versie", "1").stdout

    # Another process, started without the setting, reads the zaak too.
    env = {k: v for k, v in os.environ.items() if k != "ZAAKSTROOM_DEFINITIES"}
    uit = subprocess.run([sys.executable, "-c", "from cli.main import main; main()", "--db", zs.db,
                          "zaak", "toon", "600001", "--json"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout)["status"] == "beschikking"

    # A new zaak is registered on a definition file, which is not here.
    nieuw = registreer(zs, "600002", ok=False)
    assert nieuw.exit_code == 1 and f"Onbekend zaaktype '{NAAM}'" in nieuw.stderr


def test_een_gewijzigde_definitie_onder_hetzelfde_versienummer_wordt_geweigerd(zs, definities):
    definities.schrijf()
    definities.aan()
    registreer(zs, "600001")
    definities.schrijf(beslistermijn=4)  # edited in place: v1 is published, so this is refused
    definities.aan()

    geweigerd = registreer(zs, "600002", ok=False)
    assert geweigerd.exit_code == 1 and "Traceback" not in geweigerd.output
    assert f"Fout: Zaaktype {NAAM} v1 is al vastgelegd met andere inhoud" in geweigerd.stderr
    assert "geef de gewijzigde definitie" in geweigerd.stderr and "een nieuw versienummer" in geweigerd.stderr
    assert "Zaak 600002 bestaat niet." in zs("zaak", "toon", "600002", ok=False).stderr

    # The zaak on v1 keeps the stored rules: a beslistermijn of 2 weeks, not the file's 4.
    z = zs.json("zaak", "stap", "600001", "aanvraag_ontvangen", "--datum", "05-04-2021")
    assert (z["termijnen"][0]["naam"], z["termijnen"][0]["einde"]) == ("beslistermijn", "2021-04-19")
    getoond = zs.json("zaaktype", "toon", NAAM, "--versie", "1")
    assert getoond["opslag"]["bestand_wijkt_af"] is True
    [beslistermijn] = [t for s in getoond["toestanden"] for t in s["termijnen"] if t["naam"] == "beslistermijn"]
    assert beslistermijn["regel"].startswith("2 weken")
    assert "wijkt af van de vastgelegde tekst" in zs("zaaktype", "toon", NAAM, "--versie", "1").stdout

    # Under a new version number the change is welcome.
    definities.schrijf(versie=2, beslistermijn=4)
    definities.aan()
    assert zs.json("zaak", "registreer", "600002", "--zaaktype", NAAM, "--omschrijving", "Rolstoel",
                   "--behandelaar", "consulent", "--datum", "01-03-2021")["zaaktype_versie"] == 2
    z = zs.json("zaak", "stap", "600002", "aanvraag_ontvangen", "--datum", "05-04-2021")
    assert z["termijnen"][0]["einde"] == "2021-05-03"


def test_een_ingebouwde_versie_wordt_vastgelegd_bij_de_eerste_zaak(zs):
    assert zs.json("zaaktype", "toon", "wmo-melding")["opslag"]["vastgelegd"] is False
    registreer(zs, "600001", "wmo-melding", "--actor", "m.deboer")
    opslag = zs.json("zaaktype", "toon", "wmo-melding")["opslag"]
    assert (opslag["vastgelegd"], opslag["bron"], opslag["actor"]) == (True, "ingebouwd", "m.deboer")
    registreer(zs, "600002", "wmo-melding")
    assert zs.json("projecties", "bijwerken")["laatste"] == 3  # one stored version for both zaken
    # A zaaknummer that exists already stores nothing, not even the version it would have started on.
    dubbel = registreer(zs, "600001", "raadsvoorstel", ok=False)
    assert "Zaak 600001 bestaat al" in dubbel.stderr
    assert zs.json("zaaktype", "toon", "raadsvoorstel")["opslag"]["vastgelegd"] is False


def test_een_aanbesteding_loopt_op_de_vastgelegde_procedureversie(zs, tmp_path, monkeypatch):
    from workflow import aanbestedingen
    from dataclasses import replace

    from workflow.definitie import PROCEDURE

    zs("aanbesteding", "registreer", "AB-1", "--titel", "Schoonmaak", "--procedure", "concurrentiegerichte-dialoog",
       "--perceel", "Noord", "--max-kandidaten", "2", "--looptijd", "4", "--datum", "10-01-2023")
    # Without the procedure files the aanbesteding still reads its phases: from the store.
    monkeypatch.setattr(aanbestedingen, "PROCEDURE", replace(PROCEDURE, mappen=(tmp_path,)))
    a = zs.json("aanbesteding", "toon", "AB-1")
    assert a["procedure"] == "concurrentiegerichte-dialoog" and a["procedure_versie"] == 1
    zs("aanbesteding", "stap", "AB-1", "marktconsultatie_starten", "--datum", "01-02-2023")


def test_een_zaak_van_voor_de_opgeslagen_versies_leest_zijn_bestand_of_de_opgeslagen_versie(zs, definities):
    from domain.zaak import Zaak
    from store.config import Opslag
    from workflow.application import Zaakstroom
    from workflow.engine import workflow

    definities.schrijf()
    definities.aan()
    # As the code before this change registered it: no sha256, nothing stored.
    d = workflow(NAAM).definitie
    app = Zaakstroom(Opslag(zs.db))
    try:
        app.save(Zaak.registreer(
            zaaknummer="600000", zaaktype=NAAM, zaaktype_versie=1, omschrijving="Oud", portefeuillehouders=[],
            behandelaar="consulent", sector=None, status=d.begintoestand,
            termijnen=workflow(NAAM).termijnen_bij_binnenkomst(d.begintoestand, *[date(2021, 3, 1)] * 2),
            actor="test", datum=date(2021, 3, 1), reden=None))
    finally:
        app.close()
    assert zs.json("zaak", "toon", "600000")["status"] == "onderzoek"  # from its file
    definities.uit()
    assert f"Onbekend zaaktype '{NAAM}'" in zs("zaak", "toon", "600000", ok=False).stderr  # as it always was

    definities.aan()
    registreer(zs, "600001")  # stores v1
    definities.uit()
    assert zs.json("zaak", "stap", "600000", "aanvraag_ontvangen", "--datum", "05-04-2021")["status"] == "beschikking"


def test_zaak_stap_leest_de_opgeslagen_versie_niet_als_het_bestand_ongewijzigd_is(zs_sqlite):
    """Start-up: a zaak whose definition file is here and unchanged runs as before, without
    loading the stored version (no extra read, no extra module)."""
    registreer(zs_sqlite, "600001", "wmo-melding")
    code = f"""
import sys
from cli.main import zaakstroom
try:
    zaakstroom(["--db", {zs_sqlite.db!r}, "zaak", "stap", "600001", "aanvraag_ontvangen", "--datum", "05-04-2021"],
               standalone_mode=False)
except SystemExit:
    pass
print("domain.definitieversie" in sys.modules)
"""
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         check=False)
    assert uit.returncode == 0, uit.stderr
    assert "→ beschikking" in uit.stdout and uit.stdout.split()[-1] == "False"
