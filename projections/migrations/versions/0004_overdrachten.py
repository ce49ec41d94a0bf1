"""overgangsjaren and clientoverdrachten: the overgangsjaar monitor and its signal list

No pseudonym in the clear: clientoverdrachten.client_versleuteld is the ciphertext the
event carried, readable only with the client's key (persoonsgegevens_sleutels).

Revision ID: 0004_overdrachten
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_overdrachten"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "overgangsjaren",
        sa.Column("jaar", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("jaar_id", sa.String(36), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("einde", sa.Date(), nullable=False),
        sa.Column("ontvangende_aanbieder", sa.String(200), nullable=False),
        sa.Column("latende_aanbieders", sa.JSON(), nullable=False),
        sa.Column("waarschuwing_dagen", sa.Integer(), nullable=False),
        sa.Column("plan_vanaf", sa.Date(), nullable=False),
        sa.Column("plan_tot", sa.Date(), nullable=False),
        sa.Column("synthetisch", sa.Boolean(), nullable=False),
        sa.Column("imports", sa.Integer(), nullable=False),
        sa.Column("clienten_datum_gewijzigd", sa.Integer(), nullable=False),
        sa.Column("datum_wijzigingen", sa.Integer(), nullable=False),
        sa.Column("clienten_indicatie_gewijzigd", sa.Integer(), nullable=False),
        sa.Column("r1_naar_r2", sa.Integer(), nullable=False),
        sa.Column("r2_naar_r1", sa.Integer(), nullable=False),
        sa.Column("gewist", sa.Integer(), nullable=False),
        sa.Column("laatst_gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
    )
    op.create_table(
        "clientoverdrachten",
        sa.Column("overdracht_id", sa.String(36), primary_key=True),
        sa.Column("jaar", sa.Integer(), nullable=False),
        sa.Column("regel", sa.String(2), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("status_sinds", sa.Date(), nullable=False),
        sa.Column("wet", sa.String(20), nullable=False),
        sa.Column("product", sa.String(50), nullable=False),
        sa.Column("latende_aanbieder", sa.String(200), nullable=True),
        sa.Column("indicatie_start", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=False),
        sa.Column("overgangsdatum", sa.Date(), nullable=True),
        sa.Column("eerste_overgangsdatum", sa.Date(), nullable=True),
        sa.Column("datum_wijzigingen", sa.Integer(), nullable=False),
        sa.Column("einddatum_wijzigingen", sa.Integer(), nullable=False),
        sa.Column("r1_naar_r2", sa.Integer(), nullable=False),
        sa.Column("r2_naar_r1", sa.Integer(), nullable=False),
        sa.Column("toestemming", sa.String(20), nullable=True),
        sa.Column("toestemming_sinds", sa.Date(), nullable=True),
        sa.Column("warme_overdracht_op", sa.Date(), nullable=True),
        sa.Column("overgedragen_op", sa.Date(), nullable=True),
        sa.Column("dossier_overgedragen", sa.Boolean(), nullable=True),
        sa.Column("afgesloten_op", sa.Date(), nullable=True),
        sa.Column("uitgevallen_op", sa.Date(), nullable=True),
        sa.Column("uitval_oorzaak", sa.String(30), nullable=True),
        sa.Column("vervolg", sa.String(30), nullable=True),
        sa.Column("signaal_overgangsdatum", sa.Date(), nullable=True),
        sa.Column("signaal_jaar", sa.Boolean(), nullable=False),
        sa.Column("gewist", sa.Date(), nullable=True),
        sa.Column("sleutel_id", sa.String(36), nullable=False),
        sa.Column("client_versleuteld", sa.Text(), nullable=True),
        sa.Column("laatst_gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
    )
    # What the monitor, the signal list and `verwerk` read, in the order they group it (covering).
    op.create_index("ix_clientoverdrachten_telling", "clientoverdrachten", [
        "jaar", "regel", "latende_aanbieder", "wet", "toestemming", "status", "overgedragen_op", "uitgevallen_op",
        "einddatum", "vervolg", "indicatie_start", "overgangsdatum", "toestemming_sinds", "dossier_overgedragen",
        "gewist", "signaal_overgangsdatum", "signaal_jaar"])
    # R2 per month: planned, transferred, dropped out (counted per day, in index order).
    op.create_index("ix_clientoverdrachten_plan", "clientoverdrachten", ["jaar", "regel", "overgangsdatum"])
    op.create_index("ix_clientoverdrachten_overgedragen", "clientoverdrachten", ["jaar", "regel", "overgedragen_op"])
    op.create_index("ix_clientoverdrachten_uitgevallen", "clientoverdrachten", ["jaar", "regel", "uitgevallen_op"])


def downgrade() -> None:
    op.drop_index("ix_clientoverdrachten_uitgevallen", table_name="clientoverdrachten")
    op.drop_index("ix_clientoverdrachten_overgedragen", table_name="clientoverdrachten")
    op.drop_index("ix_clientoverdrachten_plan", table_name="clientoverdrachten")
    op.drop_index("ix_clientoverdrachten_telling", table_name="clientoverdrachten")
    op.drop_table("clientoverdrachten")
    op.drop_table("overgangsjaren")
