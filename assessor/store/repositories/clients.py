"""A firm's clients; every query is scoped to the firm."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.store.models import Client
from assessor.store.records import ClientRecord


class ClientRepository:
    """The organisations a firm assesses, visible to that firm only."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def create(
        self, firm_id: int, organisation: str, *, sector: str | None = None, size: int | None = None
    ) -> ClientRecord:
        """Add a client to a firm."""
        client = Client(firm_id=firm_id, organisation=organisation, sector=sector, size=size)
        self.session.add(client)
        self.session.flush()
        return client_record(client)

    def get(self, firm_id: int, client_id: int) -> ClientRecord | None:
        """The firm's client with this id; None if there is none or it is another firm's."""
        client = self.session.scalars(
            select(Client).where(Client.id == client_id, Client.firm_id == firm_id)
        ).one_or_none()
        return client_record(client) if client else None

    def list_for_firm(self, firm_id: int) -> list[ClientRecord]:
        """The firm's clients by organisation name."""
        clients = self.session.scalars(
            select(Client).where(Client.firm_id == firm_id).order_by(Client.organisation, Client.id)
        )
        return [client_record(c) for c in clients]


def client_record(client: Client) -> ClientRecord:
    """A client row as a record."""
    return ClientRecord(
        id=client.id,
        firm_id=client.firm_id,
        organisation=client.organisation,
        sector=client.sector,
        size=client.size,
        created_at=client.created_at,
    )
