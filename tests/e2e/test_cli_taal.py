"""What a user sees of Click itself: Dutch usage, help and errors; with --json, errors as JSON on stdout."""

from __future__ import annotations

import json

from tests.e2e.hart_van_zuid import HVZ, registreer_en_leg_ter_inzage

GEBRUIK_STAP = "Gebruik: zaakstroom zaak stap [OPTIES] ZAAKNUMMER STAP\nZie 'zaakstroom zaak stap --help' voor uitleg.\n"


def test_clicks_meldingen_zijn_nederlands(zs_sqlite):
    zs = zs_sqlite
    datum = zs("zaak", "stap", HVZ, "ter_inzage_leggen", "--datum", "31-02-2021", ok=False)
    assert datum.exit_code == 2
    assert datum.stderr == GEBRUIK_STAP + "\nFout: Ongeldige waarde voor '--datum': '31-02-2021' is geen bestaande datum.\n"
    optie = zs("zaak", "stap", HVZ, "ter_inzage_leggen", "--reeden", "x", ok=False)
    assert optie.exit_code == 2
    assert optie.stderr == GEBRUIK_STAP + "\nFout: Onbekende optie '--reeden'. Bedoelde je '--reden'?\n"
    argument = zs("zaak", "stap", HVZ, ok=False)
    assert argument.exit_code == 2 and argument.stderr == GEBRUIK_STAP + "\nFout: Ontbrekend argument 'STAP'.\n"
    verplicht = zs("zaak", "registreer", "900001", "--omschrijving", "x", "--behandelaar", "y", ok=False)
    assert verplicht.exit_code == 2 and "Fout: Ontbrekende optie '--zaaktype'." in verplicht.stderr
    commando = zs("zaak", "stp", ok=False)
    assert commando.exit_code == 2 and "Fout: Onbekend commando 'stp'. Bedoelde je 'stap'?" in commando.stderr
    getal = zs("zaak", "verlengen", HVZ, "--weken", "twee", "--reden", "x", ok=False)
    assert getal.exit_code == 2 and "Fout: Ongeldige waarde voor '--weken': 'twee' is geen getal." in getal.stderr
    bereik = zs("zaak", "verlengen", HVZ, "--weken", "0", "--reden", "x", ok=False)
    assert "Fout: Ongeldige waarde voor '--weken': 0 ligt niet in het bereik 1<=x<=520." in bereik.stderr
    teveel = zs("zaak", "toon", HVZ, "extra", ok=False)
    assert teveel.exit_code == 2 and "Fout: Onverwacht extra argument (extra)" in teveel.stderr
    assert "Error" not in datum.output + optie.output + argument.output + commando.output


def test_help_is_nederlands(zs_sqlite):
    hoofd = zs_sqlite("--help").stdout
    assert hoofd.startswith("Gebruik: zaakstroom [OPTIES] COMMANDO [ARGUMENTEN]...\n")
    assert "\nOpties:\n" in hoofd and "\nCommando's:\n" in hoofd
    assert "--help                          Toon dit bericht en stop." in hoofd
    assert "--version                       Toon de versie en stop." in hoofd
    assert "--db TEKST" in hoofd and "[standaard: (warning)]" in hoofd
    stap = zs_sqlite("zaak", "stap", "--help").stdout
    assert stap.startswith("Gebruik: zaakstroom zaak stap [OPTIES] ZAAKNUMMER STAP\n")
    assert "--datum DATUM" in stap and "--reden TEKST" in stap and "Toon dit bericht en stop." in stap
    assert "[standaard: ($ZAAKSTROOM_ACTOR of OS-gebruiker)]" in stap
    assert "Gebruik: zaakstroom zaak [OPTIES] COMMANDO [ARGUMENTEN]..." in zs_sqlite("zaak", "--help").stdout
    assert "--weken GETAL" in zs_sqlite("termijn", "--help").stdout
    assert zs_sqlite("--version").stdout.startswith("zaakstroom, versie ")
    for tekst in (hoofd, stap):
        for engels in ("Usage", "Options", "Commands", "Show this", "[default", "TEXT", "INTEGER"):
            assert engels not in tekst


def test_met_json_is_een_fout_een_json_object_op_stdout_met_dezelfde_exitcode(zs):
    # A refusal by the rules (DomeinFout): exit 1.
    weigering = zs("zaak", "stap", HVZ, "ter_inzage_leggen", "--json", ok=False)
    assert weigering.exit_code == 1 and weigering.stderr == ""
    assert json.loads(weigering.stdout) == {"fout": f"Zaak {HVZ} bestaat niet.", "code": 1, "soort": "weigering"}
    registreer_en_leg_ter_inzage(zs)
    te_vroeg = zs("zaak", "stap", HVZ, "zienswijzen_beoordelen", "--datum", "10-08-2021", "--json", ok=False)
    assert te_vroeg.exit_code == 1
    assert json.loads(te_vroeg.stdout)["fout"].startswith("De zienswijzetermijn loopt tot en met 10 augustus 2021")

    # A usage error while parsing, with --json after the bad value: exit 2.
    gebruik = zs("zaak", "stap", HVZ, "zienswijzen_beoordelen", "--datum", "morgen", "--json", ok=False)
    assert gebruik.exit_code == 2 and gebruik.stderr == ""
    fout = json.loads(gebruik.stdout)
    assert (fout["code"], fout["soort"], fout["gebruik"]) == (
        2, "gebruik", "Gebruik: zaakstroom zaak stap [OPTIES] ZAAKNUMMER STAP")
    assert fout["fout"].startswith("Ongeldige waarde voor '--datum': Onbekende datum 'morgen'")
    for args, melding in [
        (("zaak", "toon", "--json"), "Ontbrekend argument 'ZAAKNUMMER'."),
        (("zaak", "toon", HVZ, "--json", "--bla"), "Onbekende optie '--bla'."),
        (("--json", "zaak", "toon", HVZ), "Onbekende optie '--json'."),  # the group itself has no --json
        (("audit", "geschiedenis", "--json", "HGL-XX-1"), "Er is geen zaak en geen aanbesteding 'HGL-XX-1'."),
    ]:
        r = zs(*args, ok=False)
        fout = json.loads(r.stdout)
        assert fout["fout"].startswith(melding) and fout["code"] == r.exit_code, (args, r.stdout)
    # Without --json nothing changes: the message on stderr, nothing on stdout.
    zonder = zs("zaak", "stap", HVZ, "zienswijzen_beoordelen", "--datum", "morgen", ok=False)
    assert zonder.exit_code == 2 and zonder.stdout == "" and "Fout: Ongeldige waarde voor '--datum'" in zonder.stderr
    # '--json' as the value of another option is not the --json option.
    waarde = zs("zaak", "stap", "404", "ter_inzage_leggen", "--reden", "--json", ok=False)
    assert (waarde.exit_code, waarde.stdout, waarde.stderr) == (1, "", "Fout: Zaak 404 bestaat niet.\n")
