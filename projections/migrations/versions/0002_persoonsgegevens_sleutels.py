"""keys of indieners' personal data (crypto-shredding, see store/keys.py)

Not a projection: these rows are primary data that cannot be rebuilt from the
events. Deleting a row erases the personal data encrypted with that key.

Revision ID: 0002
Revises: 0001_zaken
Create Date: 2026-05-09
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001_zaken"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "persoonsgegevens_sleutels",
        sa.Column("sleutel_id", sa.String(36), primary_key=True),
        sa.Column("sleutel", sa.LargeBinary(), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    # Destroys every key: all personal data encrypted with them becomes unreadable.
    op.drop_table("persoonsgegevens_sleutels")
