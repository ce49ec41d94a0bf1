"""Offline check of a zaakstroom export (`zaakstroom audit export`), with the standard library only.

This module imports nothing of zaakstroom: an archive can copy this one file out and run

    python exportcontrole.py MAP            # MAP holds manifest.json and gebeurtenissen.jsonl
    python exportcontrole.py MAP --json

with any Python 3.9 or later. It exits 0 when the export is intact and 1 on any break, and
names every break (which line, which event, what) in Dutch. `zaakstroom audit
controleer-export MAP` runs this same code.

What it recomputes (the algorithm, also described in the manifest under "hashalgoritme"):

    event_hash = SHA-256( b"zaakstroom/gebeurtenis/v1" ‖ aggregate_prev_hash (32 bytes)
                          ‖ u32 len(id) ‖ id ‖ i64 originator_version ‖ u32 len(topic) ‖ topic
                          ‖ u32 len(state) ‖ state )
    chain_hash = SHA-256( b"zaakstroom/keten/v1" ‖ chain_prev_hash (32 bytes) ‖ i64 notification_id
                          ‖ event_hash )

integers big-endian (u32 unsigned 4 bytes, i64 signed 8 bytes), id = the aggregate id as 32
lowercase hex digits, topic UTF-8, state = the stored bytes (base64 in the export). Genesis
(the previous hash of an aggregate's first event, and of the first link of the chain) is 32
zero bytes.

Checked: the file's sha256, size and line count against the manifest; every line's JSON, its
number and increasing notification id; every event's hash from its stored bytes; the decoded
fields against the stored bytes; each aggregate's chain (versions 1, 2, … without gaps where the
manifest says the aggregate is complete, each linked to the hash of the one before); each link
of the store-wide chain, and between consecutive exported rows that they follow each other;
the counts per topic and per aggregate, first and last notification id and the chain heads in
the manifest; the definition texts against their sha256 and against the stored definition
events in the export.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import sys
from pathlib import Path

FORMAAT = "zaakstroom-export"
FORMAATVERSIE = 1
MANIFEST = "manifest.json"
GEBEURTENISSEN = "gebeurtenissen.jsonl"

GENESIS = bytes(32)
_TAG_G = b"zaakstroom/gebeurtenis/v1"
_TAG_K = b"zaakstroom/keten/v1"


def gebeurtenis_hash(vorige: bytes, originator_id: str, versie: int, topic: str, state: bytes) -> bytes:
    o = originator_id.encode()
    t = topic.encode()
    return hashlib.sha256(b"".join((
        _TAG_G, vorige, len(o).to_bytes(4, "big"), o, versie.to_bytes(8, "big", signed=True),
        len(t).to_bytes(4, "big"), t, len(state).to_bytes(4, "big"), state,
    ))).digest()


def keten_hash(vorige: bytes, notification_id: int, event_hash: bytes) -> bytes:
    return hashlib.sha256(_TAG_K + vorige + notification_id.to_bytes(8, "big", signed=True) + event_hash).digest()


def leesbaar(waarde):
    """The stored JSON as a reader wants it: the library's {"_type_": …, "_data_": …} values
    (dates, times, UUIDs, decimals) as their plain data. The export's "velden" are exactly this."""
    if isinstance(waarde, dict):
        if set(waarde) == {"_type_", "_data_"}:
            return leesbaar(waarde["_data_"])
        return {k: leesbaar(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [leesbaar(v) for v in waarde]
    return waarde


def velden_uit_state(state: bytes) -> dict:
    return leesbaar(json.loads(state.decode("utf-8")))


def _hex(tekst, lengte: int = 32) -> bytes | None:
    if not isinstance(tekst, str):
        return None
    try:
        b = bytes.fromhex(tekst)
    except ValueError:
        return None
    return b if len(b) == lengte else None


class _Rapport:
    def __init__(self) -> None:
        self.breuken: list[dict] = []
        self.niet_te_controleren: list[str] = []

    def breuk(self, soort: str, melding: str, **waar) -> None:
        self.breuken.append({"soort": soort, "melding": melding, **waar})


def _wie(r: dict, regelnr: int | None = None) -> str:
    """'regel 12 (nr. 41 in de log, zaak 3261787 gebeurtenis 4, domain.zaak:Zaak.StatusGewijzigd)'."""
    agg = r.get("aggregaat") or {}
    naam = f"{agg.get('soort')} {agg.get('sleutel')}" if agg.get("sleutel") else f"aggregaat {r.get('originator_id')}"
    delen = [f"nr. {r.get('notification_id')} in de log", f"{naam} gebeurtenis {r.get('originator_version')}"]
    if r.get("topic"):
        delen.append(str(r["topic"]))
    return (f"regel {regelnr} " if regelnr is not None else "") + "(" + ", ".join(delen) + ")"


def controleer(map_: str | Path) -> dict:
    """Check the export in folder `map_`; returns {"in_orde", "breuken": [{soort, melding, …}], …}."""
    map_ = Path(map_)
    rap = _Rapport()
    uit = {"map": str(map_), "in_orde": False, "gebeurtenissen": 0, "breuken": rap.breuken,
           "niet_te_controleren": rap.niet_te_controleren}

    # --- the manifest ---
    try:
        manifest = json.loads((map_ / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("geen object")
    except FileNotFoundError:
        rap.breuk("manifest", f"{MANIFEST} ontbreekt in {map_}")
        return uit
    except (ValueError, UnicodeDecodeError) as e:
        rap.breuk("manifest", f"{MANIFEST} is geen geldige JSON ({e}); afgebroken of bewerkt")
        return uit
    if manifest.get("formaat") != FORMAAT:
        rap.breuk("manifest", f"{MANIFEST} is geen zaakstroom-export (formaat {manifest.get('formaat')!r})")
        return uit
    if manifest.get("formaatversie") != FORMAATVERSIE:
        rap.breuk("manifest", f"formaatversie {manifest.get('formaatversie')!r} wordt niet ondersteund "
                              f"(deze controle kent versie {FORMAATVERSIE})")
        return uit

    # --- the file as a whole ---
    pad = map_ / GEBEURTENISSEN
    try:
        inhoud = pad.read_bytes()
    except FileNotFoundError:
        rap.breuk("bestand", f"{GEBEURTENISSEN} ontbreekt in {map_}")
        return uit
    verwacht = (manifest.get("bestanden") or {}).get(GEBEURTENISSEN) or {}
    sha = hashlib.sha256(inhoud).hexdigest()
    if sha != verwacht.get("sha256"):
        rap.breuk("bestand", f"de sha256 van {GEBEURTENISSEN} ({sha[:16]}…) is niet die in het manifest "
                             f"({str(verwacht.get('sha256'))[:16]}…): het bestand is gewijzigd, ingekort of vervangen")
    if len(inhoud) != verwacht.get("bytes"):
        rap.breuk("bestand", f"{GEBEURTENISSEN} is {len(inhoud)} bytes, het manifest zegt {verwacht.get('bytes')}"
                             + (" (ingekort)" if isinstance(verwacht.get("bytes"), int)
                                and len(inhoud) < verwacht["bytes"] else ""))
    if inhoud and not inhoud.endswith(b"\n"):
        rap.breuk("bestand", f"{GEBEURTENISSEN} eindigt midden in een regel: het bestand is afgebroken")

    # --- line by line ---
    rijen: list[tuple[int, dict]] = []
    for regelnr, tekst in enumerate(inhoud.split(b"\n"), start=1):
        if not tekst.strip():
            continue
        try:
            r = json.loads(tekst.decode("utf-8"))
            if not isinstance(r, dict):
                raise ValueError("geen object")
        except (ValueError, UnicodeDecodeError) as e:
            rap.breuk("regel", f"regel {regelnr} is geen geldige JSON ({str(e)[:80]}): afgebroken of bewerkt",
                      regel=regelnr)
            continue
        rijen.append((regelnr, r))
    uit["gebeurtenissen"] = len(rijen)
    if len(rijen) != verwacht.get("regels"):
        rap.breuk("aantal", f"{GEBEURTENISSEN} heeft {len(rijen)} leesbare regels, het manifest zegt "
                            f"{verwacht.get('regels')}")

    vorige_regel = 0
    vorige_id = None
    for regelnr, r in rijen:
        if r.get("regel") != vorige_regel + 1:
            if isinstance(r.get("regel"), int) and r["regel"] > vorige_regel + 1:
                wat = (f"regel {vorige_regel + 1} ontbreekt" if r["regel"] == vorige_regel + 2
                       else f"regels {vorige_regel + 1} t/m {r['regel'] - 1} ontbreken")
                rap.breuk("volgorde", f"{wat} vóór {_wie(r, regelnr)}: verwijderd", regel=regelnr)
            else:
                rap.breuk("volgorde", f"{_wie(r, regelnr)} draagt volgnummer {r.get('regel')!r} waar "
                                      f"{vorige_regel + 1} hoort: regels verwisseld of verplaatst", regel=regelnr)
        if isinstance(r.get("regel"), int):
            vorige_regel = r["regel"]
        n = r.get("notification_id")
        if not isinstance(n, int):
            rap.breuk("regel", f"regel {regelnr} heeft geen notification_id", regel=regelnr)
        elif vorige_id is not None and n <= vorige_id:
            rap.breuk("volgorde", f"{_wie(r, regelnr)} staat na nr. {vorige_id}: de gebeurtenissen staan niet "
                                  "meer in de volgorde van de log (verwisseld of verplaatst)", regel=regelnr)
        if isinstance(n, int):
            vorige_id = n

    # --- each event's hash, its fields, the aggregate chains ---
    per_aggregaat: dict[str, dict] = {}
    per_topic: dict[str, int] = {}
    inhoud_per_id: dict[int, dict] = {}
    aggregaten_manifest = (manifest.get("aantallen") or {}).get("per_aggregaat") or {}
    for regelnr, r in rijen:
        oid, versie, topic = r.get("originator_id"), r.get("originator_version"), r.get("topic")
        try:
            state = base64.b64decode(r.get("state") or "", validate=True)
        except (binascii.Error, ValueError, TypeError):
            rap.breuk("inhoud", f"{_wie(r, regelnr)}: de opgeslagen inhoud (state) is geen geldige base64",
                      regel=regelnr, notification_id=r.get("notification_id"))
            state = None
        if not isinstance(oid, str) or not isinstance(versie, int) or not isinstance(topic, str):
            rap.breuk("regel", f"regel {regelnr} mist originator_id, originator_version of topic", regel=regelnr)
            continue
        per_topic[topic] = per_topic.get(topic, 0) + 1
        if state is not None:
            try:
                velden = velden_uit_state(state)
            except (ValueError, UnicodeDecodeError):
                velden = None
            if velden is not None:
                inhoud_per_id[r.get("notification_id")] = velden
            if r.get("velden") != velden:
                rap.breuk("velden", f"{_wie(r, regelnr)}: de leesbare velden komen niet overeen met de opgeslagen "
                                    "inhoud (state): de velden zijn bewerkt", regel=regelnr,
                          notification_id=r.get("notification_id"))

        a = per_aggregaat.setdefault(oid, {"aantal": 0, "eerste_versie": versie, "laatste_versie": None,
                                           "kop": None})
        a["aantal"] += 1
        eh, ap = _hex(r.get("event_hash")), _hex(r.get("aggregate_prev_hash"))
        if r.get("event_hash") is None and r.get("geketend") is False:
            a["laatste_versie"], a["kop"] = versie, None
            continue  # recorded before the chain existed: nothing to recompute
        if eh is None or ap is None:
            rap.breuk("hash", f"{_wie(r, regelnr)}: event_hash of aggregate_prev_hash ontbreekt of is geen "
                              "64 hexadecimale tekens", regel=regelnr, notification_id=r.get("notification_id"))
            a["laatste_versie"], a["kop"] = versie, eh
            continue
        if state is not None and gebeurtenis_hash(ap, oid, versie, topic, state) != eh:
            rap.breuk("inhoud", f"{_wie(r, regelnr)}: inhoud gewijzigd (de hash klopt niet met de opgeslagen "
                                "inhoud, het id, de versie of het topic)", regel=regelnr,
                      notification_id=r.get("notification_id"))
        # The aggregate's own chain.
        vorige_versie, vorige_kop = a["laatste_versie"], a["kop"]
        if vorige_versie is None:
            volledig = (aggregaten_manifest.get(oid) or {}).get("volledig")
            if versie == 1:
                if ap != GENESIS:
                    rap.breuk("koppeling", f"{_wie(r, regelnr)}: de eerste gebeurtenis van het aggregaat verwijst "
                                           "naar een vorige hash (genesis hoort: 32 nulbytes)", regel=regelnr)
            elif volledig:
                rap.breuk("ontbreekt", f"{_wie(r, regelnr)}: gebeurtenis 1"
                                       + (f" t/m {versie - 1}" if versie > 2 else "")
                                       + " van dit aggregaat ontbreekt in de export, die volledig hoort te zijn",
                          regel=regelnr)
            else:
                rap.niet_te_controleren.append(
                    f"{_wie(r, regelnr)}: de koppeling aan gebeurtenis {versie - 1} (niet in deze export)")
        else:
            if versie != vorige_versie + 1:
                if versie > vorige_versie + 1:
                    wat = (f"gebeurtenis {vorige_versie + 1} van dit aggregaat ontbreekt" if versie == vorige_versie + 2
                           else f"gebeurtenissen {vorige_versie + 1} t/m {versie - 1} van dit aggregaat ontbreken")
                    rap.breuk("ontbreekt", f"{_wie(r, regelnr)}: {wat} ervóór",
                              regel=regelnr)
                else:
                    rap.breuk("volgorde", f"{_wie(r, regelnr)}: volgt op gebeurtenis {vorige_versie} van hetzelfde "
                                          "aggregaat (verwisseld of dubbel)", regel=regelnr)
            elif vorige_kop is not None and ap != vorige_kop:
                rap.breuk("koppeling", f"{_wie(r, regelnr)}: verwijst niet naar de hash van gebeurtenis "
                                       f"{vorige_versie} van hetzelfde aggregaat (gewijzigd en herberekend)",
                          regel=regelnr)
        a["laatste_versie"], a["kop"] = versie, eh

    # --- the store-wide chain ---
    keten = manifest.get("keten") or {}
    keten_volledig = bool(keten.get("volledig"))
    vorig_geketend = None  # (notification_id, chain_hash) of the previous exported row with a hash
    ongecontroleerde_schakels = 0
    for regelnr, r in rijen:
        eh, ch = _hex(r.get("event_hash")), _hex(r.get("chain_hash"))
        n = r.get("notification_id")
        if r.get("event_hash") is None and r.get("geketend") is False:
            continue
        if eh is None or ch is None or not isinstance(n, int):
            if ch is None and eh is not None:
                rap.breuk("keten", f"{_wie(r, regelnr)}: chain_hash ontbreekt", regel=regelnr)
            continue
        prev_id, prev_hash = r.get("chain_prev_id"), r.get("chain_prev_hash")
        prev = GENESIS if prev_id is None else _hex(prev_hash)
        if prev is None:
            rap.breuk("keten", f"{_wie(r, regelnr)}: chain_prev_hash is geen 64 hexadecimale tekens", regel=regelnr)
        elif keten_hash(prev, n, eh) != ch:
            rap.breuk("keten", f"{_wie(r, regelnr)}: de schakel in de keten van de log klopt niet "
                               "(chain_hash past niet bij de vorige schakel, het nummer en de event_hash)",
                      regel=regelnr, notification_id=n)
        if vorig_geketend is None:
            if prev_id is not None:
                if keten_volledig:
                    rap.breuk("keten", f"{_wie(r, regelnr)}: de keten van deze volledige export begint niet bij "
                                       f"het begin (de vorige schakel, nr. {prev_id}, ontbreekt)", regel=regelnr)
                else:
                    ongecontroleerde_schakels += 1
        elif prev_id == vorig_geketend[0]:
            if prev is not None and prev != vorig_geketend[1]:
                rap.breuk("keten", f"{_wie(r, regelnr)}: verwijst naar een andere hash van nr. {prev_id} dan "
                                   "die in de export staat", regel=regelnr)
        elif isinstance(prev_id, int) and prev_id > vorig_geketend[0]:
            if keten_volledig:
                rap.breuk("ontbreekt", f"{_wie(r, regelnr)}: volgt in de log op nr. {prev_id}, dat niet in deze "
                                       f"volledige export staat (na nr. {vorig_geketend[0]}): verwijderd",
                          regel=regelnr)
            else:
                ongecontroleerde_schakels += 1
        else:
            rap.breuk("keten", f"{_wie(r, regelnr)}: volgt in de log op nr. {prev_id}, maar staat na nr. "
                               f"{vorig_geketend[0]}: verwisseld, verplaatst of verwijderd", regel=regelnr)
        vorig_geketend = (n, ch)
    if ongecontroleerde_schakels:
        rap.niet_te_controleren.append(
            f"{ongecontroleerde_schakels} schakels van de keten van de log verwijzen naar een gebeurtenis die niet in "
            "deze (gedeeltelijke) export staat: die schakels zijn op zichzelf nagerekend, hun aansluiting op de log "
            "alleen in de database (`zaakstroom audit verificeer --alles`) of tegen een anker")

    # --- the manifest's counts and heads ---
    aantallen = manifest.get("aantallen") or {}
    if aantallen.get("gebeurtenissen") != len(rijen):
        rap.breuk("aantal", f"het manifest noemt {aantallen.get('gebeurtenissen')} gebeurtenissen, de export bevat "
                            f"er {len(rijen)}")
    if (aantallen.get("per_topic") or {}) != per_topic:
        verschil = sorted(set(per_topic) | set(aantallen.get("per_topic") or {}))
        namen = [f"{t}: manifest {(aantallen.get('per_topic') or {}).get(t, 0)}, export {per_topic.get(t, 0)}"
                 for t in verschil if (aantallen.get("per_topic") or {}).get(t, 0) != per_topic.get(t, 0)]
        rap.breuk("aantal", "aantallen per topic wijken af van het manifest: " + "; ".join(namen))
    for oid in sorted(set(per_aggregaat) | set(aggregaten_manifest)):
        m, e = aggregaten_manifest.get(oid), per_aggregaat.get(oid)
        naam = (f"{m.get('soort')} {m.get('sleutel')}" if m and m.get("sleutel") else f"aggregaat {oid}")
        if m is None:
            rap.breuk("aantal", f"{naam} staat in de export maar niet in het manifest")
        elif e is None:
            rap.breuk("aantal", f"{naam}: het manifest noemt {m.get('aantal')} gebeurtenissen, de export geen")
        else:
            for sleutel, woord in (("aantal", "gebeurtenissen"), ("laatste_versie", "als laatste versie")):
                if m.get(sleutel) != e[sleutel]:
                    rap.breuk("aantal", f"{naam}: het manifest noemt {m.get(sleutel)} {woord}, de export {e[sleutel]}")
            if m.get("kop") != (e["kop"].hex() if e["kop"] else None):
                rap.breuk("kop", f"{naam}: de laatste hash van het aggregaat is niet die in het manifest")
    ids = [r.get("notification_id") for _, r in rijen if isinstance(r.get("notification_id"), int)]
    nrs = manifest.get("notification_ids") or {}
    if ids and (nrs.get("eerste"), nrs.get("laatste")) != (ids[0], ids[-1]):
        rap.breuk("aantal", f"de export loopt van nr. {ids[0]} tot nr. {ids[-1]}, het manifest zegt "
                            f"{nrs.get('eerste')} tot {nrs.get('laatste')}")
    kop = keten.get("kop_selectie")
    if vorig_geketend is not None:
        if not kop or kop.get("id") != vorig_geketend[0] or kop.get("hash") != vorig_geketend[1].hex():
            rap.breuk("kop", f"de laatste schakel van de export (nr. {vorig_geketend[0]}) is niet de kop die het "
                             "manifest noemt: het einde van de export is verwijderd of gewijzigd")
    elif kop:
        rap.breuk("kop", f"het manifest noemt een kop (nr. {kop.get('id')}), de export heeft geen geketende regel")

    # --- the definitions ---
    for d in manifest.get("definities") or []:
        tekst = d.get("tekst")
        naam = f"definitie {d.get('naam')} v{d.get('versie')}"
        if not isinstance(tekst, str):
            rap.niet_te_controleren.append(f"{naam}: de tekst staat niet in de export (niet vastgelegd)")
            continue
        if hashlib.sha256(tekst.encode("utf-8")).hexdigest() != d.get("sha256"):
            rap.breuk("definitie", f"{naam}: de tekst in het manifest past niet bij zijn sha256 (gewijzigd)")
        n = d.get("notification_id")
        if n is not None:
            v = inhoud_per_id.get(n)
            if v is None:
                rap.breuk("definitie", f"{naam}: de vastgelegde gebeurtenis nr. {n} staat niet in de export")
            elif v.get("tekst") != tekst or v.get("sha256") != d.get("sha256"):
                rap.breuk("definitie", f"{naam}: de tekst in het manifest is niet die van de vastgelegde "
                                       f"gebeurtenis nr. {n}")

    uit["in_orde"] = not rap.breuken
    uit["aggregaten"] = len(per_aggregaat)
    uit["kop_selectie"] = kop
    uit["kop_bij_export"] = keten.get("kop_bij_export")
    return uit


def tekst(u: dict) -> str:
    """The outcome as a person reads it."""
    regels = []
    n = u.get("gebeurtenissen", 0)
    if u["in_orde"]:
        regels.append(f"Export in orde: {n} {'gebeurtenis' if n == 1 else 'gebeurtenissen'} van "
                      f"{u.get('aggregaten', 0)} aggregaten nagerekend ({u['map']}).")
    else:
        b = len(u["breuken"])
        regels.append(f"Export verbroken: {b} {'bevinding' if b == 1 else 'bevindingen'} ({u['map']}):")
        regels += [f"  - {x['melding']}" for x in u["breuken"]]
    for x in u.get("niet_te_controleren") or []:
        regels.append(f"Niet te controleren in deze export: {x}")
    if u["in_orde"] and u.get("kop_bij_export"):
        regels.append(f"Kop van de keten bij het maken van de export: {u['kop_bij_export'].get('anker')} "
                      "(vergelijk met een elders bewaard anker)")
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    als_json = "--json" in args
    args = [a for a in args if a != "--json"]
    if len(args) != 1:
        print("Gebruik: python exportcontrole.py MAP [--json]", file=sys.stderr)
        return 2
    u = controleer(args[0])
    if als_json:
        print(json.dumps(u, ensure_ascii=False, indent=2))
    else:
        print(tekst(u))
    return 0 if u["in_orde"] else 1


if __name__ == "__main__":
    sys.exit(main())
