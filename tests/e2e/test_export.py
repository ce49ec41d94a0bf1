"""`audit export` and `audit controleer-export`: an archive's copy of the history, checked without our code."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

from tests.e2e.hart_van_zuid import HVZ, seed, tot_het_raadsbesluit
from tests.e2e.test_aanbesteding import K, registreer

NAAM = "Henriëtte Vereeniging-Stork"
CONTROLE = Path(__file__).resolve().parents[2] / "workflow" / "exportcontrole.py"


def _wmo(zs, nummer="900001") -> None:
    zs("zaak", "registreer", nummer, "--zaaktype", "wmo-melding", "--omschrijving", "Melding huishoudelijke hulp",
       "--behandelaar", "consulent", "--datum", "01-03-2021")
    zs("zaak", "stap", nummer, "aanvraag_ontvangen", "--datum", "08-03-2021")
    zs("zaak", "opschorten", nummer, "--datum", "10-03-2021", "--reden", "Uitgenodigd de aanvraag aan te vullen")
    zs("zaak", "hervatten", nummer, "--datum", "20-03-2021")


def lees(map_: Path) -> tuple[list[dict], dict]:
    regels = [json.loads(r) for r in (map_ / "gebeurtenissen.jsonl").read_text(encoding="utf-8").splitlines()]
    return regels, json.loads((map_ / "manifest.json").read_text(encoding="utf-8"))


def schrijf(map_: Path, regels: list[dict], manifest: dict, *, manifest_bijwerken: bool = True) -> None:
    """Write tampered lines back; like a careful forger, also the manifest's sha256 and size."""
    data = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in regels).encode()
    (map_ / "gebeurtenissen.jsonl").write_bytes(data)
    if manifest_bijwerken:
        manifest["bestanden"]["gebeurtenissen.jsonl"].update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data),
                                                             regels=len(regels))
    (map_ / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def controleer(zs, map_: Path) -> tuple[int, dict]:
    r = zs("audit", "controleer-export", str(map_), "--json", ok=False)
    return r.exit_code, json.loads(r.stdout)


def meldingen(u: dict) -> str:
    return "\n".join(b["melding"] for b in u["breuken"])


def test_export_van_een_zaak_een_aanbesteding_alles_en_een_periode(zs, tmp_path):
    seed(zs, "--naam", NAAM, "--adres", "Marktstraat 41, 7551 DT Hengelo")
    tot_het_raadsbesluit(zs)
    _wmo(zs)
    registreer(zs)
    anker = zs.json("audit", "anker")

    # One zaak: every aggregate of it, whole.
    u = zs.json("audit", "export", HVZ, "--uitvoer", str(tmp_path / "hvz"))
    assert u["selectie"] == {"soort": "zaak", "nummer": HVZ}
    regels, m = lees(tmp_path / "hvz")
    soorten = {(a["soort"], a["sleutel"]) for a in m["aantallen"]["per_aggregaat"].values()}
    assert soorten == {("zaak", HVZ), ("inspraakdossier", HVZ), ("zienswijze", f"{HVZ}-1"), ("zienswijze", f"{HVZ}-2"),
                       ("zienswijze", f"{HVZ}-3"), ("zienswijze", f"{HVZ}-4"), ("raadsagenda", "26 oktober 2022"),
                       ("definitieversie", "zaaktype raadsvoorstel v1")}
    assert all(a["volledig"] for a in m["aantallen"]["per_aggregaat"].values())
    assert len(regels) == u["gebeurtenissen"] == m["aantallen"]["gebeurtenissen"]
    assert [r["regel"] for r in regels] == list(range(1, len(regels) + 1))
    ids = [r["notification_id"] for r in regels]
    assert ids == sorted(ids)
    assert len(zs.json("audit", "geschiedenis", HVZ)) < len(regels)  # + the definition and the whole raadsagenda
    # The stored bytes are there exactly: base64 of what the hash is over, with readable fields beside them.
    r = regels[0]
    assert r["topic"] == "domain.definitieversie:Definitieversie.Vastgelegd"
    assert json.loads(base64.b64decode(r["state"]))["naam"] == "raadsvoorstel"
    assert r["velden"]["tekst"].startswith('naam = "raadsvoorstel"')
    [d] = m["definities"]
    assert (d["naam"], d["versie"], d["in_export"]) == ("raadsvoorstel", 1, True)
    assert hashlib.sha256(d["tekst"].encode()).hexdigest() == d["sha256"]
    assert m["keten"]["kop_bij_export"]["anker"] == anker["anker"]
    assert m["keten"]["volledig"] is False and m["keten"]["niet_te_controleren"]
    assert "niet te ontsleutelen" in m["persoonsgegevens"] and "SHA-256" in m["hashalgoritme"]
    assert "exportcontrole.py" in m["controle"]
    assert "***" in m["opslag"] or "postgresql" not in m["opslag"] or "@" not in m["opslag"]
    # Personal data only as ciphertext: the name is nowhere, in no encoding.
    ruw = (tmp_path / "hvz" / "gebeurtenissen.jsonl").read_text(encoding="utf-8")
    assert NAAM not in ruw and "Marktstraat" not in ruw
    assert all(NAAM.encode() not in base64.b64decode(r["state"]) for r in regels)
    rc, c = controleer(zs, tmp_path / "hvz")
    assert (rc, c["in_orde"], c["gebeurtenissen"]) == (0, True, len(regels)), meldingen(c)

    # An aanbesteding: its own events and its procedure version.
    u = zs.json("audit", "export", K, "--uitvoer", str(tmp_path / "ab"))
    regels, m = lees(tmp_path / "ab")
    assert u["selectie"] == {"soort": "aanbesteding", "kenmerk": K}
    assert {a["soort"] for a in m["aantallen"]["per_aggregaat"].values()} == {"aanbesteding", "definitieversie"}
    assert [d["naam"] for d in m["definities"]] == ["concurrentiegerichte-dialoog"]
    assert controleer(zs, tmp_path / "ab")[0] == 0

    # Everything: the whole chain from genesis to the head an auditor anchored.
    u = zs.json("audit", "export", "--alles", "--uitvoer", str(tmp_path / "alles"))
    regels, m = lees(tmp_path / "alles")
    assert m["keten"]["volledig"] is True
    assert m["keten"]["kop_selectie"] == {"id": anker["id"], "hash": anker["hash"]}
    assert [r["notification_id"] for r in regels] == list(range(1, anker["id"] + 1))
    assert {d["naam"] for d in m["definities"]} == {"raadsvoorstel", "wmo-melding", "concurrentiegerichte-dialoog"}
    rc, c = controleer(zs, tmp_path / "alles")
    assert (rc, c["niet_te_controleren"]) == (0, []), meldingen(c)
    tekst = zs("audit", "controleer-export", str(tmp_path / "alles")).stdout
    assert tekst.startswith(f"Export in orde: {len(regels)} gebeurtenissen")

    # A period, by the day of recording: everything was recorded today.
    vandaag = date.today().strftime("%d-%m-%Y")
    u = zs.json("audit", "export", "--van", vandaag, "--tot", vandaag, "--uitvoer", str(tmp_path / "periode"))
    assert u["gebeurtenissen"] == len(regels)
    assert controleer(zs, tmp_path / "periode")[0] == 0
    leeg = zs.json("audit", "export", "--van", "01-01-2020", "--tot", "31-12-2020", "--uitvoer", str(tmp_path / "leeg"))
    assert leeg["gebeurtenissen"] == 0
    assert controleer(zs, tmp_path / "leeg")[0] == 0


def test_elke_wijziging_van_een_export_wordt_gevonden_en_genoemd(zs, tmp_path):
    seed(zs)
    _wmo(zs)
    origineel = tmp_path / "origineel"
    zs("audit", "export", HVZ, "--uitvoer", str(origineel))
    regels, m = lees(origineel)

    def kopie(naam: str) -> Path:
        doel = tmp_path / naam
        shutil.copytree(origineel, doel)
        return doel

    # A changed state (and its readable fields, so only the hash can tell).
    p = kopie("state")
    rs, mm = lees(p)
    i = next(n for n, r in enumerate(rs) if r["topic"].endswith("Zienswijze.Ingediend"))
    state = json.loads(base64.b64decode(rs[i]["state"]))
    state["vorm"] = "mondeling"
    rs[i]["state"] = base64.b64encode(json.dumps(state).encode()).decode()
    rs[i]["velden"]["vorm"] = "mondeling"
    schrijf(p, rs, mm)
    rc, c = controleer(zs, p)
    assert rc == 1
    assert (f"regel {i + 1} (nr. {rs[i]['notification_id']} in de log, zienswijze {rs[i]['aggregaat']['sleutel']} "
            "gebeurtenis 1, domain.zienswijze:Zienswijze.Ingediend): inhoud gewijzigd") in meldingen(c)

    # Only the readable fields edited: the stored bytes say otherwise.
    p = kopie("velden")
    rs, mm = lees(p)
    rs[0]["velden"]["actor"] = "iemand anders"
    schrijf(p, rs, mm)
    assert "de leesbare velden komen niet overeen" in meldingen(controleer(zs, p)[1])

    # A line deleted (the manifest's sha256 made to fit): the gap in the file and in its aggregate.
    p = kopie("weg")
    rs, mm = lees(p)
    k = next(n for n, r in enumerate(rs) if r["originator_version"] == 2 and r["aggregaat"]["soort"] == "inspraakdossier")
    weg = rs.pop(k)
    schrijf(p, rs, mm)
    rc, c = controleer(zs, p)
    t = meldingen(c)
    assert rc == 1
    assert f"regel {k + 1} ontbreekt vóór" in t
    assert f"inspraakdossier {HVZ} gebeurtenis 3, " in t and "gebeurtenis 2 van dit aggregaat ontbreekt ervóór" in t
    assert f"het manifest noemt {len(regels)} gebeurtenissen, de export bevat er {len(regels) - 1}" in t
    assert weg["topic"] in t  # counts per topic name the kind that is missing

    # Two lines swapped.
    p = kopie("wissel")
    rs, mm = lees(p)
    rs[2], rs[3] = rs[3], rs[2]
    schrijf(p, rs, mm)
    t = meldingen(controleer(zs, p)[1])
    assert "regels verwisseld of verplaatst" in t and "niet meer in de volgorde van de log" in t

    # The manifest's counts edited.
    p = kopie("telling")
    rs, mm = lees(p)
    topic = rs[-1]["topic"]
    mm["aantallen"]["per_topic"][topic] += 1
    mm["aantallen"]["gebeurtenissen"] += 1
    schrijf(p, rs, mm, manifest_bijwerken=False)
    t = meldingen(controleer(zs, p)[1])
    assert f"aantallen per topic wijken af van het manifest: {topic}: manifest" in t
    assert f"het manifest noemt {len(regels) + 1} gebeurtenissen" in t

    # The definition text in the manifest changed.
    p = kopie("definitie")
    rs, mm = lees(p)
    mm["definities"][0]["tekst"] += "\n# aangepast\n"
    schrijf(p, rs, mm)
    assert "definitie raadsvoorstel v1: de tekst in het manifest past niet bij zijn sha256" in meldingen(
        controleer(zs, p)[1])

    # Truncated in the middle of a line, manifest untouched.
    p = kopie("kort")
    data = (p / "gebeurtenissen.jsonl").read_bytes()
    (p / "gebeurtenissen.jsonl").write_bytes(data[: len(data) * 2 // 3])
    t = meldingen(controleer(zs, p)[1])
    assert "is niet die in het manifest" in t and "(ingekort)" in t and "eindigt midden in een regel" in t
    assert "is geen geldige JSON" in t

    # The last line removed with the manifest's file hash made to fit: the heads in the manifest tell.
    p = kopie("staart")
    rs, mm = lees(p)
    rs.pop()
    schrijf(p, rs, mm)
    t = meldingen(controleer(zs, p)[1])
    assert "is niet de kop die het manifest noemt" in t

    # The manifest itself gone or broken.
    p = kopie("zonder")
    (p / "manifest.json").unlink()
    assert "manifest.json ontbreekt" in meldingen(controleer(zs, p)[1])
    p = kopie("kapot")
    (p / "manifest.json").write_text("{", encoding="utf-8")
    assert "manifest.json is geen geldige JSON" in meldingen(controleer(zs, p)[1])

    # The human output names each break, exit 1.
    r = zs("audit", "controleer-export", str(tmp_path / "wissel"), ok=False)
    assert r.exit_code == 1 and r.stdout.startswith("Export verbroken:")


def test_de_controle_draait_als_los_bestand_zonder_zaakstroom(zs_sqlite, tmp_path):
    _wmo(zs_sqlite)
    zs_sqlite("audit", "export", "--alles", "--uitvoer", str(tmp_path / "e"))
    los = tmp_path / "elders"
    los.mkdir()
    shutil.copy(CONTROLE, los / "exportcontrole.py")
    # -I: isolated, no site-packages, not our repository on the path: only the standard library.
    r = subprocess.run([sys.executable, "-I", str(los / "exportcontrole.py"), str(tmp_path / "e")],
                       capture_output=True, text=True, cwd=los)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("Export in orde: 5 gebeurtenissen van 2 aggregaten")
    regels, m = lees(tmp_path / "e")
    regels[1]["velden"]["reden"] = "x"
    state = json.loads(base64.b64decode(regels[1]["state"]))
    state["reden"] = "x"
    regels[1]["state"] = base64.b64encode(json.dumps(state).encode()).decode()
    schrijf(tmp_path / "e", regels, m)
    r = subprocess.run([sys.executable, "-I", str(los / "exportcontrole.py"), str(tmp_path / "e"), "--json"],
                       capture_output=True, text=True, cwd=los)
    assert r.returncode == 1
    u = json.loads(r.stdout)
    assert u["in_orde"] is False and any("inhoud gewijzigd" in b["melding"] for b in u["breuken"])


def test_alleen_voor_de_eigenaar_en_niet_over_een_bestaande_map(zs_sqlite, tmp_path):
    _wmo(zs_sqlite)
    doel = tmp_path / "e"
    zs_sqlite("audit", "export", "900001", "--uitvoer", str(doel))
    for naam in ("gebeurtenissen.jsonl", "manifest.json"):
        assert stat.S_IMODE((doel / naam).stat().st_mode) == 0o600
    assert stat.S_IMODE(doel.stat().st_mode) & 0o077 == 0
    r = zs_sqlite("audit", "export", "900001", "--uitvoer", str(doel), ok=False)
    assert r.exit_code == 1 and "bestaat al en is niet leeg" in r.stderr and "--overschrijven" in r.stderr
    bestand = tmp_path / "bestand"
    bestand.write_text("x")
    r = zs_sqlite("audit", "export", "900001", "--uitvoer", str(bestand), ok=False)
    assert r.exit_code == 1 and "bestaat al (een bestand)" in r.stderr
    zs_sqlite("audit", "export", "900001", "--uitvoer", str(doel), "--overschrijven")
    assert zs_sqlite("audit", "controleer-export", str(doel)).exit_code == 0
    # Usage: exactly one selection.
    assert zs_sqlite("audit", "export", "--uitvoer", str(tmp_path / "x"), ok=False).exit_code == 2
    assert zs_sqlite("audit", "export", "900001", "--alles", "--uitvoer", str(tmp_path / "x"), ok=False).exit_code == 2
    assert zs_sqlite("audit", "export", "--van", "01-01-2021", "--uitvoer", str(tmp_path / "x"), ok=False).exit_code == 2
    onbekend = zs_sqlite("audit", "export", "123", "--uitvoer", str(tmp_path / "x"), ok=False)
    assert onbekend.exit_code == 1 and "Er is geen zaak en geen aanbesteding '123'" in onbekend.stderr
    assert not (tmp_path / "x").exists()
