"""A store written by older code still replays: every stored topic resolves, and
what the engine shows from it is what that older code showed.

tests/fixtures/store-v0.sqlite was written by commit 5163564 (the seed scenarios
plus a wmo-melding with opschorting and an omgevingsvergunning with verlenging);
store-v0.verwacht.json is what that code showed for it, as of 1 December 2026
(tests/fixtures/maak_verwachting_v0.py). Classes that move keep their old topics
resolvable through topic aliases; this test fails when one does not.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"
ROOT = FIXTURES.parent.parent
VANDAAG = date(2026, 12, 1)


@pytest.fixture
def oude_store(tmp_path) -> str:
    pad = tmp_path / "oud.sqlite"
    shutil.copy(FIXTURES / "store-v0.sqlite", pad)
    return f"sqlite:///{pad}"


def _json(waarde):
    return json.loads(json.dumps(waarde, default=str, ensure_ascii=False, sort_keys=True))


def test_elke_opgeslagen_gebeurtenis_laat_zich_lezen(oude_store):
    from store.config import Opslag
    from store.events import EventLog

    with sqlite3.connect(oude_store.removeprefix("sqlite:///")) as conn:
        aantal = conn.execute("SELECT count(*) FROM stored_events").fetchone()[0]
    with EventLog(Opslag(oude_store)) as log:
        meldingen = log.recorder.select_notifications(start=1, limit=10_000)
        events = [log.mapper.to_domain_event(m) for m in meldingen]
    assert len(events) == aantal == 109
    assert all(e.actor and e.datum for e in events)


def test_elk_opgeslagen_topic_wordt_gevonden_in_een_vers_proces():
    """Every topic in the old store, of its events and of the aggregates their first events name
    (originator_topic), resolves in a process that imported nothing of ours: a reader of the log
    (store.events.EventLog) finds a class from its topic alone. A moved class keeps its old module
    importable, and that import registers the old topic (eventsourcing.utils.register_topic)."""
    with sqlite3.connect(FIXTURES / "store-v0.sqlite") as conn:
        rijen = conn.execute("SELECT topic, state FROM stored_events").fetchall()
    van_gebeurtenissen = {topic for topic, _ in rijen}
    van_aggregates = {json.loads(state)["originator_topic"] for _, state in rijen if b'"originator_topic"' in state}
    topics = sorted(van_gebeurtenissen | van_aggregates)
    code = """
import json, sys
from eventsourcing.domain import Aggregate
from eventsourcing.utils import resolve_topic
uit = {}
for topic in json.load(sys.stdin):
    try:
        obj = resolve_topic(topic)
    except Exception as e:
        uit[topic] = f"niet gevonden: {e}"
        continue
    soort = "aggregate" if issubclass(obj, Aggregate) else "gebeurtenis" if issubclass(obj, Aggregate.Event) else "?"
    uit[topic] = [obj.__name__, soort]
print(json.dumps(uit))
"""
    uit = subprocess.run([sys.executable, "-c", code], input=json.dumps(topics), cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=False)
    assert uit.returncode == 0, uit.stderr
    gevonden = json.loads(uit.stdout)
    # The class found has the name the topic gives it (module:Outer.Name), and is what the topic was.
    verwacht = {t: [t.partition(":")[2].rsplit(".", 1)[-1], "gebeurtenis" if t in van_gebeurtenissen else "aggregate"]
                for t in topics}
    assert gevonden == verwacht
    assert (len(van_gebeurtenissen), len(van_aggregates)) == (36, 5)


def test_de_oude_store_toont_wat_de_oude_code_toonde(oude_store):
    from store.config import Opslag
    from workflow.application import Zaakstroom

    verwacht = json.loads((FIXTURES / "store-v0.verwacht.json").read_text(encoding="utf-8"))
    app = Zaakstroom(Opslag(oude_store), vandaag=VANDAAG)
    try:
        for nr, zaak in verwacht["zaken"].items():
            assert _json(app.dienst("zaken").toon_per(nr, VANDAAG)) == zaak, nr
        assert _json(app.dienst("zaken").toon_per("3261787", date(2021, 7, 15))) == verwacht["per_15_07_2021"]
        assert _json(app.dienst("zienswijzen").zienswijzen_van("3261787")) == verwacht["zienswijzen"]
        assert _json(app.dienst("zienswijzen").inspraak("3261787", per=date(2022, 5, 18))) == verwacht["inspraak"]
        assert _json(app.dienst("advies").advies_toon("3317818")) == verwacht["advies"]
        assert _json(app.dienst("besluitvorming").raad_agenda(date(2022, 10, 26))) == verwacht["raadsagenda"]
        assert _json(app.dienst("aanbestedingen").aanbesteding_toon("HGL-BO-2023", vertrouwelijk=True, actor="test",
                                                                    reden="test van de oude store")) \
            == verwacht["aanbesteding"]
    finally:
        app.close()


def test_projecties_herbouwen_op_de_oude_store(oude_store):
    from projections.runner import herbouw
    from store.config import Opslag

    uitkomst = herbouw(Opslag(oude_store))
    assert uitkomst["laatste"] == 109
    assert {p["naam"]: p["positie"] for p in uitkomst["projecties"]} == {
        p["naam"]: 109 for p in uitkomst["projecties"]
    }
