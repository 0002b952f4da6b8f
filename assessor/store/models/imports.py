"""Column-to-question mappings a firm saved for importing answers from a form's export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from assessor.store.base import Base, UtcDateTime, utcnow


class ImportMapping(Base):
    """A named mapping (as `services/answer_import.py` reads it), kept by a firm for reuse."""

    __tablename__ = "import_mappings"
    __table_args__ = (UniqueConstraint("firm_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    questionnaire_id: Mapped[str] = mapped_column(String(100))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    saved_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
