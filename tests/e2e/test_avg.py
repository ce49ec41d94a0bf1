"""`zaakstroom avg vergeet PERSOON`: erasure (AVG art. 17) of an indiener, on SQLite and PostgreSQL.

After it, history replays and counts, the nota renders, and every place that showed the person's
data (zienswijze lijst/toon, the nota, the audit) shows that it was erased and when."""

from __future__ import annotations

from datetime import date

from domain.datums import nl_datum
from domain.zienswijze import zienswijze_id
from tests.e2e.hart_van_zuid import (
    HVZ,
    REACTIE_1,
    SAMENVATTING_1,
    SAMENVATTING_2,
    STANDAARDREACTIES,
    VOORSTEL,
    _engine,
    opgeslagen_bytes,
    seed,
    stand,
)

NAAM, ADRES = "Henriëtte Vereeniging-Stork", "Marktstraat 41, 7551 DT Hengelo"
REDEN = "Verzoek van betrokkene d.d. 1 december 2026 (AVG art. 17)"
GEWIST = f"[gewist op {nl_datum(date.today())}]"
# Fragments of the texts that may identify the indiener, ASCII so they match the stored bytes as they are.
GEHEIM = (b"vertrouwensbeginsel", b"Vereeniginggebouw", b"renovatieplannen", b"Marktstraat", b"Stork")


def sleutel_van(db_url: str, kenmerk: str) -> str:
    from store.config import Opslag
    from workflow.application import Zaakstroom

    app = Zaakstroom(Opslag(db_url))
    try:
        return app.repository.get(zienswijze_id(kenmerk)).indiener_ref
    finally:
        app.close()


def sleutel_bestaat(db_url: str, sleutel_id: str) -> bool:
    from sqlalchemy import text

    engine = _engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM persoonsgegevens_sleutels WHERE sleutel_id = :s"),
                                {"s": sleutel_id}).scalar_one() == 1
    finally:
        engine.dispose()


def nota(zs, *extra):
    return zs("nota", HVZ, "--datum", "18-05-2022", "--voorstel", VOORSTEL, *extra)


