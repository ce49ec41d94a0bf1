"""`zaakstroom termijn` for behandelaars, and the logging switch for operators."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli.main import zaakstroom


def run(*args: str):
    return CliRunner().invoke(zaakstroom, list(args), catch_exceptions=False)


def test_termijn_ter_inzage_telt_vanaf_de_dag_zelf():
    r = run("termijn", "30-06-2021", "--weken", "6", "--telling", "zelfde_dag")
    assert r.exit_code == 0
    assert "Laatste dag: 10 augustus 2021 (dinsdag)" in r.stdout


def test_termijn_noemt_elke_verlenging_met_reden():
    # Bezwaar after a bekendmaking on Tuesday 24 March 2026: 6 weeks from the day after → Tuesday 5 May 2026,
    # a holiday (Atw art. 3) → Wednesday 6 May 2026.
    r = run("termijn", "24 maart 2026", "--weken", "6")
    assert "Einde zonder verlenging: 5 mei 2026" in r.stdout
    assert "5 mei 2026 is" in r.stdout and "feestdag" in r.stdout
    assert "Laatste dag: 6 mei 2026 (woensdag)" in r.stdout
    data = json.loads(run("termijn", "2026-03-24", "--weken", "6", "--json").stdout)
    assert (data["onverlengd_einde"], data["laatste_dag"]) == ("2026-05-05", "2026-05-06")
    assert len(data["verschuivingen"]) == 1


def test_kalendertermijn_wordt_niet_verlengd():
    # Alcatel standstill: 20 calendar days from the day after Monday 2 September 2024 → Sunday 22 September.
    data = json.loads(run("termijn", "02-09-2024", "--dagen", "20", "--soort", "kalender", "--json").stdout)
    assert data["laatste_dag"] == "2024-09-22" and data["verschuivingen"] == []


def test_termijn_foute_invoer():
    r = run("termijn", "30-02-2021", "--weken", "6")
    assert r.exit_code == 2 and "geen bestaande datum" in r.stderr
    r = run("termijn", "30-06-2021")
    assert r.exit_code == 2 and "Geef precies één van --weken of --dagen" in r.stderr
    r = run("termijn", "30-06-2021", "--weken", "0")
    assert r.exit_code == 2


def test_log_json_geeft_json_regels_op_stderr(sqlite_url):
    r = run("--db", sqlite_url, "--log-json", "--log-niveau", "info", "zaak", "registreer", "123", "--zaaktype",
            "wmo-melding", "--omschrijving", "m", "--behandelaar", "b", "--actor", "tester")
    assert r.exit_code == 0
    regels = [json.loads(line) for line in r.stderr.splitlines() if line.startswith("{")]
    [opgeslagen] = [x for x in regels if x["event"] == "opgeslagen"]
    assert (opgeslagen["zaaknummer"], opgeslagen["actor"], opgeslagen["level"]) == ("123", "tester", "info")
