"""`audit export`: events with their hashes as JSON Lines plus a manifest, for an archive (issue 11.3).

An export is a folder:

    gebeurtenissen.jsonl   one line per stored event, in notification order (below)
    manifest.json          what was selected, counts, chain heads, the definition texts, the
                           algorithm in words, and the sha256 of gebeurtenissen.jsonl

A line (JSON, UTF-8, one object):

    regel                1, 2, 3, …: its place in the file
    notification_id      its place in the store's notification log
    originator_id        the aggregate id as hashed (32 lowercase hex digits)
    originator_version   its place in the aggregate
    topic                "domain.zaak:Zaak.StatusGewijzigd"
    state                the stored bytes, base64: what the hash is computed over
    velden               the same, decoded for readers (workflow.exportcontrole.leesbaar: the library's
                         typed values as plain strings); personal data only as ciphertext
    tijdstip             the library's recorded timestamp (from state)
    vastgelegd_op        when the hash row was written (the database's clock)
    aggregaat            {"soort": "zaak", "sleutel": "3261787"} where known
    geketend             false for an event from before the chain began (no hashes)
    event_hash, aggregate_prev_hash, chain_prev_id, chain_prev_hash, chain_hash
                         the hash row (hex), and the chain link before it (id and hash; null: genesis)

workflow/exportcontrole.py (standard library only) checks a folder; `audit controleer-export` runs it.
Selections: one zaak with every aggregate of it (inspraakdossier, zienswijzen, the raadsagenda's it
is on, whole, and the stored definition version it runs on), an aanbesteding with its procedure
version, the whole log (`alles`), or the events recorded in a period (`periode`, by the day they
were recorded, Dutch time).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.fouten import DomeinFout
from workflow import exportcontrole as ec
from workflow.kern import Dienst

NL = ZoneInfo("Europe/Amsterdam")
BATCH = 5_000
Voortgang = Callable[[int, int], None]

_SOORT_VAN_KLASSE = {"Zaak": "zaak", "Inspraakdossier": "inspraakdossier", "Zienswijze": "zienswijze",
                     "Raadsagenda": "raadsagenda", "Aanbesteding": "aanbesteding",
                     "Definitieversie": "definitieversie"}

HASHALGORITME = """\
Elke gebeurtenis heeft een event_hash: SHA-256 over de aaneengeschakelde bytes van
  1. de ASCII-tekst "zaakstroom/gebeurtenis/v1" (25 bytes),
  2. aggregate_prev_hash (32 bytes; de event_hash van de vorige gebeurtenis van hetzelfde aggregaat,
     of 32 nulbytes bij de eerste),
  3. de lengte van originator_id als 4 bytes (big-endian, zonder teken), dan originator_id zelf
     (de 32 kleine hexadecimale tekens, ASCII),
  4. originator_version als 8 bytes (big-endian, met teken),
  5. de lengte van topic als 4 bytes (big-endian), dan topic (UTF-8),
  6. de lengte van de opgeslagen inhoud als 4 bytes (big-endian), dan de inhoud zelf: de bytes die
     'state' in base64 bevat (niet de velden: die zijn alleen om te lezen).
De keten over de hele log: chain_hash = SHA-256 over
  1. de ASCII-tekst "zaakstroom/keten/v1" (19 bytes),
  2. de chain_hash van de vorige schakel (chain_prev_hash; 32 nulbytes bij de eerste schakel),
  3. notification_id als 8 bytes (big-endian, met teken),
  4. event_hash (32 bytes).
