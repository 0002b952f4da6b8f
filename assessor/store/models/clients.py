"""The organisations a firm assesses."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from assessor.store.base import Base, UtcDateTime, utcnow


class Client(Base):
    """An organisation assessed by one firm: its sector and size in employees."""

    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    organisation: Mapped[str] = mapped_column(String(200))
    sector: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
