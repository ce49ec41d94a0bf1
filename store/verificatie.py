"""Recomputing the hash chains of store/keten.py and naming every break, in Dutch.

`verifieer(opslag)` walks the whole notification log in batches of ids, one query
per batch that joins the event table and the hash table on the notification id.
Per row it recomputes the event's hash from its stored content and the aggregate
link it records, checks that link against the previous event of the aggregate and
the store-wide link against the previous hash row. `verifieer(opslag, aggregaat=…)`
does the same for the rows of one aggregate only.

What it can tell apart (see store/keten.py for what an attacker can still hide):

- inhoud gewijzigd: the content (payload, actor, datum, reden, topic) no longer
  matches its hash; two such rows whose contents fit each other's hashes are
  reported as swapped;
- ontbreekt: a hash row whose event is gone; the last ones of the log as a
  truncated tail;
- ingevoegd: an event after the start of the chain without a hash row;
- verplaatst / verwisseld: an event at another notification id, or with another
  version number, than its hash row says;
- a gap in an aggregate's versions or a broken link of the store-wide chain: an
  event removed together with its hash row, or a hash recomputed after a change;
- an anchor (`--anker ID:HASH`) the chain no longer reaches.

Events recorded before the chain began (an older store) have no hash: they are
counted as "niet geketend", not reported as broken.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from store.keten import GENESIS, anker_tekst, gebeurtenis_hash, keten_hash

BATCH = 20_000  # notification ids per query
_MAX_PAREN = 300  # pairwise swap detection only among this many altered rows

Voortgang = Callable[[int, int], None]  # (id reached, highest id)


def _los_hash(vorige, originator_id, versie, topic, state) -> bytes:
    """gebeurtenis_hash for whatever a tampered row holds (TEXT where BLOB belongs, NULL, a number)."""
    def als_bytes(w) -> bytes:
        if w is None:
            return b""
        if isinstance(w, (bytes, bytearray, memoryview)):
            return bytes(w)
        return str(w).encode()

    def als_tekst(w) -> str:
        return als_bytes(w).decode(errors="surrogateescape")

    try:
        v = int(versie)
    except (TypeError, ValueError):
        v = -1
    return gebeurtenis_hash(als_bytes(vorige).ljust(32, b"\0")[:32], als_tekst(originator_id), v, als_tekst(topic),
                            als_bytes(state))


@dataclass
class Bevinding:
    soort: str
    id: int  # notification id: the place in the log
    aggregaat: str | None = None
    gebeurtenis: int | None = None  # originator_version: the place in the aggregate
    topic: str | None = None
    extra: dict = field(default_factory=dict)
    melding: str = ""

    def als_dict(self, namen: dict[str, str], tijden: dict[int, datetime | None], *, diep: bool = True) -> dict:
        tijd = tijden.get(self.id)
        uit = {"soort": self.soort, "id": self.id, "aggregaat": self.aggregaat,
               "naam": namen.get(self.aggregaat) if self.aggregaat else None,
               "gebeurtenis": self.gebeurtenis, "topic": self.topic,
               "vastgelegd": tijd.isoformat() if tijd else None}
        if diep:
            uit["melding"] = self.melding
            if isinstance(self.extra.get("met"), Bevinding):
                uit["met"] = self.extra["met"].als_dict(namen, tijden, diep=False)
            if self.extra.get("ontbreken"):
                uit["ontbreken"] = [b.als_dict(namen, tijden, diep=False) for b in self.extra["ontbreken"]]
            for sleutel in ("van", "naar", "vorige", "vorige_id"):
                if isinstance(self.extra.get(sleutel), int):
                    uit[sleutel] = self.extra[sleutel]
        return uit


class _Controle:
    """The state of one walk through the log: the last link per aggregate and of the chain."""

    def __init__(self, begin_id: int) -> None:
        self.begin_id = begin_id
        self.laatst: dict[str, tuple[int, bytes | None, int]] = {}  # aggregate -> (version, event_hash, id)
        self.kop: bytes | None = None  # chain_hash of the last hash row seen
        self.kop_id: int | None = None
        self.laatste_event_id = 0
        self.rijen = self.geketend = self.ongeketend = 0
        self.bevindingen: list[Bevinding] = []
        self.inhoud: list[tuple] = []  # rows whose content does not match: for swap detection
        self.elders_event: dict[tuple[str, int], tuple] = {}  # (aggregate, version) -> (id, topic, state, finding)
        self.elders_hash: dict[tuple[str, int], tuple] = {}  # (aggregate, version) -> (id, prev, hash, finding)
        self.zonder_hash: dict[tuple[str, int], Bevinding] = {}
        self.hernummerd: list[Bevinding] = []

    def verwerk(self, rijen: Sequence[tuple], vorige: dict[int, tuple[int, bytes] | None] | None = None) -> None:
        """One batch, in id order. `vorige`: per id the hash row before it, when the rows are not
        the whole log (one aggregate)."""
        gh, kh, genesis = gebeurtenis_hash, keten_hash, GENESIS
        laatst = self.laatst
        kop, kop_id = self.kop, self.kop_id
        laatste_event_id, begin_id, geketend, ongeketend = self.laatste_event_id, self.begin_id, 0, 0
        for n, eo, ev, topic, state, ko, kv, eh, ap, ch in rijen:
            if eo is not None:
                laatste_event_id = n
            if ko is None:  # an event without a hash row
                if n <= begin_id:
                    ongeketend += 1
                else:
                    b = Bevinding("ingevoegd", n, eo, ev, topic)
                    self.bevindingen.append(b)
                    self.zonder_hash[(eo, ev)] = b
                    self.elders_event[(eo, ev)] = (n, topic, state, b)
                laatst[eo] = (ev, None, n)
                continue
            geketend += 1
            if vorige is not None:
                v = vorige.get(n)
                kop, kop_id = (v[1], v[0]) if v else (None, None)
            if kh(genesis if kop is None else kop, n, eh) != ch:
                self.bevindingen.append(Bevinding("keten", n, ko, kv, extra={"vorige": kop_id}))
            kop, kop_id = ch, n
            if eo is None:  # a hash row without its event
                b = Bevinding("ontbreekt", n, ko, kv)
                self.bevindingen.append(b)
                self.elders_hash[(ko, kv)] = (n, ap, eh, b)
                self._koppel(laatst, ko, kv, ap, n, genesis)
                laatst[ko] = (kv, eh, n)
                continue
            if eo != ko or ev != kv:  # the event here is not the one the hash row names
                self._verplaatst(n, eo, ev, topic, state, ko, kv, ap, eh)
                self._koppel(laatst, ko, kv, ap, n, genesis)
                laatst[ko] = (kv, eh, n)
                continue
            try:
                gelijk = gh(ap, eo, ev, topic, state) == eh
            except (TypeError, AttributeError):  # a value of another type put in a column (TEXT for BLOB, NULL)
                gelijk = _los_hash(ap, eo, ev, topic, state) == eh
            if not gelijk:
                self.inhoud.append((n, eo, ev, topic, state, ap, eh, len(self.bevindingen)))
                self.bevindingen.append(Bevinding("inhoud", n, eo, ev, topic))
            vorig = laatst.get(eo)
            if vorig is None or vorig[0] != ev - 1 or ap != (vorig[1] or genesis):
                self._koppel(laatst, eo, ev, ap, n, genesis)
            laatst[eo] = (ev, eh, n)
        self.kop, self.kop_id = kop, kop_id
        self.laatste_event_id = laatste_event_id
        self.rijen += len(rijen)
        self.geketend += geketend
        self.ongeketend += ongeketend

    def _koppel(self, laatst, oid: str, versie: int, ap: bytes, n: int, genesis: bytes) -> None:
        """The aggregate link of (oid, versie) did not follow from the previous event seen: say why."""
        vorig = laatst.get(oid)
        if vorig is None:
            if versie == 1:
                if ap != genesis:
                    self.bevindingen.append(Bevinding("koppeling", n, oid, versie, extra={"reden": "begin"}))
                return
            self.bevindingen.append(Bevinding("gat", n, oid, versie, extra={"van": 1, "tot": versie - 1, "na_id": 0}))
            return
        vv, vh, vn = vorig
        if vv >= versie:
            self.bevindingen.append(Bevinding("volgorde", n, oid, versie, extra={"na": vv, "na_id": vn}))
        elif vv < versie - 1:
            self.bevindingen.append(Bevinding("gat", n, oid, versie, extra={"van": vv + 1, "tot": versie - 1, "na_id": vn}))
        elif vh is None:
            if ap != genesis:  # the previous event has no hash (any more), but this one links to one
                b = self.zonder_hash.get((oid, vv))
                if b is not None:
                    b.extra["hash_verwijderd"] = versie
                else:
                    self.bevindingen.append(Bevinding("koppeling", n, oid, versie, extra={"vorige_id": vn}))
        elif ap != vh:
            self.bevindingen.append(Bevinding("koppeling", n, oid, versie, extra={"vorige_id": vn, "ap": ap}))

    def _verplaatst(self, n, eo, ev, topic, state, ko, kv, ap, eh) -> None:
        if _los_hash(ap, ko, kv, topic, state) == eh:
            # The content is what the hash row names; only its aggregate or version number changed.
            b = Bevinding("hernummerd", n, ko, kv, topic, extra={"nu_aggregaat": eo, "nu_gebeurtenis": ev})
            self.hernummerd.append(b)
        else:
            b = Bevinding("verplaatst", n, eo, ev, topic, extra={"hoort": (ko, kv)})
            self.elders_event[(eo, ev)] = (n, topic, state, b)
            self.elders_hash[(ko, kv)] = (n, ap, eh, b)
        self.bevindingen.append(b)

    # --- after the walk: pair up what belongs together ------------------------------------

    def rond_af(self, *, hele_log: bool = True) -> None:
        weg: set[int] = set()  # ids (id()) of findings merged into another
        self._paar_herberekend(weg)
        self._verklaar_ketenbreuken(weg)
        self._paar_inhoud(weg)
        self._paar_verplaatst(weg)
        self._paar_hernummerd(weg)
        staart = [b for b in self.bevindingen if b.soort == "ontbreekt" and b.id > self.laatste_event_id
                  and id(b) not in weg] if hele_log else []
        if staart:
            for b in staart:
                weg.add(id(b))
            self.bevindingen.append(Bevinding("staart", staart[0].id, extra={"ontbreken": staart}))
        self.bevindingen = sorted((b for b in self.bevindingen if id(b) not in weg), key=lambda b: b.id)

    def _paar_herberekend(self, weg: set[int]) -> None:
        """A chain link that fails at n, and the next event of the same aggregate pointing to another
        hash than the one stored for n: the hash of n was changed. The next event still holds the
        original hash, so whether the content changed too can be told."""
        keten = {b.id: b for b in self.bevindingen if b.soort == "keten"}
        inhoud = {r[0]: r for r in self.inhoud}
        for b in self.bevindingen:
            if b.soort == "koppeling" and b.extra.get("vorige_id") in keten:
                k = keten[b.extra["vorige_id"]]
                if k.aggregaat == b.aggregaat and k.gebeurtenis == (b.gebeurtenis or 0) - 1:
                    k.soort = "herberekend"
                    k.extra.update(volgende=b.gebeurtenis, volgende_id=b.id)
                    weg.add(id(b))
                    rij = inhoud.get(k.id)
                    if rij is not None:  # the stored hash does not fit the content either
                        n, eo, ev, topic, state, ap, eh, i = rij
                        k.soort = "hash_gewijzigd"
                        k.topic = topic
                        k.extra["inhoud_intact"] = _los_hash(ap, eo, ev, topic, state) == b.extra.get("ap")
                        weg.add(id(self.bevindingen[i]))

    def _verklaar_ketenbreuken(self, weg: set[int]) -> None:
        """A break of the store-wide chain between hash rows p and n is explained by an aggregate
        whose missing version(s) lay between p and n (removed with their hash rows), or by an event
        in between whose hash row was deleted: one finding, not two."""
        for k in self.bevindingen:
            if k.soort != "keten" or id(k) in weg:
                continue
            p, n = k.extra.get("vorige") or 0, k.id
            gaten = [g for g in self.bevindingen if g.soort == "gat" and id(g) not in weg
                     and g.extra["na_id"] < n and g.id > p]
            if len(gaten) == 1:
                g = gaten[0]
                g.extra["tussen"] = (p, n)
                weg.add(id(k))
                continue
            if any(b.soort == "ingevoegd" and b.extra.get("hash_verwijderd") and p < b.id < n for b in self.bevindingen):
                weg.add(id(k))

    def _paar_inhoud(self, weg: set[int]) -> None:
        rijen = self.inhoud[:_MAX_PAREN]
        gepaard: set[int] = set()
        for i, a in enumerate(rijen):
            if i in gepaard:
                continue
            for j in range(i + 1, len(rijen)):
                if j in gepaard:
                    continue
                b = rijen[j]
                # a = (id, aggregate, version, topic, state, aggregate_prev_hash, event_hash, finding index)
                for topic_a, topic_b, wat in ((a[3], b[3], "inhoud"), (b[3], a[3], "inhoud en soort")):
                    if (_los_hash(a[5], a[1], a[2], topic_a, b[4]) == a[6]
                            and _los_hash(b[5], b[1], b[2], topic_b, a[4]) == b[6]):
                        fa, fb = self.bevindingen[a[7]], self.bevindingen[b[7]]
                        fa.soort = "verwisseld"
                        fa.extra = {"met": fb, "wat": wat}
                        weg.add(id(fb))
                        gepaard.update((i, j))
                        break
                if i in gepaard:
                    break

    def _paar_verplaatst(self, weg: set[int]) -> None:
        for sleutel, (n_e, topic, state, b_e) in list(self.elders_event.items()):
            hier = self.elders_hash.get(sleutel)
            if hier is None:
                continue
            n_h, ap, eh, b_h = hier
            intact = _los_hash(ap, sleutel[0], sleutel[1], topic, state) == eh
            b = Bevinding("verplaatst", n_e, sleutel[0], sleutel[1], topic,
                          extra={"van": n_h, "intact": intact, "naar": n_e})
            self.bevindingen.append(b)
            for oud in (b_e, b_h):
                if oud.soort in ("ontbreekt", "ingevoegd"):
                    weg.add(id(oud))
            b_e.extra["event_elders"] = True
            b_h.extra["hash_elders"] = True
        # A row whose event and whose hash both turned up elsewhere says nothing more.
        for b in self.bevindingen:
            if b.soort == "verplaatst" and "hoort" in b.extra and b.extra.get("event_elders") and b.extra.get("hash_elders"):
                weg.add(id(b))
        # Two events that each moved to the other's place: swapped.
        per_paar = {}
        for b in self.bevindingen:
            if b.soort == "verplaatst" and "van" in b.extra and id(b) not in weg:
                per_paar[(b.extra["van"], b.extra["naar"])] = b
        for (van, naar), b in list(per_paar.items()):
            tegen = per_paar.get((naar, van))
            if tegen is not None and id(tegen) not in weg and id(b) not in weg and van < naar:
                b.soort = "verwisseld_plaats"
                b.extra["met"] = tegen
                weg.add(id(tegen))

    def _paar_hernummerd(self, weg: set[int]) -> None:
        for b in self.hernummerd:
            if id(b) in weg or b.soort != "hernummerd":
                continue
            for c in self.hernummerd:
                if (c is not b and id(c) not in weg and c.aggregaat == b.extra["nu_aggregaat"]
                        and c.gebeurtenis == b.extra["nu_gebeurtenis"] and c.extra["nu_aggregaat"] == b.aggregaat
                        and c.extra["nu_gebeurtenis"] == b.gebeurtenis):
                    b.soort = "verwisseld_volgorde"
                    b.extra["met"] = c
                    weg.add(id(c))
                    break


# --- naming: aggregates as people know them, times as people read them -------------------


def _naam(oid: str, eerste: tuple[str, bytes] | None) -> str:
    try:
        uuid = str(UUID(hex=oid))
    except ValueError:
        uuid = oid
    if eerste is None:
        return f"aggregaat {uuid}"
    topic, state = eerste
    klasse = topic.rpartition(":")[2].split(".")[0] or "aggregaat"
    soort = klasse[0].lower() + klasse[1:]
    try:
        d = json.loads(state)
    except (ValueError, UnicodeDecodeError):
        d = {}
    if not isinstance(d, dict):
        d = {}

    def tekst(waarde) -> str | None:
        if isinstance(waarde, dict) and "_data_" in waarde:
            waarde = waarde["_data_"]
        return str(waarde) if waarde not in (None, "") else None

    if klasse == "Zaak" and tekst(d.get("zaaknummer")):
        return f"zaak {tekst(d['zaaknummer'])}"
    if tekst(d.get("kenmerk")):
        return f"{soort} {tekst(d['kenmerk'])}"
    if tekst(d.get("zaaknummer")):
        return f"{soort} van zaak {tekst(d['zaaknummer'])}"
    if tekst(d.get("vergaderdatum")):
        return f"{soort} {tekst(d['vergaderdatum'])}"
    return f"{soort} {uuid}"


def _tijdstempel(state) -> datetime | None:
    """The library's recorded time, from a stored event's state."""
    if state is None:
        return None
    if isinstance(state, memoryview):
        state = bytes(state)
    try:
        t = json.loads(state).get("timestamp")
        return datetime.fromisoformat(t["_data_"] if isinstance(t, dict) else t)
    except (ValueError, TypeError, AttributeError, KeyError, UnicodeDecodeError):
        return None


def tijd_nl(t: datetime | None) -> str:
    return f"{t.astimezone():%d-%m-%Y %H:%M}" if t else "onbekend tijdstip"


def _meervoud(n: int, een: str, meer: str) -> str:
    return f"{n} {een if n == 1 else meer}"


class _Melder:
    """Turns findings into sentences; knows the names and times of what they are about."""

    def __init__(self, namen: dict[str, str], tijden: dict[int, datetime | None]) -> None:
        self.namen, self.tijden = namen, tijden

    def naam(self, oid: str | None) -> str:
        return self.namen.get(oid, f"aggregaat {oid}") if oid else "onbekend aggregaat"

    def wie(self, b: Bevinding, *, topic: bool = True) -> str:
        soort = f" ({b.topic})" if topic and b.topic else ""
        return (f"{self.naam(b.aggregaat)}, gebeurtenis {b.gebeurtenis}{soort}, nr. {b.id} in de log, "
                f"vastgelegd {tijd_nl(self.tijden.get(b.id))}")

    def tekst(self, b: Bevinding) -> str:
        x = b.extra
        if b.soort == "inhoud":
            return f"{self.wie(b)}: inhoud gewijzigd (hash klopt niet)"
        if b.soort == "verwisseld":
            c = x["met"]
            wat = "inhoud" if x["wat"] == "inhoud" else "inhoud en soort"
            if c.aggregaat == b.aggregaat:
                return (f"{self.naam(b.aggregaat)}: {wat} van gebeurtenissen {b.gebeurtenis} en {c.gebeurtenis} "
                        f"verwisseld (nrs. {b.id} en {c.id} in de log, vastgelegd {tijd_nl(self.tijden.get(b.id))} "
                        f"en {tijd_nl(self.tijden.get(c.id))})")
            return (f"{wat} verwisseld tussen {self.wie(b, topic=False)} en {self.wie(c, topic=False)}")
        if b.soort == "ontbreekt":
            return f"{self.wie(b)}: ontbreekt (verwijderd uit de eventtabel; de hash is er nog)"
        if b.soort == "staart":
            rijen = x["ontbreken"]
            kop = rijen[-1]
            regels = [f"de laatste {_meervoud(len(rijen), 'gebeurtenis', 'gebeurtenissen')} van de log "
                      f"{'ontbreekt' if len(rijen) == 1 else 'ontbreken'} (de keten eindigt bij nr. {kop.id}, "
                      f"vastgelegd {tijd_nl(self.tijden.get(kop.id))}; de eventtabel bij nr. "
                      f"{x.get('laatste_event') or 0}):"]
            regels += [f"  - {self.wie(r)}" for r in rijen[:20]]
            if len(rijen) > 20:
                regels.append(f"  - en nog {len(rijen) - 20}")
            return "\n".join(regels)
        if b.soort == "ingevoegd":
            if x.get("hash_verwijderd"):
                return (f"{self.wie(b)}: de hash ontbreekt (verwijderd: gebeurtenis {x['hash_verwijderd']} "
                        "verwijst er nog naar)")
            return f"{self.wie(b)}: ingevoegd (geen hash: niet door zaakstroom vastgelegd na het begin van de keten)"
        if b.soort == "verplaatst":
            if "hoort" in x:
                ko, kv = x["hoort"]
                return (f"nr. {b.id} in de log: hier hoort {self.naam(ko)}, gebeurtenis {kv}, maar er staat "
                        f"{self.naam(b.aggregaat)}, gebeurtenis {b.gebeurtenis}, met een inhoud die bij geen "
                        "van beide hashes past")
            return (f"{self.naam(b.aggregaat)}, gebeurtenis {b.gebeurtenis} ({b.topic}): verplaatst van nr. "
                    f"{x['van']} naar nr. {x['naar']} in de log" + ("" if x["intact"] else " en gewijzigd"))
        if b.soort == "verwisseld_plaats":
            c = x["met"]
            if c.aggregaat == b.aggregaat:
                return (f"{self.naam(b.aggregaat)}: gebeurtenissen {b.gebeurtenis} en {c.gebeurtenis} verwisseld "
                        f"(van plaats in de log: nrs. {x['van']} en {x['naar']})")
            return (f"nrs. {x['van']} en {x['naar']} in de log verwisseld: {self.naam(b.aggregaat)}, gebeurtenis "
                    f"{b.gebeurtenis} en {self.naam(c.aggregaat)}, gebeurtenis {c.gebeurtenis}")
        if b.soort == "hernummerd":
            nu = f"{self.naam(x['nu_aggregaat'])}, gebeurtenis {x['nu_gebeurtenis']}"
            return f"{self.wie(b)}: staat nu als {nu} (aggregaat of volgnummer gewijzigd)"
        if b.soort == "verwisseld_volgorde":
            c = x["met"]
            return (f"{self.naam(b.aggregaat)}: gebeurtenissen {b.gebeurtenis} en {c.gebeurtenis} verwisseld "
                    f"(volgnummers omgewisseld; nrs. {b.id} en {c.id} in de log, vastgelegd "
                    f"{tijd_nl(self.tijden.get(b.id))} en {tijd_nl(self.tijden.get(c.id))})")
        if b.soort == "gat":
            van, tot = x["van"], x["tot"]
            wat = f"gebeurtenis {van} ontbreekt" if van == tot else f"gebeurtenissen {van} tot en met {tot} ontbreken"
            if "tussen" in x:
                p, n = x["tussen"]
                return (f"{self.naam(b.aggregaat)}: {wat}, samen met de hash verwijderd (de keten is verbroken "
                        f"tussen nr. {p} en nr. {n} in de log; gebeurtenis {b.gebeurtenis}, nr. {b.id}, volgt er "
                        "direct op)")
            return (f"{self.naam(b.aggregaat)}: {wat} (samen met de hash verwijderd); gebeurtenis {b.gebeurtenis} "
                    f"(nr. {b.id} in de log) volgt er direct op")
        if b.soort == "volgorde":
            return (f"{self.wie(b)}: staat in de log na gebeurtenis {x['na']} (nr. {x['na_id']}) van hetzelfde "
                    "aggregaat (volgorde gewijzigd)")
        if b.soort == "koppeling":
            if x.get("reden") == "begin":
                return f"{self.wie(b)}: de eerste gebeurtenis verwijst naar een vorige (hash aangepast)"
            return (f"{self.naam(b.aggregaat)}: gebeurtenis {b.gebeurtenis} (nr. {b.id}) verwijst naar een andere "
                    f"hash dan die van gebeurtenis {b.gebeurtenis - 1} (nr. {x.get('vorige_id')}): die is "
                    "na een wijziging herberekend, of de verwijzing is aangepast")
        if b.soort == "herberekend":
            return (f"{self.wie(b, topic=False)}: inhoud gewijzigd en de hash herberekend (de keten en gebeurtenis "
                    f"{x['volgende']}, nr. {x['volgende_id']}, verwijzen nog naar de oorspronkelijke hash)")
        if b.soort == "hash_gewijzigd":
            wat = ("de inhoud is ongewijzigd" if x["inhoud_intact"] else "en de inhoud is ook gewijzigd")
            return (f"{self.wie(b)}: de opgeslagen hash is gewijzigd ({wat}: gebeurtenis {x['volgende']}, "
                    f"nr. {x['volgende_id']}, en de keten wijzen nog naar de oorspronkelijke hash)")
        if b.soort == "keten":
            if x.get("vorige") is None:
                return (f"keten verbroken bij nr. {b.id}: de eerste schakel begint niet bij het begin; ervóór "
                        "zijn gebeurtenissen samen met hun hash verwijderd, of deze hash is aangepast")
            return (f"keten verbroken bij nr. {b.id} (vorige schakel nr. {x['vorige']}): daartussen is een "
                    f"gebeurtenis samen met haar hash verwijderd of ingevoegd, of de hash van nr. {b.id} is aangepast")
        if b.soort == "ongeketend":
            return x["tekst"]
        if b.soort == "anker":
            return x["tekst"]
        return f"nr. {b.id}: {b.soort}"


def _bron(opslag):
    from store.events import EventLog

    return EventLog(opslag)


def verifieer(opslag, *, aggregaat: str | None = None, ankers: Sequence[tuple[int, bytes]] = (),
              voortgang: Voortgang | None = None, batch: int = BATCH) -> dict:
    """Recompute the chains of the whole log (or of one aggregate: its id as UUID.hex) and
    report every break. Returns a dict (see cli/verificatie.py for how it is printed)."""
    with _bron(opslag) as log:
        bron = log.recorder
        begin = bron.keten_begin()
        if begin is None:
            return {"in_orde": False, "geen_keten": True, "breuken": [], "gecontroleerd": 0}
        controle = _Controle(begin["begin"])
        hoogste = bron.hoogste_id()
        if aggregaat is None:
            na = 0
            while na < hoogste:
                tot = min(na + batch, hoogste)
                rijen = bron.lees_keten(na, tot)
                if rijen:
                    controle.verwerk(rijen)
                    na = tot
                else:  # a gap in the ids (a forged id far ahead, say): jump to the next existing one
                    volgende = bron.volgende_id(tot)
                    if volgende is None:
                        break
                    na = volgende - 1
                if voortgang:
                    voortgang(na, hoogste)
        else:
            ids = bron.ids_van_aggregaat(aggregaat)
            rijen = bron.lees_ids(ids)
            controle.verwerk(rijen, vorige=bron.vorige_schakels([r[0] for r in rijen if r[5] is not None]))
            if voortgang:
                voortgang(hoogste, hoogste)
        controle.rond_af(hele_log=aggregaat is None)
        for b in controle.bevindingen:
            if b.soort == "staart":
                b.extra["laatste_event"] = controle.laatste_event_id

        if aggregaat is None and controle.ongeketend != begin["ervoor"]:
            verschil = begin["ervoor"] - controle.ongeketend
            if verschil > 0:
                tekst = (f"van de {begin['ervoor']} gebeurtenissen van vóór de keten "
                         f"{'ontbreekt' if verschil == 1 else 'ontbreken'} er {verschil} (welke is niet te zeggen: "
                         "ze hebben geen hash)")
            else:
                tekst = (f"er zijn {-verschil} gebeurtenissen zonder hash meer dan de {begin['ervoor']} van vóór de "
                         f"keten: ingevoegd met een nummer tot en met {begin['begin']}")
            controle.bevindingen.insert(0, Bevinding("ongeketend", 0, extra={"tekst": tekst}))

        kop = bron.keten_kop()
        uitkomst_ankers = []
        for a_id, a_hash in ankers:
            opgeslagen = bron.keten_schakel(a_id)
            if opgeslagen == a_hash:
                uitkomst_ankers.append({"anker": anker_tekst(a_id, a_hash), "klopt": True,
                                        "melding": f"anker nr. {a_id} klopt: de keten komt tot en met daar uit op de "
                                                   "bewaarde hash"})
                continue
            if opgeslagen is None and (kop is None or a_id > kop[0]):
                tekst = (f"de log is ingekort: het anker nr. {a_id} ligt voorbij het einde van de keten "
                         f"(nu nr. {kop[0] if kop else 0}); de gebeurtenissen daartussen zijn met hun hashes verwijderd")
            elif opgeslagen is None:
                tekst = f"het anker nr. {a_id} ontbreekt in de keten: die gebeurtenis is met haar hash verwijderd"
            else:
                tekst = (f"de keten is herschreven: bij nr. {a_id} staat niet de hash van het anker; gebeurtenissen "
                         f"tot en met nr. {a_id} zijn gewijzigd en hun hashes herberekend")
            uitkomst_ankers.append({"anker": anker_tekst(a_id, a_hash), "klopt": False, "melding": tekst})
            controle.bevindingen.append(Bevinding("anker", a_id, extra={"tekst": tekst}))

        namen, tijden = _namen_en_tijden(bron, controle.bevindingen)
    melder = _Melder(namen, tijden)
    for b in controle.bevindingen:
        b.melding = melder.tekst(b)
    return {
        "in_orde": not controle.bevindingen,
        "gecontroleerd": controle.rijen,
        "geketend": controle.geketend,
        "ongeketend": controle.ongeketend,
        "begin": {"id": begin["begin"], "gebeurtenissen_ervoor": begin["ervoor"],
                  "begonnen_op": begin["begonnen_op"].isoformat() if begin["begonnen_op"] else None,
                  "algoritme": begin["algoritme"]},
        "kop": {"id": kop[0], "hash": kop[1].hex(), "anker": anker_tekst(*kop)} if kop else None,
        "tot_en_met": hoogste,
        "ankers": uitkomst_ankers,
        "breuken": [b.als_dict(namen, tijden) for b in controle.bevindingen],
    }


def _alle(bevindingen: Sequence[Bevinding]):
    for b in bevindingen:
        yield b
        for sleutel in ("met",):
            if isinstance(b.extra.get(sleutel), Bevinding):
                yield b.extra[sleutel]
        yield from b.extra.get("ontbreken", ())


def _namen_en_tijden(bron, bevindingen: Sequence[Bevinding]) -> tuple[dict[str, str], dict[int, datetime | None]]:
    """Names of the aggregates the findings are about, and when their events were recorded."""
    alle = list(_alle(bevindingen))
    oids = {b.aggregaat for b in alle if b.aggregaat}
    for b in alle:
        for sleutel in ("nu_aggregaat",):
            if b.extra.get(sleutel):
                oids.add(b.extra[sleutel])
        if "hoort" in b.extra:
            oids.add(b.extra["hoort"][0])
    eerste = bron.eerste_gebeurtenissen(sorted(oids))
    namen = {oid: _naam(oid, eerste.get(oid)) for oid in oids}
    ids = sorted({b.id for b in alle if b.id})
    # When it was recorded: the hash row's time (the database's clock at the insert), else the
    # event's own timestamp (an event without a hash row; it may be as forged as the rest of it).
    tijden: dict[int, datetime | None] = {}
    for rij in bron.lees_ids(ids) if ids else ():
        if rij[4] is not None:
            tijden[rij[0]] = _tijdstempel(rij[4])
    tijden.update(bron.vastgelegd_op(ids))
    return namen, tijden


def anker(opslag) -> dict | None:
    """The current head of the chain: what an auditor keeps outside the database."""
    with _bron(opslag) as log:
        kop = log.recorder.keten_kop()
    if kop is None:
        return None
    return {"id": kop[0], "hash": kop[1].hex(), "anker": anker_tekst(*kop)}
