"""Requests as compliance records them in ``governance.subject_requests``: the identifier
stays in the warehouse, Airflow is given the request id only (a trigger conf, an XCom and a
log line live in Airflow's metadata database and its UI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import Engine, insert, select, update

from include.governance.audit import ensure_governance_tables, subject_requests
from include.governance.detect.masking import mask
from include.governance.subjects.identifiers import IdentifierKind, normalise

ANSWER_WITHIN = timedelta(days=30)  # art. 12(3): one month


class RequestType(StrEnum):
    ACCESS = "access"  # art. 15
    ERASURE = "erasure"  # art. 17


class UnknownRequest(LookupError):
    """No request with that id."""


@dataclass(frozen=True)
class SubjectRequest:
    request_id: int
    request_type: RequestType
    identifier_kind: IdentifierKind
    identifier: str = field(repr=False)  # never in a log line or an exception
    case_reference: str
    received_at: datetime
    due_at: datetime
    status: str

    @property
    def masked(self) -> str:
        """The identifier as logs and reports may show it."""
        return mask(self.identifier)


def record_request(
    engine: Engine,
    *,
    request_type: RequestType,
    identifier_kind: IdentifierKind,
    identifier: str,
    case_reference: str,
    received_at: datetime | None = None,
) -> int:
    """Record a request (the identifier normalised and checked first, nothing written when
    it is not of its kind); returns its id, the one thing the DAG is given."""
    value = normalise(identifier_kind, identifier)
    if not case_reference.strip():
        raise ValueError("a request needs a case reference")
    received = (received_at or datetime.now(UTC)).astimezone(UTC)
    ensure_governance_tables(engine)
    with engine.begin() as conn:
        return conn.execute(
            insert(subject_requests).values(
                request_type=RequestType(request_type).value,
                identifier_kind=IdentifierKind(identifier_kind).value,
                identifier=value,
                case_reference=case_reference.strip(),
                received_at=received,
                due_at=received + ANSWER_WITHIN,
                status="received",
            )
        ).inserted_primary_key[0]


def load_request(engine: Engine, request_id: int) -> SubjectRequest:
    with engine.connect() as conn:
        row = conn.execute(
            select(subject_requests).where(subject_requests.c.request_id == request_id)
        ).one_or_none()
    if row is None:
        raise UnknownRequest(f"no subject request {request_id} in governance.subject_requests")
    return SubjectRequest(
        request_id=row.request_id,
        request_type=RequestType(row.request_type),
        identifier_kind=IdentifierKind(row.identifier_kind),
        identifier=row.identifier,
        case_reference=row.case_reference,
        received_at=row.received_at.replace(tzinfo=row.received_at.tzinfo or UTC),
        due_at=row.due_at.replace(tzinfo=row.due_at.tzinfo or UTC),
        status=row.status,
    )


def set_status(engine: Engine, request_id: int, status: str, *, closed: bool = False) -> None:
    values = {"status": status, "closed_at": datetime.now(UTC) if closed else None}
    with engine.begin() as conn:
        conn.execute(
            update(subject_requests)
            .where(subject_requests.c.request_id == request_id)
            .values(**values)
        )
