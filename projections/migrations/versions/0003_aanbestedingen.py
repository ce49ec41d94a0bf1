"""aanbestedingen per perceel: phase, key dates, standstill end, candidate counts (no names before the award)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "aanbestedingen",
        sa.Column("kenmerk", sa.String(100), primary_key=True),
        sa.Column("perceel", sa.String(200), primary_key=True),
        sa.Column("aanbesteding_id", sa.String(36), nullable=False),
        sa.Column("titel", sa.Text(), nullable=False),
        sa.Column("procedure", sa.String(100), nullable=False),
        sa.Column("procedure_versie", sa.Integer(), nullable=False),
        sa.Column("looptijd_jaren", sa.Integer(), nullable=False),
        sa.Column("opties_jaren", sa.JSON(), nullable=False),
        sa.Column("fase", sa.String(100), nullable=False),
        sa.Column("fase_sinds", sa.Date(), nullable=False),
        sa.Column("datums", sa.JSON(), nullable=False),
        sa.Column("inschrijving_sluit", sa.Date(), nullable=True),
        sa.Column("gunningsbeslissing", sa.Date(), nullable=True),
        sa.Column("standstill_einde", sa.Date(), nullable=True),
        sa.Column("kort_geding_sinds", sa.Date(), nullable=True),
        sa.Column("definitief_gegund", sa.Date(), nullable=True),
        sa.Column("winnaar", sa.String(300), nullable=True),
        sa.Column("contract_ingang", sa.Date(), nullable=True),
        sa.Column("contract_einde", sa.Date(), nullable=True),
        sa.Column("opties_uitgeoefend", sa.Integer(), nullable=False),
        sa.Column("aangemeld", sa.Integer(), nullable=False),
        sa.Column("toegelaten", sa.Integer(), nullable=False),
        sa.Column("afgewezen", sa.Integer(), nullable=False),
        sa.Column("ingeschreven", sa.Integer(), nullable=False),
        sa.Column("geweigerd", sa.Integer(), nullable=False),
        sa.Column("uitgesloten", sa.Integer(), nullable=False),
        sa.Column("laatst_gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
    )
    op.create_index("ix_aanbestedingen_aanbesteding_id", "aanbestedingen", ["aanbesteding_id"])


def downgrade() -> None:
    op.drop_index("ix_aanbestedingen_aanbesteding_id", table_name="aanbestedingen")
    op.drop_table("aanbestedingen")
