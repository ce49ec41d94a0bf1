"""`audit export NR --formaat zgw`: a zaak in the shape of the ZGW Zaken API (docs/zgw-mapping.md)."""

from __future__ import annotations

import json
import re
import stat
from uuid import UUID

from tests.e2e.hart_van_zuid import HVZ, seed, tot_het_raadsbesluit

RSIN = "001005650"


def lees(map_):
    return [json.loads((map_ / n).read_text(encoding="utf-8")) for n in ("zaken.json", "statussen.json", "rollen.json")]


def test_hart_van_zuid_als_zgw_zaak(zs, tmp_path):
    seed(zs, "--naam", "Henriëtte Vereeniging-Stork")
    tot_het_raadsbesluit(zs)
    zs("raad", "bekendmaking", HVZ, "--datum", "27-10-2022")
    zs("raad", "onherroepelijk", HVZ, "--datum", "16-12-2022")
    zs("zaak", "afsluiten", HVZ, "--resultaat", "vastgesteld", "--datum", "16-12-2022")
    u = zs.json("audit", "export", HVZ, "--formaat", "zgw", "--rsin", RSIN, "--uitvoer", str(tmp_path / "z"))
    assert u["bestanden"] == ["zaken.json", "statussen.json", "rollen.json"]
    [zaak], statussen, rollen = lees(tmp_path / "z")
    assert (zaak["identificatie"], zaak["bronorganisatie"], zaak["zaaktype"]) == (HVZ, RSIN, "zaaktype:raadsvoorstel:v1")
    assert zaak["omschrijving"] == "Nota van uitgangspunten Hart van Zuid De Koppeling"
    assert (zaak["startdatum"], zaak["einddatum"]) == ("2021-06-29", "2022-12-16")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", zaak["registratiedatum"])
    assert zaak["resultaat"] == {"resultaattype": "resultaattype:raadsvoorstel:v1:vastgesteld",
                                 "toelichting": "vastgesteld"}
    assert zaak["opschorting"] == {"indicatie": False, "reden": ""} and zaak["verlenging"] is None
    assert zaak["vertrouwelijkheidaanduiding"] == "openbaar"
    UUID(zaak["uuid"])
    # The status history: registration, every step, the closing; the last one is the zaak's status.
    assert (statussen[0]["statustype"], statussen[0]["statustypeOmschrijving"]) == (
        "statustype:raadsvoorstel:v1:college", "Collegebesluitvorming")
    assert statussen[1]["datumStatusGezet"] == "2021-06-30T00:00:00"
    assert statussen[-1]["statustype"].endswith(":afgesloten") and statussen[-1]["indicatieLaatstGezetteStatus"]
    assert [s["indicatieLaatstGezetteStatus"] for s in statussen].count(True) == 1
    assert zaak["status"] == statussen[-1]["uuid"]
    assert all(UUID(s["uuid"]) and s["zaak"] == zaak["uuid"] for s in statussen)
    assert {(r["omschrijvingGeneriek"], r["roltoelichting"], r["betrokkeneIdentificatie"]["identificatie"])
            for r in rollen} == {("behandelaar", "behandelaar", "K. van Ekeris"),
                                 ("beslisser", "portefeuillehouder", "G. Gerrits")}
    ruw = "".join((tmp_path / "z" / n).read_text(encoding="utf-8") for n in u["bestanden"])
    assert "Vereeniging-Stork" not in ruw  # no indiener anywhere
    assert all(stat.S_IMODE((tmp_path / "z" / n).stat().st_mode) == 0o600 for n in u["bestanden"])


def test_wmo_melding_opgeschort_en_een_verlengde_vergunning(zs, tmp_path):
    zs("zaak", "registreer", "900001", "--zaaktype", "wmo-melding", "--omschrijving", "Melding huishoudelijke hulp",
       "--behandelaar", "consulent", "--datum", "01-03-2021")
    zs("zaak", "stap", "900001", "aanvraag_ontvangen", "--datum", "08-03-2021", "--reden", "Aanvraag binnen")
    zs("zaak", "opschorten", "900001", "--datum", "10-03-2021", "--reden", "Uitgenodigd de aanvraag aan te vullen")
    zs("zaak", "hervatten", "900001", "--datum", "20-03-2021")
    zs.json("audit", "export", "900001", "--formaat", "zgw", "--rsin", RSIN, "--uitvoer", str(tmp_path / "w"))
    [zaak], statussen, rollen = lees(tmp_path / "w")
    assert zaak["opschorting"] == {"indicatie": False, "reden": "Uitgenodigd de aanvraag aan te vullen"}
    # Awb 4:15: 2 weeks from 8 March (22 March) + 9 suspended days = 31 March 2021.
    assert zaak["uiterlijkeEinddatumAfdoening"] == zaak["einddatumGepland"] == "2021-03-31"
    assert zaak["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert [s["statustype"].rsplit(":", 1)[1] for s in statussen] == ["onderzoek", "beschikking"]
    assert statussen[1]["statustoelichting"] == "Aanvraag binnen"
    assert [r["omschrijvingGeneriek"] for r in rollen] == ["behandelaar"]
    zs("zaak", "opschorten", "900001", "--datum", "22-03-2021", "--reden", "Nogmaals aanvullen")
    zs("audit", "export", "900001", "--formaat", "zgw", "--rsin", RSIN, "--uitvoer", str(tmp_path / "w"),
       "--overschrijven")
    assert lees(tmp_path / "w")[0][0]["opschorting"] == {"indicatie": True, "reden": "Nogmaals aanvullen"}

    zs("zaak", "registreer", "900002", "--zaaktype", "omgevingsvergunning-regulier", "--omschrijving", "Dakkapel",
       "--behandelaar", "vergunningverlener", "--datum", "02-09-2024")
    zs("zaak", "verlengen", "900002", "--weken", "6", "--reden", "Advies welstand nodig", "--datum", "01-10-2024")
    zs("audit", "export", "900002", "--formaat", "zgw", "--rsin", RSIN, "--uitvoer", str(tmp_path / "o"))
    [zaak], _, _ = lees(tmp_path / "o")
    assert zaak["verlenging"] == {"reden": "Advies welstand nodig", "duur": "P42D"}
    assert zaak["uiterlijkeEinddatumAfdoening"] == "2024-12-09"

    geen = zs("audit", "export", "900002", "--formaat", "zgw", "--uitvoer", str(tmp_path / "x"), ok=False)
    assert geen.exit_code == 1 and "RSIN" in geen.stderr
    alles = zs("audit", "export", "--alles", "--formaat", "zgw", "--rsin", RSIN, "--uitvoer", str(tmp_path / "x"),
               ok=False)
    assert alles.exit_code == 2
