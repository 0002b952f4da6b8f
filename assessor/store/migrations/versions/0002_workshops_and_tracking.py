"""Live workshops (codes, participants, consensus) and the tracked roadmap with its audit trail.

Revision ID: 0002
Revises: 0001
Create Date: 2027-01-10
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _key(name: str, table: str, referred: str, *, primary: bool = False) -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer(),
        sa.ForeignKey(
            f"{referred}.id", name=op.f(f"fk_{table}_{name}_{referred}"), ondelete="CASCADE"
        ),
        nullable=False,
        primary_key=primary,
    )


def _by(name: str, table: str) -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer(),
        sa.ForeignKey("users.id", name=op.f(f"fk_{table}_{name}_users"), ondelete="SET NULL"),
        nullable=True,
    )


def _enum(column: str, name: str, *values: str) -> sa.Column[str]:
    return sa.Column(
        column, sa.Enum(*values, name=name, native_enum=False, length=20), nullable=False
    )


def upgrade() -> None:
    """Create the workshop and tracking tables."""
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("assessment_id", "workshops", "assessments"),
        sa.Column("code", sa.String(6), nullable=False, unique=True),
        _timestamp("code_expires_at"),
        _enum("mode", "workshopmode", "prework", "live", "closed"),
        _timestamp("created_at"),
        sa.UniqueConstraint("assessment_id"),
    )
    op.create_table(
        "workshop_participants",
        _key("respondent_id", "workshop_participants", "respondents", primary=True),
        _key("workshop_id", "workshop_participants", "workshops"),
        _timestamp("joined_at"),
    )
    op.create_table(
        "consensus_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("assessment_id", "consensus_answers", "assessments"),
        sa.Column("question_id", sa.String(100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _by("recorded_by", "consensus_answers"),
        _timestamp("recorded_at"),
        sa.UniqueConstraint("assessment_id", "question_id"),
    )
    op.create_table(
        "tracked_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("assessment_id", "tracked_actions", "assessments"),
        sa.Column("action_id", sa.String(100), nullable=False),
        _enum("status", "actionstatus", "not-started", "in-progress", "done", "blocked"),
        sa.Column("owner", sa.String(200), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        _timestamp("updated_at"),
        sa.UniqueConstraint("assessment_id", "action_id"),
    )
    op.create_table(
        "action_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("assessment_id", "action_changes", "assessments"),
        sa.Column("action_id", sa.String(100), nullable=False),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        _by("changed_by", "action_changes"),
        _timestamp("changed_at"),
    )
    for table, column in INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


INDEXES = (
    ("workshop_participants", "workshop_id"),
    ("consensus_answers", "assessment_id"),
    ("tracked_actions", "assessment_id"),
    ("action_changes", "assessment_id"),
)


def downgrade() -> None:
    """Drop the workshop and tracking tables."""
    for table, column in reversed(INDEXES):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
    for table in (
        "action_changes",
        "tracked_actions",
        "consensus_answers",
        "workshop_participants",
        "workshops",
    ):
        op.drop_table(table)
