"""The first tables of the web app: firms, consultants, clients, assessments, answers, reports.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamp(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _key(name: str, table: str, referred: str) -> sa.Column[int]:
    return sa.Column(
        name,
        sa.Integer(),
        sa.ForeignKey(
            f"{referred}.id", name=op.f(f"fk_{table}_{name}_{referred}"), ondelete="CASCADE"
        ),
        nullable=False,
    )


def _status(name: str, *values: str) -> sa.Column[str]:
    return sa.Column(
        "status", sa.Enum(*values, name=name, native_enum=False, length=20), nullable=False
    )


def upgrade() -> None:
    """Create every table."""
    op.create_table(
        "firms",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        _timestamp("created_at"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("firm_id", "users", "firms"),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("api_token_hash", sa.String(64), nullable=True, unique=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        _timestamp("created_at"),
    )
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("firm_id", "clients", "firms"),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("sector", sa.String(100), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        _timestamp("created_at"),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("client_id", "assessments", "clients"),
        sa.Column("questionnaire_id", sa.String(100), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        _status("assessmentstatus", "draft", "collecting", "closed"),
        sa.Column("content_fingerprint", sa.String(64), nullable=False),
        sa.Column("result_json", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("result_fingerprint", sa.String(64), nullable=True),
        _timestamp("created_at"),
        _timestamp("updated_at"),
    )
    op.create_table(
        "respondents",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("assessment_id", "respondents", "assessments"),
        sa.Column("public_id", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        _timestamp("expires_at"),
        _timestamp("submitted_at", nullable=True),
        _timestamp("created_at"),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("respondent_id", "answers", "respondents"),
        sa.Column("question_id", sa.String(100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        _timestamp("updated_at"),
        sa.UniqueConstraint("respondent_id", "question_id"),
    )
    op.create_table(
        "report_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        _key("assessment_id", "report_jobs", "assessments"),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("cache_key", sa.String(64), nullable=False),
        _status("jobstatus", "queued", "running", "done", "failed"),
        sa.Column("error", sa.Text(), nullable=True),
        _timestamp("created_at"),
        _timestamp("finished_at", nullable=True),
    )
    op.create_table(
        "rendered_reports",
        sa.Column("cache_key", sa.String(64), primary_key=True),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        _timestamp("created_at"),
    )
    for table, column in INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


INDEXES = (
    ("users", "firm_id"),
    ("clients", "firm_id"),
    ("assessments", "client_id"),
    ("respondents", "assessment_id"),
    ("answers", "respondent_id"),
    ("report_jobs", "assessment_id"),
    ("report_jobs", "cache_key"),
)


def downgrade() -> None:
    """Drop every table, those that refer to others first."""
    for table, column in reversed(INDEXES):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
    for table in (
        "rendered_reports",
        "report_jobs",
        "answers",
        "respondents",
        "assessments",
        "clients",
        "users",
        "firms",
    ):
        op.drop_table(table)
