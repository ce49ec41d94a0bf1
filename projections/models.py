"""The projection tables: what the read side stores, as SQLAlchemy models.

Changing a table here means adding a migration in projections/migrations/versions;
the migration, not `create_all`, is what builds the database.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ZaakRij(Base):
    """One zaak as the lists and reports show it: its current state and open deadline.

    `termijn_*` is the deadline of the current step that counts (see
    projections.zaken.huidige_termijn), computed with `verschoven_dagen`: the days
    the step's deadlines moved by extensions and finished suspensions. While a zaak
    is suspended (`opgeschort_sinds`) its deadline moves each day; the reports add
    those days at query time from `termijnen`, the current step's deadline records
    exactly as the events carry them.
    """

    __tablename__ = "zaken"

    zaaknummer: Mapped[str] = mapped_column(String(32), primary_key=True)
    zaak_id: Mapped[str] = mapped_column(String(36))  # the aggregate id the events carry
    zaaktype: Mapped[str] = mapped_column(String(100))
    zaaktype_versie: Mapped[int] = mapped_column(Integer)
    omschrijving: Mapped[str] = mapped_column(Text)
    portefeuillehouders: Mapped[list[str]] = mapped_column(JSON)
    behandelaar: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(100))
    status_sinds: Mapped[date] = mapped_column(Date)
    startdatum: Mapped[date] = mapped_column(Date)
    opgeschort_sinds: Mapped[date | None] = mapped_column(Date)
    termijnen: Mapped[list[dict]] = mapped_column(JSON)
    termijn_naam: Mapped[str | None] = mapped_column(String(100))
    termijn_aard: Mapped[str | None] = mapped_column(String(20))
    termijn_einde: Mapped[date | None] = mapped_column(Date)
    verschoven_dagen: Mapped[int] = mapped_column(Integer)
    resultaat: Mapped[str | None] = mapped_column(String(100))
    einddatum: Mapped[date | None] = mapped_column(Date)
    laatst_gewijzigd: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    versie: Mapped[int] = mapped_column(Integer)  # originator_version of the last event applied

    __table_args__ = (
        UniqueConstraint("zaak_id", name="uq_zaken_zaak_id"),
        Index("ix_zaken_zaaktype_status", "zaaktype", "status"),
    )


class ProjectiePositie(Base):
    """How far a projection has read the event log: the last notification id applied."""

    __tablename__ = "projectie_posities"

    naam: Mapped[str] = mapped_column(String(100), primary_key=True)
    positie: Mapped[int] = mapped_column(BigInteger)


class AanbestedingRij(Base):
    """One perceel of an aanbesteding as the raad may see it (projections.aanbestedingen).

    No candidate names or scores: only counts, until the definitive award
    names the `winnaar`. Dates of steps by step name are in `datums` (ISO strings).
    """

    __tablename__ = "aanbestedingen"

    kenmerk: Mapped[str] = mapped_column(String(100), primary_key=True)
    perceel: Mapped[str] = mapped_column(String(200), primary_key=True)
    aanbesteding_id: Mapped[str] = mapped_column(String(36), index=True)
    titel: Mapped[str] = mapped_column(Text)
    procedure: Mapped[str] = mapped_column(String(100))
    procedure_versie: Mapped[int] = mapped_column(Integer)
    looptijd_jaren: Mapped[int] = mapped_column(Integer)
    opties_jaren: Mapped[list[int]] = mapped_column(JSON)
    fase: Mapped[str] = mapped_column(String(100))
    fase_sinds: Mapped[date] = mapped_column(Date)
    datums: Mapped[dict[str, str]] = mapped_column(JSON)
    inschrijving_sluit: Mapped[date | None] = mapped_column(Date)
    gunningsbeslissing: Mapped[date | None] = mapped_column(Date)
    standstill_einde: Mapped[date | None] = mapped_column(Date)
    kort_geding_sinds: Mapped[date | None] = mapped_column(Date)
    definitief_gegund: Mapped[date | None] = mapped_column(Date)
    winnaar: Mapped[str | None] = mapped_column(String(300))
    contract_ingang: Mapped[date | None] = mapped_column(Date)
    contract_einde: Mapped[date | None] = mapped_column(Date)
    opties_uitgeoefend: Mapped[int] = mapped_column(Integer)
    aangemeld: Mapped[int] = mapped_column(Integer)
    toegelaten: Mapped[int] = mapped_column(Integer)
    afgewezen: Mapped[int] = mapped_column(Integer)
    ingeschreven: Mapped[int] = mapped_column(Integer)
    geweigerd: Mapped[int] = mapped_column(Integer)
    uitgesloten: Mapped[int] = mapped_column(Integer)
    laatst_gewijzigd: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    versie: Mapped[int] = mapped_column(Integer)  # originator_version of the aanbesteding's last event applied
