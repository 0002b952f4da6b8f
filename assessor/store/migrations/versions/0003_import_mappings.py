"""Saved column-to-question mappings for importing answers, named, one set per firm.

Revision ID: 0003
Revises: 0002
Create Date: 2027-02-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the import_mappings table."""
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "firm_id",
            sa.Integer(),
            sa.ForeignKey(
                "firms.id", name=op.f("fk_import_mappings_firm_id_firms"), ondelete="CASCADE"
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("questionnaire_id", sa.String(100), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column(
            "saved_by",
            sa.Integer(),
            sa.ForeignKey(
                "users.id", name=op.f("fk_import_mappings_saved_by_users"), ondelete="SET NULL"
            ),
            nullable=True,
        ),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("firm_id", "name"),
    )
    op.create_index(op.f("ix_import_mappings_firm_id"), "import_mappings", ["firm_id"])


def downgrade() -> None:
    """Drop the import_mappings table."""
    op.drop_index(op.f("ix_import_mappings_firm_id"), table_name="import_mappings")
    op.drop_table("import_mappings")
