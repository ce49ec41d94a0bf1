"""The definition versions zaken and aanbestedingen run on, kept in the event store.

Registering a zaak stores the exact text of the zaaktype version it starts on
(domain.definitieversie), in the same transaction as the zaak, the first time
that version is used, and the zaak records that text's sha256; an aanbesteding
likewise its procedure version. From then on a running zaak reads exactly that
text: from its file when the file is here and unchanged (as cheap as before:
no read of the store), otherwise from the store. So a zaak started on a
definition from ZAAKSTROOM_DEFINITIES stays readable for users and processes
without that setting. Zaken registered before versions were stored (no sha256)
read their file, as they always did, or the stored version where the file is
not here.

A published version does not change: a file whose text differs from the stored
text of its version is refused for new zaken (it needs a new version number),
while the zaken already on that version keep the stored rules.

Per application a version is looked up once; a stored text is parsed once per
process (by its sha256) and the engine builds one machine per text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from domain.fouten import DomeinFout
from workflow.definitie import Definitie, DefinitieFout, Definitiesoort, definitie, lees_definitie
from workflow.kern import Dienst

# domain.definitieversie is imported only where the store is read or written: a zaak whose file
# is here and unchanged never needs it (start-up time of every command).


# Parsed stored texts, per sha256: the same text is parsed once per process, whichever store it came from.
_GELEZEN: dict[str, Definitie] = {}


class DefinitieDienst(Dienst):
    def __init__(self, kern) -> None:
        super().__init__(kern)
        self._vastgelegd: dict = {}  # id -> Definitieversie, only found ones: a stored version never changes
        self._regels: dict[tuple, Definitie] = {}

    # --- what the other parts use -----------------------------------------------------

    def regels(self, soort: Definitiesoort, naam: str, versie: int, sha256: str | None) -> Definitie:
        """The definition a running zaak (aanbesteding) reads: the text it was registered on.

        `sha256`: that text's hash as the zaak recorded it. The file, when here and unchanged, is
        read as always; otherwise the stored text. A zaak from before versions were stored (no
        sha256) reads its file, or the stored version of its number where the file is not here.
        """
        sleutel = (soort.naam, naam, versie, sha256)
        d = self._regels.get(sleutel)
        if d is None:
            d = self._regels[sleutel] = self._zoek(soort, naam, versie, sha256)
        return d

    def bewaar_nieuw(self, soort: Definitiesoort, d: Definitie, maak: Callable[[], object], *, actor: str,
                     reden: str, bestaat_al: str, **context) -> object:
        """Save the new aggregate `maak()` builds on definition `d` (read from its file), together with
        the text of that version when no zaak used it before, in one transaction. Returns the aggregate.

        A version stored with another text is refused. When another process stores the same
        version at the same moment, the store refuses the second copy: then the stored one is
        read and compared, and the aggregate is saved on its own.
        """
        from domain.definitieversie import Definitieversie

        nieuw = maak()
        opgeslagen = self._lees(soort, d.naam, d.versie)
        if opgeslagen is not None:
            _vergelijk(soort, d, opgeslagen)
            self.kern.bewaar(nieuw, bestaat_al=bestaat_al, actor=actor, **context)
        else:
            versie = Definitieversie.leg_vast(
                soort=soort.naam, naam=d.naam, versie=d.versie, tekst=d.tekst, bron=_bron(soort, d),
                actor=actor, datum=self.kern.vandaag(), reden=reden,
            )
            try:
                self.kern.bewaar(versie, nieuw, bestaat_al=bestaat_al, actor=actor,
                                 definitie_vastgelegd=f"{d.naam} v{d.versie}", **context)
            except DomeinFout:
                # Either the aggregate exists already, or another process stored this version first.
                opgeslagen = self._lees(soort, d.naam, d.versie)
                if opgeslagen is None:
                    raise
                _vergelijk(soort, d, opgeslagen)
                nieuw = maak()  # the failed save took the pending events
                self.kern.bewaar(nieuw, bestaat_al=bestaat_al, actor=actor, **context)
        self._regels[soort.naam, d.naam, d.versie, d.sha256] = d
        return nieuw

    # --- queries ------------------------------------------------------------------------

    def toon(self, soort: Definitiesoort, naam: str, versie: int | None = None) -> tuple[Definitie, dict]:
        """A definition to show, with what the store holds of it (`vastgelegd`, its sha256, when, by
        whom, from where, and whether the file here differs). A version that is stored shows
        as stored, the rules its zaken run on, also where its file is missing."""
        try:
            bestand, fout = definitie(naam, versie, soort.mappen), None
        except DefinitieFout:
            raise
        except DomeinFout as e:
            if versie is None:
                raise
            bestand, fout = None, e
        v = self._lees(soort, naam, versie or bestand.versie)
        if v is None:
            if fout is not None:
                raise fout
            return bestand, {"vastgelegd": False, "sha256": bestand.sha256, "bestand": str(bestand.bron),
                             "bestand_wijkt_af": False}
        return _uit(soort, v), {
            "vastgelegd": True, "sha256": v.sha256, "bron": v.bron, "datum": v.datum, "actor": v.actor,
            "vastgelegd_op": v.created_on, "bestand": str(bestand.bron) if bestand else None,
            "bestand_wijkt_af": bestand is not None and bestand.sha256 != v.sha256,
        }

    # --- internals ----------------------------------------------------------------------

    def _zoek(self, soort: Definitiesoort, naam: str, versie: int, sha256: str | None) -> Definitie:
        try:
            bestand, fout = definitie(naam, versie, soort.mappen), None
        except DefinitieFout:
            raise  # a broken file, or a ZAAKSTROOM_DEFINITIES folder that is missing: say so
        except DomeinFout as e:  # no such file here
            bestand, fout = None, e
        if bestand is not None and sha256 in (None, bestand.sha256):
            return bestand
        v = self._lees(soort, naam, versie)
        if v is not None and sha256 in (None, v.sha256):
            return _uit(soort, v)
        if v is None and fout is not None:
            raise fout
        raise DomeinFout(
            f"{soort.titel} {naam} v{versie} met sha256 {sha256[:12]}… is niet vastgelegd"
            + (f" en {bestand.bron} wijkt ervan af." if bestand else ".")
        )

    def _lees(self, soort: Definitiesoort, naam: str, versie: int):
        """The stored Definitieversie, or None."""
        from eventsourcing.application import AggregateNotFoundError

        from domain.definitieversie import definitieversie_id

        sleutel = definitieversie_id(soort.naam, naam, versie)
        v = self._vastgelegd.get(sleutel)
        if v is None:
            try:
                v = self._vastgelegd[sleutel] = self.kern.repository.get(sleutel)
            except AggregateNotFoundError:
                return None
        return v


def _bron(soort: Definitiesoort, d: Definitie) -> str:
    """Where a definition file was read from: 'ingebouwd', or its folder (from ZAAKSTROOM_DEFINITIES)."""
    from domain.definitieversie import INGEBOUWD

    map_ = d.bron.parent.parent
    return INGEBOUWD if map_ == soort.ingebouwd else str(map_.absolute())


def _uit(soort: Definitiesoort, v) -> Definitie:
    """The definition in a stored Definitieversie."""
    from domain.definitieversie import INGEBOUWD

    d = _GELEZEN.get(v.sha256)
    if d is None:
        map_ = soort.ingebouwd if v.bron == INGEBOUWD else Path(v.bron)
        d = lees_definitie(map_ / v.naam / f"v{v.versie}.toml", v.tekst)
        if d.sha256 != v.sha256:
            raise DomeinFout(f"De vastgelegde definitie van {soort.titel.lower()} {v.naam} v{v.versie} is beschadigd: "
                             f"de tekst past niet bij de sha256 {v.sha256}.")
        _GELEZEN[v.sha256] = d
    return d


def _vergelijk(soort: Definitiesoort, d: Definitie, v) -> None:
    from domain.definitieversie import INGEBOUWD

    if d.sha256 != v.sha256:
        waar = "ingebouwd" if v.bron == INGEBOUWD else f"uit {v.bron}"
        raise DomeinFout(
            f"{soort.titel} {d.naam} v{d.versie} is al vastgelegd met andere inhoud ({waar}, sha256 "
            f"{v.sha256[:12]}…); geef de gewijzigde definitie ({d.bron}) een nieuw versienummer."
        )