Alle hashes staan hexadecimaal in de export. Met elk SHA-256-programma na te rekenen; het bestand
exportcontrole.py doet het met alleen de standaardbibliotheek van Python."""

PERSOONSGEGEVENS = (
    "Persoonsgegevens (de identiteit van indieners van zienswijzen, samenvattingen, gegevens van cliënten) staan "
    "in de gebeurtenissen alleen versleuteld, elk met een eigen sleutel per persoon. Die sleutels blijven in de "
    "database van zaakstroom en zitten niet in deze export: uit de export zijn de persoonsgegevens niet te "
    "ontsleutelen. Van vergeten personen (AVG art. 17) is de sleutel vernietigd. De hashes gaan over de "
    "versleutelde bytes en blijven dus na te rekenen.")

CONTROLE = ("Na te rekenen zonder zaakstroom: kopieer exportcontrole.py (in zaakstroom: workflow/exportcontrole.py, "
            "alleen de standaardbibliotheek van Python) en voer `python exportcontrole.py MAP` uit; met zaakstroom: "
            "`zaakstroom audit controleer-export MAP`. Code 0: in orde; code 1: elke breuk wordt genoemd.")


def _schrijf_prive(pad: Path, data: bytes) -> None:
    """Write a file readable by its owner only (0600), replacing any file there."""
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # also when the file was there with other rights
    with os.fdopen(fd, "wb") as f:
        f.write(data)


class _Schrijver:
    """gebeurtenissen.jsonl as it is written: mode 0600, sha256 and size on the way."""

    def __init__(self, pad: Path) -> None:
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        self.f = os.fdopen(fd, "wb")
        self.sha = hashlib.sha256()
        self.bytes = self.regels = 0

    def schrijf(self, r: dict) -> None:
        self.regels += 1
        r["regel"] = self.regels
        data = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        self.f.write(data)
        self.sha.update(data)
        self.bytes += len(data)

    def sluit(self) -> None:
        self.f.close()


def bereid_map_voor(map_: Path, overschrijven: bool, bestanden: tuple[str, ...]) -> None:
    """The folder to write: created (0700) when new; an existing non-empty folder, or a file, only
    with `overschrijven`."""
    if map_.exists() and not map_.is_dir():
        if not overschrijven:
            raise DomeinFout(f"{map_} bestaat al (een bestand); kies een nieuwe map of geef --overschrijven.")
        map_.unlink()
    if map_.is_dir() and any(map_.iterdir()):
        if not overschrijven:
            raise DomeinFout(f"De map {map_} bestaat al en is niet leeg; kies een nieuwe map of geef --overschrijven.")
        for naam in bestanden:
            p = map_ / naam
            if p.is_dir():
                shutil.rmtree(p)
            elif p.exists():
                p.unlink()
    map_.mkdir(parents=True, exist_ok=True, mode=0o700)


def _iso(t) -> str | None:
    if t is None:
        return None
    if isinstance(t, datetime):
        return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).isoformat()
    return str(t)


def _b(w) -> bytes | None:
    return None if w is None else bytes(w)


class ExportDienst(Dienst):
    """Writes an export folder; reads the store's rows (event and hash row) through its recorder."""

    @property
    def _recorder(self):
        return self.kern.repository.event_store.recorder

    # --- selection --------------------------------------------------------------------

    def _aggregaten_van_zaak(self, nummer: str) -> dict[str, tuple[str, str]]:
        from domain import besluitvorming as bvm
        from domain.datums import nl_datum
        from domain.zaak import zaak_id
        from domain.zienswijze import Inspraakdossier, inspraakdossier_id, zienswijze_id

        events = self.kern.gebeurtenissen(zaak_id(nummer))
        if not events:
            return {}
        uit = {zaak_id(nummer).hex: ("zaak", nummer)}
        dossier = self.kern.gebeurtenissen(inspraakdossier_id(nummer))
        if dossier:
            uit[inspraakdossier_id(nummer).hex] = ("inspraakdossier", nummer)
        for e in dossier:
            if isinstance(e, Inspraakdossier.ZienswijzeGeregistreerd):
                uit[zienswijze_id(e.kenmerk).hex] = ("zienswijze", e.kenmerk)
        for e in events:
            if isinstance(e, (bvm.Geagendeerd, bvm.AgendapuntGewijzigd)):
                uit[bvm.raadsagenda_id(e.vergaderdatum).hex] = ("raadsagenda", nl_datum(e.vergaderdatum))
        eerste = events[0]
        self._definitie_aggregaat(uit, "zaaktype", eerste.zaaktype, eerste.zaaktype_versie)
        return uit

    def _aggregaten_van_aanbesteding(self, kenmerk: str) -> dict[str, tuple[str, str]]:
        from domain.aanbesteding import aanbesteding_id

        events = self.kern.gebeurtenissen(aanbesteding_id(kenmerk))
        if not events:
            return {}
        uit = {aanbesteding_id(kenmerk).hex: ("aanbesteding", kenmerk)}
        self._definitie_aggregaat(uit, "aanbestedingsprocedure", events[0].procedure, events[0].procedure_versie)
        return uit

    def _definitie_aggregaat(self, uit: dict, soort: str, naam: str, versie: int) -> None:
        from domain.definitieversie import definitieversie_id

        oid = definitieversie_id(soort, naam, versie)
        if self.kern.bestaat(oid):
            uit[oid.hex] = ("definitieversie", f"{soort} {naam} v{versie}")

    # --- reading rows -----------------------------------------------------------------

    def _rijen_van(self, oids: list[str]):
        """(row, chain_prev) for every event of these aggregates, by notification id."""
        rec = self._recorder
        ids = sorted({n for oid in oids for n in rec.ids_van_aggregaat(oid)})
        rijen = [r for r in rec.lees_ids(ids) if r[1] is not None] if ids else []
        vorige = rec.vorige_schakels([r[0] for r in rijen if r[5] is not None])
        tijden = rec.vastgelegd_op([r[0] for r in rijen])
        for r in rijen:
            yield r, vorige.get(r[0]), tijden.get(r[0])

    def _rijen_log(self, hoogste: int, kies: Callable[[tuple], bool] | None, voortgang: Voortgang | None):
        """Every event of the log up to `hoogste` (or those `kies` keeps), with the chain link before it."""
        rec = self._recorder
        vorige: tuple[int, bytes] | None = None
        na = 0
        while na < hoogste:
            tot = min(na + BATCH, hoogste)
            rijen = rec.lees_keten(na, tot)
            if not rijen:
                volgende = rec.volgende_id(tot)
                if volgende is None:
                    break
                na = volgende - 1
                continue
            gekozen = [r for r in rijen if r[1] is not None and (kies is None or kies(r))]
            tijden = rec.vastgelegd_op([r[0] for r in gekozen])
            keuze = {r[0] for r in gekozen}
            for r in rijen:
                if r[0] in keuze:
                    yield r, vorige, tijden.get(r[0])
                if r[5] is not None:
                    vorige = (r[0], _b(r[9]))
            na = tot
            if voortgang:
                voortgang(na, hoogste)

    # --- the export -----------------------------------------------------------------------

    def exporteer(self, *, map_: Path, nummer: str | None = None, alles: bool = False, van: date | None = None,
                  tot: date | None = None, overschrijven: bool = False, actor: str,
                  voortgang: Voortgang | None = None) -> dict:
        from workflow.audit import ZAAKNUMMER

        rec = self._recorder
        begin = rec.keten_begin()
        if begin is None:
            raise DomeinFout("Deze store heeft geen hashketen; een export zonder hashes valt niet na te rekenen.")
        hoogste = rec.hoogste_id()
        kop = rec.keten_kop()

        bekend: dict[str, tuple[str, str]] = {}
        if nummer is not None:
            nummer = nummer.strip()
            if ZAAKNUMMER.fullmatch(nummer):
                bekend = self._aggregaten_van_zaak(nummer)
                selectie = {"soort": "zaak", "nummer": nummer}
            if not bekend:
                bekend = self._aggregaten_van_aanbesteding(nummer)
                selectie = {"soort": "aanbesteding", "kenmerk": nummer}
            if not bekend:
                raise self.kern.dienst("audit")._onbekend(nummer)
            bereid_map_voor(map_, overschrijven, (ec.GEBEURTENISSEN, ec.MANIFEST))
            bron = self._rijen_van(list(bekend))
        elif alles:
            selectie = {"soort": "alles", "tot_en_met": hoogste}
            bereid_map_voor(map_, overschrijven, (ec.GEBEURTENISSEN, ec.MANIFEST))
            bron = self._rijen_log(hoogste, None, voortgang)
        else:
            if van is None or tot is None or tot < van:
                raise DomeinFout("Geef een periode met --van en --tot (tot op of na van).")
            selectie = {"soort": "periode", "van": van.isoformat(), "tot": tot.isoformat(),
                        "uitleg": "gebeurtenissen vastgelegd (tijdstip van registratie, Nederlandse tijd) "
                                  "van en met --van tot en met --tot"}

            def in_periode(r) -> bool:
                try:
                    t = datetime.fromisoformat(ec.velden_uit_state(_b(r[4]))["timestamp"])
                except (ValueError, KeyError, TypeError):
                    return False
                return van <= t.astimezone(NL).date() <= tot

            bereid_map_voor(map_, overschrijven, (ec.GEBEURTENISSEN, ec.MANIFEST))
            bron = self._rijen_log(hoogste, in_periode, voortgang)

        schrijver = _Schrijver(map_ / ec.GEBEURTENISSEN)
        per_topic: dict[str, int] = {}
        per_aggregaat: dict[str, dict] = {}
        definities_gebruikt: dict[tuple[str, str, int], str | None] = {}
        definitie_rijen: dict[tuple[str, str, int], tuple[int, dict]] = {}
        eerste_id = laatste_id = None
        kop_selectie = None
        try:
            rijen = list(bron) if nummer is not None else bron
            if nummer is None:
                rijen = self._met_namen(rijen, bekend)
            else:
                self._namen(bekend, {r[0][1] for r in rijen})
            for (n, eo, ev, topic, state, ko, kv, eh, ap, ch), vorige, tijd in rijen:
                state = _b(state) or b""
                velden = ec.velden_uit_state(state)
                geketend = ko is not None or n > begin["begin"]
                soort, sleutel = bekend.get(eo, (None, None))
                r = {"regel": 0, "notification_id": n, "originator_id": eo, "originator_version": ev,
                     "topic": topic, "state": base64.b64encode(state).decode("ascii"), "velden": velden,
                     "tijdstip": velden.get("timestamp"), "vastgelegd_op": _iso(tijd),
                     "aggregaat": {"soort": soort, "sleutel": sleutel} if soort else None,
                     "geketend": geketend,
                     "event_hash": _b(eh).hex() if eh is not None else None,
                     "aggregate_prev_hash": _b(ap).hex() if ap is not None else None,
                     "chain_prev_id": vorige[0] if vorige and ko is not None else None,
                     "chain_prev_hash": vorige[1].hex() if vorige and ko is not None else None,
                     "chain_hash": _b(ch).hex() if ch is not None else None}
                schrijver.schrijf(r)
                per_topic[topic] = per_topic.get(topic, 0) + 1
                a = per_aggregaat.get(eo)
                if a is None:
                    a = per_aggregaat[eo] = {"soort": soort, "sleutel": sleutel, "aantal": 0, "eerste_versie": ev}
                a["aantal"] += 1
                a["laatste_versie"] = ev
                a["kop"] = r["event_hash"]
                eerste_id = n if eerste_id is None else eerste_id
                laatste_id = n
                if ch is not None:
                    kop_selectie = {"id": n, "hash": r["chain_hash"]}
                self._noteer_definitie(topic, velden, n, definities_gebruikt, definitie_rijen)
        finally:
            schrijver.sluit()

        volledig = selectie["soort"] != "periode"
        for a in per_aggregaat.values():
            a["volledig"] = volledig
        definities = self._definities(definities_gebruikt, definitie_rijen)
        niet = []
        if selectie["soort"] != "alles":
            niet.append("De keten over de hele log is voor deze gedeeltelijke export alleen te controleren tussen "
                        "regels die in de log direct op elkaar volgen; elke regel noemt de vorige schakel "
                        "(chain_prev_id, chain_prev_hash), waarmee haar eigen chain_hash na te rekenen is, maar dat "
                        "die vorige schakel zo in de log staat, is alleen in de database (`zaakstroom audit "
                        "verificeer --alles`) of tegen een bewaard anker na te gaan.")
        if selectie["soort"] == "periode":
            niet.append("Een periode bevat van een aggregaat mogelijk niet de eerste of de laatste gebeurtenissen: de "
                        "koppeling van de eerste geëxporteerde gebeurtenis aan de vorige is dan niet te controleren.")
        manifest = {
            "formaat": ec.FORMAAT, "formaatversie": ec.FORMAATVERSIE,
            "gemaakt_op": datetime.now(timezone.utc).isoformat(), "gemaakt_door": actor,
            "opslag": self.kern.opslag.veilig(),
            "selectie": selectie,
            "bestanden": {ec.GEBEURTENISSEN: {"sha256": schrijver.sha.hexdigest(), "bytes": schrijver.bytes,
                                              "regels": schrijver.regels}},
            "aantallen": {"gebeurtenissen": schrijver.regels, "aggregaten": len(per_aggregaat),
                          "per_topic": dict(sorted(per_topic.items())), "per_aggregaat": per_aggregaat},
            "notification_ids": {"eerste": eerste_id, "laatste": laatste_id},
            "keten": {
                "algoritme": begin["algoritme"],
                "begin": {"na_nr": begin["begin"], "gebeurtenissen_ervoor": begin["ervoor"],
                          "begonnen_op": _iso(begin["begonnen_op"])},
                "kop_bij_export": ({"id": kop[0], "hash": _b(kop[1]).hex(), "anker": f"{kop[0]}:{_b(kop[1]).hex()}"}
                                   if kop else None),
                "kop_selectie": kop_selectie,
                "volledig": selectie["soort"] == "alles",
                "niet_te_controleren": niet,
            },
            "definities": definities,
            "persoonsgegevens": PERSOONSGEGEVENS,
            "hashalgoritme": HASHALGORITME,
            "controle": CONTROLE,
        }
        _schrijf_prive(map_ / ec.MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return {"map": str(map_), "selectie": selectie, "gebeurtenissen": schrijver.regels,
                "aggregaten": len(per_aggregaat), "sha256": schrijver.sha.hexdigest(),
                "kop_selectie": kop_selectie, "kop_bij_export": manifest["keten"]["kop_bij_export"],
                "definities": [f"{d['naam']} v{d['versie']}" for d in definities],
                "bestanden": [ec.GEBEURTENISSEN, ec.MANIFEST]}

    def _namen(self, bekend: dict, oids: set[str]) -> None:
        """The kind and key of aggregates not named by the selection, from their first stored event."""
        nieuw = sorted(o for o in oids if o not in bekend)
        if not nieuw:
            return
        for oid, (topic, state) in self._recorder.eerste_gebeurtenissen(nieuw).items():
            bekend[oid] = _naam_van(topic, _b(state))

    def _met_namen(self, rijen, bekend: dict):
        """Rows of the log in batches, naming the aggregates each batch brings."""
        buffer = []
        for item in rijen:
            buffer.append(item)
            if len(buffer) >= BATCH:
                self._namen(bekend, {i[0][1] for i in buffer})
                yield from buffer
                buffer = []
        self._namen(bekend, {i[0][1] for i in buffer})
        yield from buffer

    @staticmethod
    def _noteer_definitie(topic: str, velden: dict, n: int, gebruikt: dict, rijen: dict) -> None:
        if topic == "domain.zaak:Zaak.Geregistreerd":
            gebruikt.setdefault(("zaaktype", velden.get("zaaktype"), velden.get("zaaktype_versie")),
                                velden.get("zaaktype_sha256"))
        elif topic == "domain.aanbesteding:Aanbesteding.Geregistreerd":
            gebruikt.setdefault(("aanbestedingsprocedure", velden.get("procedure"), velden.get("procedure_versie")),
                                velden.get("procedure_sha256"))
        elif topic == "domain.definitieversie:Definitieversie.Vastgelegd":
            rijen[(velden.get("soort"), velden.get("naam"), velden.get("versie"))] = (n, velden)

    def _definities(self, gebruikt: dict, rijen: dict) -> list[dict]:
        """The definition versions the exported zaken and aanbestedingen run on (and any stored version
        in the export), with their texts as stored."""
        from domain.definitieversie import definitieversie_id

        uit = []
        for sleutel in sorted(set(gebruikt) | set(rijen), key=lambda s: tuple(str(x) for x in s)):
            soort, naam, versie = sleutel
            d = {"soort": soort, "naam": naam, "versie": versie, "sha256": gebruikt.get(sleutel), "tekst": None,
                 "bron": None, "in_export": sleutel in rijen}
            if sleutel in rijen:
                n, v = rijen[sleutel]
                d.update(sha256=v.get("sha256"), tekst=v.get("tekst"), bron=v.get("bron"), notification_id=n)
            else:
                try:
                    v = self.kern.repository.get(definitieversie_id(soort, naam, versie))
                except Exception:  # noqa: BLE001 - not stored (a zaak from before versions were stored)
                    v = None
                if v is not None:
                    d.update(sha256=v.sha256, tekst=v.tekst, bron=v.bron)
                else:
                    d["opmerking"] = "deze versie is niet in de store vastgelegd (zaak van vóór de opgeslagen versies)"
            if d["tekst"] is not None:
                d["sha256_tekst"] = hashlib.sha256(d["tekst"].encode("utf-8")).hexdigest()
            uit.append(d)
        return uit

    def controleer(self, map_: Path) -> dict:
        return ec.controleer(map_)

    def exporteer_zgw(self, zaaknummer: str, *, map_: Path, overschrijven: bool = False, rsin: str | None) -> dict:
        """zaken.json, statussen.json and rollen.json in the shape of the ZGW Zaken API (workflow/zgw.py)."""
        from workflow.zgw import zgw_zaak

        z = zgw_zaak(self.kern, zaaknummer.strip(), rsin)
        bestanden = ("zaken.json", "statussen.json", "rollen.json")
        bereid_map_voor(map_, overschrijven, bestanden)
        for naam, inhoud in zip(bestanden, ([z["zaak"]], z["statussen"], z["rollen"]), strict=True):
            _schrijf_prive(map_ / naam, (json.dumps(inhoud, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return {"map": str(map_), "zaak": z["zaak"]["identificatie"], "bestanden": list(bestanden),
                "statussen": len(z["statussen"]), "rollen": len(z["rollen"])}


def _naam_van(topic: str, state: bytes) -> tuple[str | None, str | None]:
    klasse = topic.partition(":")[2].split(".")[0]
    soort = _SOORT_VAN_KLASSE.get(klasse, klasse.lower() or None)
    try:
        v = ec.velden_uit_state(state)
    except (ValueError, UnicodeDecodeError):
        return soort, None
    if soort == "definitieversie":
        return soort, f"{v.get('soort')} {v.get('naam')} v{v.get('versie')}"
    for veld in ("kenmerk", "zaaknummer", "vergaderdatum", "naam", "client", "jaar"):
        if v.get(veld) is not None:
            return soort, str(v[veld])
    return soort, None