def test_wissen_van_een_indiener_laat_de_geschiedenis_heel_en_toont_overal_dat_en_wanneer(zs):
    seed(zs, "--naam", NAAM, "--adres", ADRES)
    ruw = opgeslagen_bytes(zs.db)
    assert not [g for g in GEHEIM if g in ruw]  # identity, samenvatting and own reactie text: only ciphertext
    voor_nota = nota(zs).stdout
    voor_lijst = zs.json("zienswijze", "lijst", HVZ)
    assert SAMENVATTING_1.split("\n\n")[0] in voor_nota  # decrypted when the nota is rendered
    sleutel = sleutel_van(zs.db, f"{HVZ}-1")
    assert sleutel_bestaat(zs.db, sleutel)

    # Refused: without a reason, or for someone the engine does not know; nothing changes.
    voor = stand(zs.db)
    fout = zs("avg", "vergeet", f"{HVZ}-1", ok=False)
    assert fout.exit_code == 1 and "Wissen van persoonsgegevens vraagt een reden (--reden)" in fout.stderr
    fout = zs("avg", "vergeet", f"{HVZ}-9", "--reden", REDEN, ok=False)
    assert fout.exit_code == 1
    assert ("Geen persoon bekend als '3261787-9'. Bekend zijn: indiener van een zienswijze: het kenmerk van de "
            "zienswijze, bv. 3261787-2; cliënt in een overgangsjaar: JAAR/CLIENT, bv. 2025/SYN-000123.") in fout.stderr
    fout = zs("avg", "vergeet", f"{HVZ}-1", "--json", ok=False)
    assert fout.exit_code == 1 and '"soort": "weigering"' in fout.stdout
    assert stand(zs.db) == voor

    uit = zs("avg", "vergeet", f"{HVZ}-1", "--reden", REDEN, "--actor", "privacy-officer")
    assert (f"Persoonsgegevens gewist (AVG art. 17): indiener van zienswijze 3261787-1, op {nl_datum(date.today())}."
            in uit.stdout)
    assert "Niet meer te lezen: identiteit (naam, adres, e-mail), samenvatting, eigen reactietekst." in uit.stdout
    assert stand(zs.db) == (voor[0] + 1, voor[1] - 1)  # the erasure is an event; the key row is gone
    assert not sleutel_bestaat(zs.db, sleutel)
    assert not [g for g in GEHEIM if g in opgeslagen_bytes(zs.db)]

    # zienswijze toon: the samenvatting and the own text are gone, with the day; the standaardreacties stay.
    z = zs.json("zienswijze", "toon", f"{HVZ}-1")
    assert (z["samenvatting"], z["persoonsgegevens"]) == (GEWIST, "gewist")
    assert (z["indiener_gewist"]["door"], z["indiener_gewist"]["reden"]) == ("privacy-officer", REDEN)
    assert z["antwoord"]["reactie"] == GEWIST
    assert z["antwoord"]["volledig"].startswith(GEWIST + "\n\n" + STANDAARDREACTIES["VEREENIGING"])
    assert z["geschiedenis"][-1]["gebeurtenis"] == "IndienerVergeten"
    tekst = zs("zienswijze", "toon", f"{HVZ}-1").stdout
    assert (f"Gewist             {nl_datum(date.today())} door privacy-officer: {REDEN} (identiteit, samenvatting en "
            "eigen reactietekst)") in tekst
    assert f"Samenvatting\n  {GEWIST}\nReactie\n  {GEWIST}\n" in tekst
    intern = zs.json("zienswijze", "toon", f"{HVZ}-1", "--intern", "--reden", "controle", "--actor", "jurist")
    assert intern["indiener"] == GEWIST

    # zienswijze lijst: same rows and counts, the erasure named.
    lijst = zs.json("zienswijze", "lijst", HVZ)
    assert [(r["kenmerk"], r["volgnummer"], r["beantwoord"]) for r in lijst] == [
        (r["kenmerk"], r["volgnummer"], r["beantwoord"]) for r in voor_lijst]
    assert lijst[1]["samenvatting"] == SAMENVATTING_2
    tekst = zs("zienswijze", "lijst", HVZ).stdout
    assert "3 zienswijzen, 1 overige reactie; beantwoord 3 van 3; leidt tot aanpassing: 0." in tekst
    assert (f"Persoonsgegevens van Indiener 1 d.d. 9 juli 2021 (3261787-1) gewist op {nl_datum(date.today())} "
            "(AVG art. 17): identiteit, samenvatting en eigen reactietekst.") in tekst

    # The nota renders: the marker where the samenvatting and own reactie text were, the rest unchanged.
    na = nota(zs).stdout
    assert na.split("### Indiener 2")[1] == voor_nota.split("### Indiener 2")[1]
    assert na.count(GEWIST) == 2 and SAMENVATTING_1[:50] not in na and REACTIE_1[:50] not in na
    assert f"Indiener: {GEWIST} (kenmerk 3261787-1)" in nota(zs, "--intern", "--reden", "controle").stdout

    # The audit: the erasure is a line with who, when and why; nothing of the texts.
    regels = zs.json("audit", "geschiedenis", HVZ)
    [wissen] = [r for r in regels if r["gebeurtenis"] == "indiener vergeten"]
    assert (wissen["bij"], wissen["label"], wissen["actor"], wissen["reden"], wissen["datum"]) == (
        "zienswijze 3261787-1", "Persoonsgegevens van de indiener gewist", "privacy-officer", REDEN,
        date.today().isoformat())
    assert wissen["omschrijving"] == ("sleutel vernietigd (AVG art. 17): identiteit, samenvatting en eigen "
                                      "reactietekst zijn niet meer te lezen")
    tekst = zs("audit", "geschiedenis", HVZ).stdout
    assert "Persoonsgegevens van de indiener gewist — zienswijze 3261787-1" in tekst
    assert "vertrouwensbeginsel" not in tekst and "renovatieplannen" not in tekst
    [beantwoord] = [r for r in regels if r["bij"] == "zienswijze 3261787-1" and r["gebeurtenis"] == "beantwoord"]
    assert beantwoord["omschrijving"].startswith("met eigen tekst en standaardreacties VEREENIGING")

    # History replays: the projections rebuild from zero, the reports still count.
    assert zs("projecties", "herbouwen").exit_code == 0
    assert "1 zaak (stand nu)" in zs("rapport", "zaken").stdout
    assert zs.json("zaak", "toon", HVZ)["zaaknummer"] == HVZ

    fout = zs("avg", "vergeet", f"{HVZ}-1", "--reden", "nogmaals", ok=False)
    assert fout.exit_code == 1 and f"al gewist op {nl_datum(date.today())}" in fout.stderr


def test_vergeet_indiener_is_hetzelfde_ook_zonder_identiteit(zs):
    """An indiener who gave no name still has a samenvatting that may identify them: its own key."""
    seed(zs, "--naam", NAAM)
    assert b"groot stedelijk businessdistrict" not in opgeslagen_bytes(zs.db)
    z = zs.json("zienswijze", "vergeet-indiener", f"{HVZ}-2", "--reden", REDEN)
    assert (z["samenvatting"], z["persoonsgegevens"], z["antwoord"]["reactie"]) == (GEWIST, "gewist", "")
    assert z["antwoord"]["volledig"].startswith(STANDAARDREACTIES["VEREENIGING"])  # only shared texts: kept
    na = nota(zs).stdout
    assert na.count(GEWIST) == 1 and SAMENVATTING_2[:50] not in na
    uit = zs.json("avg", "vergeet", f"{HVZ}-3", "--reden", REDEN)
    assert (uit["deel"], uit["soort"], uit["sleutel"], uit["gewist"]) == (
        "zienswijzen", "indiener van zienswijze", "3261787-3", ["samenvatting"])
    # After the erasure nothing of the person is written again: an own answer text is refused, shared texts not.
    voor = stand(zs.db)
    fout = zs("zienswijze", "beantwoorden", f"{HVZ}-2", "--reactie", "Aan mevrouw X.", "--geen-aanpassing",
              "--datum", "19-05-2022", ok=False)
    assert fout.exit_code == 1
    assert (f"De persoonsgegevens bij 3261787-2 zijn gewist op {nl_datum(date.today())}: een eigen reactietekst kan "
            "niet meer worden vastgelegd; antwoord met standaardreacties (--standaardreactie).") in fout.stderr
    assert stand(zs.db) == voor
    zs("zienswijze", "beantwoorden", f"{HVZ}-2", "--standaardreactie", "ZKA", "--geen-aanpassing",
       "--datum", "19-05-2022")
