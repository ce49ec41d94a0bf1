"""A published version of a workflow definition, stored as the zaken that run on it read it.

A zaak keeps the zaaktype version it was registered on (an aanbesteding its
procedure version). The exact text of that version is stored once, the first
time a zaak or aanbesteding uses it, so every user and process reads the same
rules, with or without the folder it came from (ZAAKSTROOM_DEFINITIES), and an
auditor can see which rules a zaak ran on. A published version never changes:
a different text under the same name and number is refused; it needs a new
version number.
"""

from __future__ import annotations

from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate

from domain.basis import Gebeurtenis
from domain.fouten import DomeinFout

DEFINITIEVERSIE_NAMESPACE = uuid5(NAMESPACE_URL, "https://zaakstroom.nl/definitieversie")
INGEBOUWD = "ingebouwd"  # `bron` of a definition shipped with zaakstroom


def definitieversie_id(soort: str, naam: str, versie: int) -> UUID:
    """One id per soort (zaaktype, aanbestedingsprocedure), name and version: lookups need no index,
    and two processes storing the same version at once collide on it."""
    return uuid5(DEFINITIEVERSIE_NAMESPACE, f"{soort}/{naam}/v{versie}")


def sha256(tekst: str) -> str:
    from hashlib import sha256 as _sha256

    return _sha256(tekst.encode("utf-8")).hexdigest()


class Definitieversie(Aggregate):
    class Event(Gebeurtenis):
        """Who, when it took effect, and why: domain.basis.Gebeurtenis."""

    class Vastgelegd(Event, Aggregate.Created):
        soort: str  # "zaaktype" or "aanbestedingsprocedure"
        naam: str
        versie: int
        tekst: str  # the TOML text, exactly as read
        sha256: str
        bron: str  # "ingebouwd", or the folder (from ZAAKSTROOM_DEFINITIES) it was read from

        def apply(self, d: Definitieversie) -> None:
            d.soort = self.soort
            d.naam = self.naam
            d.versie = self.versie
            d.tekst = self.tekst
            d.sha256 = self.sha256
            d.bron = self.bron
            d.actor = self.actor
            d.datum = self.datum

    @classmethod
    def leg_vast(cls, *, soort: str, naam: str, versie: int, tekst: str, bron: str,
                 actor: str, datum: date, reden: str | None) -> Definitieversie:
        if not tekst.strip():
            raise DomeinFout(f"De definitie van {soort} {naam} v{versie} is leeg.")
        return cls._create(
            cls.Vastgelegd,
            id=definitieversie_id(soort, naam, versie),
            soort=soort, naam=naam, versie=versie, tekst=tekst, sha256=sha256(tekst), bron=bron,
            actor=actor, datum=datum, reden=reden,
        )
