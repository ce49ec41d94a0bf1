"""The tables of the overdrachten projection (migration 0004_overdrachten), on the shared Base.

Kept next to, not in, projections/models.py so the part is its own files. The reports
(projections/overdracht_rapport.py) read these tables with plain SQL for start-up speed;
tests/integration/test_overgang_import.py checks that SQL against these models.

No pseudonym in the clear: `client_versleuteld` is the ciphertext the event carried
(readable only with the client's key, joined from persoonsgegevens_sleutels when a
signal list is printed). Dates are effective dates, so the monitor can count as of a day.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from projections.models import Base


class OvergangsjaarRij(Base):
    __tablename__ = "overgangsjaren"

    jaar: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    jaar_id: Mapped[str] = mapped_column(String(36))
    start: Mapped[date] = mapped_column(Date)
    einde: Mapped[date] = mapped_column(Date)
    ontvangende_aanbieder: Mapped[str] = mapped_column(String(200))
    latende_aanbieders: Mapped[list[str]] = mapped_column(JSON)
    waarschuwing_dagen: Mapped[int] = mapped_column(Integer)
    plan_vanaf: Mapped[date] = mapped_column(Date)
    plan_tot: Mapped[date] = mapped_column(Date)
    synthetisch: Mapped[bool] = mapped_column(Boolean)
    imports: Mapped[int] = mapped_column(Integer)
    # Counted as the events come in (they do not depend on a peildatum): what was adjusted, and erased.
    clienten_datum_gewijzigd: Mapped[int] = mapped_column(Integer)
    datum_wijzigingen: Mapped[int] = mapped_column(Integer)
    clienten_indicatie_gewijzigd: Mapped[int] = mapped_column(Integer)
    r1_naar_r2: Mapped[int] = mapped_column(Integer)
    r2_naar_r1: Mapped[int] = mapped_column(Integer)
    gewist: Mapped[int] = mapped_column(Integer)
    laatst_gewijzigd: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    versie: Mapped[int] = mapped_column(Integer)


TELLING = ("jaar", "regel", "latende_aanbieder", "wet", "toestemming", "status", "overgedragen_op", "uitgevallen_op",
           "einddatum", "vervolg", "indicatie_start", "overgangsdatum", "toestemming_sinds", "dossier_overgedragen",
           "gewist", "signaal_overgangsdatum", "signaal_jaar")


class OverdrachtRij(Base):
    """One client's transfer in an overgangsjaar, as the monitor and the signal list count it."""

    __tablename__ = "clientoverdrachten"

    overdracht_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    jaar: Mapped[int] = mapped_column(Integer)
    regel: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(40))
    status_sinds: Mapped[date] = mapped_column(Date)
    wet: Mapped[str] = mapped_column(String(20))
    product: Mapped[str] = mapped_column(String(50))
    latende_aanbieder: Mapped[str | None] = mapped_column(String(200))
    indicatie_start: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date] = mapped_column(Date)
    overgangsdatum: Mapped[date | None] = mapped_column(Date)
    eerste_overgangsdatum: Mapped[date | None] = mapped_column(Date)  # as first planned
    datum_wijzigingen: Mapped[int] = mapped_column(Integer)  # overgangsdatum changed (with reason)
    einddatum_wijzigingen: Mapped[int] = mapped_column(Integer)  # indicatie verlengd or ingekort
    r1_naar_r2: Mapped[int] = mapped_column(Integer)
    r2_naar_r1: Mapped[int] = mapped_column(Integer)
    toestemming: Mapped[str | None] = mapped_column(String(20))  # gevraagd, gegeven, geweigerd, or None
    toestemming_sinds: Mapped[date | None] = mapped_column(Date)
    warme_overdracht_op: Mapped[date | None] = mapped_column(Date)
    overgedragen_op: Mapped[date | None] = mapped_column(Date)
    dossier_overgedragen: Mapped[bool | None] = mapped_column(Boolean)
    afgesloten_op: Mapped[date | None] = mapped_column(Date)
    uitgevallen_op: Mapped[date | None] = mapped_column(Date)
    uitval_oorzaak: Mapped[str | None] = mapped_column(String(30))
    vervolg: Mapped[str | None] = mapped_column(String(30))
    signaal_overgangsdatum: Mapped[date | None] = mapped_column(Date)  # the overgangsdatum last recorded as passed
    signaal_jaar: Mapped[bool] = mapped_column(Boolean)  # recorded: not transferred at the end of the year
    gewist: Mapped[date | None] = mapped_column(Date)
    sleutel_id: Mapped[str] = mapped_column(String(36))
    client_versleuteld: Mapped[str | None] = mapped_column(Text)
    laatst_gewijzigd: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    versie: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        # The monitor, the signal list and `verwerk` read only these columns, per jaar and regel, grouped
        # by aanbieder and wet: a covering index in that order lets them scan it without touching the
        # table or sorting (at 100,000 clients: 4x faster on SQLite). Its columns are TELLING.
        Index("ix_clientoverdrachten_telling", *TELLING),
        # R2 per month: planned, transferred, dropped out; counted per day in index order.
        Index("ix_clientoverdrachten_plan", "jaar", "regel", "overgangsdatum"),
        Index("ix_clientoverdrachten_overgedragen", "jaar", "regel", "overgedragen_op"),
        Index("ix_clientoverdrachten_uitgevallen", "jaar", "regel", "uitgevallen_op"),
    )
