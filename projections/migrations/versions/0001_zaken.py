"""zaken per zaaktype and status, with the open deadline; projection positions

Revision ID: 0001_zaken
Revises:
Create Date: 2026-05-09
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_zaken"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "zaken",
        sa.Column("zaaknummer", sa.String(32), primary_key=True),
        sa.Column("zaak_id", sa.String(36), nullable=False),
        sa.Column("zaaktype", sa.String(100), nullable=False),
        sa.Column("zaaktype_versie", sa.Integer(), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=False),
        sa.Column("portefeuillehouders", sa.JSON(), nullable=False),
        sa.Column("behandelaar", sa.String(200), nullable=False),
        sa.Column("sector", sa.String(100), nullable=True),
        sa.Column("status", sa.String(100), nullable=False),
        sa.Column("status_sinds", sa.Date(), nullable=False),
        sa.Column("startdatum", sa.Date(), nullable=False),
        sa.Column("opgeschort_sinds", sa.Date(), nullable=True),
        sa.Column("termijnen", sa.JSON(), nullable=False),
        sa.Column("termijn_naam", sa.String(100), nullable=True),
        sa.Column("termijn_aard", sa.String(20), nullable=True),
        sa.Column("termijn_einde", sa.Date(), nullable=True),
        sa.Column("verschoven_dagen", sa.Integer(), nullable=False),
        sa.Column("resultaat", sa.String(100), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("laatst_gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.UniqueConstraint("zaak_id", name="uq_zaken_zaak_id"),
    )
    op.create_index("ix_zaken_zaaktype_status", "zaken", ["zaaktype", "status"])
    op.create_table(
        "projectie_posities",
        sa.Column("naam", sa.String(100), primary_key=True),
        sa.Column("positie", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("projectie_posities")
    op.drop_index("ix_zaken_zaaktype_status", table_name="zaken")
    op.drop_table("zaken")
